package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rareclass.app.wiring.InstalledEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --engine spark} as a user runs it, in {@code local[2]}: the leaderboard and the report folder as the
 * in-memory engine writes them, and the usage errors the Spark engine adds. The Spark engine is on the test class
 * path only with {@code -Pspark} ({@code ./scripts/test} sets it); without it the engine-dependent tests are skipped
 * and the "not installed" message is checked instead.
 */
class SparkEngineCliTest {

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void table() throws Exception {
        data = GeneratedCsv.write(dir.resolve("events.csv"), 1_500, 6, 4, 0.08, 11,
                "a,b,c,d,e,f,label", "yes", "no");
    }

    static boolean sparkInstalled() {
        return new InstalledEngines().installed().contains("spark");
    }

    @Test
    void comparesOnSparkAndWritesTheReportAsInMemory() throws Exception {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        Path report = dir.resolve("report");
        CliRun run = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "spark", "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=4",
                "--models", "logistic,random-forest", "--param", "random-forest.trees=15", "--folds", "3",
                "--report", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("logistic@spark").contains("random-forest@spark")
                .contains("stratified 3-fold");
        assertThat(run.err()).contains("1,500 rows").doesNotContain("Exception");
        assertThat(report.resolve("leaderboard.csv")).exists();
        assertThat(report.resolve("report.html")).exists();
        assertThat(Files.readString(report.resolve("results.json"))).contains("\"spark\"");
        assertThat(Files.readString(report.resolve("report.html"))).contains("Spark 4.2.0, master local[2]");
    }

    @Test
    void refusesWhatTheSparkEngineDoesNotDoInOneLine() {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        CliRun inMemoryModel = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "spark", "--master", "local[1]", "--models", "logistic@smile");
        assertThat(inMemoryModel.exitCode()).isEqualTo(2);
        assertThat(inMemoryModel.err().strip()).contains("logistic@smile runs in memory").doesNotContain("\n");
        CliRun smote = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "spark", "--master", "local[1]", "--models", "logistic", "--samplers", "smote");
        assertThat(smote.exitCode()).isEqualTo(2);
        assertThat(smote.err()).contains("smote").contains("random-under, random-over");
        CliRun missing = CliRun.of("compare", dir.resolve("absent.csv").toString(), "--label", "label",
                "--positive", "yes", "--engine", "spark", "--master", "local[1]", "--models", "logistic");
        assertThat(missing.exitCode()).isEqualTo(66);
        assertThat(missing.err()).contains("absent.csv").doesNotContain("Exception");
    }

    @Test
    void sparkOptionsWithoutTheSparkEngineAreUsageErrors() {
        CliRun master = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--master", "local[2]");
        assertThat(master.exitCode()).isEqualTo(2);
        assertThat(master.err()).contains("--master local[2] needs --engine spark");
        CliRun unknown = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "dask");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--engine dask: engines are memory and spark");
    }

    @Test
    void withoutTheSparkEngineTheMessageSaysHowToGetIt() {
        assumeTrue(!sparkInstalled(), "the Spark engine is installed here");
        CliRun run = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "spark");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the Spark engine is not installed here").contains("--engine spark");
    }
}
