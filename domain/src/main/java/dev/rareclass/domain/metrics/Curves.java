package dev.rareclass.domain.metrics;

/**
 * ROC and precision-recall curves and their areas, matching scikit-learn 1.2 ({@code roc_curve},
 * {@code precision_recall_curve}, {@code roc_auc_score}, {@code average_precision_score}) with two documented
 * choices:
 * <ul>
 *   <li>The first ROC threshold is {@code +inf} (scikit-learn &ge; 1.3) rather than {@code max + 1}
 *       (scikit-learn 1.2): it is the only value that predicts nothing positive for every possible score.</li>
 *   <li>Where scikit-learn raises because {@code y} holds one class, the areas here return NaN (ROC AUC) or
 *       0 (average precision, what scikit-learn returns with a warning), so a fold without positives does
 *       not abort a whole evaluation.</li>
 * </ul>
 * Every overload taking {@code y} and {@code scores} validates and sorts; the overloads taking
 * {@link OperatingPoints} let a caller sort once for several results.
 */
public final class Curves {
    private Curves() {
    }

    /**
     * The ROC curve as {@code roc_curve(y, scores)} with scikit-learn's default {@code drop_intermediate=True}.
     *
     * @param y      true labels, 0 or 1
     * @param scores finite scores
     * @return x = false positive rate, y = true positive rate, thresholds decreasing from {@code +inf}
     */
    public static Curve roc(int[] y, double[] scores) {
        return roc(OperatingPoints.of(y, scores), true);
    }

