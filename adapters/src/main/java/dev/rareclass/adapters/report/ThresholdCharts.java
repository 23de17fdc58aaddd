package dev.rareclass.adapters.report;

import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.metrics.ConfusionCounts;
import dev.rareclass.domain.metrics.Curve;
import dev.rareclass.domain.metrics.OperatingPoints;
import dev.rareclass.domain.metrics.RowCostCurve;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * The charts that read the decision threshold, shared by the model report (one threshold) and the experiment
 * report (one threshold per split, each tuned on its own training part): precision and recall against the
 * threshold, the expected cost of a cost policy against the threshold, and the cumulative gain.
 */
final class ThresholdCharts {

    private ThresholdCharts() {
    }

    /**
     * A cost policy the cost chart draws: two fixed costs ({@link Costs}) or a cost per missed positive read from a
     * column ({@link RowCosts}).
     */
    sealed interface CostPolicy permits Costs, RowCosts {

        /** The costs of a policy spec; empty for a policy that is no cost policy. */
        static Optional<CostPolicy> of(String policy) {
            return RowCosts.of(policy).<CostPolicy>map(c -> c).or(() -> Costs.of(policy));
        }

        double falsePositive();

        /** The policy as a spec, for the chart's legend. */
        String spec();

        /** A row's expected cost in words, for a caption: "(10 x false negatives + 1 x false positives) / rows". */
        String formula();

        /**
         * The cost curve on these rows; empty when it needs the rows' own costs and they do not carry them (a report
         * whose rows were scored without their cost column).
         */
        Optional<CostCurve> curve(LabelledScores rows);
    }

    /**
     * The costs of a {@code cost:FN_COST:FP_COST} policy: a row's expected cost is
     * {@code (FN_COST * fn + FP_COST * fp) / rows}, which the policy minimises on its validation rows.
     */
    record Costs(double falseNegative, double falsePositive) implements CostPolicy {

        /** The costs of a policy spec with two fixed costs; empty for any other policy, a per-row one included. */
        static Optional<Costs> of(String policy) {
            if (policy == null) {
                return Optional.empty();
            }
            String[] parts = policy.replace(" ", "").toLowerCase(Locale.ROOT).split(":", -1);
            if (parts.length != 3 || !parts[0].equals("cost")) {
                return Optional.empty();
            }
            try {
                double fn = Double.parseDouble(parts[1]);
                double fp = Double.parseDouble(parts[2]);
                return fn >= 0 && fp >= 0 && fn + fp > 0 && Double.isFinite(fn + fp)
                        ? Optional.of(new Costs(fn, fp)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty(); // not two numbers: a per-row cost column
            }
        }

        @Override
        public String spec() {
            return "cost:" + Charts.plain(falseNegative) + ":" + Charts.plain(falsePositive);
        }

        @Override
        public String formula() {
            return "(" + Charts.plain(falseNegative) + " x false negatives + " + Charts.plain(falsePositive)
                    + " x false positives) / rows";
        }

        @Override
        public Optional<CostCurve> curve(LabelledScores rows) {
            return Optional.of(CostCurve.of(rows.labels(), rows.scores(), this));
        }
    }

    /**
     * The costs of a {@code cost:@COLUMN:FP_COST} policy: each missed positive costs its row's value of the column (the
     * payment of a fraud), each false positive a flat cost; a row's expected cost is
     * {@code (sum of the false negatives' costs + FP_COST * fp) / rows}, the sum the policy minimises.
     */
    record RowCosts(String column, double falsePositive) implements CostPolicy {

        /** The costs of a policy spec that reads them from a column; empty for any other policy. */
        static Optional<RowCosts> of(String policy) {
            Optional<String> column = ThresholdPolicies.costColumnOf(policy);
            if (column.isEmpty()) {
                return Optional.empty();
            }
            try {
                double fp = Double.parseDouble(policy.substring(policy.lastIndexOf(':') + 1).strip());
                return fp >= 0 && Double.isFinite(fp) ? Optional.of(new RowCosts(column.get(), fp)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty(); // not a policy spec the chart can read
            }
        }

        @Override
        public String spec() {
            return "cost:@" + column + ":" + Charts.plain(falsePositive);
        }

        @Override
        public String formula() {
            return "(the summed costs of the false negatives + " + Charts.plain(falsePositive)
                    + " x false positives) / rows, each false negative costing its row's value of column '" + column
                    + "' (set aside, not a feature)";
        }

        @Override
        public Optional<CostCurve> curve(LabelledScores rows) {
            return rows.rowCosts().map(costs -> CostCurve.of(rows.labels(), rows.scores(), costs, this));
        }
    }

