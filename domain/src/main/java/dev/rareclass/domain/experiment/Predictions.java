package dev.rareclass.domain.experiment;

import dev.rareclass.domain.scoring.ReasonCodes;
import java.util.List;

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
    private final int reasonCount;
    private final List<List<ReasonCodes.Reason>> reasons;

    public Predictions(int[] rowNumbers, Optional<int[]> labels, double[] scores, int[] predicted, double threshold) {
        this(rowNumbers, labels, scores, predicted, threshold, 0, java.util.Collections.nCopies(rowNumbers.length,
                List.of()));
    }

    /**
     * @param reasonCount how many reasons per row were asked for (the columns a predictions file gets)
     * @param reasons     each row's reasons, at most {@code reasonCount}
     */
    public Predictions(int[] rowNumbers, Optional<int[]> labels, double[] scores, int[] predicted, double threshold,
                       int reasonCount, List<List<ReasonCodes.Reason>> reasons) {
        int n = rowNumbers.length;
        if (scores.length != n || predicted.length != n || labels.map(l -> l.length != n).orElse(false)) {
            throw new IllegalArgumentException("prediction arrays differ in length");
        }
        this.rowNumbers = rowNumbers.clone();
        this.labels = labels.map(int[]::clone).orElse(null);
        this.scores = scores.clone();
        this.predicted = predicted.clone();
        this.threshold = threshold;
        if (reasons.size() != n || reasons.stream().anyMatch(r -> r.size() > reasonCount)) {
            throw new IllegalArgumentException("reasons do not match the rows or the count asked for");
        }
        this.reasonCount = reasonCount;
        this.reasons = List.copyOf(reasons);
    }

    /** How many reasons per row were asked for ({@code predict --reasons K}); 0 when none. */
    public int reasonCount() {
        return reasonCount;
    }

    /** The reasons of row {@code i}, largest change first (possibly fewer than {@link #reasonCount()}). */
    public List<ReasonCodes.Reason> reasons(int i) {
        return reasons.get(i);
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
