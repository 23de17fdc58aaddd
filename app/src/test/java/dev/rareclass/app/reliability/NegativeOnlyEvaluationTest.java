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
 * It was refused ("positive value '1' never occurs", exit 65); now it gives the metrics that are defined, shows recall,
 * g_mean, pr_auc and roc_auc as undefined ({@code n/a} on screen, {@code null} in JSON: scikit-learn warns and fills in
 * 0, which would read as "found none"), and warns once.
 */
class NegativeOnlyEvaluationTest {

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
    void aTableOfNegativesIsEvaluatedWithTheUndefinedMetricsShownAsSuch() throws IOException {
        Path json = dir.resolve("eval.json");
        Path report = dir.resolve("eval.html");
        InProcessCli r = InProcessCli.run("evaluate", model.toString(), negatives.toString(), "--json", json.toString(),
                "--report", report.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: " + negatives + " holds no positive row ('1' never occurs in column 'y')")
                .contains("pr_auc and roc_auc are undefined (n/a)").doesNotContain("Exception");
        assertThat(r.err().lines().filter(l -> l.contains("no positive row")).count()).isEqualTo(1);
        assertThat(r.out()).containsPattern("recall +n/a").containsPattern("pr_auc +n/a")
                .containsPattern("roc_auc +n/a").containsPattern("specificity +0\\.\\d{4}")
                .containsPattern("flagged +\\d+ of 120 rows, all false alarms");
        assertThat(report).exists();

        JsonNode e = new ObjectMapper().readTree(json.toFile());
        assertThat(e.get("recall").isNull()).isTrue();
        assertThat(e.get("pr_auc").isNull()).isTrue();
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
        assertThat(e.get("classification_report").get(1).get("recall").isNull()).isTrue();
        assertThat(e.get("classification_report").get(1).get("support").asLong()).isZero();
        e.get("top_shares").forEach(t -> assertThat(t.get("recall").isNull()).isTrue());
        // no "NaN" strings (the ROC curve's true positive rates were written so)
        assertThat(Files.readString(json)).doesNotContain("NaN");
    }

    /**
     * The opposite table, positives only, is evaluated without that warning, and its report names the negative class
     * as the model knows it ('0', with support 0), not 'not 1': the table writes no negative value of its own. The
     * Spark engine names it so too.
     */
    @Test
    void aTableOfPositivesNamesTheNegativeClassAsTheModelDoes() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,color,y\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i % 7).append('.').append(i % 10).append(',').append((i * 13) % 11).append(",red,1\n");
        }
        Path positives = Files.writeString(dir.resolve("positives.csv"), sb);
        Path json = dir.resolve("positives.json");
        InProcessCli r = InProcessCli.run("evaluate", model.toString(), positives.toString(), "--json",
                json.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("warning");
        assertThat(r.out()).containsPattern("roc_auc +n/a").containsPattern("\\n +0 +0\\.00 +0\\.00 +0\\.00 +0\\n")
                .doesNotContain("not 1").doesNotContain("flagged");
        JsonNode e = new ObjectMapper().readTree(json.toFile());
        assertThat(e.get("classification_report").get(0).get("class").asText()).isEqualTo("0");
        assertThat(e.get("classification_report").get(0).get("support").asLong()).isZero();
        assertThat(e.get("roc_auc").isNull()).isTrue();
    }

    @Test
    void trainStillRefusesATableOfNegatives() {
        InProcessCli r = InProcessCli.run("train", negatives.toString(), "--label", "y", "--positive", "1",
                "--model", "logistic", "--out", dir.resolve("never.model").toString());
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("positive value '1' never occurs in label column 'y'");
    }
}
