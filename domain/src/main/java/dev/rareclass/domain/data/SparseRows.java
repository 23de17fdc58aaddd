package dev.rareclass.domain.data;

import java.util.Arrays;

/**
 * Binary sparse features: for each of {@link #rows()} rows the sorted, distinct ids (in {@code [0, width)}) of
 * the features that are 1; every other feature is 0. Compressed rows: row {@code r}'s ids are
 * {@code ids[offsets[r] .. offsets[r + 1])}. This is how multi-hot text reaches a trainer without a dense
 * {@code rows × width} matrix; it travels with the dense part as {@link FeatureMatrix#sparse()}.
 *
 * <p>Immutable by contract: {@link #ids()} and {@link #offsets()} expose the backing arrays, read only.
 */
public final class SparseRows {

    private final int width;
    private final int[] offsets;
    private final int[] ids;

    private SparseRows(int width, int[] offsets, int[] ids) {
        if (width < 0 || offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != ids.length) {
            throw new IllegalArgumentException("invalid sparse rows: width " + width + ", " + offsets.length
                    + " offsets, " + ids.length + " ids");
        }
        for (int r = 0; r + 1 < offsets.length; r++) {
            int prev = -1;
            for (int k = offsets[r]; k < offsets[r + 1]; k++) {
                if (ids[k] <= prev || ids[k] >= width) {
                    throw new IllegalArgumentException("row " + r + ": ids must be increasing and below " + width);
                }
                prev = ids[k];
            }
        }
        this.width = width;
        this.offsets = offsets;
        this.ids = ids;
    }

    /** Takes ownership of both arrays (no copy). */
    public static SparseRows wrap(int width, int[] offsets, int[] ids) {
        return new SparseRows(width, offsets, ids);
    }

    /** From one id array per row (each sorted ascending, distinct); copies. */
    public static SparseRows ofRows(int width, int[]... rows) {
        int[] offsets = new int[rows.length + 1];
        for (int r = 0; r < rows.length; r++) {
            offsets[r + 1] = offsets[r] + rows[r].length;
        }
        int[] ids = new int[offsets[rows.length]];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, ids, offsets[r], rows[r].length);
        }
        return new SparseRows(width, offsets, ids);
    }

    public int rows() {
        return offsets.length - 1;
    }

    /** Number of sparse features (ids are below it). */
    public int width() {
        return width;
    }

    /** Row starts into {@link #ids()}, {@code rows() + 1} of them. Read only. */
    public int[] offsets() {
        return offsets;
    }

    /** All rows' ids, concatenated. Read only. */
    public int[] ids() {
        return ids;
    }

    /** A copy of row {@code r}'s ids. */
    public int[] row(int r) {
        return Arrays.copyOfRange(ids, offsets[r], offsets[r + 1]);
    }

    /** Number of ones in row {@code r}. */
    public int count(int r) {
        return offsets[r + 1] - offsets[r];
    }

    /** The most ones in any row. */
    public int maxCount() {
        int max = 0;
        for (int r = 0; r < rows(); r++) {
            max = Math.max(max, count(r));
        }
        return max;
    }

    /** The given rows, in the given order (repeats allowed). */
    public SparseRows selectRows(int[] rowIndices) {
        int[] off = new int[rowIndices.length + 1];
        for (int i = 0; i < rowIndices.length; i++) {
            off[i + 1] = off[i] + count(rowIndices[i]);
        }
        int[] out = new int[off[rowIndices.length]];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            System.arraycopy(ids, offsets[r], out, off[i], count(r));
        }
        return new SparseRows(width, off, out);
    }

    /** These rows then {@code other}'s (same width). */
    public SparseRows appendRows(SparseRows other) {
        if (other.width != width) {
            throw new IllegalArgumentException("sparse widths differ: " + width + " vs " + other.width);
        }
        int n = rows();
        int[] off = Arrays.copyOf(offsets, n + other.rows() + 1);
        for (int i = 1; i <= other.rows(); i++) {
            off[n + i] = offsets[n] + other.offsets[i];
        }
        int[] out = Arrays.copyOf(ids, ids.length + other.ids.length);
        System.arraycopy(other.ids, 0, out, ids.length, other.ids.length);
        return new SparseRows(width, off, out);
    }

    /**
     * The dense {@code rows × width} 0/1 matrix, for tests, small data and backends without a sparse path.
     * This is exactly what the sparse form exists to avoid on large vocabularies.
     */
    public FeatureMatrix toDense() {
        int n = rows();
        float[] out = new float[Math.multiplyExact(n, width)];
        for (int r = 0; r < n; r++) {
            for (int k = offsets[r]; k < offsets[r + 1]; k++) {
                out[r * width + ids[k]] = 1f;
            }
        }
        return FeatureMatrix.wrap(n, width, out);
    }

    @Override
    public String toString() {
        return "SparseRows[" + rows() + " x " + width + ", " + ids.length + " ones]";
    }
}
