package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainingContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.model.mlp.Layer;
import smile.model.mlp.OutputFunction;
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
        for (String[] pair : List.of(new String[] {"learning-rate=0.1", "l2=1"}, new String[] {"learning-rate=1", "l2=0.05"},
                new String[] {"learning-rate=0.05", "l2=1"})) {
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
                boolean smileDecays = 1 - 2.0 * lr * l2 > 0.9;
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
}
