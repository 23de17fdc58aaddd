package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code seed} means on every Smile kind whose fit draws random numbers what it means on the other backends
 * ({@code random-forest@spark}, {@code gradient-boosting@xgboost}, {@code mlp@dl4j}): the model's own seed, in place of
 * the run's. So a command or recipe naming it keeps working when only the backend changes. The deterministic kinds take
 * it too, so that one {@code --param seed=N} reaches every model of a comparison.
 */
class SeedParameterTest {

    private static final TestData.Set TRAIN = TestData.xor(300, 4, 17);

    static Stream<Arguments> seededKinds() {
        return Stream.of(
                Arguments.of("random-forest", (Supplier<SmileTrainerFactory>) SmileTrainers::randomForest, Map.of("trees", "10")),
                Arguments.of("gradient-boosting", (Supplier<SmileTrainerFactory>) SmileTrainers::gradientBoosting,
                        Map.of("trees", "10", "subsample", "0.5")),
                Arguments.of("adaboost", (Supplier<SmileTrainerFactory>) SmileTrainers::adaBoost, Map.of("trees", "10")),
                Arguments.of("svm", (Supplier<SmileTrainerFactory>) SmileTrainers::svm, Map.of()),
                Arguments.of("mlp", (Supplier<SmileTrainerFactory>) SmileTrainers::mlp, Map.of("epochs", "3")),
                Arguments.of("balanced-random-forest", (Supplier<SmileTrainerFactory>) SmileTrainers::balancedRandomForest,
                        Map.of("trees", "10")),
                Arguments.of("balanced-bagging", (Supplier<SmileTrainerFactory>) SmileTrainers::balancedBagging, Map.of()),
                Arguments.of("easy-ensemble", (Supplier<SmileTrainerFactory>) SmileTrainers::easyEnsemble,
                        Map.of("estimators", "3", "trees", "5")),
                Arguments.of("rus-boost", (Supplier<SmileTrainerFactory>) SmileTrainers::rusBoost, Map.of("trees", "10")));
    }

    private static TrainedClassifier fit(SmileTrainerFactory factory, Map<String, String> params, long runSeed) {
        return factory.create(Hyperparameters.of(params)).train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(runSeed));
    }

    private static Map<String, String> with(Map<String, String> params, String seed) {
        Map<String, String> out = new LinkedHashMap<>(params);
        out.put("seed", seed);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seededKinds")
    void theModelsSeedReplacesTheRunsAndIsKeptInItsFile(String kind, Supplier<SmileTrainerFactory> factory,
                                                        Map<String, String> params) {
        assertThat(factory.get().parameterNames()).contains("seed");
        TrainedClassifier seeded = fit(factory.get(), with(params, "7"), 1);
        double[] scores = seeded.scores(TRAIN.x());
        // the run's seed no longer matters, and seed=7 is the run's seed 7
        assertThat(fit(factory.get(), with(params, "7"), 2).scores(TRAIN.x())).containsExactly(scores);
        assertThat(fit(factory.get(), params, 7).scores(TRAIN.x())).containsExactly(scores);
        // and the fit is random: the run's seed 1 alone gives another model
        assertThat(fit(factory.get(), params, 1).scores(TRAIN.x())).isNotEqualTo(scores);

        assertThat(seeded.params().asMap()).containsEntry("seed", "7");
        SmileModelCodec codec = new SmileModelCodec();
        TrainedClassifier read = codec.decode(codec.encode(seeded), kind, seeded.params(), null);
        assertThat(read.params()).isEqualTo(seeded.params());
        assertThat(read.scores(TRAIN.x())).containsExactly(scores);
        // without a seed of its own the model lists none
        assertThat(fit(factory.get(), params, 1).params().asMap()).doesNotContainKey("seed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seededKinds")
    void aSeedIsAnyWholeNumberOf64Bits(String kind, Supplier<SmileTrainerFactory> factory, Map<String, String> params) {
        assertThat(fit(factory.get(), with(params, "-9223372036854775808"), 1).params().asMap())
                .containsEntry("seed", "-9223372036854775808");
        assertThatThrownBy(() -> factory.get().create(Hyperparameters.of(with(params, "1.5"))))
                .isInstanceOf(UsageException.class).hasMessage("parameter seed=1.5 is not an integer");
        assertThatThrownBy(() -> factory.get().create(Hyperparameters.of(with(params, "9223372036854775808"))))
                .isInstanceOf(UsageException.class)
                .hasMessage("parameter seed=9223372036854775808 is outside the 64-bit range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "decision-tree", "knn"})
    void theKindsWithoutRandomDrawsTakeASeedAndFitAsWithoutIt(String kind) {
        SmileTrainerFactory factory = SmileTrainers.all().stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
        assertThat(factory.parameterNames()).contains("seed");
        TrainedClassifier seeded = fit(factory, Map.of("seed", "3"), 1);
        double[] scores = fit(factory, Map.of(), 2).scores(TRAIN.x());
        assertThat(seeded.scores(TRAIN.x())).containsExactly(scores);
        assertThat(seeded.params().asMap()).containsEntry("seed", "3");
        SmileModelCodec codec = new SmileModelCodec();
        TrainedClassifier read = codec.decode(codec.encode(seeded), kind, seeded.params(), null);
        assertThat(read.params()).isEqualTo(seeded.params());
        assertThat(read.scores(TRAIN.x())).containsExactly(scores);
        assertThatThrownBy(() -> factory.create(Hyperparameters.of(Map.of("seed", "x"))))
                .isInstanceOf(UsageException.class).hasMessage("parameter seed=x is not an integer");
    }
}
