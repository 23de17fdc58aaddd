package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search space's real-number range ({@code uniform}, {@code log-uniform}) on a parameter that takes whole numbers
 * was refused only once drawn, quoting a value the space never wrote ("parameter trees=39.6626 is not an integer").
 * It is now refused before any trial (exit 2), naming the parameter, saying it is an integer, and giving the
 * {@code int} range to write instead.
 */
class TuneSpaceIntegerRangeTest {

    @TempDir
    static Path dir;

    static Path table;

    @BeforeAll
    static void write() throws IOException {
        table = SmallTable.writeNumeric(dir.resolve("t.csv"));
    }

    private static InProcessCli tune(String model, String space) throws IOException {
        Path file = Files.writeString(dir.resolve(model.replace('@', '-') + space.hashCode() + ".yaml"), space);
        return InProcessCli.run("tune", table.toString(), "--label", "y", "--positive", "1", "--model", model,
                "--space", file.toString(), "--trials", "2", "--folds", "2", "--quiet");
    }

    @Test
    void aUniformRangeOnAnIntegerParameterIsRefusedUpFrontNamingIt() throws IOException {
        InProcessCli r = tune("random-forest", "trees: {uniform: [10, 50]}\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).endsWith("trees is an integer parameter, but {uniform: [10, 50]} draws numbers "
                + "with decimals; use {int: [10, 50]} or a list of values");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).doesNotContainPattern("trees=\\d+\\.\\d").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aLogUniformRangeOnAnIntegerParameterIsRefusedWithTheWholeNumbersInIt() throws IOException {
        InProcessCli r = tune("random-forest", "mtry: [1, 2]\nmax-depth: {log-uniform: [2.5, 9]}\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("max-depth is an integer parameter, but {log-uniform: [2.5, 9]} draws numbers "
                + "with decimals; use {int: [3, 9]} or a list of values");
    }

    @Test
    void aUniformRangeOnARealParameterStillTunes() throws IOException {
        InProcessCli r = tune("logistic", "lambda: {uniform: [0.5, 2]}\n");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Best parameters: {lambda=");
    }

    @Test
    void aRealParameterWhoseRangeTheSpaceOvershootsIsNotCalledAnInteger() throws IOException {
        // subsample takes (0, 1]: 1 is taken, 0.875 too, so the refusal is of the values above 1, as before
        InProcessCli r = tune("random-forest", "subsample: {uniform: [0.5, 2]}\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("subsample").doesNotContain("integer parameter");
    }

    @Test
    void aRangeReachingPastWhatItsParameterTakesIsRefusedQuotingTheEndAsWritten() throws IOException {
        // xgboost's lambda ends at 1e38: the refusal quoted a drawn 2.52338e+228, and a space mostly inside passed or
        // failed by the seed's luck
        InProcessCli r = tune("gradient-boosting@xgboost", "lambda: {log-uniform: [1, 1e308]}\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).endsWith("lambda: {log-uniform: [1, 1e308]} reaches values lambda does not take: "
                + "parameter lambda=1e308 is out of range [0, 1e38]");
        assertThat(r.err().lines().count()).isEqualTo(1);
        InProcessCli ints = tune("knn", "k: {int: [-5, -1]}\n");
        assertThat(ints.exitCode()).isEqualTo(2);
        assertThat(ints.err().strip()).endsWith("k: {int: [-5, -1]} reaches values k does not take: parameter k=-5 is "
                + "out of range [1, 100000]");
        InProcessCli overshoot = tune("random-forest", "subsample: {uniform: [0.5, 2]}\n");
        assertThat(overshoot.err()).contains("subsample: {uniform: [0.5, 2]} reaches values subsample does not take: "
                + "parameter subsample=2 ");
    }

    @Test
    void aRealRangeWhoseEndIsExcludedButNeverDrawnStillTunes() throws IOException {
        // subsample takes (0, 1]: 0 is refused, but a uniform draw is never exactly 0
        InProcessCli r = tune("random-forest", "subsample: {uniform: [0, 1]}\n");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Best parameters: {subsample=");
    }
}
