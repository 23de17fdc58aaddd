package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new-user rough edges of issue #21, each through the command line. */
class NewUserTest {

    static final Path DATASETS = Path.of("..", "..", "shared", "datasets");

    @TempDir
    static Path dir;

    private static Path shared(String relative) {
        Path p = DATASETS.resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "shared datasets not beside the checkout");
        return p;
    }

    // ---- 1. describe counts missing values instead of stopping at the first ------------------------------

    @Test
    void describeCountsMissingValuesWithoutMissingOption() throws IOException {
        Path data = Files.writeString(dir.resolve("gaps.csv"), """
                age,work,hours,y
                39, State-gov,40,no
                50, ?,13,no
                38, Private,,yes
                53, ?,40,no
                28, Private,NA,yes
                61, Self-emp,50,yes
                """);
        CliRun r = CliRun.of("describe", data.toString(), "--label", "y", "--positive", "yes");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 rows, 3 feature columns");
        assertThat(r.out().lines().filter(l -> l.startsWith("work ")).findFirst().orElseThrow())
                .matches("work\\s+categorical\\s+2\\s.*");
        assertThat(r.out().lines().filter(l -> l.startsWith("hours ")).findFirst().orElseThrow())
                .matches("hours\\s+numeric\\s+2\\s.*");
        assertThat(r.out()).contains("warning: 4 missing values in 2 columns ('work' 2, 'hours' 2); training refuses "
                + "them unless --missing drop, mean, median or most-frequent");
        // --missing drop still drops the rows, as asked
        CliRun dropped = CliRun.of("describe", data.toString(), "--label", "y", "--positive", "yes", "--missing", "drop");
        assertThat(dropped.exitCode()).as(dropped.err()).isZero();
        assertThat(dropped.out()).contains("2 rows, 3 feature columns").doesNotContain("missing values in");
    }

    @Test
    void describeReadsTheAdultTrainingFileWithItsQuestionMarks() {
        Path adult = shared("adult_income/adult-train.csv");
        CliRun r = CliRun.of("describe", adult.toString(), "--no-header", "--label", "14", "--positive", " >50K");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("32561 rows, 14 feature columns").contains("7841 positive");
        assertThat(r.out()).contains("missing values in 3 columns ('1' 1836, '6' 1843, '13' 583)");
    }
}
