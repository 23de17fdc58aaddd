package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} of a labelled table without a positive row (a month of negatives: a fair check of false alarms).
 * It was refused ("positive value '1' never occurs", exit 65); now it gives every metric as scikit-learn does (PRODUCT.md
 * §4: recall and pr_auc 0, its zero_division; roc_auc, which scikit-learn refuses, {@code n/a} on screen and
 * {@code null} in JSON), and one warning says which of those numbers are conventions rather than measurements. A table
 * without a negative row is its mirror image.
 */
class NegativeOnlyEvaluationTest {

    /** How the warnings name scikit-learn's zeros. */
    private static final String ZERO_DIVISION = "scikit-learn's and imbalanced-learn's convention for a ratio without a "
            + "denominator (zero_division)";

    @TempDir
    static Path dir;

    static Path model;
    static Path negatives;

    @BeforeAll
    static void trainAndWriteNegatives() throws IOException {
        model = SmallTable.trainLogistic(SmallTable.write(dir.resolve("train.csv")), dir.resolve("m.model"));
        StringBuilder sb = new StringBuilder("a,b,color,y\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < 120; i++) {
            sb.append(i % 7).append('.').append(i % 10).append(',').append((i * 13) % 11).append(',')
                    .append(colors[i % 3]).append(",0\n");
        }
        negatives = Files.writeString(dir.resolve("month.csv"), sb);
    }

