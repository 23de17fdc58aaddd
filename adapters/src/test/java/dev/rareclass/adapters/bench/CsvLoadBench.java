package dev.rareclass.adapters.bench;

import dev.rareclass.adapters.csv.CsvTableSource;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Table;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a CSV with the real {@link CsvTableSource} and prints rows, columns and seconds (scripts/bench/csv/run.sh).
 * Usage: CsvLoadBench FILE LABEL POSITIVE
 */
public final class CsvLoadBench {

    private CsvLoadBench() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Table t = new CsvTableSource().read(DataOptions.labelled(Path.of(args[0]), args[1], args[2]));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "rareclass CsvTableSource %.2fs rows %d cols %d positives %d%n", seconds, t.rows(),
                t.columns().size(), t.requireLabels().positives());
    }
}
