package dev.rareclass.dl4j.lean;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float32 matrices between native memory and row-major Java arrays, whatever their layout, copied in bulk through
 * {@link NativeFloats}: what the lean layers ({@link LeanDense}, {@link InvertedDropout}) read and write every step,
 * and the two ways the sparse input builder fills its arrays ({@link #matrix}, {@link #writeMatrix}, public).
 */
public final class Floats {

    private Floats() {
    }

    /** A float32 {@code rows × cols} matrix's values, row-major, whatever its layout. */
    static float[] readMatrix(INDArray a, int rows, int cols) {
        float[] out = new float[rows * cols];
        if (a.rank() == 1 && rows == 1 && a.stride(0) == 1 && a.dataType() == DataType.FLOAT) {
            NativeFloats.vector(a).read(out);
            return out;
        }
        if (!NativeFloats.isBlock(a) || a.size(0) != rows || a.size(1) != cols) {
            NativeFloats.rowMajor(a.reshape(rows, cols)).read(out);
            return out;
        }
        NativeFloats at = NativeFloats.of(a);
        if (at.colStep() == 1 || rows == 1) {
            at.read(out);
            return out;
        }
        float[] raw = new float[rows * cols];
        at.read(raw);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = raw[r * at.rowStep() + c * at.colStep()];
            }
        }
        return out;
    }

    /** Overwrites a contiguous float32 {@code rows × cols} matrix (either order) with row-major {@code values}. */
    public static void writeMatrix(INDArray a, float[] values, int rows, int cols) {
        NativeFloats at = a.rank() == 1 ? NativeFloats.vector(a) : NativeFloats.of(a);
        if (at.colStep() == 1 || rows == 1) {
            at.write(values);
            return;
        }
        float[] raw = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                raw[r * at.rowStep() + c * at.colStep()] = values[r * cols + c];
            }
        }
        at.write(raw);
    }

    /** The transpose of row-major {@code rows × cols} {@code m}, row-major. */
    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /** A new row-major {@code rows × cols} float32 INDArray holding {@code values} (row-major), copied in bulk. */
    public static INDArray matrix(float[] values, int rows, int cols) {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(values.length + " values for a " + rows + " x " + cols + " matrix");
        }
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, cols}, 'c');
        NativeFloats.of(out).write(values);
        return out;
    }
}
