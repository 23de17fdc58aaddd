package dev.rareclass.domain.data;

import java.util.Optional;

/**
 * A label column and a score column read from a predictions file at full (double) precision, so that
 * metrics match tools that read the same file as float64; and, when the rows carry them, each row's cost of a missed
 * positive ({@code cost:@COLUMN:FP_COST}, {@link Table#rowCosts()}), for the reports' cost chart.
 */
public final class LabelledScores {
    private final String source;
    private final LabelMapping mapping;
    private final int[] labels;
    private final double[] scores;
    private final double[] rowCosts;

    public LabelledScores(String source, LabelMapping mapping, int[] labels, double[] scores) {
        this(source, mapping, labels, scores, null);
    }

    /**
     * @param rowCosts one cost of a missed positive per row, or null when the rows carry none
     */
    public LabelledScores(String source, LabelMapping mapping, int[] labels, double[] scores, double[] rowCosts) {
        if (labels.length != scores.length) {
            throw new IllegalArgumentException("labels and scores differ in length");
        }
        if (rowCosts != null && rowCosts.length != labels.length) {
            throw new IllegalArgumentException(rowCosts.length + " row costs for " + labels.length + " rows");
        }
        this.source = source;
        this.mapping = mapping;
        this.labels = labels.clone();
        this.scores = scores.clone();
        this.rowCosts = rowCosts == null ? null : rowCosts.clone();
    }

    public String source() {
        return source;
    }

    public LabelMapping mapping() {
        return mapping;
    }

    public int[] labels() {
        return labels.clone();
    }

    public double[] scores() {
        return scores.clone();
    }

    /** Each row's cost of a missed positive, when the scored rows carried a cost column. */
    public Optional<double[]> rowCosts() {
        return Optional.ofNullable(rowCosts).map(double[]::clone);
    }
}
