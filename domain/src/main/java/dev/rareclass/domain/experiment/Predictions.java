package dev.rareclass.domain.experiment;

import java.util.Optional;

/**
 * Scores and predicted labels for the rows of an input table.
 * Row numbers are the 1-based data rows of the input file; {@code labels} (0/1) are present when the input
 * had the label column.
 */
public final class Predictions {
    private final int[] rowNumbers;
    private final int[] labels;
    private final double[] scores;
    private final int[] predicted;
    private final double threshold;

    public Predictions(int[] rowNumbers, Optional<int[]> labels, double[] scores, int[] predicted, double threshold) {
        int n = rowNumbers.length;
        if (scores.length != n || predicted.length != n || labels.map(l -> l.length != n).orElse(false)) {
            throw new IllegalArgumentException("prediction arrays differ in length");
        }
        this.rowNumbers = rowNumbers.clone();
        this.labels = labels.map(int[]::clone).orElse(null);
        this.scores = scores.clone();
        this.predicted = predicted.clone();
        this.threshold = threshold;
    }

    public int size() {
        return rowNumbers.length;
    }

    public int rowNumber(int i) {
        return rowNumbers[i];
    }

    public boolean hasLabels() {
        return labels != null;
    }

    public int label(int i) {
        return labels[i];
    }

    public double score(int i) {
        return scores[i];
    }

    public int predicted(int i) {
        return predicted[i];
    }

    public double threshold() {
        return threshold;
    }
}
