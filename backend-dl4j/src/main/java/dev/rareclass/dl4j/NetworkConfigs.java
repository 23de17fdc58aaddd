package dev.rareclass.dl4j;

import dev.rareclass.domain.model.ClassWeights;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * Turns {@link MlpParams} into a DL4J configuration. Kept apart from the factories so that only training
 * loads DL4J and ND4J classes.
 */
final class NetworkConfigs {

    private NetworkConfigs() {
    }

    /**
     * Dense hidden layers, then one sigmoid unit with binary cross-entropy. Dropout, when set, applies to the
     * output of every hidden layer (DL4J applies a layer's {@code dropOut} to its <em>input</em>, so it goes on
     * every layer after the first); the raw features are never dropped, as in a Keras
     * {@code Dense → Dropout} stack. The output layer always uses Glorot-uniform init, Keras' default for Dense.
     * Uniform 1:1 weights use DL4J's {@code LossBinaryXENT}; any other weights {@link WeightedBinaryXent}.
     */
    static MultiLayerConfiguration build(MlpParams p, int nIn, long seed, ClassWeights weights) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater(p))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (p.l2() > 0) {
            base.l2(p.l2());
        }
        NeuralNetConfiguration.ListBuilder list = base.list();
        Activation activation = activation(p.activation());
        WeightInit init = init(p.init());
        int in = nIn;
        for (int i = 0; i < p.hidden().size(); i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder()
                    .nIn(in).nOut(p.hidden().get(i)).activation(activation).weightInit(init);
            if (i > 0 && p.dropout() > 0) {
                dense.dropOut(p.retainProbability());
            }
            list.layer(dense.build());
            in = p.hidden().get(i);
        }
        OutputLayer.Builder out = new OutputLayer.Builder(loss(weights))
                .nIn(in).nOut(1).activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER_UNIFORM);
        if (!p.hidden().isEmpty() && p.dropout() > 0) {
            out.dropOut(p.retainProbability());
        }
        list.layer(out.build());
        return list.build();
    }

    static ILossFunction loss(ClassWeights w) {
        return w.positive() == 1 && w.negative() == 1
                ? new LossBinaryXENT()
                : new WeightedBinaryXent(w.positive(), w.negative());
    }

    static IUpdater updater(MlpParams p) {
        return switch (p.optimizer()) {
            case "adam" -> new Adam(p.learningRate());
            case "rmsprop" -> new RmsProp(p.learningRate());
            case "sgd" -> new Sgd(p.learningRate());
            case "nadam" -> new Nadam(p.learningRate());
            default -> throw new IllegalArgumentException("optimizer " + p.optimizer());
        };
    }

    static Activation activation(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "selu" -> Activation.SELU;
            case "tanh" -> Activation.TANH;
            case "elu" -> Activation.ELU;
            case "leaky-relu" -> Activation.LEAKYRELU;
            case "sigmoid" -> Activation.SIGMOID;
            default -> throw new IllegalArgumentException("activation " + name);
        };
    }

    /** DL4J's names: XAVIER is Glorot-normal, RELU is He-normal, the _UNIFORM variants their uniform forms. */
    static WeightInit init(String name) {
        return switch (name) {
            case "he-uniform" -> WeightInit.RELU_UNIFORM;
            case "he-normal" -> WeightInit.RELU;
            case "glorot-uniform" -> WeightInit.XAVIER_UNIFORM;
            case "glorot-normal" -> WeightInit.XAVIER;
            case "lecun-normal" -> WeightInit.LECUN_NORMAL;
            default -> throw new IllegalArgumentException("init " + name);
        };
    }
}
