package dev.rareclass.dl4j.lean;

import dev.rareclass.dl4j.L1ActivityActivation;
import dev.rareclass.dl4j.WeightedBinaryXent;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * DL4J's dense, output and activation layers with less overhead per training step; dense layers in two forms
 * chosen by layer size.
 *
 * <p><b>Small layers, arithmetic in Java</b> ({@link JavaHidden}, {@link JavaOutput}): a {@code 64 × 33 → 16}
 * layer is 34,000 multiply-adds, a few microseconds of Java, but DL4J runs it as a dozen native ops per step (the
 * product, the bias, the activation, the product again in the backprop, its derivative, two more products and a
 * sum), each costing more in call overhead than the arithmetic. On the asteroid MLP (16-16 tanh, batch 64) those
 * ops were most of a step. Sums run in another order than OpenBLAS's, so results agree to rounding, not to the bit.
 * The output layer also computes its binary cross-entropy score in Java (a dozen more native ops in DL4J), and an
 * {@code ActivationLayer} with a Java activation ({@link JavaActivation}, the sparse text network's) runs in Java.
 *
 * <p><b>Large layers, native without the waste</b> ({@link NativeHidden}): DL4J's {@code DenseLayer} computes its
 * forward product into a row-major array, which OpenBLAS cannot write, so into a temporary then copied; and its
 * backprop computes the forward product a second time to get the pre-activations back. On a 256-256-256 network
 * (batch 2048) the copies and the second products were a quarter of a step. This form has OpenBLAS write the
 * transposed product (the row-major product in memory), keeps the pre-activations (in Java, where it computes the
 * bias, the activation and its derivative when they have a {@link Fn} form) and otherwise runs DL4J's own ops in
 * DL4J's order, so its numbers are DL4J's to rounding.
 *
 * <p>All three compute DL4J's dropout with {@link InvertedDropout}: the same draws from the same generator, a
 * fraction of the time.
 *
 * <p>{@link #install} (through {@link LeanLayers#install}) swaps the layer objects of an initialised or restored
 * network, as {@link ScatterFreeEmbedding} does: the configuration, the parameters and their layout, the updater,
 * the dropout configuration and the loss stay DL4J's, so a saved network is an ordinary DL4J network and loads as
 * one.
 *
 * <p>Which form a layer gets depends on its shape alone, never on the batch: Java up to {@link #MAX_WEIGHTS} weights
 * (beyond that OpenBLAS's products win even at small batches), native above. A layer of up to that size in native form
 * (the autoencoder's activity-penalised first layer, whose {@link L1ActivityActivation} has no Java backprop) scores
 * in Java too ({@code output(x, false)}), so that with every layer that small a row scores the same in a batch of 1 as
 * in a batch of 100,000, to the bit: the Java product sums each row on its own. A larger layer scores through OpenBLAS,
 * whose float32 sums depend on the batch's size (a row 1e-8 apart alone and among 351 rows): computing those in Java
 * made a 256-256-256 network's {@code train} 40% slower (9.3 s to 12.9 s on 100,000 rows), its validation scoring
 * included. Both forms need float32 and no layer normalisation or weight noise; the Java hidden layer also an
 * activation of {@link Fn}. A layer given a mask at run time uses DL4J's code for that call. Anything else keeps
 * DL4J's layer.
 */
final class LeanDense {

    /** The largest layer (nIn × nOut) computed in Java: 64 × 64. */
    static final int MAX_WEIGHTS = 4096;

    private LeanDense() {
    }

    /**
     * Replaces every qualifying dense and output layer of an initialised network (after {@code init()} or a
     * restore, before the first fit) by its lean counterpart, keeping its parameters and gradient views.
     */
    static void install(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers().clone();
        boolean changed = false;
        for (int i = 0; i < layers.length; i++) {
            Layer old = layers[i];
            Layer fresh = null;
            if (old.getClass() == DenseLayer.class && plain((BaseLayer<?>) old)) {
                fresh = small((BaseLayer<?>) old) && Fn.of(((DenseLayer) old).layerConf().getActivationFn()) != null
                        ? new JavaHidden(old.conf(), DataType.FLOAT)
                        : new NativeHidden(old.conf(), DataType.FLOAT);
            } else if (old.getClass() == OutputLayer.class && plain((BaseLayer<?>) old) && small((BaseLayer<?>) old)) {
                fresh = new JavaOutput(old.conf(), DataType.FLOAT);
            } else if (old.getClass() == ActivationLayer.class
                    && Fn.of(((ActivationLayer) old).layerConf().getActivationFn()) != null) {
                fresh = new JavaActivation(old.conf(), DataType.FLOAT);
            }
            if (fresh != null) {
                LayerSwap.takeOver(fresh, old);
                layers[i] = fresh;
                changed = true;
            }
        }
        if (changed) {
            net.setLayers(layers);
        }
    }

    /** Float32 weights, no layer normalisation, no weight noise. */
    private static boolean plain(BaseLayer<?> layer) {
        if (!(layer.conf().getLayer() instanceof FeedForwardLayer conf)) {
            return false;
        }
        INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        return w != null && w.dataType() == DataType.FLOAT && conf.getWeightNoise() == null
                && !(conf instanceof org.deeplearning4j.nn.conf.layers.DenseLayer d && d.hasLayerNorm());
    }

    private static boolean small(BaseLayer<?> layer) {
        FeedForwardLayer conf = (FeedForwardLayer) layer.conf().getLayer();
        return conf.getNIn() * conf.getNOut() <= MAX_WEIGHTS;
    }

    /** Whether a layer's current input is the plain case the lean forms handle: float32 rows, no mask. */
    private static boolean plainInput(BaseLayer<?> layer, INDArray input, INDArray mask) {
        return mask == null && input != null && input.rank() == 2 && input.dataType() == DataType.FLOAT
                && input.size(1) == ((FeedForwardLayer) layer.conf().getLayer()).getNIn();
    }

    /** The activations computed in Java: DL4J's definitions (ND4J's ops), with their derivatives. */
    enum Fn {
        IDENTITY, TANH, SIGMOID, RELU, LEAKY_RELU, ELU, SELU;

        private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
        private static final double SELU_LAMBDA = 1.0507009873554804934193349852946;

        /** The Java form of {@code fn}, or null when there is none (then DL4J's own layer stays). */
        static Fn of(IActivation fn) {
            return switch (fn) {
                case ActivationIdentity a -> IDENTITY;
                case ActivationTanH a -> TANH;
                case ActivationSigmoid a -> SIGMOID;
                case ActivationReLU r when r.equals(new ActivationReLU()) -> RELU;
                case ActivationLReLU r when r.equals(new ActivationLReLU()) -> LEAKY_RELU;
                case ActivationELU e when e.equals(new ActivationELU()) -> ELU;
                case ActivationSELU s -> SELU;
                default -> null;
            };
        }

        /**
         * The Java form of {@code fn}'s forward values: {@link #of}, or for the autoencoder's activity penalty the
         * form of the activation it wraps (the penalty changes the backprop only); null when there is none.
         */
        static Fn forwardOf(IActivation fn) {
            return fn instanceof L1ActivityActivation penalised ? of(penalised.inner()) : of(fn);
        }

        /** {@code a[i] = f(z[i])}. One loop per activation, so that each stays small for the JIT. */
        void apply(float[] z, float[] a) {
            int n = z.length;
            switch (this) {
                case IDENTITY -> System.arraycopy(z, 0, a, 0, n);
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = (float) Math.tanh(z[i]);
                    }
                }
                case SIGMOID -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = (float) (1 / (1 + Math.exp(-z[i])));
                    }
                }
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = Math.max(z[i], 0f);
                    }
                }
                case LEAKY_RELU -> {
                    for (int i = 0; i < n; i++) { // alpha·z is the larger exactly when z < 0; a max has no branch
                        a[i] = Math.max(z[i], (float) (ActivationLReLU.DEFAULT_ALPHA * z[i]));
                    }
                }
                case ELU -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = z[i] > 0 ? z[i] : (float) Math.expm1(z[i]);
                    }
                }
                case SELU -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = (float) (z[i] > 0 ? SELU_LAMBDA * z[i] : SELU_LAMBDA * SELU_ALPHA * Math.expm1(z[i]));
                    }
                }
            }
        }

        /**
         * All ones when the float with bits {@code bits} is {@code > 0} (NaN is not), else 0. Without a branch:
         * on the random signs of a layer's pre-activations a branch is mispredicted every other element, which made
         * ReLU's derivative of a 2048 × 256 layer take 2.7 ms instead of 0.3.
         */
        private static int positive(int bits) {
            int t = bits - 1; // in [0, +inf's bits) exactly for the floats > 0
            return (~t & (t - 0x7F800000)) >> 31;
        }

        /** {@code delta[i] *= f'(z[i])}, where {@code a[i] = f(z[i])}. */
        void backprop(float[] delta, float[] z, float[] a) {
            int n = delta.length;
            switch (this) {
                case IDENTITY -> {
                }
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        delta[i] *= 1 - a[i] * a[i];
                    }
                }
                case SIGMOID -> {
                    for (int i = 0; i < n; i++) {
                        delta[i] *= a[i] * (1 - a[i]);
                    }
                }
                case RELU -> {
                    for (int i = 0; i < n; i++) { // delta where z > 0, else 0
                        int keep = positive(Float.floatToRawIntBits(z[i]));
                        delta[i] = Float.intBitsToFloat(Float.floatToRawIntBits(delta[i]) & keep);
                    }
                }
                case LEAKY_RELU -> {
                    int alpha = Float.floatToRawIntBits((float) ActivationLReLU.DEFAULT_ALPHA);
                    int one = Float.floatToRawIntBits(1f);
                    for (int i = 0; i < n; i++) { // delta · alpha where z < 0, else delta · 1
                        int negative = positive(Float.floatToRawIntBits(-z[i]));
                        delta[i] *= Float.intBitsToFloat((alpha & negative) | (one & ~negative));
                    }
                }
                case ELU -> {
                    for (int i = 0; i < n; i++) {
                        delta[i] *= z[i] > 0 ? 1f : (float) Math.exp(z[i]);
                    }
                }
                case SELU -> {
                    for (int i = 0; i < n; i++) {
                        delta[i] *= (float) (z[i] > 0 ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * Math.exp(z[i]));
                    }
                }
            }
        }
    }

    /** One layer's parameters, read from native memory: {@code w} is {@code nIn × nOut} row-major. */
    private record Params(float[] w, float[] b, int nIn, int nOut) {

        static Params of(BaseLayer<?> layer) {
            FeedForwardLayer conf = (FeedForwardLayer) layer.conf().getLayer();
            int nIn = Math.toIntExact(conf.getNIn());
            int nOut = Math.toIntExact(conf.getNOut());
            float[] w = Floats.readMatrix(layer.getParam(DefaultParamInitializer.WEIGHT_KEY), nIn, nOut);
            INDArray bias = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            float[] b = bias == null ? null : Floats.readMatrix(bias, 1, nOut);
            return new Params(w, b, nIn, nOut);
        }

        /** {@code x · w + b} for {@code rows} rows of {@code x}. */
        float[] linear(float[] x, int rows) {
            float[] z = new float[rows * nOut];
            if (b != null) {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(b, 0, z, r * nOut, nOut);
                }
            }
            mulAdd(x, nIn, 1, w, z, rows, nIn, nOut);
            return z;
        }

        /**
         * A Java layer's backprop result for the layer input {@code x} and {@code delta} (dL/dz): the weight and bias
         * gradients, written into the layer's gradient views, and the gradient for the layer's input,
         * {@code delta · wᵀ}, in a new array of the layer's workspace with the layer's dropout backprop applied.
         */
        Pair<Gradient, INDArray> backprop(Map<String, INDArray> views, float[] x, float[] delta, int rows,
                                          LayerWorkspaceMgr workspaceMgr, UnaryOperator<INDArray> dropoutBackprop) {
            Gradient into = new DefaultGradient();
            INDArray wGrad = views.get(DefaultParamInitializer.WEIGHT_KEY);
            if (b != null) {
                putBiasGradient(views, into, delta, nOut);
            }
            float[] dw = new float[nIn * nOut];
            mulAdd(x, 1, nIn, delta, dw, nIn, rows, nOut); // xᵀ · delta
            Floats.writeMatrix(wGrad, dw, nIn, nOut);
            into.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, wGrad);
            float[] wt = Floats.transpose(w, nIn, nOut);
            float[] dx = new float[rows * nIn];
            mulAdd(delta, nOut, 1, wt, dx, rows, nOut, nIn);
            return new Pair<>(into, dropoutBackprop.apply(written(workspaceMgr, ArrayType.ACTIVATION_GRAD, dx, rows, nIn)));
        }
    }

    /** The product {@code x · w + b} of a training step, kept for the calls that follow in the same step. */
    private record Product(INDArray input, float[] x, float[] z, float[] w) {

        static Product of(INDArray input, int rows, Params p) {
            float[] x = Floats.readMatrix(input, rows, p.nIn());
            return new Product(input, x, p.linear(x, rows), p.w());
        }

        /** Whether this is still the product for {@code input} under the weights of {@code p} (no update since). */
        boolean holds(INDArray input, Params p) {
            return this.input == input && Arrays.equals(w, p.w());
        }
    }

    /**
     * The two dense forms' common part: DL4J's dropout on the layer's input computed by {@link InvertedDropout}
     * (same draws, same values), DL4J's own where that does not apply.
     */
    abstract static class LeanHidden extends DenseLayer {

        private final InvertedDropout dropout = new InvertedDropout();

        LeanHidden(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        protected void applyDropOutIfNecessary(boolean training, LayerWorkspaceMgr workspaceMgr) {
            if (training && !dropoutApplied && layerConf().getIDropout() != null) {
                INDArray dropped = dropout.apply(layerConf().getIDropout(), input, inputModificationAllowed, workspaceMgr);
                if (dropped != null) {
                    input = dropped;
                    dropoutApplied = true;
                    return;
                }
            }
            super.applyDropOutIfNecessary(training, workspaceMgr);
        }

        @Override
        protected INDArray backpropDropOutIfPresent(INDArray epsilon) {
            return dropout.backprop(epsilon) ? epsilon : super.backpropDropOutIfPresent(epsilon);
        }

        @Override
        public void clear() {
            super.clear();
            dropout.clear();
        }
    }

    /**
     * A {@code DenseLayer} computed in Java. The forward pass of a training step keeps its product and
     * activations for the backprop that follows, which uses them only if they still {@link Product#holds hold}.
     */
    static final class JavaHidden extends LeanHidden {

        private final Fn activation;
        private Product kept;
        private float[] keptA;

        JavaHidden(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            this.activation = Fn.of(layerConf().getActivationFn());
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            if (!plainInput(this, input, maskArray)) {
                return super.activate(training, workspaceMgr);
            }
            applyDropOutIfNecessary(training, workspaceMgr);
            int rows = Math.toIntExact(input.size(0));
            Params p = Params.of(this);
            Product product = Product.of(input, rows, p);
            float[] a = new float[product.z().length];
            activation.apply(product.z(), a);
            if (training) {
                kept = product;
                keptA = a;
            }
            return written(workspaceMgr, ArrayType.ACTIVATIONS, a, rows, p.nOut());
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            if (!plainInput(this, input, maskArray)) {
                forget();
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            int rows = Math.toIntExact(input.size(0));
            Params p = Params.of(this);
            Product product = kept;
            float[] a = keptA;
            if (product == null || !product.holds(input, p)) {
                product = Product.of(input, rows, p);
                a = new float[product.z().length];
                activation.apply(product.z(), a);
            }
            forget();
            float[] delta = Floats.readMatrix(epsilon, rows, p.nOut());
            activation.backprop(delta, product.z(), a);
            return p.backprop(gradientViews, product.x(), delta, rows, workspaceMgr, this::backpropDropOutIfPresent);
        }

        private void forget() {
            kept = null;
            keptA = null;
        }

        @Override
        public void clear() {
            super.clear();
            forget();
        }
    }

    /**
     * An {@code OutputLayer} whose products and bias run in Java; its activation and loss (value and gradient)
     * stay DL4J's.
     */
    static final class JavaOutput extends OutputLayer {

        /** The last training-time product, for the score DL4J asks for right after the backprop. */
        private Product kept;
        private final InvertedDropout dropout = new InvertedDropout();

        JavaOutput(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /**
         * In training DL4J asks for the pre-activations twice per step, for the backprop and then for the score:
         * the second time they are the kept ones, if they still {@link Product#holds hold}.
         */
        @Override
        protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            if (!plainInput(this, input, maskArray)) {
                kept = null;
                return super.preOutput(training, workspaceMgr);
            }
            Product product = product(training, workspaceMgr);
            return written(workspaceMgr, ArrayType.ACTIVATIONS, product.z(), Math.toIntExact(input.size(0)),
                    Math.toIntExact(layerConf().getNOut()));
        }

        /** The product for the current input (after dropout in training), kept in training. */
        private Product product(boolean training, LayerWorkspaceMgr workspaceMgr) {
            applyDropOutIfNecessary(training, workspaceMgr);
            Params p = Params.of(this);
            Product product = training && kept != null && kept.holds(input, p) ? kept
                    : Product.of(input, Math.toIntExact(input.size(0)), p);
            kept = training ? product : null;
            return product;
        }

        /**
         * The score of a sigmoid output under binary cross-entropy (DL4J's {@code LossBinaryXENT} without
         * per-column weights, or {@link WeightedBinaryXent}), computed in Java from the kept product: DL4J spends a
         * dozen native ops on it every step (it only feeds the reported loss, not the gradients). Sums in double,
         * so it agrees with DL4J's float sums to rounding. Other losses keep DL4J's code.
         */
        @Override
        public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
            double[] weights = binaryCrossEntropy();
            if (weights == null || !plainInput(this, input, maskArray) || labels == null || labels.rank() != 2
                    || labels.size(1) != 1) {
                return super.computeScore(fullNetRegTerm, training, workspaceMgr);
            }
            Product product = product(training, workspaceMgr);
            int rows = Math.toIntExact(input.size(0));
            float[] y = Floats.readMatrix(labels, rows, 1);
            float[] z = product.z();
            double clip = weights[2];
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                double prob = Math.min(Math.max(1 / (1 + Math.exp(-(double) z[i])), clip), 1 - clip);
                sum -= weights[0] * y[i] * Math.log(prob) + weights[1] * (1 - y[i]) * Math.log(1 - prob);
            }
            double value = conf().isMiniBatch() ? sum / getInputMiniBatchSize() : sum;
            score = value + fullNetRegTerm;
            return score;
        }

        /** {positive weight, negative weight, clipping} of this layer's loss if it is a sigmoid BCE; else null. */
        private double[] binaryCrossEntropy() {
            if (layerConf().getNOut() != 1 || !(layerConf().getActivationFn() instanceof ActivationSigmoid)) {
                return null;
            }
            return switch (layerConf().getLossFn()) {
                case LossBinaryXENT l when l.getWeights() == null -> new double[] {1, 1, l.getClipEps()};
                case WeightedBinaryXent w -> new double[] {w.positiveWeight(), w.negativeWeight(), WeightedBinaryXent.CLIP};
                default -> null;
            };
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            if (!plainInput(this, input, maskArray) || labels == null) {
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            INDArray z = preOutput(true, workspaceMgr); // keeps the product
            INDArray labels2d = getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM);
            INDArray deltaArray = layerConf().getLossFn().computeGradient(labels2d, z, layerConf().getActivationFn(), maskArray);
            int rows = Math.toIntExact(input.size(0));
            Params p = Params.of(this);
            float[] delta = Floats.readMatrix(deltaArray, rows, p.nOut());
            return p.backprop(gradientViews, kept.x(), delta, rows, workspaceMgr, this::backpropDropOutIfPresent);
        }

        /** As {@link LeanHidden}'s. */
        @Override
        protected void applyDropOutIfNecessary(boolean training, LayerWorkspaceMgr workspaceMgr) {
            if (training && !dropoutApplied && layerConf().getIDropout() != null) {
                INDArray dropped = dropout.apply(layerConf().getIDropout(), input, inputModificationAllowed, workspaceMgr);
                if (dropped != null) {
                    input = dropped;
                    dropoutApplied = true;
                    return;
                }
            }
            super.applyDropOutIfNecessary(training, workspaceMgr);
        }

        @Override
        protected INDArray backpropDropOutIfPresent(INDArray epsilon) {
            return dropout.backprop(epsilon) ? epsilon : super.backpropDropOutIfPresent(epsilon);
        }

        @Override
        public void clear() {
            super.clear();
            kept = null;
            dropout.clear();
        }
    }

    /**
     * An {@code ActivationLayer} (the sparse network's activation after its embedding sum) computed in Java, where
     * DL4J copies the input and runs the activation and then its derivative as native ops. The forward pass of a
     * training step keeps its input and output for the backprop that follows.
     */
    static final class JavaActivation extends ActivationLayer {

        private final Fn activation;
        private INDArray keptFor;
        private float[] keptZ;
        private float[] keptA;

        JavaActivation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            this.activation = Fn.of(layerConf().getActivationFn());
        }

        private boolean javaPath() {
            return maskArray == null && input != null && input.rank() == 2 && input.dataType() == DataType.FLOAT;
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            keptFor = null;
            if (!javaPath()) {
                return super.activate(training, workspaceMgr);
            }
            int rows = Math.toIntExact(input.size(0));
            int cols = Math.toIntExact(input.size(1));
            float[] z = Floats.readMatrix(input, rows, cols);
            float[] a = new float[z.length];
            activation.apply(z, a);
            if (training) {
                keptFor = input;
                keptZ = z;
                keptA = a;
            }
            return written(workspaceMgr, ArrayType.ACTIVATIONS, a, rows, cols);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            boolean kept = keptFor == input;
            keptFor = null;
            if (!javaPath()) {
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            int rows = Math.toIntExact(input.size(0));
            int cols = Math.toIntExact(input.size(1));
            float[] z = kept ? keptZ : Floats.readMatrix(input, rows, cols);
            float[] a = kept ? keptA : new float[z.length];
            if (!kept) {
                activation.apply(z, a);
            }
            float[] delta = Floats.readMatrix(epsilon, rows, cols);
            activation.backprop(delta, z, a);
            return new Pair<>(new DefaultGradient(), written(workspaceMgr, ArrayType.ACTIVATION_GRAD, delta, rows, cols));
        }
    }

    /**
     * A large {@code DenseLayer}, or a small one whose activation has no Java form (the autoencoder's activity penalty,
     * which then scores in Java: see the class comment): its products on OpenBLAS, without the copy of each forward
     * product and without the second forward product in the backprop (see the class comment). With an activation of {@link Fn}, the
     * bias, the activation and its derivative run in Java on the product, in one pass each where ND4J makes
     * several (its ReLU derivative alone took as long as a third of the forward products on the 256-256-256
     * network); with another activation they stay DL4J's ops. The forward pass of a training step keeps the
     * pre-activations (and activations); the backprop uses them only if the layer still has that input at the same
     * iteration (no update in between), and otherwise falls back to DL4J's own backprop, which recomputes them.
     */
    static final class NativeHidden extends LeanHidden {

        /** The Java form of the activation, or null (then ND4J's ops compute it). */
        private final Fn activation;
        /**
         * The Java form of the activation's forward values when the layer is small enough to score in Java (see the
         * class comment); null when it scores through OpenBLAS.
         */
        private final Fn inference;
        private INDArray keptFor;
        private int keptIteration;
        /** The kept pre-activations: native when ND4J computes the activation, else {@link #z} and {@link #a}. */
        private INDArray keptZ;
        /** Row-major pre-activations and activations of the last forward pass, reused from step to step. */
        private float[] z;
        private float[] a;

        NativeHidden(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            this.activation = Fn.of(layerConf().getActivationFn());
            this.inference = small(this) ? Fn.forwardOf(layerConf().getActivationFn()) : null;
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            forget();
            if (!plainInput(this, input, maskArray)) {
                return super.activate(training, workspaceMgr);
            }
            applyDropOutIfNecessary(training, workspaceMgr);
            if (!training && inference != null) { // in Java, each row on its own (see the class comment)
                int rows = Math.toIntExact(input.size(0));
                Params p = Params.of(this);
                float[] z = Product.of(input, rows, p).z();
                float[] out = new float[z.length];
                inference.apply(z, out);
                return written(workspaceMgr, ArrayType.ACTIVATIONS, out, rows, p.nOut());
            }
            INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
            // OpenBLAS writes column-major products only (a row-major result goes through a temporary and a copy):
            // compute zᵀ = wᵀ · inputᵀ column-major, which is z row-major in memory. Row-major as DL4J's own
            // output, so that the next layer's dropout lays out (and draws) its mask the same way.
            INDArray zT = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                    new long[] {w.size(1), input.size(0)}, 'f');
            w.transpose().mmuli(input.transpose(), zT);
            INDArray out = zT.transpose();
            if (activation == null) {
                if (hasBias()) {
                    out.addiRowVector(getParam(DefaultParamInitializer.BIAS_KEY));
                }
                if (training) {
                    keptZ = workspaceMgr.dup(ArrayType.ACTIVATIONS, out);
                }
                out = layerConf().getActivationFn().getActivation(out, training);
            } else {
                NativeFloats memory = NativeFloats.of(zT);
                int n = Math.toIntExact(zT.length());
                int nOut = Math.toIntExact(w.size(1));
                if (z == null || z.length != n) {
                    z = new float[n];
                    a = new float[n];
                }
                memory.read(z);
                if (hasBias()) {
                    float[] b = Floats.readMatrix(getParam(DefaultParamInitializer.BIAS_KEY), 1, nOut);
                    for (int i = 0; i < n; i += nOut) {
                        for (int o = 0; o < nOut; o++) {
                            z[i + o] += b[o];
                        }
                    }
                }
                activation.apply(z, a);
                memory.write(a);
            }
            if (training) {
                keptFor = input;
                keptIteration = getIterationCount();
            }
            return out;
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            boolean kept = keptFor == input && keptIteration == getIterationCount() && maskArray == null;
            INDArray nativeZ = keptZ;
            forget();
            if (!kept) {
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            // from here on DL4J's BaseLayer.backpropGradient, with the kept pre-activations
            INDArray delta;
            Gradient ret = new DefaultGradient();
            if (activation == null) {
                delta = layerConf().getActivationFn().backprop(nativeZ, epsilon).getFirst();
                if (hasBias()) {
                    INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
                    // the column sums as a product with a column of ones: OpenBLAS streams through the rows, where
                    // ND4J's sum over dimension 0 walks each column with a stride (2 ms for 2048 x 256, a tenth as
                    // long)
                    INDArray sums = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                            new long[] {delta.size(1), 1}, 'f');
                    delta.transpose().mmuli(ones(delta.size(0)), sums);
                    biasGrad.assign(sums.reshape(biasGrad.shape()));
                    ret.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
                }
            } else {
                int rows = Math.toIntExact(input.size(0));
                int nOut = Math.toIntExact(layerConf().getNOut());
                float[] d = Floats.readMatrix(epsilon, rows, nOut);
                activation.backprop(d, z, a);
                if (hasBias()) {
                    putBiasGradient(gradientViews, ret, d, nOut);
                }
                delta = written(workspaceMgr, ArrayType.BP_WORKING_MEM, d, rows, nOut);
            }
            INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
            INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                    new long[] {w.size(0), delta.size(0)}, 'f');
            epsilonNext = w.mmuli(delta.transpose(), epsilonNext).transpose();
            INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
            Nd4j.gemm(input, delta, weightGrad, true, false, 1.0, 0.0);
            ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
            return new Pair<>(ret, backpropDropOutIfPresent(epsilonNext));
        }

        private void forget() {
            keptFor = null;
            keptZ = null;
        }

        /** A column of {@code rows} ones, outside any workspace, kept while batches have that many rows. */
        private INDArray ones;

        private INDArray ones(long rows) {
            if (ones == null || ones.size(0) != rows) {
                try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                    ones = Nd4j.ones(DataType.FLOAT, rows, 1);
                }
            }
            return ones;
        }

        @Override
        public void clear() {
            super.clear();
            forget();
        }
    }

    /**
     * The bias gradient for row-major {@code delta} (dL/dz, rows × {@code nOut}): its column sums, written into the
     * layer's bias gradient view and put into {@code into}.
     */
    private static void putBiasGradient(Map<String, INDArray> views, Gradient into, float[] delta, int nOut) {
        float[] db = new float[nOut];
        for (int i = 0; i < delta.length; i += nOut) {
            for (int o = 0; o < nOut; o++) {
                db[o] += delta[i + o];
            }
        }
        INDArray bGrad = views.get(DefaultParamInitializer.BIAS_KEY);
        Floats.writeMatrix(bGrad, db, 1, nOut);
        into.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, bGrad);
    }

    /** A new row-major {@code rows × cols} array of {@code type} in the layer's workspace, holding {@code values}. */
    private static INDArray written(LayerWorkspaceMgr workspaceMgr, ArrayType type, float[] values, int rows, int cols) {
        INDArray out = workspaceMgr.createUninitialized(type, DataType.FLOAT, new long[] {rows, cols}, 'c');
        NativeFloats.of(out).write(values);
        return out;
    }

    /**
     * {@code c += A · b}: {@code A} is {@code m × k} with element {@code (i, p)} at {@code a[i·aRow + p·aCol]} (so a
     * transposed matrix needs no copy), {@code b} is {@code k × n} and {@code c} {@code m × n}, both row-major.
     * Eight elements (then one at a time) of a row of {@code c} are summed at once in registers: independent
     * additions instead of one chain through memory, three times faster than the plain loop (8 GFLOP/s against
     * 2.5 on this machine, for 64 × 33 × 16), whose short inner loops the JIT does not vectorise well.
     */
    static void mulAdd(float[] a, int aRow, int aCol, float[] b, float[] c, int m, int k, int n) {
        if (n < 8) {
            narrow(a, aRow, aCol, b, c, m, k, n);
            return;
        }
        if (k < 4) { // too short a sum for registers to pay: add scaled rows of b, a loop the JIT vectorises
            for (int i = 0; i < m; i++) {
                int ci = i * n;
                for (int p = 0; p < k; p++) {
                    float v = a[i * aRow + p * aCol];
                    int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += v * b[bp + j];
                    }
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int ai = i * aRow;
            int ci = i * n;
            int j = 0;
            for (; j + 8 <= n; j += 8) {
                float c0 = 0;
                float c1 = 0;
                float c2 = 0;
                float c3 = 0;
                float c4 = 0;
                float c5 = 0;
                float c6 = 0;
                float c7 = 0;
                for (int p = 0; p < k; p++) {
                    float v = a[ai + p * aCol];
                    int bp = p * n + j;
                    c0 += v * b[bp];
                    c1 += v * b[bp + 1];
                    c2 += v * b[bp + 2];
                    c3 += v * b[bp + 3];
                    c4 += v * b[bp + 4];
                    c5 += v * b[bp + 5];
                    c6 += v * b[bp + 6];
                    c7 += v * b[bp + 7];
                }
                c[ci + j] += c0;
                c[ci + j + 1] += c1;
                c[ci + j + 2] += c2;
                c[ci + j + 3] += c3;
                c[ci + j + 4] += c4;
                c[ci + j + 5] += c5;
                c[ci + j + 6] += c6;
                c[ci + j + 7] += c7;
            }
            for (; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[ai + p * aCol] * b[p * n + j];
                }
                c[ci + j] += sum;
            }
        }
    }

    /**
     * {@link #mulAdd} for fewer than eight columns (an output layer's one): with {@code A}'s columns contiguous
     * (a transposed matrix) as a sum of scaled columns, whose inner loop the JIT vectorises; otherwise as dot
     * products over four independent partial sums.
     */
    private static void narrow(float[] a, int aRow, int aCol, float[] b, float[] c, int m, int k, int n) {
        if (aRow == 1) {
            for (int p = 0; p < k; p++) {
                int ap = p * aCol;
                for (int j = 0; j < n; j++) {
                    float v = b[p * n + j];
                    for (int i = 0; i < m; i++) {
                        c[i * n + j] += v * a[ap + i];
                    }
                }
            }
            return;
        }
        if (aCol == 1 && n == 1) { // rows of A against one column b: the output layer's product
            for (int i = 0; i < m; i++) {
                int ai = i * aRow;
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                int p = 0;
                for (; p + 4 <= k; p += 4) {
                    s0 += a[ai + p] * b[p];
                    s1 += a[ai + p + 1] * b[p + 1];
                    s2 += a[ai + p + 2] * b[p + 2];
                    s3 += a[ai + p + 3] * b[p + 3];
                }
                for (; p < k; p++) {
                    s0 += a[ai + p] * b[p];
                }
                c[i] += (s0 + s1) + (s2 + s3);
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int ai = i * aRow;
            for (int j = 0; j < n; j++) {
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                int p = 0;
                for (; p + 4 <= k; p += 4) {
                    s0 += a[ai + p * aCol] * b[p * n + j];
                    s1 += a[ai + (p + 1) * aCol] * b[(p + 1) * n + j];
                    s2 += a[ai + (p + 2) * aCol] * b[(p + 2) * n + j];
                    s3 += a[ai + (p + 3) * aCol] * b[(p + 3) * n + j];
                }
                for (; p < k; p++) {
                    s0 += a[ai + p * aCol] * b[p * n + j];
                }
                c[i * n + j] += (s0 + s1) + (s2 + s3);
            }
        }
    }
}
