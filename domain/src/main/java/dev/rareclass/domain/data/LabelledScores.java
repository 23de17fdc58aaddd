package dev.rareclass.domain.data;

/**
 * A label column and a score column read from a predictions file at full (double) precision, so that
 * metrics match tools that read the same file as float64.
 */
public final class LabelledScores {
    private final String source;
    private final LabelMapping mapping;
    private final int[] labels;
    private final double[] scores;

    public LabelledScores(String source, LabelMapping mapping, int[] labels, double[] scores) {
        if (labels.length != scores.length) {
            throw new IllegalArgumentException("labels and scores differ in length");
        }
        this.source = source;
        this.mapping = mapping;
        this.labels = labels.clone();
        this.scores = scores.clone();
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
}
