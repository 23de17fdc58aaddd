package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.metrics.ConfusionCounts;
import org.junit.jupiter.api.Test;

/** {@link Evaluation#oneClassWarning}: one warning for a table of one class, either one, and none for two. */
class OneClassWarningTest {

    private static final LabelMapping READ = new LabelMapping("label", "yes", "no");

    @Test
    void aTableOfPositivesSaysWhichNumbersAreConventionsAndHowManyPositivesWereCaught() {
        assertThat(Evaluation.oneClassWarning("frauds.csv", READ, new ConfusionCounts(37, 0, 0, 3))).contains(
                "warning: frauds.csv holds no negative row ('yes' in column 'label' on every row): roc_auc is n/a, "
                        + "specificity, mcc and g_mean are 0 only by scikit-learn's and imbalanced-learn's convention "
                        + "for a ratio without a denominator (zero_division), and pr_auc is 1 for any scores; every row "
                        + "is a positive to catch: caught 37 of 40 positives (recall 0.9250)");
        // every row caught: the G-mean is imbalanced-learn's 1 (only the positives present, all found)
        assertThat(Evaluation.oneClassWarning("frauds.csv", READ, new ConfusionCounts(40, 0, 0, 0)).orElseThrow())
                .contains("roc_auc is n/a, specificity and mcc are 0 only by").endsWith("caught 40 of 40 positives "
                        + "(recall 1.0000)");
        // none caught: precision, f1 and f_beta have no denominator either
        assertThat(Evaluation.oneClassWarning("frauds.csv", READ, new ConfusionCounts(0, 0, 0, 40)).orElseThrow())
                .contains("roc_auc is n/a, precision, f1, f_beta, specificity, mcc and g_mean are 0 only by");
    }

    @Test
    void aTableOfNegativesSaysWhichNumbersAreConventionsAndHowManyFalseAlarms() {
        assertThat(Evaluation.oneClassWarning("month.csv", READ, new ConfusionCounts(0, 2, 118, 0))).contains(
                "warning: month.csv holds no positive row ('yes' never occurs in column 'label'): roc_auc is n/a, "
                        + "and recall, f1, f_beta, mcc, g_mean and pr_auc are 0 only by scikit-learn's and "
                        + "imbalanced-learn's convention for a ratio without a denominator (zero_division); every "
                        + "flagged row is a false alarm: 2 of 120 flagged (false-positive rate 0.0167)");
        // nothing flagged: precision has no denominator either, and the G-mean is imbalanced-learn's 1 (only the
        // negatives present, all passed)
        assertThat(Evaluation.oneClassWarning("month.csv", READ, new ConfusionCounts(0, 0, 120, 0)).orElseThrow())
                .contains("and precision, recall, f1, f_beta, mcc and pr_auc are 0 only by");
    }

    @Test
    void aTableOfBothClassesIsNotWarnedOf() {
        assertThat(Evaluation.oneClassWarning("both.csv", READ, new ConfusionCounts(1, 2, 3, 4))).isEmpty();
    }
}
