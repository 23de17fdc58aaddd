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
}
