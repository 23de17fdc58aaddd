package dev.rareclass.dl4j;

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
 * The sparse network's embedding layer ({@link NetworkConfigs#sparse}) with its weight gradient summed in Java.
 * DL4J M2.1's {@code EmbeddingSequenceLayer} builds that gradient with ND4J's {@code scatterUpdate}, which took 60%
 * of a training step on rt-polarity (JFR): tens of thousands of row updates, most of them padding. Here the
 * gradient of row {@code id} is {@code Σ mask · ε} over the positions holding {@code id}, a loop over the batch's
 * ids with padding skipped. The forward pass, the parameters and the saved configuration stay DL4J's, so a
 * saved model needs nothing of this class: it only replaces the layer object of a network about to be trained.
 *
 * <p>The SUM pooling that follows is replaced too ({@link PooledGradient}): its backprop would spread the pooled
 * gradient {@code [rows, nOut]} over every position ({@code [rows, nOut, length]}, masked; 28% of a step), which
 * this layer reads position by position anyway. It passes the pooled gradient through and this layer applies the
 * mask, which gives the same sums.
 *
 * <p>Supports what the sparse network uses: identity activation and no bias (checked when installed).
 */
final class ScatterFreeEmbedding extends EmbeddingSequenceLayer {

    private ScatterFreeEmbedding(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Replaces layer 0 of an initialised sparse network by this implementation, keeping its parameters. */
    static void install(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers().clone();
        if (!(layers[0] instanceof EmbeddingSequenceLayer old) || old instanceof ScatterFreeEmbedding) {
            return;
        }
        var conf = (org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer) old.conf().getLayer();
        if (conf.hasBias() || !"identity".equalsIgnoreCase(conf.getActivationFn().toString())) {
            throw new IllegalStateException("the Java embedding backprop needs identity activation and no bias: " + conf);
        }
        ScatterFreeEmbedding fresh = new ScatterFreeEmbedding(old.conf(), old.getParam(DefaultParamInitializer.WEIGHT_KEY).dataType());
        fresh.setIndex(old.getIndex());
        fresh.setListeners(old.getListeners());
        fresh.setParamsViewArray(old.params());
        fresh.setParamTable(old.paramTable());
        if (old.getGradientsViewArray() != null) {
            fresh.setBackpropGradientsViewArray(old.getGradientsViewArray());
        }
        layers[0] = fresh;
        if (layers.length > 1 && layers[1] instanceof GlobalPoolingLayer pool && !(pool instanceof PooledGradient)
                && ((org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer) pool.conf().getLayer()).getPoolingType() == PoolingType.SUM) {
            PooledGradient pass = new PooledGradient(pool.conf(), fresh.dataType);
            pass.setIndex(pool.getIndex());
            pass.setListeners(pool.getListeners());
            layers[1] = pass;
        }
        net.setLayers(layers);
    }

    /** SUM pooling whose backprop hands the pooled gradient {@code [rows, nOut]} to the embedding unspread. */
    static final class PooledGradient extends GlobalPoolingLayer {
        PooledGradient(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            // a small copy ([rows, nOut]) into the workspace DL4J expects this layer's input gradient in
            return new Pair<>(new DefaultGradient(), workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon));
        }
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
        int positionStride = pooled ? 0 : 1;
        int outStride = pooled ? 1 : length;
        float[] eps = epsilon.castTo(DataType.FLOAT).dup('c').data().asFloat();
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
}
