package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.dl4j.lean.LeanLayers;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code -Drareclass.dl4j.lean=false} ({@link LeanLayers#PROPERTY}): the trainers and the codec then leave DL4J's own
 * layers in the network, which train to the same numbers to float rounding; and with the lean layers on, a saved text
 * model comes back with its lean embedding and scores exactly as the trained one.
 */
class LeanLayersSwitchTest {

    private static final String LEAN_PACKAGE = LeanLayers.class.getPackageName();

    /** What {@code supplier} gives with the lean layers off; the property is put back as it was. */
    static <T> T withLeanLayersOff(Supplier<T> supplier) {
        String before = System.getProperty(LeanLayers.PROPERTY);
        System.setProperty(LeanLayers.PROPERTY, "false");
        try {
            assertThat(LeanLayers.enabled()).isFalse();
            return supplier.get();
        } finally {
            if (before == null) {
                System.clearProperty(LeanLayers.PROPERTY);
            } else {
                System.setProperty(LeanLayers.PROPERTY, before);
            }
        }
    }

    static List<String> layerPackages(TrainedClassifier model) {
        return Arrays.stream(((Dl4jTrainedClassifier) model).network().getLayers())
                .map(l -> l.getClass().getPackageName()).toList();
    }

    static List<String> layerNames(TrainedClassifier model) {
        return Arrays.stream(((Dl4jTrainedClassifier) model).network().getLayers())
                .map(l -> l.getClass().getSimpleName()).toList();
    }

    /** Trains the same seeded model with and without the lean layers and compares scores and per-epoch losses. */
    static void assertSameTrainingBothWays(TrainerFactory factory, List<String> params, FeatureMatrix x, Labels y,
                                           FeatureMatrix validationX, Labels validationY) {
        Hyperparameters hp = Hyperparameters.parse(params);
        TrainingContext ctx = TrainingContext.ofSeed(11).withValidation(validationX, validationY);
        TrainedClassifier lean = factory.create(hp).train(x, y, ctx);
        TrainedClassifier dl4j = withLeanLayersOff(() -> factory.create(hp).train(x, y, ctx));
        assertThat(layerPackages(lean)).as("lean layers installed").contains(LEAN_PACKAGE);
        assertThat(layerPackages(dl4j)).as("DL4J's own layers only").doesNotContain(LEAN_PACKAGE)
                .allMatch(p -> p.startsWith("org.deeplearning4j."));
        assertCloseRelative(lean.scores(validationX), dl4j.scores(validationX), 1e-5, "validation scores");
        var leanEpochs = lean.history().orElseThrow().epochs();
        var dl4jEpochs = dl4j.history().orElseThrow().epochs();
        assertThat(leanEpochs).hasSameSizeAs(dl4jEpochs);
        for (int e = 0; e < leanEpochs.size(); e++) {
            for (var entry : dl4jEpochs.get(e).values().entrySet()) {
                double got = leanEpochs.get(e).values().get(entry.getKey());
                assertCloseRelative(new double[] {got}, new double[] {entry.getValue()}, 1e-5,
                        "epoch " + (e + 1) + " " + entry.getKey());
            }
        }
    }

    /** {@code |got - want| ≤ tolerance · max(|want|, 1)} element by element. */
    static void assertCloseRelative(double[] got, double[] want, double tolerance, String what) {
        assertThat(got).as(what).hasSameSizeAs(want);
        for (int i = 0; i < want.length; i++) {
            assertThat(Math.abs(got[i] - want[i])).as("%s [%d]: %s against %s", what, i, got[i], want[i])
                    .isLessThanOrEqualTo(tolerance * Math.max(Math.abs(want[i]), 1));
        }
    }

    @Test
    void anMlpWithDropoutTrainsToTheSameNumbersOnDl4jsOwnLayers() {
        Synthetic.Data train = Synthetic.blobs(31, 400, 6, 0.2, 1.0);
        Synthetic.Data valid = Synthetic.blobs(32, 150, 6, 0.2, 1.0);
        assertSameTrainingBothWays(new MlpTrainerFactory(), List.of("hidden=16,8", "activation=relu", "dropout=0.3",
                "epochs=4", "batch-size=32"), train.x(), train.y(), valid.x(), valid.y());
    }

    @Test
    void aSparseTextMlpTrainsToTheSameNumbersOnDl4jsOwnLayers() {
        int[] labels = new int[300];
        FeatureMatrix x = SparseNetworkTest.reviews(12, 300, labels);
        int[] validLabels = new int[100];
        FeatureMatrix vx = SparseNetworkTest.reviews(13, 100, validLabels);
        assertSameTrainingBothWays(new MlpTrainerFactory(), List.of("hidden=8,4", "activation=tanh", "dropout=0.2",
                "optimizer=rmsprop", "learning-rate=0.01", "epochs=3", "batch-size=32"), x, Labels.of(labels), vx,
                Labels.of(validLabels));
    }

    @Test
    void anAutoencoderTrainsToTheSameNumbersOnDl4jsOwnLayers() {
        Synthetic.Data train = AutoencoderTest.plane(5, 200, 20);
        Synthetic.Data valid = AutoencoderTest.plane(6, 80, 8);
        assertSameTrainingBothWays(new AutoencoderTrainerFactory(), List.of("layers=8,3,8", "epochs=3"), train.x(),
                train.y(), valid.x(), valid.y());
    }

    @Test
    void aSavedTextModelComesBackWithItsLeanEmbeddingAndScoresExactlyTheSame() {
        int[] labels = new int[200];
        FeatureMatrix x = SparseNetworkTest.reviews(14, 200, labels);
        TrainedClassifier model = new MlpTrainerFactory()
                .create(Hyperparameters.parse(List.of("hidden=8,4", "epochs=2", "batch-size=32")))
                .train(x, Labels.of(labels), TrainingContext.ofSeed(3));
        assertThat(layerNames(model)).startsWith("ScatterFreeEmbedding", "PooledGradient", "JavaActivation");
        Dl4jModelCodec codec = new Dl4jModelCodec();
        byte[] bytes = codec.encode(model);

        TrainedClassifier back = codec.decode(bytes, "mlp", model.params(), null);
        assertThat(layerNames(back)).isEqualTo(layerNames(model));
        assertThat(layerPackages(back).subList(0, 3)).containsOnly(LEAN_PACKAGE);
        assertThat(back.scores(x)).isEqualTo(model.scores(x));

        // with the lean layers off the same file loads with DL4J's own layers, and scores the same to rounding
        TrainedClassifier plain = withLeanLayersOff(() -> codec.decode(bytes, "mlp", model.params(), null));
        assertThat(layerPackages(plain)).doesNotContain(LEAN_PACKAGE);
        assertCloseRelative(plain.scores(x), model.scores(x), 1e-5, "scores on DL4J's layers");
    }
}
