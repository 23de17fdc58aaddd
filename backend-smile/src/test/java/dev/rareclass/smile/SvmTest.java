package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SvmTest {

    private static final TestData.Set TRAIN = TestData.linear(400, 5, 3);
    private static final TestData.Set TEST = TestData.linear(300, 5, 4);

    private static SmileSvmClassifier train(Map<String, String> params) {
        return (SmileSvmClassifier) SmileTrainers.svm().create(Hyperparameters.of(params))
                .train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(1));
    }

    @Test
    void gammaScaleIsScikitLearnsOneOverFeaturesTimesVariance() {
        double[][] x = {{0, 2}, {4, 6}};
        // values 0, 2, 4, 6: mean 3, population variance (9 + 1 + 1 + 9) / 4 = 5; 2 features -> 1 / 10
        assertThat(SvmParams.DEFAULTS.resolvedFor(x).gamma()).isCloseTo(0.1, within(1e-15));
        assertThat(new SvmParams("rbf", 1, 0.5, 1e-3, 1).resolvedFor(x).gamma()).isEqualTo(0.5);
        assertThat(SvmParams.DEFAULTS.resolvedFor(new double[][] {{1, 1}}).gamma()).isEqualTo(1.0);
    }

    @Test
    void smilesGaussianKernelIsScikitLearnsRbfForTheSameGamma() {
        double gamma = 0.37;
        var kernel = SmileTrainers.kernel(new SvmParams("rbf", 1, gamma, 1e-3, 1));
        double[] a = {0.5, -1, 2};
        double[] b = {1.5, 0.25, -0.5};
        double squared = 1 + 1.5625 + 6.25;
        assertThat(kernel.k(a, b)).isCloseTo(Math.exp(-gamma * squared), within(1e-12));
    }

    @Test
    void plattScalingIsIncreasingInTheDecisionValueAndRoughlyCalibratedOnTrainingRows() {
        for (String kernel : new String[] {"rbf", "linear"}) {
            SmileSvmClassifier model = train(Map.of("kernel", kernel));
            double[] scores = model.scores(TEST.x());
            assertThat(TestData.auc(scores, TEST.y())).as(kernel).isGreaterThan(0.97);
            double[][] rows = Features.rows(TEST.x());
            Integer[] order = new Integer[rows.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (i, j) -> Double.compare(model.svm().score(rows[i]), model.svm().score(rows[j])));
            for (int i = 1; i < order.length; i++) {
                assertThat(scores[order[i]]).as(kernel).isGreaterThanOrEqualTo(scores[order[i - 1]]);
            }
            double mean = Arrays.stream(model.scores(TRAIN.x())).average().orElseThrow();
            assertThat(mean).as(kernel).isCloseTo(TRAIN.y().positives() / (double) TRAIN.y().size(), within(0.05));
        }
    }

    @Test
    void theModelRecordsTheGammaItResolvedAndLinearHasNone() {
        assertThat(train(Map.of()).params().asMap()).containsKeys("gamma").doesNotContainEntry("gamma", "scale");
        assertThat(train(Map.of("kernel", "linear")).params().asMap()).doesNotContainKey("gamma");
        assertThat(train(Map.of("gamma", "0.25")).params().asMap()).containsEntry("gamma", "0.25");
    }
}
