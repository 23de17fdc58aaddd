package dev.rareclass.dl4j.lean;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's inverted dropout ({@link Dropout} with a fixed retain probability {@code p}) computed in Java, drawing
 * the very numbers ND4J's native {@code DropOutInverted} op draws and leaving the random generator in the state
 * the op leaves it in, so a network trains to the same weights either way and a seed gives what it gave before.
 *
 * <p>Why: on the 256-256-256 network at batch 2048 DL4J's dropout was a third of a training step. For each
 * layer it fills a mask with ones, runs the random op over it (a data-dependent branch per element, which the
 * processor mispredicts a third of the time at {@code p = 0.7}), multiplies, and multiplies again in the backprop:
 * about 4 ms per 2048 × 256 layer here. This draws the mask in 0.2 ms, and with the copies between native and
 * Java memory and the product back takes about 1 ms in all.
 *
 * <p>How ND4J draws (libnd4j's {@code RandomGenerator} in 1.0.0-M2.1, reproduced from its behaviour and checked
 * element for element against the native op, see {@code InvertedDropoutTest}): the generator is counter-based.
 * It holds a root and a node state; the op's draw {@code i}, for the mask element at memory position {@code i},
 * is a hash of the two states and {@code i}, turned into a float {@code r} in [0, 1) from its top 23 bits. The
 * element is kept, as {@code 1/p}, when {@code r < p} (in float), else set to 0. Afterwards the node state moves on
 * by a fixed function of the op's length; the root state stays. As the draws depend on the position alone, the
 * order they are computed in does not matter.
 *
 * <p>One instance per layer holds the mask of its last training forward pass until the backprop uses it, as
 * DL4J's {@code Dropout} does.
 */
final class InvertedDropout {

    /** The mask of the last forward pass, row-major: 0 or {@code 1/p}; null when none is held. */
    private float[] mask;
    private int rows;
    private int cols;

    /**
     * {@code input} after dropout, as DL4J's {@code Dropout.applyDropout} computes it (the same draws, the same
     * values, the same layout: the memory order of {@code input}'s ordering, in {@code input} itself when
     * {@code inPlace}), keeping the mask for {@link #backprop}. Null when {@code dropout} is not the plain kind
     * handled here or {@code input} is not a float32 matrix: then DL4J's own dropout must run.
     */
    INDArray apply(IDropout dropout, INDArray input, boolean inPlace, LayerWorkspaceMgr workspaceMgr) {
        mask = null;
        if (!(dropout instanceof Dropout d) || d.getClass() != Dropout.class || d.getPSchedule() != null
                || !(d.getP() > 0 && d.getP() <= 1) || input.dataType() != DataType.FLOAT || input.rank() != 2
                || input.length() > Integer.MAX_VALUE) {
            return null;
        }
        rows = Math.toIntExact(input.size(0));
        cols = Math.toIntExact(input.size(1));
        // DL4J draws into a fresh mask laid out in input's ordering: position i of that layout is draw i
        boolean columnMajor = input.ordering() == 'f' && rows > 1 && cols > 1;
        Random rng = Nd4j.getRandom();
        long root = rng.rootState();
        long node = rng.nodeState();
        float[] m = new float[rows * cols];
        draw(root, node, (float) d.getP(), m);
        rng.setStates(root, advance(node, m.length));
        if (columnMajor) {
            m = Floats.transpose(m, cols, rows);
        }
        float[] x = Floats.readMatrix(input, rows, cols);
        for (int i = 0; i < x.length; i++) {
            x[i] *= m[i];
        }
        INDArray out = inPlace ? input
                : workspaceMgr.createUninitialized(ArrayType.INPUT, DataType.FLOAT, input.shape(), input.ordering());
        overwrite(out, x);
        mask = m;
        return out;
    }

    /**
     * Multiplies {@code epsilon} by the mask of the last {@link #apply}, in place, as DL4J's {@code Dropout.backprop}
     * does, and lets the mask go. False, with nothing done, when no mask is held (DL4J's dropout ran instead).
     */
    boolean backprop(INDArray epsilon) {
        float[] m = mask;
        if (m == null || epsilon.dataType() != DataType.FLOAT || epsilon.rank() != 2 || epsilon.size(0) != rows
                || epsilon.size(1) != cols) {
            return false;
        }
        mask = null;
        float[] e = Floats.readMatrix(epsilon, rows, cols);
        for (int i = 0; i < e.length; i++) {
            e[i] *= m[i];
        }
        overwrite(epsilon, e);
        return true;
    }

    /** Drops a held mask (the layer was cleared). */
    void clear() {
        mask = null;
    }

    /** Writes row-major {@code values} into {@code a}, in place, whatever its layout. */
    private void overwrite(INDArray a, float[] values) {
        if (NativeFloats.isBlock(a)) {
            Floats.writeMatrix(a, values, rows, cols);
        } else {
            a.assign(Floats.matrix(values, rows, cols));
        }
    }

    /** Draws are computed in chunks of this many, against {@link #RAMP}. */
    private static final int CHUNK = 4096;

    /**
     * 0, 1, 2, …: the loop below reads a draw's number from here instead of computing it from the loop index, which
     * lets the JIT vectorise it (eight draws at a time with AVX2, 0.3 ns a draw here against 1.5 scalar).
     */
    private static final int[] RAMP = java.util.stream.IntStream.range(0, CHUNK).toArray();

    /**
     * Fills {@code mask} with draws {@code 0 … mask.length-1} made into {@code 1/p} (kept) or 0 (dropped).
     *
     * <p>The hash runs on the states' low 32 bits only: ND4J computes it in 64 bits but keeps the low 32 of the
     * result, and the low 32 bits of sums, products, ors and xors depend on the operands' low 32 bits alone.
     * {@code r < p} is decided on the draw's top 23 bits against {@code ceil(p · 2^23)}: exact, as {@code r} is
     * those bits times {@code 2^-23}.
     */
    static void draw(long root, long node, float p, float[] mask) {
        int threshold = (int) Math.ceil(p * 8388608.0);
        float kept = 1f / p;
        int rootLo = (int) root;
        int nodeLo = (int) node;
        int offset = nodeLo + 24243287;
        int[] ramp = RAMP;
        for (int start = 0; start < mask.length; start += CHUNK) {
            int len = Math.min(CHUNK, mask.length - start);
            int base = start + 2;
            for (int j = 0; j < len; j++) {
                int k = ramp[j] + base;
                int s0 = rootLo | k * offset;
                int s1 = nodeLo ^ k * (s0 + 723829);
                int h = (s1 ^ s0) * 0x9E3779BB;
                int u = ((h << 5) | (h >>> 27)) * 5;
                int keep = ((u >>> 9) - threshold) >>> 31; // 1 when below the threshold
                mask[start + j] = keep * kept;
            }
        }
    }

    /** The node state after an op of {@code length} draws. */
    static long advance(long node, long length) {
        int lo = (int) node;
        int hi = (int) (node >>> 32) ^ lo;
        int newLo = Integer.rotateLeft(lo, 26) ^ hi ^ (hi << 9);
        int newHi = Integer.rotateLeft(hi, 13);
        long moved = (newLo & 0xFFFFFFFFL) | ((long) newHi << 32);
        return moved ^ (length ^ 0xdeadbeefL);
    }
}
