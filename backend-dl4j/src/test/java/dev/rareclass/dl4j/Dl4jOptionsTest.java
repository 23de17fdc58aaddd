package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every activation, init and optimizer builds a network that trains a step and scores finite probabilities. */
@Tag("slow")
class Dl4jOptionsTest {

    private static final Synthetic.Data DATA = Synthetic.blobs(3, 40, 3, 0.3, 1.0);

    private static void trainsOneStep(String... params) {
        List<String> all = new java.util.ArrayList<>(List.of("hidden=4,3", "epochs=1", "batch-size=40"));
        all.addAll(List.of(params));
        TrainedClassifier m = new MlpTrainerFactory().create(Hyperparameters.parse(all))
                .train(DATA.x(), DATA.y(), TrainingContext.ofSeed(1));
        assertThat(Arrays.stream(m.scores(DATA.x())).allMatch(v -> v >= 0 && v <= 1)).isTrue();
        assertThat(m.history().orElseThrow().epochs().getFirst().values().get("loss")).isFinite();
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "selu", "tanh", "elu", "leaky-relu", "sigmoid", "relu,tanh"})
    void activations(String a) {
        trainsOneStep("activation=" + a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"he-uniform", "he-normal", "glorot-uniform", "glorot-normal", "lecun-normal", "he-normal,lecun-normal"})
    void inits(String i) {
        trainsOneStep("init=" + i);
    }

    @ParameterizedTest
    @ValueSource(strings = {"optimizer=adam", "optimizer=rmsprop", "optimizer=sgd", "optimizer=sgd;momentum=0",
        "optimizer=nadam", "l1=0.01;l2=0.01", "dropout=0.2,0.5"})
    void optimizersAndPenalties(String semicolonSeparated) {
        trainsOneStep(semicolonSeparated.split(";"));
    }
}
