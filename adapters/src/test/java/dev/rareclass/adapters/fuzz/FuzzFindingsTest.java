package dev.rareclass.adapters.fuzz;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.adapters.format.FormatTableSource;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Regression tests for what fuzzing found (the inputs also stay in the fuzz seed corpus). */
class FuzzFindingsTest {

    @TempDir
    Path dir;

    /** 56 bytes naming feature 20,000,516 in 6 rows: took 60 s and 4.4 GB before MAX_FEATURES. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aTinyLibSvmFileWithAHugeFeatureIndexIsRefusedAtOnce() throws IOException {
        Path p = dir.resolve("finding.libsvm");
        try (InputStream in = getClass().getResourceAsStream(
                "ReaderFuzzTestInputs/libsvm/finding-tiny-file-huge-feature-index")) {
            Files.copy(in, p);
        }
        assertThatThrownBy(() -> new FormatTableSource().read(DataOptions.labelled(p, "label", "1")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("finding.libsvm, line 6")
                .hasMessageContaining("more than 100,000 columns");
    }
}
