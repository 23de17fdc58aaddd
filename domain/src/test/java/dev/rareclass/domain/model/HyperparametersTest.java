package dev.rareclass.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HyperparametersTest {

    @Test
    void parsesKeyValuePairsAndTypedValues() {
        Hyperparameters p = Hyperparameters.parse(List.of("hidden=16,16", "dropout=0.2", "epochs=10", "optimizer=Adam"));
        assertThat(p.integers("hidden", List.of(), 1, 4096)).containsExactly(16, 16);
        assertThat(p.decimal("dropout", 0, 0, 0.95)).isEqualTo(0.2);
        assertThat(p.integer("epochs", 1, 1, 1000)).isEqualTo(10);
        assertThat(p.choice("optimizer", "sgd", Set.of("adam", "sgd"))).isEqualTo("adam");
        assertThat(p.integer("batch-size", 64, 1, 1 << 20)).isEqualTo(64);
    }

    @Test
    void badValuesNameTheParameter() {
        Hyperparameters p = Hyperparameters.parse(List.of("epochs=ten", "dropout=2", "optimizer=lbfgs"));
        assertThatThrownBy(() -> p.integer("epochs", 1, 1, 100)).isInstanceOf(UsageException.class).hasMessageContaining("epochs=ten");
        assertThatThrownBy(() -> p.decimal("dropout", 0, 0, 0.95)).hasMessageContaining("dropout=2").hasMessageContaining("out of range");
        assertThatThrownBy(() -> p.choice("optimizer", "adam", Set.of("adam", "sgd"))).hasMessageContaining("adam, sgd");
    }

    /**
     * A control character was trimmed away at either end ({@code k=5\u0001} trained k=5) and kept inside, where a newline
     * split the refusal's one line in two ("parameter k=3", then "x is not an integer").
     */
    @Test
    void aWholeNumberTooLargeForItsTypeIsOutOfRangeNotAnythingButAnInteger() {
        // k=99999999999 was "not an integer"
        Hyperparameters p = Hyperparameters.parse(List.of("k=99999999999", "epochs=-99999999999", "trees=1.5"));
        assertThatThrownBy(() -> p.integer("k", 5, 1, 10_000)).isInstanceOf(UsageException.class)
                .hasMessage("parameter k=99999999999 is out of range [1, 10000]");
        assertThatThrownBy(() -> p.integer("epochs", 5, 1, 100)).isInstanceOf(UsageException.class)
                .hasMessage("parameter epochs=-99999999999 is out of range [1, 100]");
        assertThatThrownBy(() -> p.integer("trees", 5, 1, 100)).isInstanceOf(UsageException.class)
                .hasMessage("parameter trees=1.5 is not an integer");
    }

    @Test
    void aControlCharacterInANameOrValueIsRefusedShownAsAQuestionMark() {
        assertThatThrownBy(() -> Hyperparameters.parse(List.of("k=5\u0001"))).isInstanceOf(UsageException.class)
                .hasMessage("parameter k=5? holds a control character (U+0001); write the value without it");
        assertThatThrownBy(() -> Hyperparameters.parse(List.of("k=3\nx"))).isInstanceOf(UsageException.class)
                .hasMessage("parameter k=3?x holds a control character (U+000A); write the value without it");
        assertThatThrownBy(() -> Hyperparameters.parse(List.of("\u001b[31mk=3"))).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("parameter ?[31mk=3 holds a control character (U+001B)");
        // white space around a name or value is still no part of it, a tab or newline included
        assertThat(Hyperparameters.parse(List.of(" k\t= 3\n")).asMap()).containsExactly(Map.entry("k", "3"));
    }

    @Test
    void aListWithAnEmptyElementIsRefusedNotShortened() {
        // hidden=16,,16 built two layers and hidden=16, one, while dropout=0.2,,0.1 was refused
        for (String raw : List.of("16,,16", ",16", "16,", "16, ,16", ",")) {
            Hyperparameters p = Hyperparameters.parse(List.of("hidden=" + raw));
            assertThatThrownBy(() -> p.integers("hidden", List.of(), 1, 4096)).isInstanceOf(UsageException.class)
                    .hasMessage("parameter hidden=" + raw + " has an empty element; give one value or a comma list of values");
            assertThatThrownBy(() -> p.list("hidden", List.of())).isInstanceOf(UsageException.class)
                    .hasMessageContaining("hidden=" + raw);
        }
        assertThatThrownBy(() -> Hyperparameters.parse(List.of("hidden=")).list("hidden", List.of()))
                .isInstanceOf(UsageException.class).hasMessage("parameter hidden= is empty; give one value or a comma list of values");
        Hyperparameters p = Hyperparameters.parse(List.of("activation=relu , tanh"));
        assertThat(p.list("activation", List.of())).containsExactly("relu", "tanh");
        assertThat(p.list("dropout", List.of("0"))).containsExactly("0");
    }

    @Test
    void unknownKeysListTheKnownOnes() {
        Hyperparameters p = Hyperparameters.parse(List.of("hiden=3"));
        assertThatThrownBy(() -> p.requireKnown(Set.of("hidden", "epochs"), "mlp@dl4j"))
                .isInstanceOf(UsageException.class).hasMessageContaining("hiden").hasMessageContaining("epochs, hidden");
    }

    @Test
    void aKeyGivenTwiceWithDifferentValuesIsRefusedTheSameValueTwiceIsNot() {
        // --param trees=5 --param trees=7 silently kept 7 before
        assertThatThrownBy(() -> Hyperparameters.parse(List.of("trees=5", "max-depth=3", "trees=7")))
                .isInstanceOf(UsageException.class)
                .hasMessage("parameter trees is given twice (5 and 7); give it once");
        assertThat(Hyperparameters.parse(List.of("trees=5", "trees = 5")).asMap()).containsExactly(Map.entry("trees", "5"));
        assertThat(Hyperparameters.parse(List.of("trees=5", "random-forest.trees=7")).asMap()).hasSize(2);
    }

    @Test
    void pairsWithoutEqualsAreRefused() {
        assertThatThrownBy(() -> Hyperparameters.parse(List.of("epochs"))).isInstanceOf(UsageException.class);
    }

    @Test
    void balancedClassWeightsFollowScikitLearn() {
        // sklearn.utils.class_weight.compute_class_weight("balanced", classes=[0,1], y=[0]*8+[1]*2) -> [0.625, 2.5]
        ClassWeights w = ClassWeights.parse("balanced", dev.rareclass.domain.data.Labels.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1));
        assertThat(w.positive()).isEqualTo(2.5);
        assertThat(w.negative()).isEqualTo(0.625);
        assertThat(ClassWeights.parse("10:1", null)).isEqualTo(new ClassWeights(10, 1));
        assertThatThrownBy(() -> ClassWeights.parse("heavy", null)).isInstanceOf(UsageException.class);
        // weights 1e17 apart made the weighted positive share round to 1 (an internal error), 1e300 overflowed
        // XGBoost's float weight
        assertThat(ClassWeights.parse("1e12:1", null)).isEqualTo(new ClassWeights(1e12, 1));
        for (String spec : new String[] {"1e17:1", "1:1e300", "1e300:1"}) {
            assertThatThrownBy(() -> ClassWeights.parse(spec, null)).isInstanceOf(UsageException.class)
                    .hasMessage("class weight '" + spec + "': the two weights are more than 1e12 apart; 'balanced' "
                            + "weighs each class by its inverse share");
        }
    }

    @Test
    void numbersInMessagesAreWrittenAsAUserWritesThem() {
        // a range's end read "[0, 1.0E38]" and "[0, 1000000000000]"
        assertThat(Hyperparameters.written(10)).isEqualTo("10");
        assertThat(Hyperparameters.written(-3)).isEqualTo("-3");
        assertThat(Hyperparameters.written(0.25)).isEqualTo("0.25");
        assertThat(Hyperparameters.written(1e12)).isEqualTo("1e12");
        assertThat(Hyperparameters.written(1e38)).isEqualTo("1e38");
        assertThat(Hyperparameters.written(1.5e8)).isEqualTo("1.5e8");
        assertThat(Hyperparameters.written(Double.MIN_VALUE)).isEqualTo("4.9e-324");
        assertThat(Hyperparameters.written(1e-5)).isEqualTo("1e-5");
    }
}
