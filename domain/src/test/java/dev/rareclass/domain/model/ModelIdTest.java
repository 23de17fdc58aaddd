package dev.rareclass.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelIdTest {

    @Test
    void parsesKindAndKindAtBackendAndWritesThemBackTheSameWay() {
        assertThat(ModelId.parse("mlp@dl4j")).isEqualTo(ModelId.of("mlp", "dl4j"));
        assertThat(ModelId.parse(" logistic ")).isEqualTo(ModelId.anyBackend("logistic"));
        assertThat(ModelId.parse("mlp@dl4j").toString()).isEqualTo("mlp@dl4j");
        assertThat(ModelId.anyBackend("logistic").toString()).isEqualTo("logistic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "@dl4j", "mlp@", "mlp@dl4j@x", "@"})
    void aMisplacedAtOrAnEmptyNameIsAUsageError(String text) {
        assertThatThrownBy(() -> ModelId.parse(text)).isInstanceOf(UsageException.class);
    }

    /** String.trim took a control character at either end for white space: models: ["knn\u0001"] compared knn. */
    @ParameterizedTest
    @ValueSource(strings = {"knn\u0001", "\u001bknn", "knn@smile\u0000", "kn\nn"})
    void aControlCharacterIsNoPartOfAName(String text) {
        assertThatThrownBy(() -> ModelId.parse(text)).isInstanceOf(UsageException.class).hasMessageContaining("is not a name");
    }

    @Test
    void anExplicitBackendWinsOverADefaultOne() {
        assertThat(ModelId.parse("mlp@dl4j").orOnBackend(Optional.of("smile"))).isEqualTo(ModelId.of("mlp", "dl4j"));
        assertThat(ModelId.parse("mlp").orOnBackend(Optional.of("dl4j"))).isEqualTo(ModelId.of("mlp", "dl4j"));
        assertThat(ModelId.parse("mlp").orOnBackend(Optional.empty())).isEqualTo(ModelId.anyBackend("mlp"));
    }

    @Test
    void classWeightingsAreParsedOnceAndComputedPerFit() {
        assertThat(ClassWeighting.parse("None")).isEqualTo(ClassWeighting.NONE);
        assertThat(ClassWeighting.parse("balanced").weightsFor(dev.rareclass.domain.data.Labels.of(1, 0, 0, 0)))
                .isEqualTo(new ClassWeights(2, 4.0 / 6));
        assertThat(ClassWeighting.parse("10:1").fixed()).contains(new ClassWeights(10, 1));
        for (String bad : new String[] {"abc", "0:1", "-1:2", "1:2:3", ":1", "NaN:1", "Infinity:1", ""}) {
            assertThatThrownBy(() -> ClassWeighting.parse(bad)).as(bad).isInstanceOf(UsageException.class);
        }
    }

    @Test
    void boostedKindsCountRoundsNetworksEpochs() {
        for (String kind : new String[] {"gradient-boosting@xgboost", "gradient-boosting", "adaboost", "rus-boost"}) {
            assertThat(ModelId.parse(kind).countsRounds()).as(kind).isTrue();
        }
        for (String kind : new String[] {"mlp@dl4j", "autoencoder", "logistic", "random-forest", "balanced-bagging"}) {
            assertThat(ModelId.parse(kind).countsRounds()).as(kind).isFalse();
        }
    }
}
