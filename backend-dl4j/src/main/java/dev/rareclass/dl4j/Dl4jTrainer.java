package dev.rareclass.dl4j;

import dev.rareclass.dl4j.lean.LeanLayers;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.NetworkSize;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.model.TrainingHistory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains an {@code mlp} or {@code logistic} {@link NetworkConfigs network} with {@link EpochLoop}. History:
 * {@code loss} every epoch; with validation rows also {@code val_loss} (unweighted binary cross-entropy),
 * {@code val_accuracy}, {@code val_precision}, {@code val_recall} (threshold 0.5), {@code val_pr_auc} and
 * {@code val_roc_auc}.
 *
 * <p>Class weights live in the loss ({@link WeightedBinaryXent}), not in per-row masks: DL4J's label mask
 * also masks the output activations, so non-binary mask values do not act as weights.
 */
final class Dl4jTrainer implements ClassifierTrainer {

    private final String kind;
    private final MlpParams params;
    private final Hyperparameters reported;

    Dl4jTrainer(String kind, MlpParams params, Hyperparameters reported) {
        this.kind = kind;
        this.params = params;
        this.reported = reported;
    }

    MlpParams params() {
        return params;
    }

    /**
     * Multi-hot text alone ({@link SparseInputs#applies}) trains the {@link NetworkConfigs#sparse embedding-sum}
     * network; text with other columns is made dense ({@link SparseInputs#densify}) for the ordinary network.
     */
    @Override
    public TrainedClassifier train(FeatureMatrix x, Labels y, TrainingContext ctx) {
        if (x.sparse().isPresent() && !SparseInputs.applies(x)) {
            x = SparseInputs.densify(x);
            ctx = ctx.validationX().isPresent()
                    ? ctx.withValidation(SparseInputs.densify(ctx.validationX().orElseThrow()), ctx.validationY().orElseThrow())
                    : ctx;
        }
        boolean sparse = SparseInputs.applies(x);
        int n = x.rows();
        int cols = x.cols();
        if (n != y.size()) {
            throw new IllegalArgumentException(n + " feature rows but " + y.size() + " labels");
        }
        if (n == 0 || (cols == 0 && !sparse)) {
            throw new UsageException(kind + "@dl4j needs at least one row and one feature, got " + x);
        }
        MlpParams params = this.params.forRows(n);
        boolean validation = ctx.validationX().filter(v -> v.rows() > 0).isPresent();
        EarlyStopping stopping = params.earlyStopping();
        int epochs = params.epochs();
        if (ctx.fixedEpochs().isPresent()) { // a refit on every row: as many epochs as early stopping chose before
            epochs = ctx.fixedEpochs().getAsInt();
            stopping = stopping.off();
        }
        if (stopping.needsValidation() && !validation) {
            if (stopping.explicit()) {
                throw new UsageException(kind + "@dl4j: early-stopping=" + stopping.monitor()
                        + " needs validation rows (use a validation fraction above 0, or early-stopping=none)");
            }
            stopping = stopping.off();
        }
        NetworkSize.require(kind + "@dl4j", "hidden",
                sparse ? SparseInputs.inputSize(x) : cols, params.hidden(), 1);
        Dl4jRuntime.ensureConfigured();
        long seed = Dl4jRuntime.seed(params.seedOr(ctx.seed()));
        MultiLayerNetwork net = new MultiLayerNetwork(sparse
                ? NetworkConfigs.sparse(params, SparseInputs.inputSize(x), seed, ctx.classWeights())
                : NetworkConfigs.build(params, cols, seed, ctx.classWeights()));
        // Dropout draws from ND4J's (thread-local) RNG; seeding it here makes training reproducible.
        Nd4j.getRandom().setSeed(seed);
        net.init();
        if (sparse) {
            NetworkConfigs.initSparse(net, params);
        }
        LeanLayers.install(net);

        EpochLoop.Feeder feeder = sparse
                ? SparseInputs.feeder(x, labelColumn(y), params.batchSize())
                : EpochLoop.dense(Nd4j.create(x.data(), new long[] {n, cols}, 'c'),
                        Nd4j.create(labelColumn(y), new long[] {n, 1}, 'c'), params.batchSize());
        EpochLoop.Evaluator evaluator = null;
        if (validation) {
            FeatureMatrix vx = ctx.validationX().orElseThrow();
            INDArray valX = sparse ? null : Nd4j.create(vx.data(), new long[] {vx.rows(), vx.cols()}, 'c');
            int[] valY = ctx.validationY().orElseThrow().toArray();
            evaluator = (network, values) -> {
                double[] p = (sparse ? SparseInputs.output(network, vx) : network.output(valX, false)).toDoubleVector();
                values.put("val_loss", ValidationMetrics.binaryCrossEntropy(valY, p));
                ValidationMetrics.putClassification(valY, p, values);
            };
        }
        TrainingHistory history = EpochLoop.run(kind + "@dl4j epochs", net, feeder, epochs, seed, stopping,
                evaluator, ctx.progress());
        return new Dl4jTrainedClassifier(kind, reported, net, history, Dl4jTrainedClassifier.Output.PROBABILITY);
    }

    static float[] labelColumn(Labels y) {
        float[] out = new float[y.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = y.get(i);
        }
        return out;
    }
}
