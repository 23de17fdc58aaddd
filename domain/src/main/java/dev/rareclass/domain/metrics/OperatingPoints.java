package dev.rareclass.domain.metrics;

import java.util.Arrays;

/**
 * Every distinct score as a candidate threshold, in decreasing order, with the confusion counts obtained by
 * predicting positive iff {@code score >= threshold}.
 *
 * <p>This is scikit-learn's {@code _binary_clf_curve}: it is computed with one O(n log n) sort and shared by
 * the ROC and precision-recall curves, their areas and the threshold policies, so a full evaluation of a
 * million rows sorts once. Scores are compared with {@code ==}, as numpy's {@code diff != 0} does, so
 * {@code -0.0} and {@code 0.0} are one threshold (reported as {@code 0.0}).
 */
public final class OperatingPoints {
    private final double[] thresholds;
    private final long[] tps;
    private final long[] fps;
    private final long positives;
    private final long negatives;

    private OperatingPoints(double[] thresholds, long[] tps, long[] fps, long positives, long negatives) {
        this.thresholds = thresholds;
        this.tps = tps;
        this.fps = fps;
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * Sorts the scores once and accumulates counts per distinct score.
     *
     * @param y      true labels, 0 or 1
     * @param scores finite scores, higher meaning more likely positive
     * @return the operating points, highest threshold first
     * @throws IllegalArgumentException on empty or mismatched input, labels other than 0/1 or non-finite scores
     */
    public static OperatingPoints of(int[] y, double[] scores) {
        Inputs.checkLabelsAndScores(y, scores);
        int positives = 0;
        for (int label : y) {
            positives += label;
        }
        // Sorting the two classes separately keeps the sort on primitive doubles (no boxed index sort),
        // which matters at a million rows; the merge below restores the joint order.
        double[] pos = new double[positives];
        double[] neg = new double[y.length - positives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < y.length; i++) {
            // Adding 0.0 turns -0.0 into 0.0 so that Arrays.sort cannot separate values that compare equal.
            double s = scores[i] + 0.0;
            if (y[i] == 1) {
                pos[p++] = s;
            } else {
                neg[q++] = s;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);

        double[] th = new double[y.length];
        long[] tp = new long[y.length];
        long[] fp = new long[y.length];
        int i = pos.length - 1;
        int j = neg.length - 1;
        long tpSoFar = 0;
        long fpSoFar = 0;
        int k = 0;
        while (i >= 0 || j >= 0) {
            double t;
            if (i < 0) {
                t = neg[j];
            } else if (j < 0) {
                t = pos[i];
            } else {
                t = Math.max(pos[i], neg[j]);
            }
            while (i >= 0 && pos[i] == t) {
                tpSoFar++;
                i--;
            }
            while (j >= 0 && neg[j] == t) {
                fpSoFar++;
                j--;
            }
            th[k] = t;
            tp[k] = tpSoFar;
            fp[k] = fpSoFar;
            k++;
        }
        return new OperatingPoints(Arrays.copyOf(th, k), Arrays.copyOf(tp, k), Arrays.copyOf(fp, k),
                positives, neg.length);
    }

    /**
     * The points from counts already grouped by distinct score (an engine that groups where the rows are).
     *
     * @param thresholds the distinct scores, strictly decreasing, finite
     * @param positives  positives at each score
     * @param negatives  negatives at each score
     * @throws IllegalArgumentException on mismatched, empty, unordered or non-finite input, or negative counts
     */
    public static OperatingPoints ofGrouped(double[] thresholds, long[] positives, long[] negatives) {
        int n = thresholds.length;
        if (n == 0 || positives.length != n || negatives.length != n) {
            throw new IllegalArgumentException("grouped counts: " + n + " scores, " + positives.length + " and "
                    + negatives.length + " counts");
        }
        long[] tp = new long[n];
        long[] fp = new long[n];
        long tpSoFar = 0;
        long fpSoFar = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(thresholds[i]) || (i > 0 && !(thresholds[i] < thresholds[i - 1]))) {
                throw new IllegalArgumentException("grouped scores must be finite and strictly decreasing, at " + i);
            }
            if (positives[i] < 0 || negatives[i] < 0 || positives[i] + negatives[i] == 0) {
                throw new IllegalArgumentException("grouped counts at " + i + ": " + positives[i] + ", " + negatives[i]);
            }
            tpSoFar += positives[i];
            fpSoFar += negatives[i];
            tp[i] = tpSoFar;
            fp[i] = fpSoFar;
        }
        double[] th = thresholds.clone();
        for (int i = 0; i < n; i++) {
            th[i] += 0.0;
        }
        return new OperatingPoints(th, tp, fp, tpSoFar, fpSoFar);
    }

    /** @return number of distinct scores, at least 1 */
    public int size() {
        return thresholds.length;
    }

    /**
     * @param i index, 0 for the highest score
     * @return the i-th highest distinct score
     */
    public double threshold(int i) {
        return thresholds[i];
    }

    /**
     * @param i index, 0 for the highest score
     * @return positives with {@code score >= threshold(i)}
     */
    public long truePositives(int i) {
        return tps[i];
    }

    /**
     * @param i index, 0 for the highest score
     * @return negatives with {@code score >= threshold(i)}
     */
    public long falsePositives(int i) {
        return fps[i];
    }

    /**
     * @param i index, 0 for the highest score
     * @return the full confusion counts at {@code threshold(i)}
     */
    public ConfusionCounts counts(int i) {
        return new ConfusionCounts(tps[i], fps[i], negatives - fps[i], positives - tps[i]);
    }

    /** @return number of rows labelled 1 */
    public long positives() {
        return positives;
    }

    /** @return number of rows labelled 0 */
    public long negatives() {
        return negatives;
    }

    /** @return the distinct scores, highest first (a copy) */
    public double[] thresholds() {
        return thresholds.clone();
    }
}
