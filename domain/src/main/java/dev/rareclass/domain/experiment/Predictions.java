package dev.rareclass.domain.experiment;

import dev.rareclass.domain.scoring.ReasonCodes;
import java.util.List;

import java.util.Optional;

/**
 * Scores and predicted labels for the rows of an input table.
 * Row numbers are the 1-based data rows of the input file; {@code labels} (0/1) are present when the input
 * had the label column; {@code ids} (a column of the input copied as written, {@code predict --id}) when asked for.
 */
public final class Predictions {
    private final int[] rowNumbers;
    private final int[] labels;
    private final double[] scores;
    private final int[] predicted;
    private final double threshold;
    private final int reasonCount;
    private final List<List<ReasonCodes.Reason>> reasons;
    private final String idColumn;
    private final List<String> ids;

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
        this.idColumn = null;
        this.ids = null;
    }

    private Predictions(Predictions p, String idColumn, List<String> ids) {
        this.rowNumbers = p.rowNumbers;
        this.labels = p.labels;
        this.scores = p.scores;
        this.predicted = p.predicted;
        this.threshold = p.threshold;
        this.reasonCount = p.reasonCount;
        this.reasons = p.reasons;
        this.idColumn = idColumn;
        this.ids = ids;
    }

    /**
     * These predictions with each row's identifier: a column of the input as written ({@code predict --id}).
     *
     * @param ids one per row, null where the input had no value
     */
    public Predictions withIds(String column, List<String> ids) {
        java.util.Objects.requireNonNull(column, "column");
        if (ids.size() != size()) {
            throw new IllegalArgumentException(ids.size() + " ids for " + size() + " rows");
        }
        return new Predictions(this, column, java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ids)));
    }

    /** The name of the input column copied as each row's identifier, when one was asked for. */
    public Optional<String> idColumn() {
        return Optional.ofNullable(idColumn);
    }

    /** Row {@code i}'s identifier as the input wrote it; null when it had none. Only with {@link #idColumn()}. */
    public String id(int i) {
        if (ids == null) {
            throw new IllegalStateException("no id column");
        }
        return ids.get(i);
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
