package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class Dl4jTrainingTest {

    private static final Synthetic.Data BLOBS = Synthetic.blobs(11, 400, 6, 0.1, 1.5);

    private static TrainedClassifier mlp(TrainingContext ctx, String... params) {
        return new MlpTrainerFactory().create(Hyperparameters.parse(List.of(params))).train(BLOBS.x(), BLOBS.y(), ctx);
    }

    @Test
    void mlpLearnsGaussianBlobs() {
        TrainedClassifier model = mlp(TrainingContext.ofSeed(1), "epochs=10", "hidden=8,8", "learning-rate=0.01");
        double[] s = model.scores(BLOBS.x());
        assertThat(s).hasSize(400);
        assertThat(java.util.Arrays.stream(s).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(Synthetic.auc(s, BLOBS.y())).isGreaterThan(0.9);
        assertThat(model.scoreKind()).isEqualTo(ScoreKind.PROBABILITY);
        assertThat(model.kind()).isEqualTo("mlp");
        assertThat(model.backend()).isEqualTo("dl4j");
        assertThat(model.params().asMap()).containsEntry("hidden", "8,8").containsEntry("activation", "relu");
        assertThat(model.history().orElseThrow().epochs()).hasSize(10)
                .allSatisfy(r -> assertThat(r.values()).containsOnlyKeys("loss", TrainingHistory.PENALTY));
        assertThat(model.history().orElseThrow().bestEpoch()).isEqualTo(10);
        assertThat(model.summary()).contains("6 -> 8", "8 -> 1", "total " + (6 * 8 + 8 + 8 * 8 + 8 + 8 + 1) + " params");
    }

    @Test
    void sameSeedSameScoresOtherSeedOtherScores() {
        String[] p = {"epochs=3", "hidden=8", "dropout=0.2"};
        double[] a = mlp(TrainingContext.ofSeed(5), p).scores(BLOBS.x());
        double[] b = mlp(TrainingContext.ofSeed(5), p).scores(BLOBS.x());
        double[] c = mlp(TrainingContext.ofSeed(6), p).scores(BLOBS.x());
        double[] d = mlp(TrainingContext.ofSeed(6), List.of(p).toArray(new String[0])).scores(BLOBS.x());
        assertThat(a).isEqualTo(b);
        assertThat(c).isEqualTo(d);
        assertThat(a).isNotEqualTo(c);
        // the seed parameter overrides the context's seed
        assertThat(mlp(TrainingContext.ofSeed(6), "epochs=3", "hidden=8", "dropout=0.2", "seed=5").scores(BLOBS.x())).isEqualTo(a);
    }

    @Test
    void seedZeroIsAsReproducibleAsAnyOther() {
        // DL4J itself draws different weights for seed 0 on every init (Dl4jRuntime.seed); --seed 0 is common.
        String[] p = {"epochs=2", "hidden=8"};
        double[] a = mlp(TrainingContext.ofSeed(0), p).scores(BLOBS.x());
        assertThat(mlp(TrainingContext.ofSeed(0), p).scores(BLOBS.x())).isEqualTo(a);
        assertThat(mlp(TrainingContext.ofSeed(0), p).scores(BLOBS.x())).isEqualTo(a);
    }

    @Test
    void positiveClassWeightRaisesScores() {
        TrainingContext ctx = TrainingContext.ofSeed(3);
        String[] p = {"epochs=5", "hidden=8", "learning-rate=0.01"};
        double plain = Synthetic.mean(mlp(ctx, p).scores(BLOBS.x()));
        double weighted = Synthetic.mean(mlp(ctx.withClassWeights(new ClassWeights(9, 1)), p).scores(BLOBS.x()));
        // With 10% positives an unweighted model averages about 0.1; weighting positives 9:1 balances the
        // classes, so the mean predicted probability must move well up towards 0.5.
        assertThat(weighted).isGreaterThan(plain + 0.15);
    }

    @Test
    void theLossRecordsItsPenaltySoThatAChartCanDrawTheFitAlone() {
        // DL4J's score adds l2/2·|W|² (biases spared) to the data loss; the history records that penalty beside it
        // (a small learning rate: the weights barely move within the last epoch, so its mean penalty is the end's)
        Dl4jTrainedClassifier m = (Dl4jTrainedClassifier) mlp(TrainingContext.ofSeed(1), "epochs=5", "hidden=8",
                "learning-rate=0.0005", "l2=0.05");
        double squares = 0;
        for (int i = 0; i < m.network().getnLayers(); i++) {
            double norm = m.network().getLayer(i).getParam("W").norm2Number().doubleValue();
            squares += norm * norm;
        }
        List<EpochRecord> epochs = m.history().orElseThrow().epochs();
        // the mean of the last epoch's first and last penalty: near the final weights' own
        assertThat(epochs.getLast().values().get(TrainingHistory.PENALTY))
                .isCloseTo(0.5 * 0.05 * squares, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(epochs).allSatisfy(r -> assertThat(r.values().get(TrainingHistory.PENALTY))
                .isPositive().isLessThan(r.values().get("loss")));

        TrainedClassifier none = mlp(TrainingContext.ofSeed(1), "epochs=2", "hidden=8", "learning-rate=0.01", "l2=0");
        assertThat(none.history().orElseThrow().epochs())
                .allSatisfy(r -> assertThat(r.values()).doesNotContainKey(TrainingHistory.PENALTY));
    }

    @Test
    void validationDataGivesAHistoryAndProgressIsReported() {
        Synthetic.Data val = Synthetic.blobs(12, 100, 6, 0.1, 1.5);
        List<String> progress = new CopyOnWriteArrayList<>();
        TrainingContext ctx = TrainingContext.ofSeed(1).withValidation(val.x(), val.y())
                .withProgress((task, done, total) -> progress.add(task + " " + done + "/" + total));
        TrainedClassifier model = mlp(ctx, "epochs=4", "hidden=8", "learning-rate=0.01");

        TrainingHistory h = model.history().orElseThrow();
        assertThat(h.bestEpoch()).isEqualTo(4);
        assertThat(h.epochs()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3, 4);
        assertThat(h.epochs()).allSatisfy(r -> {
            assertThat(r.values()).containsOnlyKeys("loss", TrainingHistory.PENALTY, "val_loss", "val_accuracy",
                    "val_precision", "val_recall", "val_pr_auc", "val_roc_auc");
            assertThat(r.values().values()).allSatisfy(v -> assertThat(v).isFinite().isNotNegative());
            assertThat(r.values().get("val_pr_auc")).isBetween(0.0, 1.0);
        });
        assertThat(h.epochs().getLast().values().get("loss")).isLessThan(h.epochs().getFirst().values().get("loss"));
        assertThat(progress).containsExactly("mlp@dl4j epochs 1/4", "mlp@dl4j epochs 2/4", "mlp@dl4j epochs 3/4", "mlp@dl4j epochs 4/4");
    }

    @Test
    void logisticNetworkLearnsASeparableSet() {
        Synthetic.Data d = Synthetic.separable(4, 300);
        TrainedClassifier model = new LogisticNetworkFactory().create(Hyperparameters.empty())
                .train(d.x(), d.y(), TrainingContext.ofSeed(2));
        assertThat(model.kind()).isEqualTo("logistic");
        assertThat(Synthetic.auc(model.scores(d.x()), d.y())).isGreaterThan(0.99);
        assertThat(model.summary()).contains("3 -> 1", "total 4 params");
    }

    @Test
    void scoresCheckTheWidthAndAcceptNoRows() {
        TrainedClassifier model = mlp(TrainingContext.ofSeed(1), "epochs=1", "hidden=4");
        assertThat(model.scores(FeatureMatrix.wrap(0, 6, new float[0]))).isEmpty();
        assertThatThrownBy(() -> model.scores(FeatureMatrix.wrap(1, 5, new float[5])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 features");
    }
}
