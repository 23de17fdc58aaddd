package dev.rareclass.domain.metrics;

/**
 * The binary confusion matrix, with the threshold-dependent metrics derived from it.
 *
 * <p>All ratios follow scikit-learn 1.2 with {@code zero_division=0}: a ratio whose denominator is zero
 * (for example precision when nothing is predicted positive) is 0 rather than NaN, so that a sweep over
 * thresholds or a model comparison never has to special-case NaN. scikit-learn emits a warning in those
 * cases; here the value is simply 0.
 *
 * @param tp positives predicted positive
 * @param fp negatives predicted positive
 * @param tn negatives predicted negative
 * @param fn positives predicted negative
 */
public record ConfusionCounts(long tp, long fp, long tn, long fn) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative or all are zero (no metric is defined on no rows)
     */
    public ConfusionCounts {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
            throw new IllegalArgumentException(
                    "counts must be non-negative: tp=" + tp + " fp=" + fp + " tn=" + tn + " fn=" + fn);
        }
        if (tp + fp + tn + fn == 0) {
            throw new IllegalArgumentException("counts must describe at least one row");
        }
    }

    /**
     * Counts outcomes when a row is predicted positive iff {@code score >= threshold}.
     *
     * @param y         true labels, 0 or 1
     * @param scores    finite scores, higher meaning more likely positive
     * @param threshold decision threshold; {@code +inf} predicts nothing positive, {@code -inf} everything
     * @return the confusion counts
     * @throws IllegalArgumentException on empty or mismatched input, labels other than 0/1, non-finite
     *                                  scores or a NaN threshold
     */
    public static ConfusionCounts of(int[] y, double[] scores, double threshold) {
        Inputs.checkLabelsAndScores(y, scores);
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        long tp = 0;
        long fp = 0;
        long positives = 0;
        for (int i = 0; i < y.length; i++) {
            boolean predictedPositive = scores[i] >= threshold;
            positives += y[i];
            if (predictedPositive) {
                if (y[i] == 1) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        long negatives = y.length - positives;
        return new ConfusionCounts(tp, fp, negatives - fp, positives - tp);
    }

    /**
     * Counts outcomes of hard 0/1 predictions.
     *
     * @param y         true labels, 0 or 1
     * @param predicted predicted labels, 0 or 1
     * @return the confusion counts
     * @throws IllegalArgumentException on empty or mismatched input or values other than 0/1
     */
    public static ConfusionCounts ofPredictions(int[] y, int[] predicted) {
        Inputs.checkLabelsAndPredictions(y, predicted);
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < y.length; i++) {
            if (predicted[i] == 1) {
                if (y[i] == 1) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (y[i] == 1) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionCounts(tp, fp, tn, fn);
    }

    /** @return total number of rows */
    public long total() {
        return tp + fp + tn + fn;
    }

    /** @return number of true positives in the data, {@code tp + fn} */
    public long positives() {
        return tp + fn;
    }

    /** @return number of true negatives in the data, {@code tn + fp} */
    public long negatives() {
        return tn + fp;
    }

    /** @return {@code tp / (tp + fp)}, or 0 when nothing is predicted positive (zero_division=0) */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** @return {@code tp / (tp + fn)}, or 0 when there are no positives (zero_division=0) */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /**
     * Specificity as imbalanced-learn's {@code specificity_score} for the positive label, but for one case: on negative
     * rows only, none of them flagged, imbalanced-learn 0.10 gives 0 (its binary path stops early when the positive
     * label occurs nowhere), where every negative passed and this gives 1.
     *
     * @return {@code tn / (tn + fp)}, or 0 when there are no negatives (zero_division=0)
     */
    public double specificity() {
        return ratio(tn, tn + fp);
    }

    /** @return {@code fBeta(1)} */
    public double f1() {
        return fBeta(1.0);
    }

    /**
     * F-beta as {@code sklearn.metrics.fbeta_score}.
     *
     * <p>Computed as scikit-learn 1.2 does, {@code (1+b²)·precision·recall / (b²·precision + recall)} with 0
     * when the denominator is 0, in the same operation order: the algebraically equal count form
     * {@code (1+b²)tp / ((1+b²)tp + b²fn + fp)} rounds differently (0.75 against 0.7499999999999999 for
     * tp=3, fp=2), which is enough to flip a two-digit figure in the text classification report.
     *
     * @param beta weight of recall relative to precision; must be positive and finite
     * @return the F-beta score in [0, 1]
     */
    public double fBeta(double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
        double b2 = beta * beta;
        double p = precision();
        double r = recall();
        double denominator = b2 * p + r;
        return denominator == 0 ? 0.0 : (1 + b2) * p * r / denominator;
    }

    /** @return fraction of rows predicted correctly */
    public double accuracy() {
        return (double) (tp + tn) / total();
    }

    /**
     * Balanced accuracy as {@code sklearn.metrics.balanced_accuracy_score} (not adjusted).
     *
     * <p>scikit-learn averages recall over the classes present in {@code y}; when {@code y} holds a single
     * class it warns and returns that class's recall alone. This does the same: specificity when there are no
     * positives, recall when there are no negatives.
     *
     * @return the balanced accuracy in [0, 1]
     */
    public double balancedAccuracy() {
        if (positives() == 0) {
            return specificity();
        }
        if (negatives() == 0) {
            return recall();
        }
        return (recall() + specificity()) / 2;
    }

    /**
     * Matthews correlation coefficient as {@code sklearn.metrics.matthews_corrcoef}.
     *
     * <p>Products are taken in double because four counts of a million rows overflow a long.
     *
     * @return MCC in [-1, 1], or 0 when any marginal is empty (scikit-learn's convention)
     */
    public double mcc() {
        double denominator = (double) (tp + fp) * (double) (tp + fn) * (double) (tn + fp) * (double) (tn + fn);
        if (denominator == 0) {
            return 0.0;
        }
        return ((double) tp * tn - (double) fp * fn) / Math.sqrt(denominator);
    }

    /**
     * Geometric mean of per-class recall as imbalanced-learn's {@code geometric_mean_score} with its default
     * {@code average="multiclass"}.
     *
     * <p>For ordinary data this is {@code sqrt(recall * specificity)}. imbalanced-learn takes the mean over the
     * labels present in {@code y} or in the predictions only, so when every row is of one class and predicted
     * as that class the score is 1, not 0; when a class is predicted but absent from {@code y}, its recall
     * counts as 0 (zero_division) and the score is 0.
     *
     * @return the G-mean in [0, 1]
     */
    public double gMean() {
        boolean negativeLabelSeen = tn + fp + fn > 0;
        boolean positiveLabelSeen = tp + fn + fp > 0;
        if (!positiveLabelSeen) {
            return specificity();
        }
        if (!negativeLabelSeen) {
            return recall();
        }
        return Math.sqrt(recall() * specificity());
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }
}
