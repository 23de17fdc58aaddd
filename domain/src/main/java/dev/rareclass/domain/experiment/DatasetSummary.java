package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Table;

/**
 * What a report says about the data: where it came from, its size and its class balance.
 *
 * @param source    the file as given (or a description of generated data)
 * @param rows      rows read
 * @param positives rows of the positive class
 * @param columns   feature columns (the label excluded)
 * @param label     the label column and its class values
 */
public record DatasetSummary(String source, int rows, int positives, int columns, LabelMapping label) {

    /** Summarises a labelled table. */
    public static DatasetSummary of(Table table) {
        Labels y = table.requireLabels();
        return new DatasetSummary(table.source(), table.rows(), y.positives(), table.featureNames().size(),
                table.labelMapping().orElseThrow());
    }

    public int negatives() {
        return rows - positives;
    }

    /** Share of positive rows, the precision of a classifier that guesses (the PR curve's no-skill line). */
    public double positiveRate() {
        return rows == 0 ? Double.NaN : (double) positives / rows;
    }
}
