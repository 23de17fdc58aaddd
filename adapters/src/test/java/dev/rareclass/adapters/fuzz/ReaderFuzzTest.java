package dev.rareclass.adapters.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rareclass.adapters.format.FormatTableSource;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.RareclassException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz targets for the CSV, ARFF and LibSVM readers: any bytes must either read or fail with one of the
 * domain's {@link RareclassException}s; every other exception (and any Error) is a finding. In a normal
 * build these run once per seed in {@code src/test/resources/dev/rareclass/adapters/fuzz/ReaderFuzzTestInputs};
 * {@code scripts/fuzz} runs them with {@code JAZZER_FUZZ=1} for a bounded time each.
 */
class ReaderFuzzTest {

    private static final FormatTableSource SOURCE = new FormatTableSource();
    private static final Path DIR = FuzzFiles.folder("rareclass-fuzz");

    @FuzzTest(maxDuration = "60s")
    void csv(byte[] data) throws IOException {
        read(data, "in.csv", "y", "1");
    }

    @FuzzTest(maxDuration = "60s")
    void tsv(byte[] data) throws IOException {
        read(data, "in.tsv", "y", "1");
    }

    @FuzzTest(maxDuration = "60s")
    void arff(byte[] data) throws IOException {
        read(data, "in.arff", "y", "1");
    }

    @FuzzTest(maxDuration = "60s")
    void libsvm(byte[] data) throws IOException {
        read(data, "in.libsvm", "label", "1");
    }

    private static void read(byte[] data, String name, String label, String positive) throws IOException {
        Path p = DIR.resolve(Thread.currentThread().threadId() + "-" + name);
        Files.write(p, data);
        try {
            for (DataOptions o : new DataOptions[] {DataOptions.labelled(p, label, positive),
                    DataOptions.labelled(p, label, positive).withMissing(MissingPolicy.MEAN)}) {
                try {
                    SOURCE.read(o);
                } catch (RareclassException expected) {
                    // a refusal with a message is the correct answer to bad input
                }
            }
            try {
                SOURCE.readOptionallyLabelled(DataOptions.labelled(p, label, positive));
            } catch (RareclassException expected) {
                // as above
            }
        } finally {
            Files.deleteIfExists(p);
        }
    }
}
