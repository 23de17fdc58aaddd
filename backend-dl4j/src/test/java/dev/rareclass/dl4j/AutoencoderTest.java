package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class AutoencoderTest {

    /** Negatives on a 2-d plane inside 6-d space (reconstructable); positives far off it, with large values. */
    static Synthetic.Data plane(long seed, int negatives, int positives) {
        Random rnd = new Random(seed);
        int rows = negatives + positives;
        float[] x = new float[rows * 6];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            boolean pos = r >= negatives;
            y[r] = pos ? 1 : 0;
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            double[] v = {a, b, a + b, a - b, 0.5 * a, -b};
            for (int c = 0; c < 6; c++) {
                x[r * 6 + c] = (float) (pos ? 4 * rnd.nextGaussian() + (c % 2 == 0 ? 5 : -5) : v[c]);
            }
        }
        return new Synthetic.Data(FeatureMatrix.wrap(rows, 6, x), Labels.wrap(y));
    }

    private static final Synthetic.Data TRAIN = plane(1, 300, 30);
    private static final Synthetic.Data VALID = plane(2, 100, 10);
    private static final List<String> SMALL = List.of("layers=8,3,8", "activation=tanh", "output-activation=identity",
            "epochs=15", "batch-size=32", "learning-rate=0.01");

    private static TrainedClassifier fit(FeatureMatrix x, Labels y, TrainingContext ctx, List<String> params) {
        return new AutoencoderTrainerFactory().create(Hyperparameters.parse(params)).train(x, y, ctx);
    }

    @Test
    void positivesGetHigherReconstructionErrors() {
        TrainedClassifier m = fit(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(3).withValidation(VALID.x(), VALID.y()), SMALL);
        assertThat(m.scoreKind()).isEqualTo(ScoreKind.ANOMALY);
        assertThat(m.kind()).isEqualTo("autoencoder");
        double[] s = m.scores(VALID.x());
        assertThat(Synthetic.auc(s, VALID.y())).isGreaterThan(0.99);
        TrainingHistory h = m.history().orElseThrow();
        assertThat(h.epochs()).allSatisfy(r -> assertThat(r.values()).containsOnlyKeys("loss", "val_loss", "val_pr_auc", "val_roc_auc"));
        // val_loss is the mean error of the negative validation rows
        EpochRecord kept = h.epochs().get(h.bestEpoch() - 1);
        double negMean = java.util.stream.IntStream.of(VALID.y().indicesOf(0)).mapToDouble(i -> s[i]).average().orElseThrow();
        assertThat(negMean).isEqualTo(kept.values().get("val_loss"), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m.summary()).contains("6 -> 8", "8 -> 6");
    }

    /**
     * {@code clip}: the network sees (and the error compares) inputs clipped to [-clip, clip], in training and in
     * scoring, and a saved model keeps it.
     */
    @Test
    void clipLimitsTheInputsInTrainingAndScoring() {
        List<String> p = List.of("layers=8,3,8", "epochs=3", "early-stopping=none", "clip=1.5");
        TrainingContext ctx = TrainingContext.ofSeed(7);
        TrainedClassifier clipped = fit(TRAIN.x(), TRAIN.y(), ctx, p);
        FeatureMatrix preclipped = Dl4jTrainedClassifier.clipped(TRAIN.x(), 1.5);
        assertThat(preclipped.data()).as("the data has values beyond the limit").isNotEqualTo(TRAIN.x().data());
        // trained on data clipped beforehand, without the parameter: the same network, so the same scores
        TrainedClassifier plain = fit(preclipped, TRAIN.y(), ctx, List.of("layers=8,3,8", "epochs=3", "early-stopping=none"));
        double[] expected = plain.scores(Dl4jTrainedClassifier.clipped(VALID.x(), 1.5));
        assertThat(clipped.scores(VALID.x())).isEqualTo(expected);
        assertThat(plain.scores(VALID.x())).as("unclipped inputs score differently").isNotEqualTo(expected);
        assertThat(clipped.params().asMap()).containsEntry("clip", "1.5");
        var codec = new Dl4jModelCodec();
        TrainedClassifier back = codec.decode(codec.encode(clipped), "autoencoder", clipped.params(), null);
        assertThat(back.scores(VALID.x())).isEqualTo(expected);
        assertThatThrownBy(() -> fit(TRAIN.x(), TRAIN.y(), ctx, List.of("clip=-1"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("clip");
        assertThatThrownBy(() -> fit(TRAIN.x(), TRAIN.y(), ctx, List.of("clip=wide"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("clip");
    }

    @Test
    void positiveRowsDoNotAffectTheFit() {
        int[] negatives = TRAIN.y().indicesOf(0);
        TrainingContext ctx = TrainingContext.ofSeed(5);
        List<String> p = List.of("layers=8,3,8", "epochs=3", "early-stopping=none");
        double[] with = fit(TRAIN.x(), TRAIN.y(), ctx, p).scores(VALID.x());
        double[] without = fit(TRAIN.x().selectRows(negatives), TRAIN.y().select(negatives), ctx, p).scores(VALID.x());
        assertThat(with).isEqualTo(without);
    }

    @Test
    void sameSeedSameScores() {
        List<String> p = List.of("layers=8,3,8", "epochs=3");
        for (long seed : new long[] {8, 0}) { // 0: see Dl4jRuntime.seed
            TrainingContext ctx = TrainingContext.ofSeed(seed).withValidation(VALID.x(), VALID.y());
            assertThat(fit(TRAIN.x(), TRAIN.y(), ctx, p).scores(VALID.x())).isEqualTo(fit(TRAIN.x(), TRAIN.y(), ctx, p).scores(VALID.x()));
        }
    }

    @Test
    void defaultLayoutTrainsAndStopsEarlyOnNegativeValidationLoss() {
        TrainedClassifier m = fit(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(3).withValidation(VALID.x(), VALID.y()),
                List.of("patience=2", "min-delta=0.01", "learning-rate=0.01"));
        TrainingHistory h = m.history().orElseThrow();
        assertThat(h.epochs().size()).isLessThan(100);
        assertThat(m.summary()).contains("6 -> 32", "32 -> 16", "16 -> 16", "16 -> 6");
        assertThat(m.params().asMap()).containsEntry("activation", "tanh,relu,tanh").containsEntry("output-activation", "relu");
    }

    @Test
    void badInput() {
        int[] ones = new int[TRAIN.y().size()];
        java.util.Arrays.fill(ones, 1);
        assertThatThrownBy(() -> fit(TRAIN.x(), Labels.wrap(ones), TrainingContext.ofSeed(1), SMALL))
                .isInstanceOf(DataException.class).hasMessageContaining("all positive");
        assertThatThrownBy(() -> fit(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(1), List.of("early-stopping=val_loss")))
                .isInstanceOf(UsageException.class).hasMessageContaining("validation");
        // the default early stopping is simply off without validation rows
        assertThat(fit(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(1), List.of("layers=4", "epochs=2")).history().orElseThrow()
                .epochs()).hasSize(2);
    }
}
