package dev.rareclass.domain.threshold;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.metrics.ConfusionCounts;
import dev.rareclass.domain.metrics.OperatingPoints;
import dev.rareclass.domain.metrics.RowCostCurve;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Parses threshold policy specs.
 *
 * <p>Accepted forms (case-insensitive, spaces ignored):
 * <ul>
 *   <li>a number such as {@code 0.5} or {@code -1.2e3}: that fixed threshold;</li>
 *   <li>{@code max-f1}, {@code max-mcc}, {@code max-balanced-accuracy}: the threshold maximising the metric;
 *       ties go to the larger threshold (fewer positives predicted);</li>
 *   <li>{@code recall>=R} with R in [0, 1]: the largest threshold whose recall is at least R, i.e. the best
 *       precision-side choice that keeps the recall target. If no threshold reaches R (only possible when the
 *       data has no positives) the smallest threshold, which has maximal recall;</li>
 *   <li>{@code precision>=P} with P in [0, 1]: the smallest threshold whose precision is at least P, which
 *       maximises recall under the precision target. If no threshold reaches P, the threshold with maximal
 *       precision, ties going to the smaller threshold (more recall);</li>
 *   <li>{@code fpr<=F} with F in [0, 1]: the smallest threshold whose false-positive rate is at most F, which
 *       maximises recall within an alarm budget (the paper-mill article's "recall at 6.3% FPR"). If even the
 *       largest score's threshold exceeds F (tied top scores), a threshold just above the top score: none flagged;</li>
 *   <li>{@code alerts<=R} with R in [0, 1]: the smallest threshold that flags at most a share R of the rows, the alert
 *       budget of a review team (R = 0.01: 10 alerts per 1,000 rows), whatever their labels. If even the largest
 *       score's threshold flags more (tied top scores, or a budget under one row), a threshold just above the top
 *       score: none flagged, as the budget says;</li>
 *   <li>{@code cost:FN_COST:FP_COST} with non-negative costs, not both zero: the threshold minimising
 *       {@code FN_COST * fn + FP_COST * fp}; ties go to the larger threshold. Flagging nothing is a candidate too (a
 *       threshold just above the top score), the choice when every false alarm costs more than it catches;</li>
 *   <li>{@code cost:@COLUMN:FP_COST}: the same with each missed positive costing its own value of column COLUMN (the
 *       payment amount of a fraud): minimises {@code sum of COLUMN over false negatives + FP_COST * fp}. The column is
 *       set aside before fitting, so it is no feature; ties go to the larger threshold, and flagging nothing is a
 *       candidate as for {@code cost:FN_COST:FP_COST}.</li>
 * </ul>
 * Tuned policies consider every distinct score as a candidate (the metric policies so predict at least one row
 * positive; the budgets and costs may also choose to flag none), sort once and sweep, O(n log n). Their result is the candidate score itself, so applying
 * {@code score >= t} reproduces exactly the counts that were optimised. Metric comparisons are exact double
 * comparisons of the values {@link ConfusionCounts} computes, which makes ties deterministic.
 */
public final class ThresholdPolicies {

    /** The forms a policy takes, as help and completion list them. */
    public static final java.util.List<String> FORMS = java.util.List.of("0.5", "max-f1", "max-mcc",
            "max-balanced-accuracy", "recall>=R", "precision>=P", "fpr<=F", "alerts<=R", "cost:FN_COST:FP_COST",
            "cost:@COLUMN:FP_COST");
    private static final String ACCEPTED = "accepted threshold policies: a number (e.g. 0.5), max-f1, max-mcc, "
            + "max-balanced-accuracy, recall>=R, precision>=P, fpr<=F, alerts<=R (R, P, F in [0, 1]), "
            + "cost:FN_COST:FP_COST (non-negative costs, not both 0), cost:@COLUMN:FP_COST (a missed positive costs "
            + "its value of COLUMN)";

    private ThresholdPolicies() {
    }

    /**
     * Parses a spec.
     *
     * @param spec the policy spec, see the class description
     * @return the policy, whose {@link ThresholdPolicy#spec()} is the canonical form of {@code spec}
     * @throws UsageException if the spec is not one of the accepted forms (a user's {@code --threshold} or recipe
     *         value: exit 2, not an internal error); the message names the spec and lists the accepted forms
     * @throws IllegalArgumentException if the spec is null (a caller's bug)
     */
    public static ThresholdPolicy parse(String spec) {
        if (spec == null) {
            throw new IllegalArgumentException("threshold policy spec is null");
        }
        String trimmed = spec.strip();
        if (trimmed.regionMatches(true, 0, "cost:@", 0, 6)) { // a column name keeps its case and spaces
            int colon = trimmed.lastIndexOf(':');
            String column = trimmed.substring(6, colon < 6 ? 6 : colon);
            if (colon < 6 || column.isEmpty()) {
                throw bad(spec, "cost:@COLUMN:FP_COST needs a column name and a false-positive cost");
            }
            double fpCost = number(spec, trimmed.substring(colon + 1).replace(" ", ""));
            if (fpCost < 0) {
                throw bad(spec, "the false-positive cost must be non-negative");
            }
            return new RowCost(column, fpCost);
        }
        String s = spec.replace(" ", "").toLowerCase(Locale.ROOT);
        switch (s) {
            case "max-f1":
                return new MaxMetric(Objective.F1);
            case "max-mcc":
                return new MaxMetric(Objective.MCC);
            case "max-balanced-accuracy":
                return new MaxMetric(Objective.BALANCED_ACCURACY);
            default:
                break;
        }
        if (s.startsWith("recall>=")) {
            double r = fraction(spec, s.substring("recall>=".length()));
            return new MinRecall(r);
        }
        if (s.startsWith("precision>=")) {
            double p = fraction(spec, s.substring("precision>=".length()));
            return new MinPrecision(p);
        }
        if (s.startsWith("fpr<=")) {
            return new MaxFalsePositiveRate(fraction(spec, s.substring("fpr<=".length())));
        }
        if (s.startsWith("alerts<=")) {
            return new AlertBudget(fraction(spec, s.substring("alerts<=".length())));
        }
        if (s.startsWith("cost:")) {
            String[] parts = s.split(":", -1);
            if (parts.length != 3) {
                throw bad(spec, "cost needs exactly two costs");
            }
            double fnCost = number(spec, parts[1]);
            double fpCost = number(spec, parts[2]);
            if (fnCost < 0 || fpCost < 0 || (fnCost == 0 && fpCost == 0)) {
                throw bad(spec, "costs must be non-negative and not both zero");
            }
            return new MinCost(fnCost, fpCost);
        }
        if (writesANumber(s)) {
            return new Fixed(number(spec, s));
        }
        throw bad(spec, null);
    }

    /**
     * The cost column a recorded policy spec reads ({@code cost:@COLUMN:FP_COST}, as a model file keeps it); empty for
     * any other text, including one that is no policy at all (an older model's), so reading a model never fails here.
     */
    public static java.util.Optional<String> costColumnOf(String spec) {
        if (spec == null) {
            return java.util.Optional.empty();
        }
        String trimmed = spec.strip();
        int colon = trimmed.lastIndexOf(':');
        return trimmed.regionMatches(true, 0, "cost:@", 0, 6) && colon > 6
                ? java.util.Optional.of(trimmed.substring(6, colon)) : java.util.Optional.empty();
    }

    /**
     * What the threshold costs on these rows under a recorded policy spec ({@link ThresholdPolicy#cost(int[], double[],
     * double, double[])}); empty for a policy that is no cost policy, and for text that is no policy at all (an older
     * model's), so evaluating a model never fails here.
     */
    public static java.util.Optional<ThresholdPolicy.Cost> costOf(String spec, int[] y, double[] scores,
                                                                  double threshold, double[] rowCosts) {
        return readable(spec).flatMap(p -> p.cost(y, scores, threshold, rowCosts));
    }

    /** {@link #costOf(String, int[], double[], double, double[])} from the counts alone (flat costs only). */
    public static java.util.Optional<ThresholdPolicy.Cost> costOf(String spec, ConfusionCounts counts) {
        return readable(spec).flatMap(p -> p.cost(counts));
    }

    private static java.util.Optional<ThresholdPolicy> readable(String spec) {
        try {
            return spec == null ? java.util.Optional.empty() : java.util.Optional.of(parse(spec));
        } catch (UsageException e) {
            return java.util.Optional.empty();
        }
    }

    private static double fraction(String spec, String text) {
        double v = number(spec, text);
        if (v < 0 || v > 1) {
            throw bad(spec, "target must be in [0, 1]");
        }
        return v;
    }

    private static double number(String spec, String text) {
        double v;
        try {
            v = dev.rareclass.domain.data.Decimals.parse(text);
        } catch (NumberFormatException e) {
            throw bad(spec, "'" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw bad(spec, "'" + text + "' is not a finite number");
        }
        // -0.0 would make "-0" a policy unequal to "0" although both choose the same predictions.
        return v + 0.0;
    }

    private static UsageException bad(String spec, String why) {
        return new UsageException("invalid threshold policy '" + spec + "'"
                + (why == null ? "" : " (" + why + ")") + "; " + ACCEPTED);
    }

    /**
     * Canonical text of a number in a policy's spec: the shortest decimal that reads back as the same double, so "0.50"
     * and "5e-1" both read "0.5"; without an exponent between 1e-6 and 1e15, as {@link Double#toString} outside (a
     * cost of 1e300 written out whole was 301 digits long in every line that echoed the policy).
     */
    static String canonical(double v) {
        double magnitude = Math.abs(v);
        if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e15)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * A chosen threshold as shown to a user who may reuse it ({@code --threshold T}, {@code score --threshold T}):
     * the shortest decimal that reads back as exactly this double ({@link Double#toString}'s digits: 0.87,
     * 0.8734285714285714), so the reused value makes the same predictions; rounding it (to 0.8734, say) can move
     * rows whose scores lie in between to the other class. Written without an exponent between 1e-6 and 1e15, as
     * {@link Double#toString} otherwise; "n/a" when undefined.
     */
    public static String text(double threshold) {
        return Double.isFinite(threshold) ? canonical(threshold) : "n/a";
    }

    /**
     * Whether a policy, as its spec is written (in a model file, a result), is a threshold given outright: its spec is
     * then the number itself, and "threshold 0.5 by 0.5" says nothing twice.
     */
    public static boolean isFixed(String spec) {
        return writesANumber(spec.replace(" ", "").toLowerCase(Locale.ROOT));
    }

    /** Whether a policy spec (without spaces, lower case) is a number, as {@link #parse} reads a fixed threshold. */
    private static boolean writesANumber(String s) {
        return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || "+-.".indexOf(s.charAt(0)) >= 0);
    }

    /** A threshold given outright. */
    private record Fixed(double threshold) implements ThresholdPolicy {
        @Override
        public double choose(int[] y, double[] scores) {
            return threshold;
        }

        @Override
        public double choose(OperatingPoints points) {
            return threshold;
        }

        @Override
        public String spec() {
            return canonical(threshold);
        }

        @Override
        public boolean needsValidationData() {
            return false;
        }
    }

    /** The metrics a max-* policy can maximise; an enum so that parsed policies compare equal. */
    private enum Objective {
        F1("max-f1", ConfusionCounts::f1),
        MCC("max-mcc", ConfusionCounts::mcc),
        BALANCED_ACCURACY("max-balanced-accuracy", ConfusionCounts::balancedAccuracy);

        private final String spec;
        private final ToDoubleFunction<ConfusionCounts> metric;

        Objective(String spec, ToDoubleFunction<ConfusionCounts> metric) {
            this.spec = spec;
            this.metric = metric;
        }
    }

    /** Maximises a count-based metric; scanning from the highest score keeps the first (larger) of equal maxima. */
    private record MaxMetric(Objective objective) implements ThresholdPolicy {
        @Override
        public double choose(int[] y, double[] scores) {
            return choose(OperatingPoints.of(y, scores));
        }

        @Override
        public double choose(OperatingPoints points) {
            ToDoubleFunction<ConfusionCounts> metric = objective.metric;
            int best = 0;
            double bestValue = metric.applyAsDouble(points.counts(0));
            for (int i = 1; i < points.size(); i++) {
                double v = metric.applyAsDouble(points.counts(i));
                if (v > bestValue) {
                    best = i;
                    bestValue = v;
                }
            }
            return points.threshold(best);
        }

        @Override
        public String spec() {
            return objective.spec;
        }

        @Override
        public boolean needsValidationData() {
            return true;
        }
    }

    /** Recall only grows as the threshold falls, so the first qualifying point from the top is the largest. */
    private record MinRecall(double target) implements ThresholdPolicy {
        @Override
        public double choose(int[] y, double[] scores) {
            return choose(OperatingPoints.of(y, scores));
        }

        @Override
        public double choose(OperatingPoints points) {
            for (int i = 0; i < points.size(); i++) {
                if (points.counts(i).recall() >= target) {
                    return points.threshold(i);
                }
            }
            return points.threshold(points.size() - 1);
        }

        @Override
        public String spec() {
            return "recall>=" + canonical(target);
        }

        @Override
        public boolean needsValidationData() {
            return true;
        }
    }

    /** Precision is not monotone in the threshold, so every point is checked and the lowest qualifying kept. */
    private record MinPrecision(double target) implements ThresholdPolicy {
        @Override
        public double choose(int[] y, double[] scores) {
            return choose(OperatingPoints.of(y, scores));
        }

        @Override
        public double choose(OperatingPoints points) {
            int lowestQualifying = -1;
            int bestPrecision = 0;
            double bestPrecisionValue = -1;
            for (int i = 0; i < points.size(); i++) {
                double precision = points.counts(i).precision();
                if (precision >= target) {
                    lowestQualifying = i;
                }
                if (precision >= bestPrecisionValue) {
                    bestPrecision = i;
                    bestPrecisionValue = precision;
                }
            }
            return points.threshold(lowestQualifying >= 0 ? lowestQualifying : bestPrecision);
        }

        @Override
        public String spec() {
            return "precision>=" + canonical(target);
        }

        @Override
        public java.util.Optional<String> unmet(java.util.Map<String, Double> metrics) {
            Double precision = metrics.get("precision");
            if (precision == null || !(precision < target)) {
                return java.util.Optional.empty();
            }
            Double recall = metrics.get("recall");
            return java.util.Optional.of(String.format(Locale.ROOT, "%s was not reached: at the threshold chosen the "
                    + "validation rows' precision is %.4f%s (where no threshold reaches the target, the one with the "
                    + "highest precision is kept); lower the target, or choose it on more rows (--threshold-cv 5)",
                    spec(), precision, recall == null ? "" : String.format(Locale.ROOT, ", recall %.4f", recall)));
        }

        @Override
        public boolean needsValidationData() {
            return true;
        }
    }

    /** The false-positive rate only grows as the threshold falls, so the last qualifying point is the smallest. */
    private record MaxFalsePositiveRate(double budget) implements ThresholdPolicy {
        @Override
        public double choose(int[] y, double[] scores) {
            return choose(OperatingPoints.of(y, scores));
        }

        @Override
        public double choose(OperatingPoints points) {
            return lowestWithin(points, c -> c.fp() + c.tn() == 0 ? 0 : (double) c.fp() / (c.fp() + c.tn()), budget);
        }

        @Override
        public String spec() {
            return "fpr<=" + canonical(budget);
        }

        @Override
        public boolean needsValidationData() {
            return true;
        }
    }

    /**
     * The smallest threshold (walking down from the largest) whose share stays within the budget: the shares that
     * grow as the threshold falls (false-positive rate, rows flagged). If even the largest score's exceeds it, the
     * next double above that score, which flags none (a share of 0, within any budget).
     */
    private static double lowestWithin(OperatingPoints points, ToDoubleFunction<ConfusionCounts> share, double budget) {
        int lowest = -1;
        for (int i = 0; i < points.size(); i++) {
            if (share.applyAsDouble(points.counts(i)) <= budget) {
                lowest = i;
            } else {
                break;
            }
        }
        return lowest >= 0 ? points.threshold(lowest) : Math.nextUp(points.threshold(0));
    }

    /** The most rows flagged within a budget: a share of all rows, whatever their class. */
    private record AlertBudget(double share) implements ThresholdPolicy {
        @Override
        public double choose(int[] y, double[] scores) {
            return choose(OperatingPoints.of(y, scores));
        }

        @Override
        public double choose(OperatingPoints points) {
            return lowestWithin(points, c -> c.total() == 0 ? 0 : (double) (c.tp() + c.fp()) / c.total(), share);
        }

        @Override
        public String spec() {
            return "alerts<=" + canonical(share);
        }

        @Override
        public boolean needsValidationData() {
            return true;
        }
    }

    /**
     * Minimises the summed costs of the missed positives, each its own (a column's value), plus a flat cost per false
     * positive: one sweep down the distinct scores, O(n log n).
     */
    private record RowCost(String column, double fpCost) implements ThresholdPolicy {
        @Override
        public double choose(int[] y, double[] scores) {
            throw new IllegalStateException("threshold policy " + spec() + " needs the rows' costs");
        }

        @Override
        public double choose(int[] y, double[] scores, double[] rowCosts) {
            if (rowCosts == null) {
                return choose(y, scores);
            }
            // the sweep the reports draw as the cost curve, so the chart's minimum is this choice
            return RowCostCurve.of(y, scores, rowCosts, fpCost).bestThreshold();
        }

        @Override
        public java.util.Optional<String> costColumn() {
            return java.util.Optional.of(column);
        }

        @Override
        public java.util.Optional<Cost> cost(int[] y, double[] scores, double threshold, double[] rowCosts) {
            if (rowCosts == null) {
                return java.util.Optional.empty();
            }
            long missed = 0;
            long falseAlarms = 0;
            double missedCost = 0;
            for (int i = 0; i < y.length; i++) {
                boolean flagged = scores[i] >= threshold;
                if (y[i] == 1 && !flagged) {
                    missed++;
                    missedCost += rowCosts[i];
                } else if (y[i] == 0 && flagged) {
                    falseAlarms++;
                }
            }
            return java.util.Optional.of(new Cost(missed, missedCost, falseAlarms, fpCost * falseAlarms));
        }

        @Override
        public String spec() {
            return "cost:@" + column + ":" + canonical(fpCost);
        }

        @Override
        public boolean needsValidationData() {
            return true;
        }
    }

    /**
     * Minimises expected misclassification cost over every distinct score and, above them all, flagging nothing (the
     * next double above the top score, as {@code fpr<=F} gives when no score fits); strict comparison from the top
     * keeps the larger of ties.
     */
    private record MinCost(double fnCost, double fpCost) implements ThresholdPolicy {
        @Override
        public double choose(int[] y, double[] scores) {
            return choose(OperatingPoints.of(y, scores));
        }

        @Override
        public double choose(OperatingPoints points) {
            return RowCostCurve.flat(points, fnCost, fpCost).bestThreshold();
        }

        @Override
        public java.util.Optional<Cost> cost(ConfusionCounts counts) {
            return java.util.Optional.of(new Cost(counts.fn(), fnCost * counts.fn(), counts.fp(),
                    fpCost * counts.fp()));
        }

        @Override
        public String spec() {
            return "cost:" + canonical(fnCost) + ":" + canonical(fpCost);
        }

        @Override
        public boolean needsValidationData() {
            return true;
        }
    }
}
