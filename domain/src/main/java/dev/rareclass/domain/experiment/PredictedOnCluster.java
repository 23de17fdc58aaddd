package dev.rareclass.domain.experiment;

/**
 * What a cluster engine wrote for {@code predict --engine spark}: every row read, with its score and its predicted
 * label at the model's threshold.
 *
 * @param rows              rows written
 * @param predictedPositive rows predicted positive
 * @param threshold         the model's threshold
 * @param oneFile           whether the predictions are one CSV file (else a folder of CSV part files)
 */
public record PredictedOnCluster(long rows, long predictedPositive, double threshold, boolean oneFile) {
}
