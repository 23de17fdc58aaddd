package dev.rareclass.dl4j;

import dev.rareclass.domain.model.ClassWeights;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Turns {@link MlpParams} into a DL4J configuration. Kept apart from the factories so that only training
 * loads DL4J and ND4J classes.
 */
final class NetworkConfigs {

    private NetworkConfigs() {
    }

    /**
     * Dense hidden layers, then one sigmoid unit with binary cross-entropy. Dropout {@code dropouts[i]} applies
     * to the outputs of hidden layer {@code i} (DL4J applies a layer's {@code dropOut} to its <em>input</em>,
     * so it is set on layer {@code i + 1}); the raw features are never dropped, as in a Keras
     * {@code Dense → Dropout} stack. The output layer always uses Glorot-uniform init, Keras' default for Dense.
     * Uniform 1:1 weights use DL4J's {@code LossBinaryXENT}; any other weights {@link WeightedBinaryXent}.
     */
    static MultiLayerConfiguration build(MlpParams p, int nIn, long seed, ClassWeights weights) {
        return denseAndOutput(list(p, seed), p, 0, nIn, weights);
    }

    /** The layers of either MLP form are added to this: the seeded base with {@code p}'s updater, L1 and L2. */
    private static NeuralNetConfiguration.ListBuilder list(MlpParams p, long seed) {
        if (p.autoL2()) {
            throw new IllegalStateException("l2=auto is resolved for the training rows (MlpParams.forRows) before building");
        }
        return list(seed, updater(p.optimizer(), p.learningRate(), p.momentum(), p.rho()), p.l1(), p.l2());
    }

