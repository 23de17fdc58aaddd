package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.metrics.ConfusionCounts;
import org.junit.jupiter.api.Test;

/** {@link Evaluation#oneClassWarning}: one warning for a table of one class, either one, and none for two. */
class OneClassWarningTest {

    private static final LabelMapping READ = new LabelMapping("label", "yes", "no");

    @Test
    void aTableOfPositivesSaysWhatIsUndefinedAndHowManyPositivesWereCaught() {
        assertThat(Evaluation.oneClassWarning("frauds.csv", READ, new ConfusionCounts(37, 0, 0, 3))).contains(
                "warning: frauds.csv holds no negative row ('yes' in column 'label' on every row): specificity, "
                        + "g_mean, pr_auc and roc_auc are undefined (n/a; pr_auc would be 1 for any scores); every "
                        + "row is a positive to catch: caught 37 of 40 positives (recall 0.9250)");
        // every row caught: the G-mean is imbalanced-learn's 1 (only the positives present, all found)
        assertThat(Evaluation.oneClassWarning("frauds.csv", READ, new ConfusionCounts(40, 0, 0, 0)).orElseThrow())
                .contains("specificity, pr_auc and roc_auc are undefined").endsWith("caught 40 of 40 positives "
                        + "(recall 1.0000)");
    }

    @Test
    void aTableOfNegativesSaysHowManyFalseAlarms() {
        assertThat(Evaluation.oneClassWarning("month.csv", READ, new ConfusionCounts(0, 2, 118, 0))).contains(
                "warning: month.csv holds no positive row ('yes' never occurs in column 'label'): recall, g_mean, "
                        + "pr_auc and roc_auc are undefined (n/a); every flagged row is a false alarm: 2 of 120 "
                        + "flagged (false-positive rate 0.0167)");
    }

    @Test
    void aTableOfBothClassesIsNotWarnedOf() {
        assertThat(Evaluation.oneClassWarning("both.csv", READ, new ConfusionCounts(1, 2, 3, 4))).isEmpty();
    }
}
