package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingHistory;
import dev.rareclass.domain.preprocess.FittedPreprocessor;
import dev.rareclass.domain.preprocess.NumericTransform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A score that is no finite number (a network whose activations overflowed) is refused, naming the row, rather than
 * written as a prediction or served as {@code null}.
 */
class NonFiniteScoresTest {

    /** Scores a row by its one feature, halved; a feature above 1e30 overflows to NaN, as an overflowing network. */
    record Overflowing() implements TrainedClassifier {
        public String kind() {
            return "net";
        }

        public String backend() {
            return "test";
        }

        public Hyperparameters params() {
            return Hyperparameters.empty();
        }

        public double[] scores(FeatureMatrix x) {
            double[] out = new double[x.rows()];
            for (int r = 0; r < out.length; r++) {
                out[r] = x.get(r, 0) > 1e30 ? Double.NaN : 0.5 * x.get(r, 0);
            }
            return out;
        }

        public ScoreKind scoreKind() {
            return ScoreKind.PROBABILITY;
        }

        public Optional<TrainingHistory> history() {
            return Optional.empty();
        }

        public String summary() {
            return "overflowing";
        }
    }

    @Test
    void aRowWithoutAFiniteScoreIsADataErrorNamingItsRow() {
        FittedPipeline model = overflowing();
        Table fine = Table.labelled("new.csv", List.of("a"), FeatureMatrix.wrap(3, 1, new float[] {0.2f, 0.4f, 1f}),
                Labels.wrap(new int[] {0, 0, 1}), new LabelMapping("y", "1", "0"));
        assertThat(model.scores(fine)).containsExactly(0.1f * 1.0, 0.2f * 1.0, 0.5);

        Table huge = Table.labelled("new.csv", List.of("a"), FeatureMatrix.wrap(3, 1, new float[] {0.2f, 3e38f, 1f}),
                Labels.wrap(new int[] {0, 0, 1}), new LabelMapping("y", "1", "0"));
        assertThatThrownBy(() -> model.scores(huge)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("new.csv, data row 2: net@test gives no finite score for it (NaN)");
    }

    @Test
    void aProbabilityOutsideZeroToOneIsADataErrorNamingItsRow() {
        // a classifier of probabilities whose output was altered (a network's sigmoid swapped for identity): 0.5 * 3
        FittedPipeline model = overflowing();
        Table rows = Table.labelled("new.csv", List.of("a"), FeatureMatrix.wrap(3, 1, new float[] {0.2f, 2f, 3f}),
                Labels.wrap(new int[] {0, 0, 1}), new LabelMapping("y", "1", "0"));
        assertThatThrownBy(() -> model.scores(rows)).isInstanceOf(DataException.class)
                .hasMessage("new.csv, data row 3: net@test gives it a score of 1.5, not a probability in [0, 1]: the "
                        + "model file was altered after training");
        Table negative = Table.labelled("new.csv", List.of("a"), FeatureMatrix.wrap(1, 1, new float[] {-1f}),
                Labels.wrap(new int[] {0}), new LabelMapping("y", "1", "0"));
        assertThatThrownBy(() -> model.scores(negative)).isInstanceOf(DataException.class)
                .hasMessageContaining("score of -0.5");
    }

    /** A model of the one column {@code a}, scored by {@link Overflowing}. */
    private static FittedPipeline overflowing() {
        return new FittedPipeline(new LabelMapping("y", "1", "0"),
                new FittedPreprocessor(List.of(new NumericTransform("a", Double.NaN, 0, 1))), null, new Overflowing(),
                0.5, "0.5", "none", "none", Map.of(), Provenance.now("t.csv", "", 0, 3, 0));
    }
}
