package dev.rareclass.domain.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * The numeric view of a table that trainers see: {@code rows × cols} float32 values, row-major.
 *
 * <p>Instances are immutable by contract: {@link #data()} exposes the backing array so backends can
 * wrap it without copying (a DL4J INDArray, a Smile matrix), and callers must not write into it.
 * Every method that returns a new matrix copies.
 *
 * <p>A matrix may carry a {@link SparseRows} companion with the same number of rows ({@link #sparse()}):
 * binary features such as multi-hot text that are too wide to store densely. They come logically after the
 * {@link #cols()} dense columns; {@link #cols()} counts the dense ones only. Row selection and appending keep
 * the companion; a trainer that cannot read it must refuse a matrix that has one.
 */
public final class FeatureMatrix {

    private final int rows;
    private final int cols;
    private final float[] data;
    private final SparseRows sparse;

    private FeatureMatrix(int rows, int cols, float[] data) {
        this(rows, cols, data, null);
    }

    private FeatureMatrix(int rows, int cols, float[] data, SparseRows sparse) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(
                    "shape " + rows + " x " + cols + " does not match " + data.length + " values");
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        if (sparse != null && sparse.rows() != rows) {
            throw new IllegalArgumentException(sparse.rows() + " sparse rows for " + rows + " dense rows");
        }
        this.sparse = sparse;
    }

    /** This matrix (same dense data, not copied) with a sparse companion, or without one when null. */
    public FeatureMatrix withSparse(SparseRows companion) {
        return new FeatureMatrix(rows, cols, data, companion);
    }

    /**
     * One dense matrix: the dense columns, then the sparse companion's columns as 0/1 values; for trainers
     * without a sparse path. Without a companion, this matrix itself.
     */
    public FeatureMatrix densified() {
        if (sparse == null) {
            return this;
        }
        int width = cols + sparse.width();
        long size = (long) rows * width;
        if (size > Integer.MAX_VALUE - 8) {
            throw new dev.rareclass.domain.error.UsageException(rows + " rows of " + cols + " features and "
                    + sparse.width() + " words would need a dense " + rows + " x " + width + " matrix; lower the "
                    + "vocabulary size, or use a model that reads text sparsely (logistic@smile, mlp@dl4j, logistic@dl4j)");
        }
        float[] out = new float[(int) size];
        int[] offsets = sparse.offsets();
        int[] ids = sparse.ids();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * cols, out, r * width, cols);
            for (int k = offsets[r]; k < offsets[r + 1]; k++) {
                out[r * width + cols + ids[k]] = 1f;
            }
        }
        return new FeatureMatrix(rows, width, out, null);
    }

    /** The sparse companion features, when there are any. */
    public Optional<SparseRows> sparse() {
        return Optional.ofNullable(sparse);
    }

    /** Takes ownership of {@code data} (no copy): the caller must not modify it afterwards. */
    public static FeatureMatrix wrap(int rows, int cols, float[] data) {
        return new FeatureMatrix(rows, cols, data);
    }

    /** Builds a matrix from rows of doubles (convenient for tests and small tables). */
    public static FeatureMatrix ofRows(double[]... values) {
        int cols = values.length == 0 ? 0 : values[0].length;
        float[] out = new float[values.length * cols];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + values[r].length + " values, expected " + cols);
            }
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = (float) values[r][c];
            }
        }
        return new FeatureMatrix(values.length, cols, out);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public float get(int row, int col) {
        return data[row * cols + col];
    }

    /** The backing row-major array. Read only: do not modify. */
    public float[] data() {
        return data;
    }

    /** A copy of one row. */
    public float[] row(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    /** A new matrix holding the given rows, in the given order (repeats allowed). */
    public FeatureMatrix selectRows(int[] rowIndices) {
        float[] out = new float[rowIndices.length * cols];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(data, rowIndices[i] * cols, out, i * cols, cols);
        }
        return new FeatureMatrix(rowIndices.length, cols, out, sparse == null ? null : sparse.selectRows(rowIndices));
    }

    /** A new matrix holding the given columns, in the given order. */
    public FeatureMatrix selectColumns(int[] columns) {
        float[] out = new float[rows * columns.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            int target = r * columns.length;
            for (int j = 0; j < columns.length; j++) {
                out[target + j] = data[base + columns[j]];
            }
        }
        return new FeatureMatrix(rows, columns.length, out, sparse);
    }

    /** This matrix with {@code other}'s rows appended below (same column count). */
    public FeatureMatrix appendRows(FeatureMatrix other) {
        if (other.cols != cols) {
            throw new IllegalArgumentException("column counts differ: " + cols + " vs " + other.cols);
        }
        float[] out = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, out, data.length, other.data.length);
        if ((sparse == null) != (other.sparse == null)) {
            throw new IllegalArgumentException("only one of the matrices has sparse features");
        }
        return new FeatureMatrix(rows + other.rows, cols, out, sparse == null ? null : sparse.appendRows(other.sparse));
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + " x " + cols + (sparse == null ? "" : " + sparse " + sparse.width()) + "]";
    }
}