    /**
     * Adds hidden layers {@code from, from + 1, …} of {@code p} as dense layers, the first taking {@code in} inputs,
     * then the sigmoid output; each with the dropout of the hidden layer before it (see {@link #build}).
     */
    private static MultiLayerConfiguration denseAndOutput(NeuralNetConfiguration.ListBuilder list, MlpParams p, int from,
                                                          int in, ClassWeights weights) {
        for (int i = from; i < p.hidden().size(); i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder()
                    .nIn(in).nOut(p.hidden().get(i)).activation(activation(p.activations().get(i)))
                    .weightInit(init(p.inits().get(i)));
            if (i > 0 && p.dropouts().get(i - 1) > 0) {
                dense.dropOut(p.retainProbability(i - 1));
            }
            list.layer(dense.build());
            in = p.hidden().get(i);
        }
        OutputLayer.Builder out = new OutputLayer.Builder(loss(weights))
                .nIn(in).nOut(1).activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER_UNIFORM);
        int last = p.hidden().size() - 1;
        if (last >= 0 && p.dropouts().get(last) > 0) {
            out.dropOut(p.retainProbability(last));
        }
        list.layer(out.build());
        return list.build();
    }

    /**
     * The {@link #build} network for {@link SparseInputs}: the first dense layer becomes an embedding-sum,
     * {@code EmbeddingSequenceLayer} (no bias, identity) over the row's ids, a masked global SUM pooling
     * ({@code Σ W[id]} over the row's words, plus {@code W[0]}, the bias, present in every row), then the
     * first hidden layer's activation. The multi-hot columns are never materialised, and the layer's output
     * equals a {@code DenseLayer} over the multi-hot row with the same weights. The rest of the stack is
     * {@link #build}'s. Without hidden layers (logistic) the embedding has one unit and a sigmoid
     * cross-entropy {@code LossLayer} follows the pooling. An L2 penalty spares the embedding's bias row
     * ({@link L2ExceptBiasRow}), as a dense layer's spares its biases.
     *
     * @param nIn {@link SparseInputs#inputSize}: 1 (bias) + sparse features
     */
    static MultiLayerConfiguration sparse(MlpParams p, int nIn, long seed, ClassWeights weights) {
        NeuralNetConfiguration.ListBuilder list = list(p, seed);
        boolean logistic = p.hidden().isEmpty();
        int first = logistic ? 1 : p.hidden().getFirst();
        EmbeddingSequenceLayer.Builder embedding = new EmbeddingSequenceLayer.Builder().nIn(nIn).nOut(first).hasBias(false)
                .activation(Activation.IDENTITY).inferInputLength(true)
                .weightInit(logistic ? WeightInit.XAVIER_UNIFORM : init(p.inits().getFirst()));
        if (p.l2() > 0) {
            // row 0 holds the biases, which a DenseLayer's L2 spares; L1 (mlp only) stays on every row
            List<Regularization> penalties = new ArrayList<>();
            if (p.l1() > 0) {
                penalties.add(new L1Regularization(p.l1()));
            }
            penalties.add(new L2ExceptBiasRow(p.l2(), nIn));
            embedding.regularization(penalties);
        }
        list.layer(embedding.build());
        list.layer(new GlobalPoolingLayer.Builder(PoolingType.SUM).collapseDimensions(true).build());
        if (logistic) {
            list.layer(new LossLayer.Builder(loss(weights)).activation(Activation.SIGMOID).build());
            return list.build();
        }
        list.layer(new ActivationLayer.Builder().activation(activation(p.activations().getFirst())).build());
        return denseAndOutput(list, p, 1, first, weights);
    }

    /**
     * Initialises a {@link #sparse} network's embedding as a {@code DenseLayer} over the multi-hot features would
     * be: DL4J draws an embedding's weights with fan-in 1 (standard deviation 1.4 for he-uniform, against 0.014
     * for a 10,000-word dense layer), which saturates the first layer on text. Row 0, the bias, starts at 0.
     * Call after {@code init()}; draws from ND4J's random generator.
     */
    static void initSparse(MultiLayerNetwork net, MlpParams p) {
        INDArray w = net.getLayer(0).getParam("W");
        long[] shape = w.shape();
        WeightInit scheme = p.hidden().isEmpty() ? WeightInit.XAVIER_UNIFORM : init(p.inits().getFirst());
        INDArray fresh = Nd4j.create(DataType.FLOAT, shape[0] * shape[1]);
        scheme.getWeightInitFunction().init(shape[0] - 1, shape[1], shape, 'c', fresh);
        w.assign(fresh.reshape('c', shape));
        w.getRow(0).assign(0);
    }

    /**
     * Dense layers {@code nIn → layers… → nIn} trained with mean squared error (DL4J's {@code LossMSE}: mean
     * over features, mean over rows, as Keras' {@code mse}). The first layer's activation carries the L1
     * activity penalty ({@link L1ActivityActivation}) when {@code l1-activity > 0}.
     */
    static MultiLayerConfiguration autoencoder(AutoencoderParams p, int nIn, long seed) {
        NeuralNetConfiguration.ListBuilder list = list(seed, updater(p.optimizer(), p.learningRate(), p.momentum(), p.rho()),
                0, p.l2());
        int in = nIn;
        for (int i = 0; i < p.layers().size(); i++) {
            IActivation act = activation(p.activations().get(i)).getActivationFunction();
            if (i == 0 && p.l1Activity() > 0) {
                act = new L1ActivityActivation(act, p.l1Activity());
            }
            list.layer(new DenseLayer.Builder().nIn(in).nOut(p.layers().get(i)).activation(act)
                    .weightInit(init(p.inits().get(i))).build());
            in = p.layers().get(i);
        }
        Activation outAct = p.outputActivation().equals("identity") ? Activation.IDENTITY : activation(p.outputActivation());
        list.layer(new OutputLayer.Builder(new LossMSE()).nIn(in).nOut(nIn).activation(outAct)
                .weightInit(init(p.inits().getLast())).build());
        return list.build();
    }

    /** Every network's base: seeded, float32, workspaces on, the updater, and L1 and L2 when above 0. */
    private static NeuralNetConfiguration.ListBuilder list(long seed, IUpdater updater, double l1, double l2) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (l1 > 0) {
            base.l1(l1);
        }
        if (l2 > 0) {
            base.l2(l2);
        }
        return base.list();
    }

    static ILossFunction loss(ClassWeights w) {
        return w.positive() == 1 && w.negative() == 1
                ? new LossBinaryXENT()
                : new WeightedBinaryXent(w.positive(), w.negative());
    }

    /** sgd with momentum above 0 is DL4J's Nesterov momentum; DL4J has no classical-momentum updater. */
    static IUpdater updater(String optimizer, double lr, double momentum, double rho) {
        return switch (optimizer) {
            case "adam" -> new Adam(lr);
            case "rmsprop" -> new RmsProp(lr, rho, RmsProp.DEFAULT_RMSPROP_EPSILON);
            case "sgd" -> momentum > 0 ? new Nesterovs(lr, momentum) : new Sgd(lr);
            case "nadam" -> new Nadam(lr);
            default -> throw new IllegalArgumentException("optimizer " + optimizer);
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
