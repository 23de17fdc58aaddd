package dev.rareclass.domain.threshold;

/**
 * How to pick the decision threshold that turns scores into 0/1 predictions (positive iff
 * {@code score >= threshold}).
 *
 * <p>Obtain instances with {@link ThresholdPolicies#parse(String)}.
 */
public interface ThresholdPolicy {

    /**
     * Chooses a threshold.
     *
     * @param y      true labels of the data to tune on, 0 or 1 (ignored by fixed policies)
     * @param scores scores of the same rows (ignored by fixed policies)
     * @return a threshold {@code t}; applying {@code score >= t} to these scores reproduces the confusion
     *         counts the policy selected
     * @throws IllegalArgumentException on invalid data, for policies that use it
     */
    double choose(int[] y, double[] scores);

    /**
     * Chooses a threshold from the operating points alone (every distinct score with its confusion counts), which is
     * all every policy but a per-row cost one looks at: how an engine that cannot hand over every row (the Spark
     * engine) chooses exactly as {@link #choose(int[], double[])} would on the same scores.
     *
     * @throws UnsupportedOperationException for a policy that needs each row ({@link #costColumn()} present)
     */
    default double choose(dev.rareclass.domain.metrics.OperatingPoints points) {
        throw new UnsupportedOperationException("threshold policy " + spec() + " needs each row, not only the "
                + "operating points");
    }

    /**
     * The canonical spec, such that {@code ThresholdPolicies.parse(spec())} yields an equal policy; used to
     * record in reports and model files how the threshold was chosen.
     *
     * @return the canonical spec string, e.g. {@code "recall>=0.9"}
     */
    String spec();

    /**
     * Tells whether {@link #choose} looks at labels, so the caller knows to hold out validation data rather
     * than tune on the training set.
     *
     * @return false for a fixed threshold, true for tuned policies
     */
    boolean needsValidationData();

    /**
     * The column whose values are the rows' costs of a missed positive ({@code cost:@COLUMN:FP_COST}): set aside from
     * the features before fitting and passed to {@link #choose(int[], double[], double[])}.
     */
    default java.util.Optional<String> costColumn() {
        return java.util.Optional.empty();
    }

    /**
     * What this policy asked that the metrics at the threshold it chose do not meet, as a warning's text without its
     * {@code warning: } prefix, or empty when they meet it. Only a precision target can be out of reach: recall reaches
     * 1 at the lowest score, and a false-positive or alert budget is kept by flagging nothing; a policy that finds no
     * threshold meeting its target keeps its nearest (the highest precision), which a user who asked for the target
     * would otherwise take for it.
     *
     * @param metrics the metrics at the chosen threshold on the rows it was chosen on (keys as
     *                {@code MetricName.key()}: {@code precision}, {@code recall}, ...)
     */
    default java.util.Optional<String> unmet(java.util.Map<String, Double> metrics) {
        return java.util.Optional.empty();
    }

    /**
     * Chooses a threshold knowing each row's cost of a missed positive; policies without a cost column ignore it.
     *
     * @param rowCosts one cost per row, or null when the table has none
     */
    default double choose(int[] y, double[] scores, double[] rowCosts) {
        return choose(y, scores);
    }

    /**
     * The summed cost a cost policy minimises, at the threshold these counts were taken at: what the threshold costs on
     * the rows measured (for {@code cost:FN_COST:FP_COST}); empty for every other policy, and for
     * {@code cost:@COLUMN:FP_COST}, which needs each row ({@link #cost(int[], double[], double, double[])}).
     */
    default java.util.Optional<Cost> cost(dev.rareclass.domain.metrics.ConfusionCounts counts) {
        return java.util.Optional.empty();
    }

    /**
     * {@link #cost(dev.rareclass.domain.metrics.ConfusionCounts)} of these rows flagged at {@code score >= threshold},
     * with each missed positive's own cost for {@code cost:@COLUMN:FP_COST} (empty without them).
     *
     * @param rowCosts one cost per row (read for positives), or null when the table has none
     */
    default java.util.Optional<Cost> cost(int[] y, double[] scores, double threshold, double[] rowCosts) {
        return cost(dev.rareclass.domain.metrics.ConfusionCounts.of(y, scores, threshold));
    }

    /**
     * What a threshold costs under a cost policy, in the policy's units: the missed positives' costs plus the false
     * alarms'.
     *
     * @param missed          positives scored below the threshold
     * @param missedCost      their summed cost ({@code FN_COST * missed}, or their rows' costs)
     * @param falseAlarms     negatives flagged
     * @param falseAlarmCost  {@code FP_COST * falseAlarms}
     */
    record Cost(long missed, double missedCost, long falseAlarms, double falseAlarmCost) {
        /** @return the summed cost, what the policy minimised */
        public double total() {
            return missedCost + falseAlarmCost;
        }

        /** @return "995 (63 missed positives 630 + 365 false alarms 365)", as the console and reports show it */
        public String text() {
            return amount(total()) + " (" + missed + (missed == 1 ? " missed positive " : " missed positives ")
                    + amount(missedCost) + " + " + falseAlarms + (falseAlarms == 1 ? " false alarm " : " false alarms ")
                    + amount(falseAlarmCost) + ")";
        }

        /** A whole amount without decimals, cents with two, anything beyond in six significant digits. */
        private static String amount(double v) {
            if (Double.isFinite(v) && Math.abs(v) < 1e15) {
                return String.format(java.util.Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.2f", v);
            }
            return String.format(java.util.Locale.ROOT, "%.6g", v);
        }
    }
}
