package dev.rareclass.domain.data;

import java.util.List;
import java.util.Optional;

/**
 * A table as read from a source: named numeric feature columns, and (when the source has one) the
 * binary label. {@code rowNumbers} gives, for each row, its 1-based data row number in the source,
 * so messages and prediction files can point back to the input even after rows were dropped.
 */
public final class Table {

    private final String source;
    private final List<String> featureNames;
    private final FeatureMatrix features;
    private final Labels labels;
    private final LabelMapping labelMapping;
    private final int[] rowNumbers;

    public Table(String source, List<String> featureNames, FeatureMatrix features,
                 Labels labels, LabelMapping labelMapping, int[] rowNumbers) {
        if (featureNames.size() != features.cols()) {
            throw new IllegalArgumentException(featureNames.size() + " names for " + features.cols() + " columns");
        }
        if (labels != null && labels.size() != features.rows()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + features.rows() + " rows");
        }
        if ((labels == null) != (labelMapping == null)) {
            throw new IllegalArgumentException("labels and their mapping come together");
        }
        if (rowNumbers.length != features.rows()) {
            throw new IllegalArgumentException(rowNumbers.length + " row numbers for " + features.rows() + " rows");
        }
        this.source = source;
        this.featureNames = List.copyOf(featureNames);
        this.features = features;
        this.labels = labels;
        this.labelMapping = labelMapping;
        this.rowNumbers = rowNumbers.clone();
    }

    /** A labelled table whose row numbers are 1..n. */
    public static Table labelled(String source, List<String> featureNames, FeatureMatrix x, Labels y, LabelMapping mapping) {
        return new Table(source, featureNames, x, y, mapping, sequence(x.rows()));
    }

    private static int[] sequence(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i + 1;
        }
        return out;
    }

    /** Where the table came from, for messages (a file path, or "synthetic"). */
    public String source() {
        return source;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public FeatureMatrix features() {
        return features;
    }

    public int rows() {
        return features.rows();
    }

    public Optional<Labels> labels() {
        return Optional.ofNullable(labels);
    }

    public Optional<LabelMapping> labelMapping() {
        return Optional.ofNullable(labelMapping);
    }

    /** The labels, or a data error naming the source when it has none. */
    public Labels requireLabels() {
        if (labels == null) {
            throw new dev.rareclass.domain.error.DataException(source + ": no label column (use --label)");
        }
        return labels;
    }

    public int[] rowNumbers() {
        return rowNumbers.clone();
    }

    /** The rows at the given indices, labels and row numbers included. */
    public Table selectRows(int[] indices) {
        int[] numbers = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            numbers[i] = rowNumbers[indices[i]];
        }
        return new Table(source, featureNames, features.selectRows(indices),
                labels == null ? null : labels.select(indices), labelMapping, numbers);
    }
}
