package dev.rareclass.dl4j.lean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.dl4j.TestNetworks;
import dev.rareclass.domain.model.ClassWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link LeanDense} against DL4J's own layers: two networks with the same configuration and seed, one with the Java
 * layers installed, must give the same outputs and, trained on the same batches (dropout drawing from the same
 * seeded generator), end with the same weights, to float rounding.
 */
class LeanDenseTest {

    static final int ROWS = 37;
    static final int COLS = 11;

    static INDArray matrix(long seed, int rows, int cols) {
        Random rnd = new Random(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c');
    }

    static INDArray labels(long seed, int rows) {
        Random rnd = new Random(seed);
        float[] v = new float[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
        }
        return Nd4j.create(v, new long[] {rows, 1}, 'c');
    }

    static MultiLayerNetwork mlp(List<String> params, ClassWeights weights) {
        return TestNetworks.mlp(params, weights, COLS, 5);
    }

    /** Trains both networks on the same three batches, reseeding ND4J's generator alike, and compares them. */
    static void assertSameTraining(MultiLayerNetwork dl4j, MultiLayerNetwork java) {
        INDArray initial = dl4j.params().dup();
        INDArray x = matrix(1, ROWS, COLS);
        assertThat(maxDiff(java.output(x, false), dl4j.output(x, false))).isLessThan(1e-5);
        for (int step = 0; step < 3; step++) {
            INDArray bx = matrix(10 + step, ROWS, COLS);
            INDArray by = labels(20 + step, ROWS);
            Nd4j.getRandom().setSeed(99 + step);
            dl4j.fit(new DataSet(bx, by));
            Nd4j.getRandom().setSeed(99 + step);
            java.fit(new DataSet(bx, by));
            assertThat(Math.abs(java.score() - dl4j.score())).isLessThan(1e-4 * Math.max(1, Math.abs(dl4j.score())));
        }
        assertThat(maxDiff(java.params(), dl4j.params())).isLessThan(1e-4);
        assertThat(maxDiff(java.output(x, false), dl4j.output(x, false))).isLessThan(1e-4);
        // and the weights did move: a comparison of untrained networks would prove nothing
        assertThat(maxDiff(java.params(), initial)).isGreaterThan(1e-3);
    }

    static double maxDiff(INDArray a, INDArray b) {
        return a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sub(b.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE))
                .amaxNumber().doubleValue();
    }

    static List<Class<?>> layerClasses(MultiLayerNetwork net) {
        List<Class<?>> out = new ArrayList<>();
        for (Layer l : net.getLayers()) {
            out.add(l.getClass());
        }
        return out;
    }

    @Test
    void everyJavaActivationTrainsAsDl4jDoes() {
        for (String activation : new String[] {"tanh", "relu", "selu", "elu", "leaky-relu", "sigmoid"}) {
            List<String> params = List.of("hidden=9,6", "activation=" + activation, "dropout=0.25", "optimizer=adam",
                    "learning-rate=0.05");
            MultiLayerNetwork dl4j = mlp(params, ClassWeights.NONE);
            MultiLayerNetwork java = mlp(params, ClassWeights.NONE);
            LeanDense.install(java);
            assertThat(layerClasses(java)).as(activation)
                    .containsExactly(LeanDense.JavaHidden.class, LeanDense.JavaHidden.class, LeanDense.JavaOutput.class);
            assertSameTraining(dl4j, java);
        }
    }

    @Test
    void weightedLossAndLogisticNetworksToo() {
        List<String> weighted = List.of("hidden=5", "activation=tanh", "optimizer=rmsprop", "learning-rate=0.05");
        MultiLayerNetwork dl4j = mlp(weighted, new ClassWeights(4, 1));
        MultiLayerNetwork java = mlp(weighted, new ClassWeights(4, 1));
        LeanDense.install(java);
        assertSameTraining(dl4j, java);

        List<String> logistic = List.of("optimizer=adam", "learning-rate=0.1");
        dl4j = mlp(logistic, ClassWeights.NONE);
        java = mlp(logistic, ClassWeights.NONE);
        LeanDense.install(java);
        assertThat(layerClasses(java)).containsExactly(LeanDense.JavaOutput.class);
        assertSameTraining(dl4j, java);
    }

    @Test
    void largeLayersTakeTheNativeFormAndTrainAsDl4jDoes() {
        // 11 x 400 = 4,400 weights (above MAX_WEIGHTS), then 400 x 8 = 3,200 and 8 x 1
        for (String activation : new String[] {"relu", "tanh", "selu", "leaky-relu", "sigmoid"}) {
            List<String> params = List.of("hidden=400,8", "activation=" + activation, "dropout=0.3,0.2");
            MultiLayerNetwork net = mlp(params, ClassWeights.NONE);
            LeanDense.install(net);
            assertThat(layerClasses(net)).containsExactly(LeanDense.NativeHidden.class, LeanDense.JavaHidden.class,
                    LeanDense.JavaOutput.class);
            assertSameTraining(mlp(params, ClassWeights.NONE), net);
        }
    }

