package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("slow")
class Dl4jEarlyStoppingTest {

    /** Labels that are noise for most rows: a wide net memorises the training rows and val_loss soon rises. */
    private static Synthetic.Data noisy(long seed, int rows) {
        Random rnd = new Random(seed);
        float[] x = new float[rows * 5];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 5; c++) {
                x[r * 5 + c] = (float) rnd.nextGaussian();
            }
            y[r] = rnd.nextDouble() < (x[r * 5] > 0 ? 0.7 : 0.3) ? 1 : 0;
        }
        return new Synthetic.Data(FeatureMatrix.wrap(rows, 5, x), Labels.wrap(y));
    }

    private static final Synthetic.Data TRAIN = noisy(1, 60);
    private static final Synthetic.Data VALID = noisy(2, 200);

    private static TrainedClassifier fit(String... params) {
        TrainingContext ctx = TrainingContext.ofSeed(4).withValidation(VALID.x(), VALID.y());
        return new MlpTrainerFactory().create(Hyperparameters.parse(List.of(params))).train(TRAIN.x(), TRAIN.y(), ctx);
    }

    @Test
    void stopsBeforeTheLimitAndRestoresTheBestEpoch() {
        List<String> progress = new ArrayList<>();
        TrainingContext ctx = TrainingContext.ofSeed(4).withValidation(VALID.x(), VALID.y())
                .withProgress((task, done, total) -> progress.add(done + "/" + total));
        TrainedClassifier model = new MlpTrainerFactory().create(Hyperparameters.parse(List.of("hidden=64,64",
                "learning-rate=0.01", "batch-size=16", "epochs=300", "early-stopping=val_loss", "patience=5")))
                .train(TRAIN.x(), TRAIN.y(), ctx);
        TrainingHistory h = model.history().orElseThrow();

        assertThat(h.epochs().size()).as("stopped early").isLessThan(300);
        EpochRecord best = h.epochs().stream().min(Comparator.comparingDouble(r -> r.values().get("val_loss"))).orElseThrow();
        assertThat(h.bestEpoch()).isEqualTo(best.epoch());
        assertThat(h.epochs().size()).isEqualTo(best.epoch() + 5);
        double restored = ValidationMetrics.binaryCrossEntropy(VALID.y().toArray(), model.scores(VALID.x()));
        assertThat(restored).as("the restored weights are those of the best epoch").isEqualTo(best.values().get("val_loss"));
        assertThat(progress.getLast()).isEqualTo("300/300");
    }

    @Test
    void withoutRestoreTheLastEpochIsKept() {
        TrainedClassifier model = fit("hidden=64,64", "learning-rate=0.01", "batch-size=16", "epochs=300",
                "early-stopping=val_loss", "patience=5", "restore-best=false");
        TrainingHistory h = model.history().orElseThrow();
        assertThat(h.bestEpoch()).isEqualTo(h.epochs().size()).isLessThan(300);
        double kept = ValidationMetrics.binaryCrossEntropy(VALID.y().toArray(), model.scores(VALID.x()));
        assertThat(kept).isEqualTo(h.epochs().getLast().values().get("val_loss"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"val_pr_auc", "val_roc_auc", "val_accuracy"})
    void maximisedMonitorsRestoreTheirBestEpoch(String monitor) {
        TrainedClassifier model = fit("hidden=32", "learning-rate=0.01", "batch-size=16", "epochs=100",
                "early-stopping=" + monitor, "patience=3");
        TrainingHistory h = model.history().orElseThrow();
        double best = h.epochs().stream().mapToDouble(r -> r.values().get(monitor)).max().orElseThrow();
        EpochRecord first = h.epochs().stream().filter(r -> r.values().get(monitor) == best).findFirst().orElseThrow();
        assertThat(h.bestEpoch()).isEqualTo(first.epoch());
    }

    @Test
    void minDeltaMakesSmallGainsCountAsNone() {
        TrainingHistory loose = fit("hidden=16", "epochs=60", "early-stopping=val_loss", "patience=3").history().orElseThrow();
        TrainingHistory strict = fit("hidden=16", "epochs=60", "early-stopping=val_loss", "patience=3", "min-delta=0.05")
                .history().orElseThrow();
        assertThat(strict.epochs().size()).isLessThanOrEqualTo(loose.epochs().size());
        assertThat(strict.epochs().size()).isLessThan(60);
    }

    @Test
    void earlyStoppingWithoutValidationRowsIsAUsageError() {
        assertThatThrownBy(() -> new MlpTrainerFactory().create(Hyperparameters.parse(List.of("early-stopping=val_loss")))
                .train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(1)))
                .isInstanceOf(UsageException.class).hasMessageContaining("validation");
    }
}
