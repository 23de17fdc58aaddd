package dev.rareclass.domain.experiment;

import java.util.Objects;

/**
 * A cluster engine's evaluation of a saved model on a labelled table ({@code evaluate --engine spark}): every metric at
 * the model's threshold, the classification report and the curves, computed where the rows are.
 *
 * @param rows       rows scored
 * @param positives  positive rows among them
 * @param evaluation the numbers, as the in-memory engine's evaluation holds them (without the bootstrap intervals
 *                   and the top shares, which need every row in one place)
 */
public record EvaluatedOnCluster(long rows, long positives, Evaluation evaluation) {

    public EvaluatedOnCluster {
        Objects.requireNonNull(evaluation, "evaluation");
    }
}