    @Test
    void theAutoencodersActivityPenaltyLayerTakesTheNativeFormWithItsOwnActivation() {
        MultiLayerNetwork net = TestNetworks.autoencoder(List.of(), 6, 3);
        MultiLayerNetwork dl4j = TestNetworks.autoencoder(List.of(), 6, 3);
        LeanDense.install(net);
        // the L1-penalised first layer has no Java activation: it gets the native form, which runs any activation
        List<Class<?>> classes = layerClasses(net);
        assertThat(classes.getFirst()).isEqualTo(LeanDense.NativeHidden.class);
        assertThat(classes.subList(1, classes.size() - 1)).containsOnly(LeanDense.JavaHidden.class);
        assertThat(classes.getLast()).isEqualTo(LeanDense.JavaOutput.class);
        INDArray x = matrix(3, ROWS, 6);
        for (int step = 0; step < 3; step++) {
            dl4j.fit(new DataSet(x, x));
            net.fit(new DataSet(x, x));
        }
        assertThat(Math.abs(net.score() - dl4j.score())).isLessThan(1e-5);
        assertThat(maxDiff(net.params(), dl4j.params())).isLessThan(1e-5);
    }

    /**
     * What {@code predict} and {@code serve} rely on: a row's output does not depend on the rows scored beside it, for
     * networks whose layers are all at most {@link LeanDense#MAX_WEIGHTS} weights: the Java forms, and the
     * autoencoder's activity-penalised first layer (on by default), which trains in native form but scores in Java
     * (through OpenBLAS it was 3e-8 apart alone and in a batch of 351 ionosphere rows).
     */
    @Test
    void aRowScoresTheSameAloneAsInABatchWhenEveryLayerIsSmall() {
        List<MultiLayerNetwork> nets = List.of(
                mlp(List.of("hidden=16,16", "activation=tanh"), ClassWeights.NONE),
                TestNetworks.autoencoder(List.of(), COLS, 3),
                TestNetworks.autoencoder(List.of("layers=64,8", "l1-activity=0.01", "output-activation=tanh"), COLS,
                        3));
        INDArray x = matrix(5, 300, COLS);
        for (MultiLayerNetwork net : nets) {
            LeanDense.install(net);
            if (net != nets.get(0)) { // the case this is about: trained in native form, scored in Java
                assertThat(layerClasses(net).get(0)).isEqualTo(LeanDense.NativeHidden.class);
            }
            float[] batch = net.output(x, false).dup('c').data().asFloat();
            int width = batch.length / 300;
            for (int n : new int[] {1, 3, 17, 64}) {
                float[] part = net.output(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c'), false).dup('c').data().asFloat();
                for (int i = 0; i < part.length; i++) {
                    assertThat(Float.floatToIntBits(part[i])).as("%s, batch of %d, value %d", layerClasses(net), n, i)
                            .isEqualTo(Float.floatToIntBits(batch[i]));
                }
                assertThat(part.length).isEqualTo(n * width);
            }
        }
    }

    /** The branch-free ReLU forms at the edges: signed zeros, the smallest floats, infinities, NaN. */
    @Test
    void branchFreeReluFormsFollowTheirDefinitions() {
        float[] z = {Float.NEGATIVE_INFINITY, -1, -Float.MIN_VALUE, -0f, 0f, Float.MIN_VALUE, 1, Float.POSITIVE_INFINITY,
            Float.NaN, -Float.NaN, Float.intBitsToFloat(0x7FFFFFFF)};
        float alpha = (float) org.nd4j.linalg.activations.impl.ActivationLReLU.DEFAULT_ALPHA;
        float[] ones = new float[z.length];
        java.util.Arrays.fill(ones, 3f);
        float[] relu = ones.clone();
        LeanDense.Fn.RELU.backprop(relu, z, null);
        float[] leaky = ones.clone();
        LeanDense.Fn.LEAKY_RELU.backprop(leaky, z, null);
        float[] leakyOut = new float[z.length];
        LeanDense.Fn.LEAKY_RELU.apply(z, leakyOut);
        for (int i = 0; i < z.length; i++) {
            assertThat(relu[i]).as("relu' at %s", z[i]).isEqualTo(z[i] > 0 ? 3f : 0f);
            assertThat(leaky[i]).as("leaky relu' at %s", z[i]).isEqualTo(z[i] < 0 ? 3f * alpha : 3f);
            float expected = z[i] < 0 ? (float) (org.nd4j.linalg.activations.impl.ActivationLReLU.DEFAULT_ALPHA * z[i]) : z[i];
            assertThat(Float.floatToIntBits(leakyOut[i])).as("leaky relu at %s", z[i]).isEqualTo(Float.floatToIntBits(expected));
        }
    }

    @Test
    void mulAddMatchesTheDefinitionForEveryShapeAndLayout() {
        Random rnd = new Random(4);
        for (int[] s : new int[][] {{1, 1, 1}, {3, 5, 1}, {40, 9, 1}, {4, 7, 3}, {4, 7, 8}, {5, 3, 9}, {2, 9, 17}, {6, 1, 23}}) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            float[] c0 = new float[m * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) rnd.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) rnd.nextGaussian();
            }
            for (int i = 0; i < c0.length; i++) {
                c0[i] = (float) rnd.nextGaussian();
            }
            float[] aT = new float[k * m];
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    aT[p * m + i] = a[i * k + p];
                }
            }
            float[] c = c0.clone();
            float[] cT = c0.clone();
            LeanDense.mulAdd(a, k, 1, b, c, m, k, n);
            LeanDense.mulAdd(aT, 1, m, b, cT, m, k, n); // the same product from the transposed copy
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double want = c0[i * n + j];
                    for (int p = 0; p < k; p++) {
                        want += (double) a[i * k + p] * b[p * n + j];
                    }
                    assertThat((double) c[i * n + j]).isCloseTo(want, org.assertj.core.api.Assertions.within(1e-4));
                    assertThat((double) cT[i * n + j]).isCloseTo(want, org.assertj.core.api.Assertions.within(1e-4));
                }
            }
        }
    }
}
