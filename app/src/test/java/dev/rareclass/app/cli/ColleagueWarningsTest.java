package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings a careful colleague would give: a model no better than chance, and an evaluation on its training file. */
class ColleagueWarningsTest {

    @TempDir
    Path dir;

    private Path table(String name, long seed, boolean informative) throws Exception {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 800; i++) {
            boolean positive = r.nextDouble() < 0.15;
            double a = r.nextGaussian() + (informative && positive ? 2.5 : 0);
            sb.append(a).append(',').append(r.nextGaussian()).append(',').append(positive ? 1 : 0).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    @Test
    void aModelNoBetterThanChanceIsPointedOut() throws Exception {
        Path noise = table("noise.csv", 1, false);
        CliRun run = CliRun.of("train", noise.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", dir.resolve("noise.model").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: validation ROC-AUC").contains("barely tells the classes apart");
        Path signal = table("signal.csv", 1, true);
        CliRun good = CliRun.of("train", signal.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", dir.resolve("signal.model").toString());
        assertThat(good.exitCode()).isZero();
        assertThat(good.err()).doesNotContain("warning");
    }

    @Test
    void evaluatingOnTheTrainingFileIsPointedOut() throws Exception {
        Path train = table("train.csv", 2, true);
        Path other = table("other.csv", 3, true);
        Path model = dir.resolve("m.model");
        assertThat(CliRun.of("train", train.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", model.toString(), "-q").exitCode()).isZero();
        CliRun same = CliRun.of("evaluate", model.toString(), train.toString());
        assertThat(same.exitCode()).isZero();
        assertThat(same.err()).contains("is the very file this model was trained on");
        CliRun fresh = CliRun.of("evaluate", model.toString(), other.toString());
        assertThat(fresh.exitCode()).isZero();
        assertThat(fresh.err()).doesNotContain("trained on");
    }

    /** Cross-validation on a table with few positives says so, even under --quiet, and counts them per part. */
    @Test
    void testPartsWithFewPositivesArePointedOut() throws Exception {
        Path data = table("small.csv", 4, true); // about 120 positives
        CliRun ten = CliRun.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models", "logistic",
                "--folds", "20", "-q");
        assertThat(ten.exitCode()).as(ten.err()).isZero();
        assertThat(ten.err()).startsWith("warning: test parts hold few positives (").contains("use fewer folds");
        CliRun three = CliRun.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models", "logistic",
                "--folds", "3");
        assertThat(three.err()).contains("note: positives per test part: ").doesNotContain("warning");
    }
}
