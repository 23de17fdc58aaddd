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
    private final long droppedRows;

    public LabelledScores(String source, LabelMapping mapping, int[] labels, double[] scores) {
        this(source, mapping, labels, scores, null);
    }

    /** The rows kept of a file whose {@code droppedRows} rows were left out for a missing label or score. */
    public LabelledScores(String source, LabelMapping mapping, int[] labels, double[] scores, long droppedRows) {
        this(source, mapping, labels, scores, null, droppedRows);
    }

    /**
     * @param rowCosts one cost of a missed positive per row, or null when the rows carry none
     */
    public LabelledScores(String source, LabelMapping mapping, int[] labels, double[] scores, double[] rowCosts) {
        this(source, mapping, labels, scores, rowCosts, 0);
    }

    private LabelledScores(String source, LabelMapping mapping, int[] labels, double[] scores, double[] rowCosts,
                           long droppedRows) {
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
        this.droppedRows = droppedRows;
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

    /** Rows of the file left out for a missing label or score ({@code --missing drop}); 0 when none was. */
    public long droppedRows() {
        return droppedRows;
    }

    /** Each row's cost of a missed positive, when the scored rows carried a cost column. */
    public Optional<double[]> rowCosts() {
        return Optional.ofNullable(rowCosts).map(double[]::clone);
    }
}