    /**
     * The threshold(s) a model was used at: one for a fitted model, one per split for a configuration of an
     * experiment. A class, not a record: records compare arrays by reference.
     */
    static final class Chosen {
        private final double[] thresholds;
        private final String policy;

        /**
         * @param thresholds the thresholds, at least one
         * @param policy     the policy that chose them
         */
        Chosen(double[] thresholds, String policy) {
            if (thresholds.length == 0) {
                throw new IllegalArgumentException("no threshold");
            }
            this.thresholds = thresholds.clone();
            this.policy = policy;
        }

        static Chosen one(double threshold, String policy) {
            return new Chosen(new double[] {threshold}, policy);
        }

        double median() {
            double[] t = thresholds.clone();
            Arrays.sort(t);
            int n = t.length;
            return n % 2 == 1 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
        }

        double min() {
            return Arrays.stream(thresholds).min().orElseThrow();
        }

        double max() {
            return Arrays.stream(thresholds).max().orElseThrow();
        }

        boolean single() {
            return min() == max();
        }

        /** The marker's label: " threshold 0.31 (max-f1) " or " median of 5 splits' thresholds 0.31 (max-f1) ". */
        String label() {
            String policyText = policy == null || policy.isEmpty() ? ""
                    : " (" + (ThresholdPolicies.isFixed(policy) ? "fixed" : policy) + ")";
            return single() ? " threshold " + ModelReportPage.fmt(min()) + policyText + " "
                    : " median of " + thresholds.length + " splits' thresholds " + ModelReportPage.fmt(median())
                            + policyText + " ";
        }

        /** Words for a caption: "the chosen threshold" or "the splits' thresholds (0.27 to 0.35, shaded)". */
        String words() {
            return single() ? "the chosen threshold" : "the median of the splits' thresholds, each tuned on its own "
                    + "training part (they range from " + ModelReportPage.fmt(min()) + " to "
                    + ModelReportPage.fmt(max()) + ", shaded)";
        }
    }

    /** The chosen threshold(s) on a chart whose x axis is the threshold (log10 of it when {@code log}). */
    static void mark(JFreeChart chart, Chosen chosen, boolean log) {
        if (!chosen.single()) {
            double lo = log ? Math.log10(chosen.min()) : chosen.min();
            double hi = log ? Math.log10(chosen.max()) : chosen.max();
            if (Double.isFinite(lo) && Double.isFinite(hi)) {
                Charts.bandX(chart, lo, hi, Charts.THRESHOLD);
            }
        }
        double at = log ? Math.log10(chosen.median()) : chosen.median();
        if (Double.isFinite(at)) {
            Charts.markX(chart, at, chosen.label(), Charts.THRESHOLD);
        }
    }

    /** Precision and recall of the positive class against the threshold, from a precision-recall curve. */
    static JFreeChart precisionRecall(Curve pr, boolean log, Chosen chosen) {
        double[] t = pr.thresholds();
        double[] precision = Arrays.copyOf(pr.y(), t.length);
        double[] recall = Arrays.copyOf(pr.x(), t.length);
        double[] x = log ? log10(t) : t;
        JFreeChart chart = Charts.lines("Precision and recall against the threshold",
                log ? "log10 threshold (reconstruction error)" : "threshold",
                "", List.of(Charts.Line.of("precision", x, precision), Charts.Line.of("recall", x, recall)), false,
                List.of(Charts.PALETTE[0], Charts.PALETTE[1]));
        chart.getXYPlot().getRangeAxis().setRange(-0.01, 1.02);
        mark(chart, chosen, log);
        return chart;
    }

    /**
     * The expected cost of a row at every distinct score as the threshold (highest first), with its minimum on
     * these rows. A class, not a record: records compare arrays by reference.
     */
    static final class CostCurve {
        private final double[] thresholds;
        private final double[] totals;
        private final double noneFlagged;
        private final long rows;
        private final int best;

        /**
         * @param totals      the summed cost of the rows at each threshold
         * @param noneFlagged the summed cost when no row is flagged (a threshold above every score)
         * @param best        the index of the least total, as the policy chooses it; -1 for flagging nothing
         */
        private CostCurve(double[] thresholds, double[] totals, double noneFlagged, long rows, int best) {
            this.thresholds = thresholds;
            this.totals = totals;
            this.noneFlagged = noneFlagged;
            this.rows = rows;
            this.best = best;
        }

        double[] thresholds() {
            return thresholds.clone();
        }

        double[] perRow() {
            double[] out = new double[totals.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = totals[i] / rows;
            }
            return out;
        }

