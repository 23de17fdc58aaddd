package dev.rareclass.app.cli;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.SyntheticRareEvents;
import dev.rareclass.domain.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link SyntheticRareEvents} table as a CSV file for tests that drive the command line. */
public final class GeneratedCsv {

    private GeneratedCsv() {
    }

    /**
     * Generates {@code SyntheticRareEvents.generate(rows, features, informative, positiveRate, seed)} and writes it
     * to {@code file}: the header line, then each row's features followed by its label.
     *
     * @param header   the header line, without the newline (feature columns, then the label column)
     * @param positive what a positive row's label is written as
     * @param negative what a negative row's label is written as
     * @return {@code file}
     */
    public static Path write(Path file, int rows, int features, int informative, double positiveRate, long seed,
            String header, String positive, String negative) throws IOException {
        Table t = SyntheticRareEvents.generate(rows, features, informative, positiveRate, seed);
        FeatureMatrix x = t.numericMatrix();
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < features; c++) {
                sb.append(x.get(r, c)).append(',');
            }
            sb.append(t.requireLabels().get(r) == 1 ? positive : negative).append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }
}
