package dev.rareclass.dl4j;

import dev.rareclass.dl4j.lean.Floats;
import dev.rareclass.dl4j.lean.LeanLayers;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.SparseRows;
import dev.rareclass.domain.error.UsageException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The input of a {@link NetworkConfigs#sparse sparse network}: each row as a short sequence of feature ids
 * (an {@code rows × length} index matrix) with a 0/1 mask of the same shape. Position 0 is id 0, the bias;
 * then each sparse feature present in the row as id {@code 1 + id}; the rest is padding (id 0, mask 0). The
 * embedding-sum layer computes {@code Σ W[id]} over unmasked positions, which is exactly a dense layer's
 * {@code x · W + b} over the multi-hot row with {@code b = W[0]}, without the multi-hot columns.
 *
 * <p>Binary features only: DL4J M2.1 multiplies by the mask both in {@code EmbeddingSequenceLayer} and in the
 * masked pooling, so a real value carried in the mask would enter squared. Matrices with dense columns as
 * well take the dense path.
 *
 * @param ids  rows × length, ids as floats
 * @param mask rows × length, 1 on real positions, 0 on padding
 */
record SparseInputs(INDArray ids, INDArray mask) {

    /** Whether a matrix can take this form: sparse features and no dense column. */
    static boolean applies(FeatureMatrix x) {
        return x.cols() == 0 && x.sparse().isPresent();
    }

    /** The network's input size for a matrix of this shape: bias and sparse features. */
    static int inputSize(FeatureMatrix x) {
        return 1 + x.sparse().orElseThrow().width();
    }

    /** All rows, padded to the longest. */
    static SparseInputs of(FeatureMatrix x) {
        int[] all = new int[x.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return of(x, all, 0, all.length);
    }

    /** Rows {@code order[from .. to)}, in that order, padded to the longest of them. */
    static SparseInputs of(FeatureMatrix x, int[] order, int from, int to) {
        if (!applies(x)) {
            throw new IllegalArgumentException("sparse inputs need sparse features and no dense column: " + x);
        }
        SparseRows s = x.sparse().orElseThrow();
        int longest = 0;
        for (int i = from; i < to; i++) {
            longest = Math.max(longest, s.count(order[i]));
        }
        return of(s, order, from, to, 1 + longest, null);
    }

    /**
     * Rows {@code order[from .. to)} padded to {@code length} positions, written into {@code reuse} (arrays of
     * that shape) when given, else into new arrays.
     */
    private static SparseInputs of(SparseRows s, int[] order, int from, int to, int length, SparseInputs reuse) {
        int n = to - from;
        float[] ids = new float[n * length];
        float[] values = new float[n * length];
        int[] offsets = s.offsets();
        int[] sparseIds = s.ids();
        // the same positions row by row (bias, then words), for LeanLayers.hintPositions
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + 1 + s.count(order[from + i]);
        }
        int[] positionIds = new int[start[n]];
        float[] positionWeights = new float[start[n]];
        java.util.Arrays.fill(positionWeights, 1f);
        for (int i = 0; i < n; i++) {
            int r = order[from + i];
            int p = i * length;
            int q = start[i] + 1; // positionIds[start[i]] = 0, the bias
            values[p++] = 1f;
            for (int k = offsets[r]; k < offsets[r + 1]; k++) {
                ids[p] = 1 + sparseIds[k];
                positionIds[q++] = 1 + sparseIds[k];
                values[p++] = 1f;
            }
        }
        SparseInputs in;
        if (reuse != null) {
            Floats.writeMatrix(reuse.ids(), ids, n, length);
            Floats.writeMatrix(reuse.mask(), values, n, length);
            in = reuse;
        } else {
            in = new SparseInputs(Floats.matrix(ids, n, length), Floats.matrix(values, n, length));
        }
        LeanLayers.hintPositions(in.ids(), in.mask(), n, start, positionIds, positionWeights);
        return in;
    }

    /**
     * Minibatches of sparse rows built for each epoch's order. Every batch is padded to the longest row of the
     * matrix, so that batches of one size reuse the same native arrays (ids, mask, labels) instead of allocating
     * three per step; the padding costs little, as the embedding skips masked positions.
     */
    static EpochLoop.Feeder feeder(FeatureMatrix x, float[] labels, int batchSize) {
        int n = x.rows();
        int batch = Math.min(batchSize, n);
        SparseRows s = x.sparse().orElseThrow();
        int longest = 0;
        for (int r = 0; r < n; r++) {
            longest = Math.max(longest, s.count(r));
        }
        int length = 1 + longest;
        java.util.Map<Integer, SparseInputs> inputs = new java.util.HashMap<>();
        java.util.Map<Integer, INDArray> labelArrays = new java.util.HashMap<>();
        return new EpochLoop.Feeder() {
            @Override
            public int rows() {
                return n;
            }

            @Override
            public double epoch(MultiLayerNetwork net, int[] order) {
                double lossSum = 0;
                for (int start = 0; start < n; start += batch) {
                    int end = Math.min(n, start + batch);
                    int rows = end - start;
                    SparseInputs reuse = inputs.computeIfAbsent(rows, r -> new SparseInputs(
                            Nd4j.createUninitialized(DataType.FLOAT, new long[] {r, length}, 'c'),
                            Nd4j.createUninitialized(DataType.FLOAT, new long[] {r, length}, 'c')));
                    SparseInputs in = of(s, order, start, end, length, reuse);
                    float[] y = new float[rows];
                    for (int i = start; i < end; i++) {
                        y[i - start] = labels[order[i]];
                    }
                    INDArray yArray = labelArrays.computeIfAbsent(rows,
                            r -> Nd4j.createUninitialized(DataType.FLOAT, new long[] {r, 1}, 'c'));
                    Floats.writeMatrix(yArray, y, rows, 1);
                    net.fit(in.ids(), yArray, in.mask(), null);
                    lossSum += net.score() * rows;
                }
                return lossSum;
            }
        };
    }

    /** The network's output for all rows, in chunks so that padding stays small. */
    static INDArray output(MultiLayerNetwork net, FeatureMatrix x) {
        int n = x.rows();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        float[] out = new float[n];
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            SparseInputs in = of(x, all, start, end);
            float[] part = net.output(in.ids(), false, in.mask(), null).data().asFloat();
            System.arraycopy(part, 0, out, start, end - start);
        }
        return Nd4j.create(out, new long[] {n, 1}, 'c');
    }

    private static final int CHUNK = 8192;

    /**
     * {@code [dense | multi-hot]} as one dense matrix, for matrices with both dense columns and sparse features
     * (the sparse network takes binary features only). Refused beyond {@link #DENSE_LIMIT} values.
     */
    static FeatureMatrix densify(FeatureMatrix x) {
        SparseRows s = x.sparse().orElseThrow();
        int cols = x.cols() + s.width();
        long size = (long) x.rows() * cols;
        if (size > DENSE_LIMIT) {
            throw new UsageException(x.rows() + " rows of " + x.cols() + " numeric/categorical features and " + s.width()
                    + " words would need a dense " + x.rows() + " x " + cols + " matrix; the sparse path takes text "
                    + "columns alone (drop the other columns, or lower the vocabulary size)");
        }
        return x.densified();
    }

    /** The most values {@link #densify} builds: 2^27 floats, 512 MiB. */
    static final long DENSE_LIMIT = 1L << 27;
}