    /**
     * The ROC curve as {@code roc_curve(y, scores, drop_intermediate=...)}.
     *
     * <p>Dropping intermediate points removes those collinear with their neighbours, which keeps plots of large
     * data sets small without changing the area. When {@code y} has no negatives the false positive rates are
     * NaN, when it has no positives the true positive rates are, as in scikit-learn.
     *
     * @param points           the operating points of the data
     * @param dropIntermediate whether to drop suboptimal collinear points as scikit-learn's default does
     * @return x = false positive rate, y = true positive rate, thresholds decreasing from {@code +inf}
     */
    public static Curve roc(OperatingPoints points, boolean dropIntermediate) {
        int n = points.size();
        int[] keep = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            boolean endpoint = i == 0 || i == n - 1;
            // numpy: r_[True, diff(fps, 2) or diff(tps, 2), True]; only applied when there are more than 2 points.
            if (!dropIntermediate || n <= 2 || endpoint
                    || secondDifference(points, i, true) != 0 || secondDifference(points, i, false) != 0) {
                keep[kept++] = i;
            }
        }
        double[] fpr = new double[kept + 1];
        double[] tpr = new double[kept + 1];
        double[] th = new double[kept + 1];
        th[0] = Double.POSITIVE_INFINITY;
        double negatives = points.negatives();
        double positives = points.positives();
        for (int k = 0; k < kept; k++) {
            int i = keep[k];
            fpr[k + 1] = negatives == 0 ? Double.NaN : points.falsePositives(i) / negatives;
            tpr[k + 1] = positives == 0 ? Double.NaN : points.truePositives(i) / positives;
            th[k + 1] = points.threshold(i);
        }
        fpr[0] = negatives == 0 ? Double.NaN : 0.0;
        tpr[0] = positives == 0 ? Double.NaN : 0.0;
        return new Curve(fpr, tpr, th);
    }

    private static long secondDifference(OperatingPoints points, int i, boolean falsePositives) {
        if (falsePositives) {
            return points.falsePositives(i + 1) - 2 * points.falsePositives(i) + points.falsePositives(i - 1);
        }
        return points.truePositives(i + 1) - 2 * points.truePositives(i) + points.truePositives(i - 1);
    }

    /**
     * The precision-recall curve as {@code precision_recall_curve(y, scores)} in scikit-learn 1.2.
     *
     * @param y      true labels, 0 or 1
     * @param scores finite scores
     * @return see {@link #precisionRecall(OperatingPoints)}
     */
    public static Curve precisionRecall(int[] y, double[] scores) {
        return precisionRecall(OperatingPoints.of(y, scores));
    }

    /**
     * The precision-recall curve as {@code precision_recall_curve} in scikit-learn 1.2: one point per distinct
     * score in increasing threshold order, then the point (recall 0, precision 1) that has no threshold.
     * Points are not truncated at full recall (scikit-learn stopped doing so in 1.1). When {@code y} has no
     * positives, recall is 1 at every threshold, as scikit-learn sets it.
     *
     * @param points the operating points of the data
     * @return x = recall, y = precision, thresholds increasing, one fewer than points
     */
    public static Curve precisionRecall(OperatingPoints points) {
        int n = points.size();
        double[] recall = new double[n + 1];
        double[] precision = new double[n + 1];
        double[] th = new double[n];
        double positives = points.positives();
        for (int k = 0; k < n; k++) {
            int i = n - 1 - k;
            long tp = points.truePositives(i);
            // tp + fp >= 1 at every distinct score, so precision is always defined here.
            precision[k] = (double) tp / (tp + points.falsePositives(i));
            recall[k] = positives == 0 ? 1.0 : tp / positives;
            th[k] = points.threshold(i);
        }
        precision[n] = 1.0;
        recall[n] = 0.0;
        return new Curve(recall, precision, th);
    }

    /**
     * ROC AUC as {@code roc_auc_score(y, scores)}.
     *
     * @param y      true labels, 0 or 1
     * @param scores finite scores
     * @return see {@link #rocAuc(OperatingPoints)}
     */
    public static double rocAuc(int[] y, double[] scores) {
        return rocAuc(OperatingPoints.of(y, scores));
    }

    /**
     * ROC AUC, the trapezoidal area under the ROC curve, which with ties equals the Mann-Whitney statistic
     * counting tied positive/negative pairs as half. Accumulated in integers and divided once, so it is exact
     * up to that one rounding.
     *
     * @param points the operating points of the data
     * @return the area in [0, 1], or NaN when {@code y} holds one class (scikit-learn raises there)
     */
    public static double rocAuc(OperatingPoints points) {
        long positives = points.positives();
        long negatives = points.negatives();
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        // Twice the area in units of one (negative, positive) cell: each step adds width * (left + right height).
        long twiceArea = 0;
        long prevTp = 0;
        long prevFp = 0;
        for (int i = 0; i < points.size(); i++) {
            long tp = points.truePositives(i);
            long fp = points.falsePositives(i);
            twiceArea += (fp - prevFp) * (tp + prevTp);
            prevTp = tp;
            prevFp = fp;
        }
        return twiceArea / (2.0 * positives * negatives);
    }

    /**
     * Average precision as {@code average_precision_score(y, scores)}.
     *
     * @param y      true labels, 0 or 1
     * @param scores finite scores
     * @return see {@link #averagePrecision(OperatingPoints)}
     */
    public static double averagePrecision(int[] y, double[] scores) {
        return averagePrecision(OperatingPoints.of(y, scores));
    }

    /**
     * Average precision: {@code sum_n (R_n - R_{n-1}) P_n} over distinct scores, the step-wise (not
     * trapezoidal, not interpolated) area scikit-learn computes. Tied scores form one step.
     *
     * @param points the operating points of the data
     * @return the average precision in [0, 1]; 0 when {@code y} has no positives (scikit-learn warns and
     *         returns 0 there)
     */
    public static double averagePrecision(OperatingPoints points) {
        double positives = points.positives();
        if (positives == 0) {
            return 0.0;
        }
        double sum = 0;
        long prevTp = 0;
        for (int i = 0; i < points.size(); i++) {
            long tp = points.truePositives(i);
            if (tp != prevTp) {
                double precision = (double) tp / (tp + points.falsePositives(i));
                sum += (tp - prevTp) / positives * precision;
                prevTp = tp;
            }
        }
        return sum;
    }
}