        /**
         * The threshold of least cost on these rows (the larger one on a tie, as the policy chooses): just above the
         * top score when flagging nothing costs least ({@code best} -1).
         */
        double bestThreshold() {
            return best < 0 ? Math.nextUp(thresholds[0]) : thresholds[best];
        }

        double bestCost() {
            return (best < 0 ? noneFlagged : totals[best]) / rows;
        }

        /**
         * The summed cost of these rows at any threshold: that of the smallest distinct score at or above it (which
         * flags the same rows), or of flagging nothing when it lies above every score.
         */
        double totalAt(double threshold) {
            int found = -1; // thresholds decrease: the last one at or above the threshold
            int lo = 0;
            int hi = thresholds.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (thresholds[mid] >= threshold) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found < 0 ? noneFlagged : totals[found];
        }

        /** The expected cost of a row at any threshold. */
        double costAt(double threshold) {
            return totalAt(threshold) / rows;
        }

        /** Two fixed costs: the very sweep {@code cost:FN:FP} chooses its threshold by ({@link RowCostCurve#flat}). */
        static CostCurve of(int[] y, double[] scores, Costs costs) {
            return of(RowCostCurve.flat(OperatingPoints.of(y, scores), costs.falseNegative(), costs.falsePositive()));
        }

        /**
         * Costs read per row: the very sweep {@code cost:@COLUMN:FP} chooses its threshold by
         * ({@link RowCostCurve}), so the curve's least cost is at the policy's threshold, ties included.
         */
        static CostCurve of(int[] y, double[] scores, double[] rowCosts, RowCosts costs) {
            return of(RowCostCurve.of(y, scores, rowCosts, costs.falsePositive()));
        }

        private static CostCurve of(RowCostCurve sweep) {
            return new CostCurve(sweep.thresholds(), sweep.totals(), sweep.noneFlagged(), sweep.rows(), sweep.best());
        }
    }

    /**
     * The expected cost of a row against the threshold for a cost policy, with the chosen threshold marked and
     * its cost as a dot.
     *
     * @param chosenCost the cost per row at the chosen threshold(s) (over the splits, for an experiment)
     */
    static JFreeChart cost(CostCurve curve, CostPolicy costs, boolean log, Chosen chosen, double chosenCost) {
        double[] x = log ? log10(curve.thresholds()) : curve.thresholds();
        double at = log ? Math.log10(chosen.median()) : chosen.median();
        List<Charts.Line> lines = new java.util.ArrayList<>(List.of(Charts.Line.of(String.format(Locale.ROOT,
                "expected cost per row (%s)", costs.spec()), x, curve.perRow())));
        if (Double.isFinite(at) && Double.isFinite(chosenCost)) {
            lines.add(Charts.Line.point("cost at " + (chosen.single() ? "the chosen threshold" : "the splits' thresholds")
                    + ": " + ModelReportPage.fmt(chosenCost) + " per row", at, chosenCost, true));
        }
        JFreeChart chart = Charts.lines("Expected cost against the threshold",
                log ? "log10 threshold (reconstruction error)" : "threshold", "expected cost per row", lines, false,
                List.of(Charts.PALETTE[0], Charts.THRESHOLD));
        chart.getXYPlot().getRangeAxis().setLowerBound(0);
        mark(chart, chosen, log);
        return chart;
    }

    /** Rows by descending score: the share of rows reviewed (x) against the share of positives found (y). */
    static double[][] gain(int[] y, double[] s) {
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        long positives = Arrays.stream(y).filter(v -> v == 1).count();
        double[] x = new double[s.length + 1];
        double[] g = new double[s.length + 1];
        long found = 0;
        for (int k = 0; k < s.length; k++) {
            found += y[order[k]];
            x[k + 1] = (k + 1.0) / s.length;
            g[k + 1] = positives == 0 ? 0 : (double) found / positives;
        }
        return new double[][] {x, g};
    }

    /** The lift of the top 10% of rows: positives found there per positive a random 10% holds. */
    static double liftAtTenPercent(double[][] g) {
        int k = (int) Math.ceil(0.1 * (g[0].length - 1));
        return g[1][k] / 0.1;
    }

    /** The share of rows flagged (score at or above the threshold) and the share of positives among them found. */
    static double[] operatingPointOnGain(ConfusionCounts c) {
        return new double[] {c.total() == 0 ? Double.NaN : (double) (c.tp() + c.fp()) / c.total(), c.recall()};
    }

    static double[] log10(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log10(v[i]);
        }
        return out;
    }
}
