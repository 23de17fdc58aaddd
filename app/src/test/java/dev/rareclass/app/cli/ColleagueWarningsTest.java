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

    /**
     * Every evaluation reports 95% bootstrap intervals and the top of the ranking. Reference, scikit-learn 1.2.1 on the
     * same 2,000 rows (y = 1 when i*37 mod 100 < 3, p = round(((i*7919) mod 1000)/1000*0.6 + 0.4*y, 3)):
     * average_precision_score 0.7286173986063159, roc_auc_score 0.945274914089347; the intervals cover both.
     */
    @Test
    void scoreReportsIntervalsCoveringScikitLearnsValuesAndTheTopOfTheRanking() throws Exception {
        StringBuilder sb = new StringBuilder("y,p\n");
        for (int i = 0; i < 2000; i++) {
            int y = (i * 37) % 100 < 3 ? 1 : 0;
            double p = Math.round((((i * 7919) % 1000) / 1000.0 * 0.6 + 0.4 * y) * 1000) / 1000.0;
            sb.append(y).append(',').append(p).append('\n');
        }
        Path file = Files.writeString(dir.resolve("scores.csv"), sb);
        CliRun run = CliRun.of("score", file.toString(), "--label", "y", "--score", "p", "--positive", "1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(json.path("pr_auc").doubleValue()).isCloseTo(0.7286173986063159,
                org.assertj.core.data.Offset.offset(1e-12));
        var pr = json.path("intervals_95").path("pr_auc");
        assertThat(pr.get(0).doubleValue()).isLessThan(0.7286173986063159);
        assertThat(pr.get(1).doubleValue()).isGreaterThan(0.7286173986063159);
        var roc = json.path("intervals_95").path("roc_auc");
        assertThat(roc.get(0).doubleValue()).isLessThan(0.945274914089347);
        assertThat(roc.get(1).doubleValue()).isGreaterThan(0.945274914089347);
        assertThat(json.path("top_shares")).hasSize(3);
        assertThat(json.path("top_shares").get(0).path("rows").intValue()).isGreaterThanOrEqualTo(20);
        CliRun text = CliRun.of("score", file.toString(), "--label", "y", "--score", "p", "--positive", "1");
        assertThat(text.out()).contains("(95% interval ").contains("Top of the ranking").contains("top 5%");
    }
}
