package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainingContext;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.model.mlp.Layer;
import smile.model.mlp.MultilayerPerceptron;
import smile.model.mlp.OutputFunction;
import smile.tensor.DenseMatrix;
import smile.tensor.Vector;
import smile.util.function.TimeFunction;

/** {@code mlp@smile}'s weight decay: what Smile does with it, and what rareclass lets reach Smile. */
class SmileMlpTest {

    private static Hyperparameters p(String... kv) {
        return Hyperparameters.parse(List.of(kv));
    }

    /** A small Smile network after one step on one row, with Smile's own weight decay {@code lambda}. */
    private static double posteriorAfterOneStep(double learningRate, double lambda) {
        MathEx.setSeed(3);
        MLP net = new MLP(Layer.input(2), Layer.sigmoid(3), Layer.mle(1, OutputFunction.SIGMOID));
        net.setLearningRate(TimeFunction.constant(learningRate));
        net.setWeightDecay(lambda);
        net.update(new double[] {1.5, -2}, 1);
        double[] posterior = new double[2];
        net.predict(new double[] {1, 1}, posterior);
        return posterior[1];
    }

    @Test
    void smileRefusesADecayFactorBelowPointNineAndSkipsOneOfExactlyPointNine() {
        // MultilayerPerceptron.update: decay = 1 - 2·eta·lambda; below 0.9 it throws IllegalStateException (the
        // audit's exit 70); Layer.update scales the weights only when 0.9 < decay < 1
        assertThatThrownBy(() -> posteriorAfterOneStep(0.1, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Invalid learning rate");
        assertThat(1 - 2.0 * 0.05 * 1).isEqualTo(0.9);
        assertThat(posteriorAfterOneStep(0.05, 1)).isEqualTo(posteriorAfterOneStep(0.05, 0));
        assertThat(posteriorAfterOneStep(0.05, 0.999)).isNotEqualTo(posteriorAfterOneStep(0.05, 0));
    }

    @Test
    void anL2AndLearningRateSmileWouldRefuseMidFitAreRefusedUpFrontNamingBoth() {
        for (String[] pair : List.of(new String[] {"learning-rate=0.1", "l2=1"}, new String[] {"learning-rate=1", "l2=0.1"},
                new String[] {"learning-rate=0.05", "l2=3"})) {
            assertThatThrownBy(() -> SmileTrainers.mlp().create(p(pair))).as(String.join(" ", pair))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining(pair[0]).hasMessageContaining(pair[1])
                    .hasMessageContaining("learning-rate × l2 must be below");
        }
    }

    @Test
    void everyPairTheParametersTakeTrainsAndEveryPairSmileRefusesIsRefused() {
        TestData.Set data = TestData.linear(80, 3, 5);
        for (double lr : new double[] {0.001, 0.01, 0.05, 0.1, 0.5, 1, 10}) {
            for (double l2 : new double[] {0, 1e-4, 0.001, 0.01, 0.0499, 0.05, 0.09, 0.1, 0.5, 1, 2, 1e6}) {
                Hyperparameters params = p("learning-rate=" + lr, "l2=" + l2, "epochs=1", "hidden=4", "batch-size=16");
                // what Smile's update computes from the lambda the trainer gives it
                boolean smileDecays = 1 - 2.0 * lr * MlpParams.smileWeightDecay(l2) > 0.9;
                if (smileDecays) {
                    assertThatCode(() -> SmileTrainers.mlp().create(params).train(data.x(), data.y(), TrainingContext.ofSeed(1)))
                            .as("lr=%s l2=%s", lr, l2).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> SmileTrainers.mlp().create(params)).as("lr=%s l2=%s", lr, l2)
                            .isInstanceOf(UsageException.class);
                }
            }
        }
    }

    /** Every layer's weights, then its biases, flattened: Smile has no getter for them. */
    private static List<double[]> parameters(MultilayerPerceptron net) throws ReflectiveOperationException {
        Field hidden = MultilayerPerceptron.class.getDeclaredField("net");
        Field output = MultilayerPerceptron.class.getDeclaredField("output");
        Field weight = Layer.class.getDeclaredField("weight");
        Field bias = Layer.class.getDeclaredField("bias");
        for (Field f : List.of(hidden, output, weight, bias)) {
            f.setAccessible(true);
        }
        List<Layer> layers = new ArrayList<>(List.of((Layer[]) hidden.get(net)));
        layers.add((Layer) output.get(net));
        List<double[]> out = new ArrayList<>();
        for (Layer layer : layers) {
            if (weight.get(layer) instanceof DenseMatrix w && bias.get(layer) instanceof Vector b) {
                double[] flat = new double[w.nrow() * w.ncol()];
                for (int i = 0; i < w.nrow(); i++) {
                    for (int j = 0; j < w.ncol(); j++) {
                        flat[i * w.ncol() + j] = w.get(i, j);
                    }
                }
                double[] biases = new double[b.size()];
                for (int i = 0; i < biases.length; i++) {
                    biases[i] = b.get(i);
                }
                out.add(flat);
                out.add(biases);
            }
        }
        return out;
    }

    /** A fresh network, its initial weights drawn from {@code seed}, with Smile's weight decay {@code lambda}. */
    private static MLP network(long seed, double learningRate, double lambda) {
        MathEx.setSeed(seed);
        MLP net = new MLP(Layer.input(3), Layer.tanh(4), Layer.mle(1, OutputFunction.SIGMOID));
        net.setLearningRate(TimeFunction.constant(learningRate));
        net.setWeightDecay(lambda);
        return net;
    }

    /**
     * DL4J's {@code l2} ({@code L2Regularization}, applied before the updater) adds {@code l2·w} to the gradient, so a
     * plain SGD step is {@code w − lr·(g + l2·w)}. Smile given {@code lambda = l2/2} steps to {@code w − lr·g} and then
     * multiplies by {@code 1 − lr·l2}: the same {@code lr·l2·w} off every weight, biases untouched on both; the
     * difference left is that Smile's factor shrinks the gradient step too, by {@code lr·l2} of it.
     */
    @Test
    void aPlainSgdStepTakesLearningRateTimesL2TimesEachWeightOffAsDl4jsL2Does() throws Exception {
        double lr = 0.05;
        double l2 = 0.4;
        TestData.Set data = TestData.linear(16, 3, 9);
        double[][] rows = Features.rows(data.x());
        int[] labels = data.y().toArray();
        List<double[]> start = parameters(network(4, lr, 0));
        MLP plain = network(4, lr, 0);
        MLP decayed = network(4, lr, MlpParams.smileWeightDecay(l2));
        plain.update(rows, labels);
        decayed.update(rows, labels);
        List<double[]> stepped = parameters(plain);
        List<double[]> ours = parameters(decayed);
        for (int p = 0; p < start.size(); p++) {
            boolean weights = p % 2 == 0;
            for (int i = 0; i < start.get(p).length; i++) {
                double w0 = start.get(p)[i];
                double step = stepped.get(p)[i] - w0; // −lr·g
                double dl4j = weights ? w0 + step - lr * l2 * w0 : w0 + step;
                double secondOrder = weights ? -lr * l2 * step : 0;
                assertThat(ours.get(p)[i]).as("parameter %d of block %d", i, p)
                        .isCloseTo(dl4j + secondOrder, within(1e-6)); // Smile keeps weights in 32-bit floats
            }
        }
    }

    @Test
    void theTrainerGivesSmileHalfOfL2SoFullBatchSgdShrinksEachStepByOneMinusLearningRateTimesL2() throws Exception {
        TestData.Set data = TestData.linear(40, 3, 2);
        Hyperparameters base = p("hidden=5", "optimizer=sgd", "momentum=0", "learning-rate=0.1", "epochs=1",
                "batch-size=40");
        SmileMlpClassifier plain = (SmileMlpClassifier) SmileTrainers.mlp().create(base)
                .train(data.x(), data.y(), TrainingContext.ofSeed(6));
        SmileMlpClassifier decayed = (SmileMlpClassifier) SmileTrainers.mlp().create(base.with("l2", "0.3"))
                .train(data.x(), data.y(), TrainingContext.ofSeed(6));
        assertThat(decayed.net().getWeightDecay()).isEqualTo(0.15);
        List<double[]> a = parameters(plain.net());
        List<double[]> b = parameters(decayed.net());
        for (int p = 0; p < a.size(); p++) {
            for (int i = 0; i < a.get(p).length; i++) {
                double expected = p % 2 == 0 ? a.get(p)[i] * (1 - 0.1 * 0.3) : a.get(p)[i];
                assertThat(b.get(p)[i]).isCloseTo(expected, within(1e-6)); // 32-bit floats
            }
        }
    }
}
