package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnnTest {

    private static TrainedClassifier train(String k, FeatureMatrix x, Labels y) {
        return SmileTrainers.knn().create(Hyperparameters.of(Map.of("k", k))).train(x, y, TrainingContext.ofSeed(1));
    }

    @Test
    void theScoreIsTheShareOfPositiveNeighbours() {
        // points on a line at 0..9, positives at 7, 8, 9. The 5 nearest of 8.2 are 8, 9, 7, 6, 5 (5 at 3.2 beats 4
        // at 4.2): three positive of five. Of 0.1: 0..4, none. Of 6.6: 7, 6, 8, 5, 9: three of five.
        double[][] rows = new double[10][1];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            rows[i][0] = i;
            labels[i] = i >= 7 ? 1 : 0;
        }
        TrainedClassifier model = train("5", FeatureMatrix.ofRows(rows), Labels.wrap(labels));
        double[] scores = model.scores(FeatureMatrix.ofRows(new double[][] {{8.2}, {0.1}, {6.6}}));
        assertThat(scores).containsExactly(3 / 5.0, 0, 3 / 5.0);
    }

    @Test
    void scoresTheSameFromManyThreadsWithTheCoverTreeUsedFromTenColumns() throws Exception {
        TestData.Set data = TestData.xor(400, 12, 5);
        TrainedClassifier model = train("5", data.x(), data.y());
        double[] expected = TestData.assertScoresTheSameFromManyThreads(model, data.x(), 4, 8);
        SmileModelCodec codec = new SmileModelCodec();
        assertThat(codec.decode(codec.encode(model), "knn", model.params(), null).scores(data.x())).containsExactly(expected);
    }

    @Test
    void moreNeighboursThanRowsIsAUsageErrorNamingK() {
        TestData.Set data = TestData.xor(20, 2, 5);
        assertThatThrownBy(() -> train("21", data.x(), data.y())).isInstanceOf(UsageException.class)
                .hasMessageContaining("k=21 exceeds the 20 training rows");
    }
}