    @Test
    void aTableOfNegativesIsEvaluatedAsScikitLearnWouldWithOneWarning() throws IOException {
        Path json = dir.resolve("eval.json");
        Path report = dir.resolve("eval.html");
        InProcessCli r = InProcessCli.run("evaluate", model.toString(), negatives.toString(), "--json", json.toString(),
                "--report", report.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: " + negatives + " holds no positive row ('1' never occurs in column 'y')")
                .contains("roc_auc is n/a, and recall, f1, f_beta, mcc, g_mean and pr_auc are 0 only by "
                        + "%s".formatted(ZERO_DIVISION)).doesNotContain("Exception");
        assertThat(r.err().lines().filter(l -> l.contains("no positive row")).count()).isEqualTo(1);
        assertThat(r.out()).containsPattern("recall +0\\.0000").containsPattern("pr_auc +0\\.0000")
                .containsPattern("roc_auc +n/a").containsPattern("specificity +0\\.\\d{4}")
                .containsPattern("flagged +\\d+ of 120 rows, all false alarms");
        // the report says it too (its summary and Markdown), and draws no curve that divides by the positives
        String page = Files.readString(report);
        assertThat(page).contains(negatives + " holds no positive row").doesNotContain("id=\"chart-roc\"")
                .doesNotContain("id=\"chart-gain\"").contains("id=\"chart-scores\"");
        assertThat(Files.readString(dir.resolve("eval.md"))).contains("**Warning:** " + negatives + " holds no positive row");

        JsonNode e = new ObjectMapper().readTree(json.toFile());
        assertThat(e.get("warnings")).hasSize(1);
        assertThat("warning: " + e.get("warnings").get(0).asText()).isEqualTo(r.err().lines()
                .filter(l -> l.contains("no positive row")).findFirst().orElseThrow());
        assertThat(e.get("recall").asDouble()).isZero();
        assertThat(e.get("pr_auc").asDouble()).isZero();
        assertThat(e.get("roc_auc").isNull()).isTrue();
        assertThat(e.get("tp").asLong()).isZero();
        assertThat(e.get("fn").asLong()).isZero();
        long fp = e.get("fp").asLong();
        long tn = e.get("tn").asLong();
        assertThat(fp + tn).isEqualTo(120);
        // the defined ones as scikit-learn gives them with no positive: accuracy = specificity = balanced accuracy
        assertThat(e.get("specificity").asDouble()).isEqualTo((double) tn / 120);
        assertThat(e.get("accuracy").asDouble()).isEqualTo((double) tn / 120);
        assertThat(e.get("balanced_accuracy").asDouble()).isEqualTo((double) tn / 120);
        assertThat(e.get("mcc").asDouble()).isZero();
        assertThat(e.get("classification_report").get(1).get("recall").asDouble()).isZero();
        assertThat(e.get("classification_report").get(1).get("support").asLong()).isZero();
        e.get("top_shares").forEach(t -> assertThat(t.get("recall").asDouble()).isZero());
        // no "NaN" strings (the ROC curve's true positive rates were written so)
        assertThat(Files.readString(json)).doesNotContain("NaN");
    }

    /**
     * The opposite table, positives only (last month's confirmed frauds: how many does the model catch?), is the
     * mirror image: specificity 0 and g_mean 0 (imbalanced-learn's zero_division, as rows are left unflagged), pr_auc 1
     * for any scores, roc_auc n/a; one warning says which of these measure nothing, with the caught count, and the text
     * says it again. Its report names the negative class as the model knows it ('0', with support 0), not 'not 1': the
     * table writes no negative value of its own. The Spark engine names it so too.
     */
    @Test
    void aTableOfPositivesIsEvaluatedAsScikitLearnWouldWithOneWarning() throws IOException {
        Path json = dir.resolve("positives.json");
        Path report = dir.resolve("positives.html");
        // a model with a signal (the small table's has none and flags every row): it misses some of the 40
        StringBuilder train = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 300; i++) {
            int y = (i % 10 >= 8) != (i % 23 == 0) ? 1 : 0;
            train.append(i % 10).append('.').append(i % 7).append(',').append((i * 13) % 11).append(',').append(y)
                    .append('\n');
        }
        Path caught = dir.resolve("signal.model");
        InProcessCli t = InProcessCli.run("train", Files.writeString(dir.resolve("signal.csv"), train).toString(),
                "--label", "y", "--positive", "1", "--model", "logistic", "--out", caught.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i % 8 == 0 ? 2 : 9).append('.').append(i % 7).append(',').append((i * 13) % 11).append(",1\n");
        }
        Path positives = Files.writeString(dir.resolve("frauds.csv"), sb);
        InProcessCli r = InProcessCli.run("evaluate", caught.toString(), positives.toString(), "--json",
                json.toString(), "--report", report.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode e = new ObjectMapper().readTree(json.toFile());
        long tp = e.get("tp").asLong();
        assertThat(e.get("fn").asLong()).as("a model that misses some, so g_mean is a convention too").isPositive();
        assertThat(r.err().lines().filter(l -> l.startsWith("warning")).toList()).containsExactly(String.format(
                java.util.Locale.ROOT, "warning: %s holds no negative row ('1' in column 'y' on every row): roc_auc "
                        + "is n/a, specificity, mcc and g_mean are 0 only by %s, and pr_auc is 1 for any scores; every "
                        + "row is a positive to catch: caught %d of 40 positives (recall %.4f)", positives, ZERO_DIVISION,
                tp, tp / 40.0));
        assertThat(r.out()).containsPattern("specificity +0\\.0000").containsPattern("g_mean +0\\.0000")
                .containsPattern("pr_auc +1\\.0000").containsPattern("roc_auc +n/a")
                .containsPattern(String.format(java.util.Locale.ROOT, "recall +%.4f", tp / 40.0))
                .contains(String.format(java.util.Locale.ROOT, "caught             %d of 40 positives (recall %.4f)",
                        tp, tp / 40.0))
                .containsPattern("\\n +0 +0\\.00 +0\\.00 +0\\.00 +0\\n")
                .doesNotContain("not 1").doesNotContain("flagged").doesNotContain("Exception");
        assertThat(Files.readString(report)).contains("n/a").contains(positives + " holds no negative row")
                .doesNotContain("id=\"chart-roc\"").contains("id=\"chart-threshold\"");

        assertThat(e.get("specificity").asDouble()).isZero();
        assertThat(e.get("g_mean").asDouble()).isZero();
        assertThat(e.get("pr_auc").asDouble()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12)); // a sum of steps
        assertThat(e.get("roc_auc").isNull()).isTrue();
        assertThat(e.get("fp").asLong() + e.get("tn").asLong()).isZero();
        // the defined ones as scikit-learn gives them with no negative: accuracy = recall = balanced accuracy
        // (balanced_accuracy_score leaves out the class absent from y_true), precision 1, mcc 0
        assertThat(e.get("recall").asDouble()).isEqualTo(tp / 40.0);
        assertThat(e.get("accuracy").asDouble()).isEqualTo(tp / 40.0);
        assertThat(e.get("balanced_accuracy").asDouble()).isEqualTo(tp / 40.0);
        assertThat(e.get("precision").asDouble()).isEqualTo(1.0);
        assertThat(e.get("mcc").asDouble()).isZero();
        assertThat(e.get("classification_report").get(0).get("class").asText()).isEqualTo("0");
        assertThat(e.get("classification_report").get(0).get("support").asLong()).isZero();
        assertThat(e.get("classification_report").get(0).get("recall").asDouble()).isZero();
        assertThat(Files.readString(json)).doesNotContain("NaN");
    }

    /**
     * Every row caught: g_mean is then imbalanced-learn's 1 (the one class present, all found) and left out of the
     * warning, which says the rest as above.
     */
    @Test
    void aTableOfPositivesAllCaughtKeepsTheGMean() throws IOException {
        Path json = dir.resolve("all-caught.json");
        InProcessCli r = InProcessCli.run("evaluate", model.toString(), positives().toString(), "--json",
                json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("holds no negative row ('1' in column 'y' on every row): roc_auc is n/a, "
                + "specificity and mcc are 0 only by " + ZERO_DIVISION + ", and pr_auc is 1 for any scores; every row is "
                + "a positive to catch: caught 40 of 40 positives (recall 1.0000)");
        assertThat(r.out()).containsPattern("g_mean +1\\.0000").containsPattern("specificity +0\\.0000");
        JsonNode e = new ObjectMapper().readTree(json.toFile());
        assertThat(e.get("g_mean").asDouble()).isEqualTo(1.0);
        assertThat(e.get("specificity").asDouble()).isZero();
    }

    /** 40 rows of the training table's pattern, every one labelled positive (the small table's model flags all). */
    private static Path positives() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,color,y\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < 40; i++) {
            sb.append(i % 7).append('.').append(i % 10).append(',').append((i * 13) % 11).append(',')
                    .append(colors[i % 3]).append(",1\n");
        }
        return Files.writeString(dir.resolve("positives.csv"), sb);
    }

    @Test
    void trainStillRefusesATableOfNegatives() {
        InProcessCli r = InProcessCli.run("train", negatives.toString(), "--label", "y", "--positive", "1",
                "--model", "logistic", "--out", dir.resolve("never.model").toString());
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("positive value '1' never occurs in label column 'y'");
    }

    @Test
    void trainStillRefusesATableOfPositives() throws IOException {
        InProcessCli r = InProcessCli.run("train", positives().toString(), "--label", "y", "--positive", "1",
                "--model", "logistic", "--out", dir.resolve("never.model").toString());
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("the label column has only positive rows; training needs both classes")
                .doesNotContain("Exception");
        assertThat(dir.resolve("never.model")).doesNotExist();
    }
}
