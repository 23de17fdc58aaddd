package dev.rareclass.dl4j;

import dev.rareclass.dl4j.lean.LeanLayers;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.DataException;
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
 * Trains {@code autoencoder@dl4j} on the negative rows (label 0) of the training data; positive rows are
 * dropped before anything else, so they cannot influence the fit. History: {@code loss} (training mean
 * squared error), and with validation rows {@code val_loss} (mean reconstruction error of the negative
 * validation rows, what early stopping watches by default), {@code val_pr_auc} and {@code val_roc_auc}
 * (the error as a score on all validation rows).
 */
final class AutoencoderTrainer implements ClassifierTrainer {

    private final AutoencoderParams params;
    private final Hyperparameters reported;

    AutoencoderTrainer(AutoencoderParams params, Hyperparameters reported) {
        this.params = params;
        this.reported = reported;
    }

    @Override
    public TrainedClassifier train(FeatureMatrix x, Labels y, TrainingContext ctx) {
        if (x.sparse().isPresent()) {
            // text columns: the autoencoder reconstructs [dense | multi-hot] (small vocabularies only)
            x = SparseInputs.densify(x);
            if (ctx.validationX().isPresent()) {
                ctx = ctx.withValidation(SparseInputs.densify(ctx.validationX().orElseThrow()), ctx.validationY().orElseThrow());
            }
        }
        if (x.rows() != y.size()) {
            throw new IllegalArgumentException(x.rows() + " feature rows but " + y.size() + " labels");
        }
        if (x.cols() == 0) {
            throw new UsageException("autoencoder@dl4j needs at least one feature");
        }
        int[] negatives = y.indicesOf(0);
        if (negatives.length == 0) {
            throw new DataException("autoencoder@dl4j learns from negative rows, but the " + y.size()
                    + " training rows are all positive");
        }
        FeatureMatrix normal = Dl4jTrainedClassifier.clipped(negatives.length == x.rows() ? x : x.selectRows(negatives),
                params.clip());
        int cols = x.cols();

        EarlyStopping stopping = params.earlyStopping();
        int epochs = params.epochs();
        if (ctx.fixedEpochs().isPresent()) { // a refit on every row: as many epochs as early stopping chose before
            epochs = ctx.fixedEpochs().getAsInt();
            stopping = stopping.off();
        }
        FeatureMatrix vx = ctx.validationX().filter(v -> v.rows() > 0).map(v -> Dl4jTrainedClassifier.clipped(v, params.clip()))
                .orElse(null);
        if (vx == null && stopping.enabled()) {
            if (stopping.explicit()) {
                throw new UsageException("autoencoder@dl4j: early-stopping=" + stopping.monitor()
                        + " needs validation rows (use a validation fraction above 0, or early-stopping=none)");
            }
            stopping = stopping.off();
        }
        Labels vy = vx == null ? null : ctx.validationY().orElseThrow();
        int[] valNegatives = vy == null ? new int[0] : vy.indicesOf(0);
        if (vx != null && valNegatives.length == 0 && stopping.enabled() && stopping.monitor().equals("val_loss")) {
            throw new DataException("autoencoder@dl4j: early-stopping=val_loss watches the negative validation rows, "
                    + "but the " + vy.size() + " validation rows are all positive");
        }

        NetworkSize.require("autoencoder@dl4j", "layers", cols, params.layers(),
                cols);
        Dl4jRuntime.ensureConfigured();
        long seed = Dl4jRuntime.seed(params.seedOr(ctx.seed()));
        MultiLayerNetwork net = new MultiLayerNetwork(NetworkConfigs.autoencoder(params, cols, seed));
        Nd4j.getRandom().setSeed(seed);
        net.init();
        LeanLayers.install(net);

        INDArray features = Nd4j.create(normal.data(), new long[] {normal.rows(), cols}, 'c');
        EpochLoop.Evaluator evaluator = null;
        if (vx != null) {
            INDArray valX = Nd4j.create(vx.data(), new long[] {vx.rows(), cols}, 'c');
            int[] valY = vy.toArray();
            evaluator = (network, values) -> {
                double[] err = Dl4jTrainedClassifier.reconstructionErrors(vx, network.output(valX, false).data().asFloat());
                if (valNegatives.length > 0) {
                    double sum = 0;
                    for (int i : valNegatives) {
                        sum += err[i];
                    }
                    values.put("val_loss", sum / valNegatives.length);
                }
                ValidationMetrics.putRanking(valY, err, values);
            };
        }
        TrainingHistory history = EpochLoop.run("autoencoder@dl4j epochs", net, features, features, params.batchSize(),
                epochs, seed, stopping, evaluator, ctx.progress());
        return new Dl4jTrainedClassifier(AutoencoderTrainerFactory.KIND, reported, net, history,
                Dl4jTrainedClassifier.Output.RECONSTRUCTION_ERROR);
    }
}
