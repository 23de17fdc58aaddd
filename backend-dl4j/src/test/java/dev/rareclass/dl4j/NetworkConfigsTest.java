package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

class NetworkConfigsTest {

    @Test
    void dropoutIsTheProbabilityOfDroppingHiddenOutputs() {
        MlpParams p = MlpParams.of(Hyperparameters.parse(List.of("hidden=8,4", "dropout=0.3", "activation=tanh", "optimizer=nadam")));
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
        MultiLayerConfiguration conf = NetworkConfigs.build(MlpParams.of(Hyperparameters.empty()), 3, 1, ClassWeights.NONE);
        conf.getConfs().forEach(c -> assertThat(c.getLayer().getIDropout()).isNull());
    }

    @Test
    void logisticIsASingleSigmoidUnit() {
        MultiLayerConfiguration conf = NetworkConfigs.build(MlpParams.logistic(Hyperparameters.empty()), 3, 1, new ClassWeights(4, 1));
        assertThat(conf.getConfs()).hasSize(1);
        assertThat(conf.getConf(0).getLayer()).isInstanceOf(OutputLayer.class);
        assertThat(((OutputLayer) conf.getConf(0).getLayer()).getLossFn()).isEqualTo(new WeightedBinaryXent(4, 1));
    }
}
