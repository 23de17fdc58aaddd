package dev.rareclass.domain.metrics;

import java.util.Arrays;

/**
 * The cost of every distinct score as the threshold when each missed positive costs its own amount (the payment of a
 * fraud) and each false positive a flat cost: the objective of the {@code cost:@COLUMN:FP_COST} threshold policy,
 * which chooses {@link #bestThreshold()} from this sweep, and of the reports' cost chart, which draws it, so the chart's
 * minimum is the policy's choice by construction.
 *
 * <p>At threshold {@code t} (a row is flagged when {@code score >= t}) the summed cost is
 * {@code sum of the costs of positives scored below t + FP_COST * negatives scored at or above t}. One sort and one
 * sweep from the highest score down, O(n log n): a threshold flags every row of its score at once, and scores are
 * compared with {@code ==}, as {@link OperatingPoints} does, so {@code -0.0} and {@code 0.0} are one threshold. Of
 * equal least costs the larger threshold wins (fewer rows flagged), as for the other tuned policies; flagging nothing (a
 * threshold above every score) is the largest of all, chosen when it costs strictly less than every score.
 *
 * <p>Flat costs ({@code cost:FN_COST:FP_COST}, every missed positive costing the same) are the sweep of {@link #flat},
 * from the counts at each threshold: the one sweep both that policy and the reports' chart of it read.
 */
public final class RowCostCurve {
    private final double[] thresholds;
    private final double[] totals;
    private final double noneFlagged;
    private final int best;
    private final long rows;

    private RowCostCurve(double[] thresholds, double[] totals, double noneFlagged, int best, long rows) {
        this.thresholds = thresholds;
        this.totals = totals;
        this.noneFlagged = noneFlagged;
        this.best = best;
        this.rows = rows;
    }

    /**
     * Sweeps the distinct scores from the highest down.
     *
     * @param y        true labels, 0 or 1
     * @param scores   finite scores of the same rows, higher meaning more likely positive
     * @param rowCosts each row's cost when it is a positive and missed (read for positives only)
     * @param fpCost   the cost of each negative flagged
     * @throws IllegalArgumentException on empty or mismatched input, labels other than 0/1 or non-finite scores
     */
    public static RowCostCurve of(int[] y, double[] scores, double[] rowCosts, double fpCost) {
        if (y == null || scores == null || rowCosts == null || y.length != scores.length
                || rowCosts.length != scores.length) {
            throw new IllegalArgumentException("labels, scores and costs differ in length");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no rows to choose a threshold on");
        }
        Inputs.checkLabelsAndScores(y, scores);
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double cost = 0; // nothing flagged: every positive is missed
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                cost += rowCosts[i];
            }
        }
        double none = cost;
        double[] t = new double[scores.length];
        double[] c = new double[scores.length];
        int n = 0;
        int best = -1; // flagging nothing, the largest threshold, until a score costs less
        for (int k = 0; k < order.length; ) {
            double at = scores[order[k]];
            while (k < order.length && scores[order[k]] == at) { // a threshold flags every row of equal score
                int r = order[k];
                cost += y[r] == 1 ? -rowCosts[r] : fpCost;
                k++;
            }
            t[n] = at;
            c[n] = cost;
            if (cost < (best < 0 ? none : c[best])) { // strict: of equal costs the first, larger threshold stays
                best = n;
            }
            n++;
        }
        return new RowCostCurve(Arrays.copyOf(t, n), Arrays.copyOf(c, n), none, best, scores.length);
    }

    /**
     * The sweep of two flat costs, from the confusion counts at each distinct score: each total is
     * {@code FN_COST * fn + FP_COST * fp}, computed from the counts, not summed row by row, so equal costs tie exactly.
     * The costs are scaled by a power of two to at most 2 while the totals are compared, which moves no rounding:
     * {@code cost:1e308:1e308} made every total infinite, and flagging nothing won whatever the counts.
     *
     * @param points the operating points of the rows (ungrouped or grouped)
     * @param fnCost the cost of each positive missed
     * @param fpCost the cost of each negative flagged
     */
    public static RowCostCurve flat(OperatingPoints points, double fnCost, double fpCost) {
        int exponent = Math.getExponent(Math.max(fnCost, fpCost));
        double fn = Math.scalb(fnCost, -exponent);
        double fp = Math.scalb(fpCost, -exponent);
        int n = points.size();
        double[] t = new double[n];
        double[] c = new double[n];
        double none = fn * points.positives(); // every positive missed, no false alarm
        int best = -1;
        for (int i = 0; i < n; i++) {
            t[i] = points.threshold(i);
            ConfusionCounts counts = points.counts(i);
            c[i] = fn * counts.fn() + fp * counts.fp();
            if (c[i] < (best < 0 ? none : c[best])) { // strict: of equal costs the first, larger threshold stays
                best = i;
            }
        }
        for (int i = 0; i < n; i++) {
            c[i] = Math.scalb(c[i], exponent);
        }
        return new RowCostCurve(t, c, Math.scalb(none, exponent), best, points.positives() + points.negatives());
    }

    /** @return number of distinct scores, at least 1 */
    public int size() {
        return thresholds.length;
    }

    /** @return the i-th highest distinct score (0 for the highest) */
    public double threshold(int i) {
        return thresholds[i];
    }

    /** @return the summed cost of the rows when flagging {@code score >= threshold(i)} */
    public double total(int i) {
        return totals[i];
    }

    /** @return the distinct scores, highest first (a copy) */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** @return the summed cost at each of {@link #thresholds()} (a copy) */
    public double[] totals() {
        return totals.clone();
    }

    /**
     * @return the index of the least summed cost, the larger threshold of equal ones; -1 when flagging nothing
     *         ({@link #noneFlagged()}) costs less than every score as the threshold
     */
    public int best() {
        return best;
    }

    /**
     * @return the threshold of least summed cost: what the cost policy chooses on these rows; the next
     *         double above the top score when flagging nothing costs least (false alarms dearer than what they catch)
     */
    public double bestThreshold() {
        return best < 0 ? Math.nextUp(thresholds[0]) : thresholds[best];
    }

    /** @return the number of rows swept */
    public long rows() {
        return rows;
    }

    /** @return the summed cost when no row is flagged (a threshold above every score): every positive's cost */
    public double noneFlagged() {
        return noneFlagged;
    }
}
