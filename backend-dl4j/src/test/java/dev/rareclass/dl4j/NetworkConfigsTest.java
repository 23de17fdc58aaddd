package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

class NetworkConfigsTest {

    @Test
    void dropoutIsTheProbabilityOfDroppingHiddenOutputs() {
        MlpParams p = MlpParams.of(Hyperparameters.parse(List.of("hidden=8,4", "dropout=0.3", "activation=tanh", "optimizer=nadam")))
                .forRows(50);
        MultiLayerConfiguration conf = NetworkConfigs.build(p, 5, 1, ClassWeights.NONE);

        assertThat(conf.getConfs()).hasSize(3);
        // DL4J's Dropout(p) keeps a unit with probability p: dropout=0.3 must become 0.7.
        assertThat(conf.getConf(0).getLayer().getIDropout()).as("features are not dropped").isNull();
        assertThat(((Dropout) conf.getConf(1).getLayer().getIDropout()).getP()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(((Dropout) conf.getConf(2).getLayer().getIDropout()).getP()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-12));

        DenseLayer first = (DenseLayer) conf.getConf(0).getLayer();
        assertThat(first.getNIn()).isEqualTo(5);
        assertThat(first.getNOut()).isEqualTo(8);
        assertThat(first.getActivationFn()).isInstanceOf(ActivationTanH.class);
        assertThat(first.getIUpdater()).isInstanceOf(Nadam.class);
        OutputLayer out = (OutputLayer) conf.getConf(2).getLayer();
        assertThat(out.getNIn()).isEqualTo(4);
        assertThat(out.getNOut()).isEqualTo(1);
        assertThat(out.getActivationFn()).isInstanceOf(ActivationSigmoid.class);
        assertThat(out.getLossFn()).isInstanceOf(LossBinaryXENT.class);
    }

    @Test
    void noDropoutLeavesLayersUntouched() {
        MultiLayerConfiguration conf = NetworkConfigs.build(MlpParams.of(Hyperparameters.empty()).forRows(50), 3, 1, ClassWeights.NONE);
        conf.getConfs().forEach(c -> assertThat(c.getLayer().getIDropout()).isNull());
    }

    @Test
    void autoL2IsTenOverTheRowsOnEveryMlpLayersWeightsAndNotOnBiases() {
        MultiLayerConfiguration conf = NetworkConfigs.build(MlpParams.of(Hyperparameters.empty()).forRows(50), 3, 1, ClassWeights.NONE);
        for (var c : conf.getConfs()) {
            BaseLayer layer = (BaseLayer) c.getLayer();
            assertThat(layer.getRegularization()).containsExactly(new L2Regularization(10.0 / 50));
            assertThat(layer.getRegularizationBias()).isEmpty();
        }
        assertThatThrownBy(() -> NetworkConfigs.build(MlpParams.of(Hyperparameters.empty()), 3, 1, ClassWeights.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("forRows");
        BaseLayer none = (BaseLayer) NetworkConfigs.build(MlpParams.of(Hyperparameters.parse(List.of("l2=0"))), 3, 1,
                ClassWeights.NONE).getConf(0).getLayer();
        assertThat(none.getRegularization()).isEmpty();
    }

    @Test
    void theSparseEmbeddingSparesItsBiasRow() {
        MultiLayerConfiguration conf = NetworkConfigs.sparse(MlpParams.logistic(Hyperparameters.empty()).forRows(40), 8, 1,
                ClassWeights.NONE);
        assertThat(((BaseLayer) conf.getConf(0).getLayer()).getRegularization()).containsExactly(new L2ExceptBiasRow(1.0 / 40, 8))
                .doesNotContain(new L2Regularization(1.0 / 40));
        // it travels in the saved configuration
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertThat(((BaseLayer) back.getConf(0).getLayer()).getRegularization()).containsExactly(new L2ExceptBiasRow(1.0 / 40, 8));
        // a 3 x 2 matrix, rows {3, 4}, {1, 2}, {2, 0}: as a matrix, and as DL4J's flat column-major view of it
        INDArray w = Nd4j.create(new float[] {3, 4, 1, 2, 2, 0}, new long[] {3, 2}, 'c');
        INDArray grad = Nd4j.zeros(DataType.FLOAT, 3, 2);
        new L2ExceptBiasRow(0.5, 3).apply(w, grad, 0.1, 0, 0);
        assertThat(grad.toFloatMatrix()).isEqualTo(new float[][] {{0, 0}, {0.5f, 1}, {1, 0}});
        assertThat(new L2ExceptBiasRow(0.5, 3).score(w, 0, 0)).isCloseTo(0.25 * (1 + 4 + 4), within(1e-6));
        INDArray flat = Nd4j.create(new float[] {3, 1, 2, 4, 2, 0}, new long[] {6}, 'c');
        INDArray flatGrad = Nd4j.zeros(DataType.FLOAT, 6);
        new L2ExceptBiasRow(0.5, 3).apply(flat, flatGrad, 0.1, 0, 0);
        assertThat(flatGrad.toFloatVector()).containsExactly(0, 0.5f, 1, 0, 1, 0);
        assertThat(new L2ExceptBiasRow(0.5, 3).score(flat, 0, 0)).isCloseTo(0.25 * (1 + 4 + 4), within(1e-6));
    }

    @Test
    void logisticIsASingleSigmoidUnit() {
        MultiLayerConfiguration conf = NetworkConfigs.build(MlpParams.logistic(Hyperparameters.empty()).forRows(20), 3, 1,
                new ClassWeights(4, 1));
        assertThat(conf.getConfs()).hasSize(1);
        assertThat(conf.getConf(0).getLayer()).isInstanceOf(OutputLayer.class);
        assertThat(((OutputLayer) conf.getConf(0).getLayer()).getLossFn()).isEqualTo(new WeightedBinaryXent(4, 1));
        assertThat(((OutputLayer) conf.getConf(0).getLayer()).getRegularization()).containsExactly(new L2Regularization(1.0 / 20));
    }
}
