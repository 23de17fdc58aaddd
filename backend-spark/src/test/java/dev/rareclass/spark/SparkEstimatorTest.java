package dev.rareclass.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.Map;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.junit.jupiter.api.Test;

/** The Spark estimators as the shared parameter names set them (no Spark session needed to build one). */
class SparkEstimatorTest {

    private static RandomForestClassifier forest(Map<String, String> params) {
        return (RandomForestClassifier) SparkModels.estimator(SparkModels.Kind.RANDOM_FOREST, Hyperparameters.of(params),
                4, 100, false, 7);
    }

    /**
     * {@code subsample} means on a Spark forest what it means on random-forest@smile: 1.0 a bootstrap, drawn with
     * replacement; a share below 1 drawn without replacement. Spark's own bootstrap would draw the share with replacement.
     */
    @Test
    void aForestsSubsampleIsABootstrapAtOneAndDrawnWithoutReplacementBelow() {
        RandomForestClassifier whole = forest(Map.of());
        assertThat(whole.getBootstrap()).isTrue();
        assertThat(whole.getSubsamplingRate()).isEqualTo(1.0);
        RandomForestClassifier share = forest(Map.of("subsample", "0.6"));
        assertThat(share.getBootstrap()).isFalse();
        assertThat(share.getSubsamplingRate()).isEqualTo(0.6);
        assertThat(forest(Map.of("max-depth", "6")).getMaxDepth()).isEqualTo(6); // splits from the root, as every backend
    }

    /** {@code seed} is the model's own seed, any 64-bit integer, as on every backend; without it the run's (here 7). */
    @Test
    void aSeedReplacesTheRunsAndTakesAny64BitInteger() {
        assertThat(forest(Map.of()).getSeed()).isEqualTo(7);
        assertThat(forest(Map.of("seed", "3")).getSeed()).isEqualTo(3);
        assertThat(forest(Map.of("seed", "-5")).getSeed()).isEqualTo(-5);
        assertThat(forest(Map.of("seed", "9007199254740993")).getSeed()).isEqualTo(9007199254740993L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> forest(Map.of("seed", "1.5")))
                .hasMessage("parameter seed=1.5 is not an integer");
    }
}
