package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smile.model.cart.SplitRule;

class ParamsTest {

    private static Hyperparameters p(String... kv) {
        return Hyperparameters.parse(java.util.List.of(kv));
    }

    @Test
    void logisticDefaultsAreScikitLearnsCAndTolWithSmilesIterationLimit() {
        LogisticParams params = LogisticParams.of(Hyperparameters.empty());
        assertThat(params).isEqualTo(new LogisticParams(1.0, 1e-4, 500));
        assertThat(params.toOptions()).isEqualTo(new smile.classification.LogisticRegression.Options(1.0, 1e-4, 500));
    }

    @Test
    void logisticReadsEveryParameter() {
        assertThat(LogisticParams.of(p("lambda=0", "tolerance=1e-8", "max-iterations=50")))
                .isEqualTo(new LogisticParams(0, 1e-8, 50));
    }

    @Test
    void logisticBadValuesNameTheParameter() {
        assertThatThrownBy(() -> LogisticParams.of(p("lambda=-1"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("lambda=-1");
        assertThatThrownBy(() -> LogisticParams.of(p("tolerance=0"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("tolerance=0");
        assertThatThrownBy(() -> LogisticParams.of(p("max-iterations=many"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("max-iterations=many is not an integer");
    }

    @Test
    void logisticUnknownKeysListTheKnownOnes() {
        assertThatThrownBy(() -> LogisticParams.of(p("C=1"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown parameter 'C' for logistic@smile")
                .hasMessageContaining("known: lambda, max-iterations, tolerance");
    }

    @Test
    void randomForestDefaults() {
        RandomForestParams params = RandomForestParams.of(Hyperparameters.empty());
        // scikit-learn's RandomForestClassifier defaults: fully grown trees (depth capped at 200), min_samples_leaf=1
        assertThat(params).isEqualTo(new RandomForestParams(100, 0, 200, 0, 1, 1.0, SplitRule.GINI));
        assertThat(params.mtryFor(10)).isEqualTo(3);
        assertThat(params.mtryFor(1)).isEqualTo(1);
        assertThat(params.mtryFor(16)).isEqualTo(4);
    }

    @Test
    void randomForestReadsEveryParameter() {
        RandomForestParams params = RandomForestParams.of(p("trees=10", "mtry=2", "max-depth=8", "max-nodes=64",
                "node-size=3", "subsample=0.5", "split-rule=Entropy"));
        assertThat(params).isEqualTo(new RandomForestParams(10, 2, 8, 64, 3, 0.5, SplitRule.ENTROPY));
        assertThat(params.toHyperparameters().asMap()).containsAllEntriesOf(Map.of(
                "trees", "10", "mtry", "2", "max-depth", "8", "max-nodes", "64", "node-size", "3",
                "subsample", "0.5", "split-rule", "entropy"));
    }

    @Test
    void randomForestBadValuesNameTheParameter() {
        assertThatThrownBy(() -> RandomForestParams.of(p("trees=0"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("trees=0");
        assertThatThrownBy(() -> RandomForestParams.of(p("max-depth=1"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("max-depth=1");
        assertThatThrownBy(() -> RandomForestParams.of(p("max-depth=500"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("max-depth=500");
        assertThatThrownBy(() -> RandomForestParams.of(p("node-size=0"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("node-size=0");
        assertThatThrownBy(() -> RandomForestParams.of(p("subsample=0"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("subsample=0");
        assertThatThrownBy(() -> RandomForestParams.of(p("subsample=1.5"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("subsample=1.5");
        assertThatThrownBy(() -> RandomForestParams.of(p("split-rule=best"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("split-rule=best");
        assertThatThrownBy(() -> RandomForestParams.of(p("max-nodes=1"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("max-nodes=1");
    }

    @Test
    void randomForestUnknownKeysListTheKnownOnes() {
        assertThatThrownBy(() -> RandomForestParams.of(p("n_estimators=10"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown parameter 'n_estimators' for random-forest@smile")
                .hasMessageContaining("known: max-depth, max-nodes, mtry, node-size, split-rule, subsample, trees");
    }

    @Test
    void factoriesValidateWhenCreatingATrainer() {
        assertThatThrownBy(() -> new RandomForestFactory().create(p("depth=3"))).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> new LogisticRegressionFactory().create(p("lambda=x"))).isInstanceOf(UsageException.class);
        assertThat(new RandomForestFactory().parameterNames()).isEqualTo(RandomForestParams.NAMES);
        assertThat(new LogisticRegressionFactory().parameterNames()).isEqualTo(LogisticParams.NAMES);
    }
}
