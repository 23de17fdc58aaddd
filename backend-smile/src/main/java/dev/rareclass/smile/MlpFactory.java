package dev.rareclass.smile;

import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainingContext;
import java.util.SplittableRandom;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.model.mlp.HiddenLayerBuilder;
import smile.model.mlp.Layer;
import smile.model.mlp.LayerBuilder;
import smile.model.mlp.OutputFunction;
import smile.util.function.TimeFunction;

/**
 * {@code mlp@smile}: Smile's multilayer perceptron, pure Java, ending in one sigmoid unit trained on the
 * log-likelihood, by mini-batch gradient steps (RMSProp or SGD with momentum).
 *
 * <p><b>Reproducibility.</b> Smile draws the initial weights and the dropout masks from its thread-local
 * generator, seeded from the {@code seed} parameter or else {@link TrainingContext#seed()} just before the
 * network is built; the rows are shuffled every epoch by a {@link SplittableRandom} of the same seed. Smile
 * trains a mini-batch sequentially on the calling thread, so the same seed gives the same network.
 *
 * <p><b>Class weights</b> are refused: Smile's network has no per-row or per-class loss weights. A validation
 * set, where given, is not used (there is no early stopping on Smile; see {@link MlpParams}).
 */
public final class MlpFactory extends SmileTrainerFactory {

    static final String KIND = "mlp";
    static final String MODEL = ModelId.of(KIND, SmileModule.NAME).toString();

    static final double EPSILON = 1e-8;

    public MlpFactory() {
        super(KIND, MlpParams.NAMES, false, p -> trainer(MlpParams.of(p)));
    }

    private static HiddenLayerBuilder hidden(String activation, int units, double dropout) {
        return switch (activation) {
            case "relu" -> Layer.rectifier(units, dropout);
            case "leaky-relu" -> Layer.leaky(units, dropout, 0.01);
            case "tanh" -> Layer.tanh(units, dropout);
            case "sigmoid" -> Layer.sigmoid(units, dropout);
            default -> throw new IllegalArgumentException(activation);
        };
    }

    private static ClassifierTrainer trainer(MlpParams params) {
        return (x, y, ctx) -> {
            long seed = params.seed().orElse(ctx.seed());
            LayerBuilder[] layers = new LayerBuilder[params.hidden().size() + 2];
            layers[0] = Layer.input(x.cols());
            for (int l = 0; l < params.hidden().size(); l++) {
                layers[l + 1] = hidden(params.activations().get(l), params.hidden().get(l), params.dropouts().get(l));
            }
            layers[layers.length - 1] = Layer.mle(1, OutputFunction.SIGMOID);

            MathEx.setSeed(seed);
            MLP net = new MLP(layers);
            net.setLearningRate(TimeFunction.constant(params.learningRate()));
            if (params.optimizer().equals("sgd")) {
                net.setMomentum(TimeFunction.constant(params.momentum()));
            } else {
                net.setRMSProp(params.rho(), EPSILON);
            }
            net.setWeightDecay(params.l2());

            double[][] rows = Features.rows(x);
            int[] labels = y.toArray();
            int n = rows.length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            SplittableRandom shuffle = new SplittableRandom(seed);
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int start = 0; start < n; start += params.batchSize()) {
                    int size = Math.min(params.batchSize(), n - start);
                    double[][] bx = new double[size][];
                    int[] by = new int[size];
                    for (int b = 0; b < size; b++) {
                        bx[b] = rows[order[start + b]];
                        by[b] = labels[order[start + b]];
                    }
                    if (size == 1) {
                        net.update(bx[0], by[0]);
                    } else {
                        net.update(bx, by);
                    }
                }
                ctx.progress().update(MODEL + " epochs", epoch + 1, params.epochs());
            }
            return new SmileMlpClassifier(net, params, x.cols());
        };
    }
}
