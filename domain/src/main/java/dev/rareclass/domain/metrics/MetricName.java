package dev.rareclass.domain.metrics;

import dev.rareclass.domain.error.UsageException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The binary-classification metrics rareclass reports, each with the stable external key used by the CLI,
 * JSON output and reports.
 *
 * <p>Keys are part of the external contract: renaming one breaks saved reports and scripts, so add new
 * constants rather than changing existing keys.
 */
public enum MetricName {
    /** Fraction of correct predictions, {@code sklearn.metrics.accuracy_score}. */
    ACCURACY("accuracy", true),
    /** Mean of per-class recall, {@code sklearn.metrics.balanced_accuracy_score}. */
    BALANCED_ACCURACY("balanced_accuracy", true),
    /** Positive predictive value of the positive class. */
    PRECISION("precision", true),
    /** Sensitivity, true positive rate. */
    RECALL("recall", true),
    /** True negative rate. */
    SPECIFICITY("specificity", true),
    /** Harmonic mean of precision and recall. */
    F1("f1", true),
    /** F-beta with {@link #DEFAULT_BETA}, weighting recall above precision as rare-class work usually wants. */
    F_BETA("f_beta", true),
    /** Matthews correlation coefficient. */
    MCC("mcc", true),
    /** Geometric mean of recall and specificity (imbalanced-learn's {@code geometric_mean_score}). */
    G_MEAN("g_mean", true),
    /** Area under the ROC curve, threshold independent. */
    ROC_AUC("roc_auc", true),
    /** Average precision (step-wise area under the precision-recall curve), threshold independent. */
    PR_AUC("pr_auc", true),
    /** Mean squared error of probabilities; only defined for probability scores. */
    BRIER("brier", false),
    /** Cross-entropy of probabilities; only defined for probability scores. */
    LOG_LOSS("log_loss", false),
    /** True positive count. */
    TP("tp", true),
    /** False positive count. */
    FP("fp", false),
    /** True negative count. */
    TN("tn", true),
    /** False negative count. */
    FN("fn", false);

    /** The beta used for {@link #F_BETA}: 2 favours recall, the usual priority when the positive class is rare. */
    public static final double DEFAULT_BETA = 2.0;

    private final String key;
    private final boolean higherIsBetter;

    MetricName(String key, boolean higherIsBetter) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
    }

    /**
     * Returns the external key, e.g. {@code "balanced_accuracy"}.
     *
     * @return the stable lower-case key
     */
    public String key() {
        return key;
    }

    /**
     * Tells in which direction the metric improves, so model selection can rank without a lookup table.
     *
     * @return false for losses and error counts (brier, log_loss, fp, fn), true otherwise
     */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * Looks a metric up by its external key.
     *
     * @param key a key such as {@code "f1"}; matched exactly
     * @return the metric with that key
     * @throws UsageException if no metric has that key (a user's {@code --metric} or recipe value: exit 2); the
     *         message names the key and lists the known ones
     */
    public static MetricName fromKey(String key) {
        for (MetricName m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new UsageException("unknown metric '" + key + "'; known metrics: "
                + Arrays.stream(values()).map(MetricName::key).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return key;
    }
}
