package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.metrics.BinaryMetrics;

/**
 * One configuration's result on one split.
 *
 * @param repeat        0-based repeat
 * @param fold          0-based fold
 * @param trainRows     rows the pipeline was fitted on (inner validation included)
 * @param testRows      held-out rows scored
 * @param testPositives positives among them
 * @param threshold     the threshold chosen on the inner validation rows
 * @param fitSeconds    time to fit the pipeline
 * @param metrics       every metric on the held-out rows
 * @param scores        the held-out rows' labels and scores, for curves pooled over splits
 */
public record FoldOutcome(int repeat, int fold, int trainRows, int testRows, int testPositives, double threshold,
                          double fitSeconds, BinaryMetrics metrics, LabelledScores scores) {
}
