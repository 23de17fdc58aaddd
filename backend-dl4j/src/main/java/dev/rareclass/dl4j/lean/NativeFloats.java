package dev.rareclass.dl4j.lean;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk access to a float32 matrix's native memory, for the loops the lean layers run in Java (through
 * {@link Floats} or directly, as {@link ScatterFreeEmbedding} does). ND4J's own ways between Java arrays and INDArrays
 * ({@code Nd4j.create(float[])}, {@code data().asFloat()}) go element by element through bounds-checked indexers
 * and made up most of a sparse training step; a direct {@link FloatBuffer} over the same memory copies a whole
 * contiguous block at once, views included (element {@code (r, c)} at {@code offset + r·stride0 + c·stride1}).
 */
record NativeFloats(FloatBuffer buffer, int offset, int stride0, int stride1) {

    /** The matrix {@code a}, which must be rank 2 and float32. */
    static NativeFloats of(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.rank() != 2) {
            throw new IllegalArgumentException("a float32 matrix is needed, got " + a.dataType() + " "
                    + java.util.Arrays.toString(a.shape()));
        }
        return new NativeFloats(a.data().asNioFloat(), Math.toIntExact(a.offset()), Math.toIntExact(a.stride(0)),
                Math.toIntExact(a.stride(1)));
    }

    /** The float32 vector {@code a} (rank 1) as a {@code 1 × n} matrix. */
    static NativeFloats vector(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.rank() != 1) {
            throw new IllegalArgumentException("a float32 vector is needed, got " + a.dataType() + " "
                    + java.util.Arrays.toString(a.shape()));
        }
        return new NativeFloats(a.data().asNioFloat(), Math.toIntExact(a.offset()), Math.toIntExact(a.length()),
                Math.toIntExact(a.stride(0)));
    }

    /**
     * Whether {@code a} is a float32 matrix in one contiguous block, row-major or column-major, which
     * {@link #read}/{@link #write} then copy whole.
     */
    static boolean isBlock(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.rank() != 2) {
            return false;
        }
        long rows = a.size(0);
        long cols = a.size(1);
        long s0 = a.stride(0);
        long s1 = a.stride(1);
        return (s1 == 1 && (s0 == cols || rows == 1)) || (s0 == 1 && (s1 == rows || cols == 1));
    }

    /** {@code a} as a row-major block: itself when it already is one, else a row-major float32 copy. */
    static NativeFloats rowMajor(INDArray a) {
        if (isBlock(a) && (a.stride(1) == 1 || a.size(0) == 1)) {
            return of(a);
        }
        return of(a.castTo(DataType.FLOAT).dup('c'));
    }

    /** Index step between rows in {@link #read}'s array; {@link #colStep} between columns. */
    int rowStep() {
        return stride0;
    }

    int colStep() {
        return stride1;
    }

    /** Copies the whole (contiguous) block, in memory order, into {@code dst}. */
    void read(float[] dst) {
        buffer.get(offset, dst);
    }

    /** Overwrites the whole (contiguous) block, in memory order, with {@code src}. */
    void write(float[] src) {
        buffer.put(offset, src);
    }
}
