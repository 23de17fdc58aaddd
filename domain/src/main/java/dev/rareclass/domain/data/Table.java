package dev.rareclass.domain.data;

import dev.rareclass.domain.error.DataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table as read from a source: typed feature columns (numeric, categorical, text) with their missing
 * values, and (when the source has one) the binary label. {@code rowNumbers} gives, for each row, its
 * 1-based data row number in the source, so messages and prediction files point back to the input even
 * after rows were dropped. {@code notes} are things the reader decided that a user should hear about
 * (such as a column read as categorical).
 */
public final class Table {

    private final String source;
    private final List<Column> columns;
    private final Labels labels;
    private final LabelMapping labelMapping;
    private final int[] rowNumbers;
    private final List<String> notes;
    private final double[] rowCosts;

    public Table(String source, List<Column> columns, Labels labels, LabelMapping labelMapping, int[] rowNumbers,
                 List<String> notes) {
        this(source, columns, labels, labelMapping, rowNumbers, notes, null);
    }

    /**
     * @param rowCosts the cost of missing each row's positive, read from a column that is no feature
     *                 ({@link #withRowCostsFrom}); null when none
     */
    public Table(String source, List<Column> columns, Labels labels, LabelMapping labelMapping, int[] rowNumbers,
                 List<String> notes, double[] rowCosts) {
        int n = rowNumbers.length;
        for (Column c : columns) {
            if (c.size() != n) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + n);
            }
        }
        if (labels != null && labels.size() != n) {
            throw new IllegalArgumentException(labels.size() + " labels for " + n + " rows");
        }
        if ((labels == null) != (labelMapping == null)) {
            throw new IllegalArgumentException("labels and their mapping come together");
        }
        this.source = source;
        this.columns = List.copyOf(columns);
        this.labels = labels;
        this.labelMapping = labelMapping;
        this.rowNumbers = rowNumbers.clone();
        this.notes = List.copyOf(notes);
        if (rowCosts != null && rowCosts.length != n) {
            throw new IllegalArgumentException(rowCosts.length + " row costs for " + n + " rows");
        }
        this.rowCosts = rowCosts == null ? null : rowCosts.clone();
    }

    /** A labelled, all-numeric table from a matrix, with row numbers 1..n (for generated data and tests). */
    public static Table labelled(String source, List<String> featureNames, FeatureMatrix x, Labels y, LabelMapping mapping) {
        if (featureNames.size() != x.cols()) {
            throw new IllegalArgumentException(featureNames.size() + " names for " + x.cols() + " columns");
        }
        List<Column> columns = new ArrayList<>(x.cols());
        for (int c = 0; c < x.cols(); c++) {
            float[] values = new float[x.rows()];
            for (int r = 0; r < x.rows(); r++) {
                values[r] = x.get(r, c);
            }
            columns.add(new NumericColumn(featureNames.get(c), values));
        }
        int[] numbers = new int[x.rows()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i + 1;
        }
        return new Table(source, columns, y, mapping, numbers, List.of());
    }

    /** Where the table came from, for messages (a file path, or "synthetic"). */
    public String source() {
        return source;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> featureNames() {
        return columns.stream().map(Column::name).toList();
    }

    public int rows() {
        return rowNumbers.length;
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
            throw new DataException(source + ": no label column (use --label)");
        }
        return labels;
    }

    public int[] rowNumbers() {
        return rowNumbers.clone();
    }

    public int rowNumber(int row) {
        return rowNumbers[row];
    }

    public List<String> notes() {
        return notes;
    }

    /** The rows at the given indices, labels and row numbers included. */
    public Table selectRows(int[] indices) {
        int[] numbers = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            numbers[i] = rowNumbers[indices[i]];
        }
        List<Column> selected = columns.stream().map(c -> c.select(indices)).toList();
        double[] costs = null;
        if (rowCosts != null) {
            costs = new double[indices.length];
            for (int i = 0; i < indices.length; i++) {
                costs[i] = rowCosts[indices[i]];
            }
        }
        return new Table(source, selected, labels == null ? null : labels.select(indices), labelMapping, numbers, notes,
                costs);
    }

    /** The cost of missing each row's positive, when a cost column was set aside ({@link #withRowCostsFrom}). */
    public Optional<double[]> rowCosts() {
        return Optional.ofNullable(rowCosts).map(double[]::clone);
    }

    /**
     * This table without the named numeric column, whose values become the rows' costs of a missed positive (the
     * payment amount of a fraud): a cost, not a feature.
     *
     * @throws dev.rareclass.domain.error.DataException when there is no such column (naming the closest ones, or
     *         saying it is the label), when it is not numeric, or a value is missing or negative (naming the data row)
     */
    public Table withRowCostsFrom(String column) {
        int at = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                at = i;
            }
        }
        if (at < 0) {
            // a data error, as every other column a file lacks (--label, --drop, --id)
            if (labelMapping != null && labelMapping.column().equals(column)) {
                throw new dev.rareclass.domain.error.DataException(source + ": cost column '" + column + "' is the "
                        + "label column; the cost of missing a positive is read from another column");
            }
            List<String> near = ClosestNames.closest(column, featureNames());
            throw new dev.rareclass.domain.error.DataException(source + ": cost column '" + column + "' not found"
                    + (near.isEmpty() ? "" : "; did you mean " + ClosestNames.quoted(near) + "?"));
        }
        if (!(columns.get(at) instanceof NumericColumn numeric)) {
            throw new dev.rareclass.domain.error.DataException(source + ": cost column '" + column + "' is "
                    + columns.get(at).type() + ", not numeric");
        }
        double[] costs = new double[rows()];
        for (int r = 0; r < costs.length; r++) {
            double v = numeric.get(r);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new dev.rareclass.domain.error.DataException(source + ": data row " + rowNumbers[r]
                        + ", cost column '" + column + "': " + (Double.isNaN(v) ? "missing value"
                        : "value " + (float) v) // as read (a float32), not its double's digits
                        + "; a cost must be a finite number of 0 or more");
            }
            costs[r] = v;
        }
        List<Column> rest = new ArrayList<>(columns);
        rest.remove(at);
        return new Table(source, rest, labels, labelMapping, rowNumbers, notes, costs);
    }

    /** This table with other labels (same rows), such as labels shifted for early warning. */
    public Table withLabels(Labels newLabels) {
        return new Table(source, columns, newLabels, labelMapping, rowNumbers, notes, rowCosts);
    }

    /** This table with one more note. */
    public Table withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Table(source, columns, labels, labelMapping, rowNumbers, more, rowCosts);
    }

    /**
     * The numeric features as a row-major matrix. Only for tables whose columns are all numeric with no
     * missing values; everything else goes through preprocessing.
     */
    public FeatureMatrix numericMatrix() {
        int n = rows();
        int d = columns.size();
        float[] out = new float[n * d];
        for (int c = 0; c < d; c++) {
            if (!(columns.get(c) instanceof NumericColumn num)) {
                throw new IllegalStateException("column " + columns.get(c).name() + " is not numeric");
            }
            float[] v = num.values();
            for (int r = 0; r < n; r++) {
                out[r * d + c] = v[r];
            }
        }
        return FeatureMatrix.wrap(n, d, out);
    }
}
