package dev.rareclass.domain.experiment;

import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.metrics.Curve;

/**
 * A model's numbers on one labelled table: every metric at the model's threshold, the classification
 * report, and the ROC and precision-recall curves.
 *
 * @param dataSource the evaluated file
 * @param model      {@code kind@backend}
 * @param policy     the threshold policy that chose {@link BinaryMetrics#threshold()}
 */
public record Evaluation(String dataSource, String model, String policy, BinaryMetrics metrics,
                         ClassificationReport report, Curve roc, Curve precisionRecall) {
}
