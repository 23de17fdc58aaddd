package dev.rareclass.dl4j;

import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Initialised networks as the trainers configure them, with DL4J's own layers, for the tests of other packages. */
public final class TestNetworks {

    private TestNetworks() {
    }

    /**
     * An {@code mlp} network, or a {@code logistic} one when {@code params} name no {@code hidden} layers; without an
     * {@code l2} among them, none ({@code l2=0}: the trainers' default {@code auto} depends on the training rows).
     */
    public static MultiLayerNetwork mlp(List<String> params, ClassWeights weights, int nIn, long seed) {
        Hyperparameters h = Hyperparameters.parse(params);
        if (!h.asMap().containsKey("l2")) {
            h = h.with("l2", "0");
        }
        MlpParams p = h.asMap().containsKey("hidden") ? MlpParams.of(h) : MlpParams.logistic(h);
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkConfigs.build(p, nIn, seed, weights));
        net.init();
        return net;
    }

    /** An {@code autoencoder} network. */
    public static MultiLayerNetwork autoencoder(List<String> params, int nIn, long seed) {
        AutoencoderParams p = AutoencoderParams.of(Hyperparameters.parse(params));
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkConfigs.autoencoder(p, nIn, seed));
        net.init();
        return net;
    }
}
