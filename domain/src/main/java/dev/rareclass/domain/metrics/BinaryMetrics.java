package dev.rareclass.domain.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every {@link MetricName} evaluated on one set of labels and scores at one threshold.
 *
 * <p>Threshold-dependent metrics come from {@link ConfusionCounts} (zero_division = 0), ranking metrics from
 * {@link Curves} and the probability losses from the scores directly, all matching scikit-learn 1.2 and
 * imbalanced-learn 0.10, on labels of one class too (PRODUCT.md §4): a ratio without a denominator is 0 as they fill it
 * ({@code zero_division}: recall and pr_auc without a positive row, specificity without a negative one), pr_auc is 1
 * on positives only, and roc_auc, which scikit-learn refuses there, is NaN. What such numbers mean is the caller's to
 * say ({@code Evaluation.oneClassWarning}). The whole computation costs one O(n log n) sort.
 */
public final class BinaryMetrics {
    /**
     * Clipping bound for {@link MetricName#LOG_LOSS}: probabilities are clipped to
     * {@code [LOG_LOSS_EPS, 1 - LOG_LOSS_EPS]}. This is the float64 machine epsilon, 2.22e-16, which is what
     * scikit-learn 1.2 uses by default ({@code eps="auto"} = {@code np.finfo(float64).eps}) and the only value
     * from 1.5 on; scikit-learn 1.1 and earlier used 1e-15.
     */
    public static final double LOG_LOSS_EPS = Math.ulp(1.0);

    private final ConfusionCounts counts;
    private final double threshold;
    private final double[] values;

    private BinaryMetrics(ConfusionCounts counts, double threshold, double[] values) {
        this.counts = counts;
        this.threshold = threshold;
        this.values = values;
    }

    /**
     * Computes every metric.
     *
     * @param y                      true labels, 0 or 1
     * @param scores                 finite scores, higher meaning more likely positive
     * @param threshold              a row is predicted positive iff {@code score >= threshold}
     * @param scoresAreProbabilities whether scores are probabilities of the positive class; when false (for
     *                               example an autoencoder's reconstruction error) brier and log_loss are NaN
     *                               because they have no meaning for arbitrary scores
     * @return the metrics
     * @throws IllegalArgumentException on empty or mismatched input, labels other than 0/1, non-finite scores,
     *                                  a NaN threshold, or probabilities outside [0, 1] (scikit-learn's
     *                                  {@code brier_score_loss} rejects those too)
     */
    public static BinaryMetrics compute(int[] y, double[] scores, double threshold, boolean scoresAreProbabilities) {
        ConfusionCounts c = ConfusionCounts.of(y, scores, threshold);
        OperatingPoints points = OperatingPoints.of(y, scores);
        double brier = Double.NaN;
        double logLoss = Double.NaN;
        if (scoresAreProbabilities) {
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] < 0 || scores[i] > 1) {
                    throw new IllegalArgumentException(
                            "scores[" + i + "] = " + scores[i] + " is not a probability in [0, 1]");
                }
            }
            brier = brier(y, scores);
            logLoss = logLoss(y, scores);
        }
        return of(c, threshold, Curves.rocAuc(points), Curves.averagePrecision(points), brier, logLoss);
    }

    /**
     * The metrics from their parts, for an engine that computes the curves' areas and the probability losses where
     * the rows are (the Spark engine) with the same definitions as {@link #compute}.
     *
     * @param c         the confusion counts at the threshold
     * @param rocAuc    {@code roc_auc_score}, NaN with one class
     * @param prAuc     {@code average_precision_score}
     * @param brier     {@code brier_score_loss}, NaN for scores that are not probabilities
     * @param logLoss   {@code log_loss}, NaN for scores that are not probabilities
     */
    public static BinaryMetrics of(ConfusionCounts c, double threshold, double rocAuc, double prAuc, double brier,
                                   double logLoss) {
        double[] v = new double[MetricName.values().length];
        v[MetricName.ACCURACY.ordinal()] = c.accuracy();
        v[MetricName.BALANCED_ACCURACY.ordinal()] = c.balancedAccuracy();
        v[MetricName.PRECISION.ordinal()] = c.precision();
        v[MetricName.RECALL.ordinal()] = c.recall();
        v[MetricName.SPECIFICITY.ordinal()] = c.specificity();
        v[MetricName.F1.ordinal()] = c.f1();
        v[MetricName.F_BETA.ordinal()] = c.fBeta(MetricName.DEFAULT_BETA);
        v[MetricName.MCC.ordinal()] = c.mcc();
        v[MetricName.G_MEAN.ordinal()] = c.gMean();
        v[MetricName.ROC_AUC.ordinal()] = rocAuc;
        v[MetricName.PR_AUC.ordinal()] = prAuc;
        v[MetricName.BRIER.ordinal()] = brier;
        v[MetricName.LOG_LOSS.ordinal()] = logLoss;
        v[MetricName.TP.ordinal()] = c.tp();
        v[MetricName.FP.ordinal()] = c.fp();
        v[MetricName.TN.ordinal()] = c.tn();
        v[MetricName.FN.ordinal()] = c.fn();
        return new BinaryMetrics(c, threshold, v);
    }

    /** {@code brier_score_loss(y, p)}: mean squared difference between probability and label. */
    private static double brier(int[] y, double[] p) {
        CompensatedSum sum = new CompensatedSum();
        for (int i = 0; i < y.length; i++) {
            double d = p[i] - y[i];
            sum.add(d * d);
        }
        return sum.value() / y.length;
    }

    /**
     * {@code log_loss(y, p, labels=[0, 1])}, replicating scikit-learn's steps (clip, form [1-p, p], renormalise
     * the row) so rounding matches too. Passing labels explicitly is what makes a single-class {@code y}
     * acceptable to scikit-learn; here it is always accepted.
     */
    private static double logLoss(int[] y, double[] p) {
        CompensatedSum sum = new CompensatedSum();
        for (int i = 0; i < y.length; i++) {
            double pos = Math.min(Math.max(p[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            double neg = 1 - pos;
            double rowSum = neg + pos;
            sum.add(-Math.log((y[i] == 1 ? pos : neg) / rowSum));
        }
        return sum.value() / y.length;
    }

    /** Neumaier summation: a million rounded terms would otherwise lose digits the tests pin. */
    private static final class CompensatedSum {
        private double sum;
        private double compensation;

        void add(double x) {
            double t = sum + x;
            if (Math.abs(sum) >= Math.abs(x)) {
                compensation += (sum - t) + x;
            } else {
                compensation += (x - t) + sum;
            }
            sum = t;
        }

        double value() {
            return sum + compensation;
        }
    }

    /**
     * @param metric which metric
     * @return its value; counts are returned as whole doubles, brier and log_loss are NaN for
     *         non-probability scores, roc_auc is NaN when {@code y} holds one class; the ratios without a
     *         denominator there are 0, as scikit-learn and imbalanced-learn give them ({@code zero_division})
     */
    public double get(MetricName metric) {
        return values[metric.ordinal()];
    }

    /** @return the confusion counts at {@link #threshold()} */
    public ConfusionCounts counts() {
        return counts;
    }

    /** @return the threshold the threshold-dependent metrics were computed at */
    public double threshold() {
        return threshold;
    }

    /** @return every metric, in enum order, read-only */
    public Map<MetricName, Double> asMap() {
        Map<MetricName, Double> map = new EnumMap<>(MetricName.class);
        for (MetricName m : MetricName.values()) {
            map.put(m, values[m.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return "BinaryMetrics[threshold=" + threshold + ", " + asMap() + "]";
    }
}
