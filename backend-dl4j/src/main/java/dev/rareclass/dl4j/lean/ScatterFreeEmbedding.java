package dev.rareclass.dl4j.lean;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.layers.feedforward.embedding.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.layers.pooling.GlobalPoolingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sparse network's embedding layer ({@code NetworkConfigs.sparse}) with its weight gradient summed in Java.
 * DL4J M2.1's {@code EmbeddingSequenceLayer} builds that gradient with ND4J's {@code scatterUpdate}, which took 60%
 * of a training step on rt-polarity (JFR): tens of thousands of row updates, most of them padding. Here the
 * gradient of row {@code id} is {@code Σ mask · ε} over the positions holding {@code id}, a loop over the batch's
 * ids with padding skipped. The parameters and the saved configuration stay DL4J's, so a saved model is DL4J's
 * own; {@link LeanLayers#install} puts this layer in again after a restore, as the fused forward pass below sums
 * in another order than DL4J's and a restored model must score as the trained one did.
 *
 * <p>The SUM pooling that follows is replaced too ({@link PooledGradient}): its backprop would spread the pooled
 * gradient {@code [rows, nOut]} over every position ({@code [rows, nOut, length]}, masked; 28% of a step), which
 * this layer reads position by position anyway. It passes the pooled gradient through and this layer applies the
 * mask, which gives the same sums.
 *
 * <p>When that SUM pooling follows, the forward pass is fused as well: this layer outputs the pooled sums
 * {@code [rows, nOut]} directly, {@code Σ mask · W[id]} over each row's positions, and the pooling passes them
 * through. DL4J's own forward gathers {@code [rows, nOut, length]} (most of it padding), permutes it and pools it
 * in several native ops; that was most of a step on rt-polarity once the backprop above was in Java.
 *
 * <p>Supports what the sparse network uses: identity activation and no bias (an embedding configured otherwise
 * keeps DL4J's layer).
 */
final class ScatterFreeEmbedding extends EmbeddingSequenceLayer {

    /** True when the next layer is a {@link PooledGradient}: then this layer outputs the pooled sums. */
    private boolean pooledOutput;

    private ScatterFreeEmbedding(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * Replaces layer 0 of an initialised sparse network by this implementation, keeping its parameters; nothing
     * when layer 0 is no embedding of the supported kind or already this one.
     */
    static void install(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers().clone();
        if (layers.length == 0 || !(layers[0] instanceof EmbeddingSequenceLayer old) || old instanceof ScatterFreeEmbedding) {
            return;
        }
        var conf = (org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer) old.conf().getLayer();
        if (conf.hasBias() || !"identity".equalsIgnoreCase(conf.getActivationFn().toString())) {
            return;
        }
        ScatterFreeEmbedding fresh = new ScatterFreeEmbedding(old.conf(), old.getParam(DefaultParamInitializer.WEIGHT_KEY).dataType());
        LayerSwap.takeOver(fresh, old);
        layers[0] = fresh;
        if (layers.length > 1 && layers[1] instanceof GlobalPoolingLayer pool && !(pool instanceof PooledGradient)
                && ((org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer) pool.conf().getLayer()).getPoolingType() == PoolingType.SUM) {
            PooledGradient pass = new PooledGradient(pool.conf(), fresh.dataType);
            pass.setIndex(pool.getIndex());
            pass.setListeners(pool.getListeners());
            layers[1] = pass;
            fresh.pooledOutput = true;
        }
        net.setLayers(layers);
    }

    /**
     * SUM pooling after a {@link ScatterFreeEmbedding} that already pooled: the forward pass hands the sums on, the
     * backprop hands the pooled gradient {@code [rows, nOut]} back to the embedding unspread.
     */
    static final class PooledGradient extends GlobalPoolingLayer {
        PooledGradient(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            if (input.rank() != 2) {
                return super.activate(training, workspaceMgr); // the embedding could not pool: pool here
            }
            return workspaceMgr.dup(ArrayType.ACTIVATIONS, input);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            // a small copy ([rows, nOut]) into the workspace DL4J expects this layer's input gradient in
            return new Pair<>(new DefaultGradient(), workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon));
        }
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray weightParam = getParam(DefaultParamInitializer.WEIGHT_KEY);
        if (!pooledOutput || input.rank() != 2 || !NativeFloats.isBlock(weightParam)) {
            return super.activate(training, workspaceMgr);
        }
        assertInputSet(false);
        int nIn = (int) layerConf().getNIn();
        int nOut = (int) layerConf().getNOut();
        NativeFloats w = NativeFloats.of(weightParam);
        Positions at = positions();
        float[] weights = scratch(nIn * nOut);
        w.read(weights);
        float[] sums = new float[at.rows * nOut];
        int rowStep = w.rowStep();
        int colStep = w.colStep();
        // four columns at a time, each row's four sums in registers: independent additions rather than one
        // chain through memory (5x faster than a column at a time)
        int o = 0;
        for (; o + 4 <= nOut; o += 4) {
            int c0 = o * colStep;
            int c1 = c0 + colStep;
            int c2 = c1 + colStep;
            int c3 = c2 + colStep;
            for (int r = 0; r < at.rows; r++) {
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int i = at.start[r]; i < at.start[r + 1]; i++) {
                    int base = at.id[i] * rowStep;
                    float m = at.weight[i];
                    s0 += m * weights[base + c0];
                    s1 += m * weights[base + c1];
                    s2 += m * weights[base + c2];
                    s3 += m * weights[base + c3];
                }
                int b = r * nOut + o;
                sums[b] = s0;
                sums[b + 1] = s1;
                sums[b + 2] = s2;
                sums[b + 3] = s3;
            }
        }
        for (; o < nOut; o++) {
            int c = o * colStep;
            for (int r = 0; r < at.rows; r++) {
                float sum = 0;
                for (int i = at.start[r]; i < at.start[r + 1]; i++) {
                    sum += at.weight[i] * weights[at.id[i] * rowStep + c];
                }
                sums[r * nOut + o] = sum;
            }
        }
        INDArray ret = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {at.rows, nOut}, 'c');
        NativeFloats.of(ret).write(sums);
        return ret;
    }

    /**
     * The unmasked positions of the current input, row by row: those of row {@code r} are {@code start[r]} to
     * {@code start[r + 1]}, with their ids and mask values (0 or 1).
     */
    private record Positions(int rows, int[] start, int[] id, float[] weight) {
    }

    /** One {@code nIn × nOut} work array, reused by every step (the weights read, then the gradient summed). */
    private float[] scratch;

    private float[] scratch(int size) {
        if (scratch == null || scratch.length != size) {
            scratch = new float[size];
        }
        return scratch;
    }

    /**
     * The positions of the input of the last forward pass, for the backprop that follows it (which clears them:
     * nothing is kept from one step to the next).
     */
    private INDArray positionsOf;
    private INDArray positionsMask;
    private Positions positions;

    private Positions positions() {
        Hint hint = HINT.get();
        if (hint != null && hint.ids() == input && hint.mask() == maskArray) {
            // a fresh hint wins over the cache: the feeder refills the same arrays for every batch
            HINT.remove();
            positions = hint.positions();
        } else if (positions == null || positionsOf != input || positionsMask != maskArray) {
            positions = findPositions();
        }
        positionsOf = input;
        positionsMask = maskArray;
        return positions;
    }

    /**
     * The positions of an input, handed over by the code that built it (through
     * {@link LeanLayers#hintPositions}), which knows them without reading the id and mask arrays back from native memory. Used only when this layer's input and mask
     * are those very arrays; per thread, as folds train in parallel; consumed by the next forward pass.
     */
    private record Hint(INDArray ids, INDArray mask, Positions positions) {
    }

    private static final ThreadLocal<Hint> HINT = new ThreadLocal<>();

    /** See {@link Hint}: row {@code r}'s unmasked positions are {@code start[r] .. start[r + 1]}, ids and mask values. */
    static void hint(INDArray ids, INDArray mask, int rows, int[] start, int[] id, float[] weight) {
        HINT.set(new Hint(ids, mask, new Positions(rows, start, id, weight)));
    }

    private Positions findPositions() {
        int rows = (int) input.size(0);
        int length = (int) input.size(1);
        float[] ids = new float[rows * length];
        NativeFloats.rowMajor(input).read(ids);
        float[] mask = null;
        if (maskArray != null) {
            mask = new float[rows * length];
            NativeFloats.rowMajor(maskArray).read(mask);
        }
        int[] start = new int[rows + 1];
        int[] id = new int[ids.length];
        float[] weight = new float[ids.length];
        int count = 0;
        for (int r = 0; r < rows; r++) {
            start[r] = count;
            for (int p = 0; p < length; p++) {
                int k = r * length + p;
                float m = mask == null ? 1f : mask[k];
                if (m != 0f) {
                    id[count] = (int) ids[k];
                    weight[count++] = m;
                }
            }
        }
        start[rows] = count;
        return new Positions(rows, start, id, weight);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        long rows = input.size(0);
        int length = (int) input.size(1);
        int nOut = (int) layerConf().getNOut();
        int nIn = (int) layerConf().getNIn();
        // epsilon: [rows, nOut, length] (the layer's default NCW output), or [rows, nOut] from PooledGradient (the
        // same at every position); ids and mask: [rows, length]
        boolean pooled = epsilon.rank() == 2;
        if (pooled ? epsilon.size(1) != nOut : epsilon.rank() != 3 || epsilon.size(1) != nOut || epsilon.size(2) != length) {
            throw new IllegalStateException("unexpected embedding epsilon shape " + java.util.Arrays.toString(epsilon.shape()));
        }
        if (pooled && input.rank() == 2 && NativeFloats.isBlock(gradientViews.get(DefaultParamInitializer.WEIGHT_KEY))) {
            return new Pair<>(pooledGradient(epsilon, nIn, nOut), null);
        }
        int positionStride = pooled ? 0 : 1;
        int outStride = pooled ? 1 : length;
        float[] eps = epsilon.castTo(DataType.FLOAT).dup('c').data().asFloat();
        perRow(eps, Math.toIntExact(rows));
        float[] ids = input.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] mask = maskArray == null ? null : maskArray.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] grad = new float[nIn * nOut];
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < length; p++) {
                int at = r * length + p;
                float m = mask == null ? 1f : mask[at];
                if (m == 0f) {
                    continue;
                }
                int row = (int) ids[at] * nOut;
                int e = r * nOut * outStride + p * positionStride;
                for (int o = 0; o < nOut; o++) {
                    grad[row + o] += m * eps[e + o * outStride];
                }
            }
        }
        INDArray weightGradients = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        weightGradients.assign(Nd4j.create(grad, new long[] {nIn, nOut}, 'c').castTo(weightGradients.dataType()));
        Gradient ret = new DefaultGradient();
        ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradients);
        return new Pair<>(ret, null);
    }

    /**
     * This layer's weight gradient is already divided by the minibatch size (the mean over rows, which DL4J's
     * updater would otherwise make in a separate pass over all 160,000 weights of a 10,000-word embedding): the
     * layer's incoming gradient is divided instead, {@code rows × nOut} values, before the sums.
     */
    @Override
    public boolean updaterDivideByMinibatch(String paramName) {
        return false;
    }

    private static void perRow(float[] eps, int rows) {
        for (int i = 0; i < eps.length; i++) {
            eps[i] /= rows;
        }
    }

    /** The weight gradient for a pooled epsilon {@code [rows, nOut]}, written in one piece into DL4J's gradient view. */
    private Gradient pooledGradient(INDArray epsilon, int nIn, int nOut) {
        INDArray weightGradients = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        NativeFloats view = NativeFloats.of(weightGradients);
        Positions at = positions();
        float[] eps = new float[at.rows * nOut];
        NativeFloats.rowMajor(epsilon).read(eps);
        perRow(eps, at.rows);
        float[] grad = scratch(nIn * nOut);
        java.util.Arrays.fill(grad, 0f);
        int rowStep = view.rowStep();
        int colStep = view.colStep();
        int o = 0;
        for (; o + 4 <= nOut; o += 4) {
            int c0 = o * colStep;
            int c1 = c0 + colStep;
            int c2 = c1 + colStep;
            int c3 = c2 + colStep;
            for (int r = 0; r < at.rows; r++) {
                int b = r * nOut + o;
                float e0 = eps[b];
                float e1 = eps[b + 1];
                float e2 = eps[b + 2];
                float e3 = eps[b + 3];
                for (int i = at.start[r]; i < at.start[r + 1]; i++) {
                    int base = at.id[i] * rowStep;
                    float m = at.weight[i];
                    grad[base + c0] += m * e0;
                    grad[base + c1] += m * e1;
                    grad[base + c2] += m * e2;
                    grad[base + c3] += m * e3;
                }
            }
        }
        for (; o < nOut; o++) {
            int c = o * colStep;
            for (int r = 0; r < at.rows; r++) {
                float e = eps[r * nOut + o];
                for (int i = at.start[r]; i < at.start[r + 1]; i++) {
                    grad[at.id[i] * rowStep + c] += at.weight[i] * e;
                }
            }
        }
        view.write(grad);
        positions = null;
        positionsOf = null;
        positionsMask = null;
        Gradient ret = new DefaultGradient();
        ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradients);
        return ret;
    }
}
