package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassWeights;
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

    /**
     * A penalty so small that LASVM keeps no support vector (on these rows from about c=1e-5) left a machine that scores
     * every row alike, refused by the classifier as an internal error (exit 70); it is a usage error naming c.
     */
    @Test
    void aPenaltyTooSmallToKeepASupportVectorIsRefusedNamingC() {
        for (String kernel : new String[] {"rbf", "linear"}) {
            assertThatThrownBy(() -> train(Map.of("kernel", kernel, "c", "1e-8")))
                    .as(kernel).isInstanceOf(UsageException.class)
                    .hasMessage("parameter c=1.0E-8 is too small for svm@smile on these 400 rows: it kept no support vector, "
                            + "so every row would get the same score; use a larger c (default 1)");
        }
        assertThatThrownBy(() -> train(Map.of(), TRAIN, new ClassWeights(1e-8, 1)))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("parameter c=1.0 (times the class weights: 1.0E-8 for positive rows, 1.0 for "
                        + "negative) is too small");
    }

    private static SmileSvmClassifier train(Map<String, String> params, TestData.Set data, ClassWeights weights) {
        return (SmileSvmClassifier) SmileTrainers.svm().create(Hyperparameters.of(params))
                .train(data.x(), data.y(), TrainingContext.ofSeed(1).withClassWeights(weights));
    }

    /**
     * 80 rows of two features, {@code (2 sin 1.7i, 2 cos(0.9i + 0.3))}, positive when {@code x0 + x1 + 1.5 sin 3.1i > 1.5}:
     * 24 positives, the classes overlapping. Written so that Python makes the same rows (see
     * {@link #aLinearSvmWithClassWeightsMatchesScikitLearnsSvcOnTheSameRows}).
     */
    private static TestData.Set overlapping() {
        int n = 80;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {2 * Math.sin(1.7 * i), 2 * Math.cos(0.9 * i + 0.3)};
            y[i] = x[i][0] + x[i][1] + 1.5 * Math.sin(3.1 * i) > 1.5 ? 1 : 0;
        }
        return new TestData.Set(FeatureMatrix.ofRows(x), Labels.wrap(y));
    }

    @Test
    void eachClasssPenaltyIsCTimesItsWeightAsScikitLearnsSvcSetsIt() {
        assertThat(SmileTrainers.penalties(2, new ClassWeights(5, 0.5))).isEqualTo(new SmileTrainers.Penalties(10, 1));
        assertThat(SmileTrainers.penalties(0.5, ClassWeights.NONE)).isEqualTo(new SmileTrainers.Penalties(0.5, 0.5));
    }

    @Test
    void thePenaltiesReachLasvmAsTheBoundsOfEachClasssMultipliers() {
        TestData.Set data = overlapping();
        assertThat(data.y().positives()).isEqualTo(24);
        // Smile's weights are the multipliers: in [0, Cp] for a positive support vector, [-Cn, 0] for a negative one
        double[] plain = train(Map.of("kernel", "linear"), data, ClassWeights.NONE).svm().weights();
        assertThat(Arrays.stream(plain).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(1 + 1e-9);
        double[] weighted = train(Map.of("kernel", "linear"), data, new ClassWeights(4, 1)).svm().weights();
        assertThat(Arrays.stream(weighted).max().orElseThrow()).isCloseTo(4, within(1e-9));
        assertThat(Arrays.stream(weighted).min().orElseThrow()).isGreaterThanOrEqualTo(-1 - 1e-9);
        double[] swapped = train(Map.of("kernel", "linear", "c", "0.5"), data, new ClassWeights(1, 4)).svm().weights();
        assertThat(Arrays.stream(swapped).min().orElseThrow()).isCloseTo(-2, within(1e-9));
        assertThat(Arrays.stream(swapped).max().orElseThrow()).isLessThanOrEqualTo(0.5 + 1e-9);
    }

    /**
     * scikit-learn 1.2.1, on the rows of {@link #overlapping} made in Python:
     * {@code SVC(kernel='linear', C=1.0, class_weight=W, tol=1e-6).fit(X, y).decision_function([[0, 0], [1, 1], [2, -1]])}
     * is {@code [-1.76605883, 0.96405103, 0.17103539]} for {@code W=None}, {@code [-0.96917194, 1.87928484, 0.67270944]}
     * for {@code {1: 4.0, 0: 1.0}} and {@code [-1.18365177, 1.50958366, 0.33841929]} for {@code 'balanced'}
     * ({@code class_weight_} {@code [0.71428571, 1.66666667]}, rareclass's balanced weights for 24 of 80). LASVM needs a
     * few passes over these 80 rows to reach the optimum libsvm reaches (one pass, the default, left the unweighted
     * intercept at -0.014); with 10 the values agree to 1e-5.
     */
    @Test
    void aLinearSvmWithClassWeightsMatchesScikitLearnsSvcOnTheSameRows() {
        TestData.Set data = overlapping();
        double[][] points = {{0, 0}, {1, 1}, {2, -1}};
        Map<ClassWeights, double[]> sklearn = Map.of(
                ClassWeights.NONE, new double[] {-1.76605883, 0.96405103, 0.17103539},
                new ClassWeights(4, 1), new double[] {-0.96917194, 1.87928484, 0.67270944},
                ClassWeights.balanced(data.y()), new double[] {-1.18365177, 1.50958366, 0.33841929});
        sklearn.forEach((weights, expected) -> {
            SmileSvmClassifier model = train(Map.of("kernel", "linear", "epochs", "10"), data, weights);
            for (int i = 0; i < points.length; i++) {
                assertThat(model.svm().score(points[i])).as("%s at point %d", weights, i)
                        .isCloseTo(expected[i], within(1e-5));
            }
        });
    }

    @Test
    void balancedWeightsRaiseTheRareClasssRecallAtTheSvmsOwnBoundary() {
        for (long seed : new long[] {1, 2, 3}) {
            // about 8% positives, the classes overlapping
            TestData.Set train = rare(600, seed);
            TestData.Set test = rare(2000, seed + 100);
            double[][] rows = Features.rows(test.x());
            double plain = recall(train(Map.of(), train, ClassWeights.NONE), rows, test.y());
            double balanced = recall(train(Map.of(), train, ClassWeights.balanced(train.y())), rows, test.y());
            assertThat(balanced).as("seed %d", seed).isGreaterThan(plain + 0.2);
        }
    }

    /** Share of positive rows whose decision value is at least 0 (scikit-learn's {@code SVC.predict}). */
    private static double recall(SmileSvmClassifier model, double[][] rows, Labels y) {
        int found = 0;
        for (int i = 0; i < rows.length; i++) {
            found += y.get(i) == 1 && model.svm().score(rows[i]) >= 0 ? 1 : 0;
        }
        return found / (double) y.positives();
    }

    /** Three Gaussian features, positive when {@code x0 + x1 + noise > 2.2}: about 8% positives, overlapping. */
    private static TestData.Set rare(int n, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double[][] x = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = x[i][0] + x[i][1] + 0.7 * rng.nextGaussian() > 2.2 ? 1 : 0;
        }
        return new TestData.Set(FeatureMatrix.ofRows(x), Labels.wrap(y));
    }

    @Test
    void weightedPlattScalingMultipliesTheOddsByThePositiveWeightOverTheNegative() {
        smile.classification.PlattScaling platt = new smile.classification.PlattScaling(-1.3, 0.4);
        smile.classification.PlattScaling weighted = SmileTrainers.weighted(platt, new ClassWeights(6, 1.5));
        for (double f : new double[] {-3, -0.2, 0, 1, 4}) {
            double p = platt.scale(f);
            double q = weighted.scale(f);
            assertThat(q / (1 - q)).isCloseTo(4 * p / (1 - p), within(1e-9 * (1 + p / (1 - p))));
        }
        assertThat(SmileTrainers.weighted(platt, new ClassWeights(2, 2))).isSameAs(platt);
    }

    @Test
    void aWeightedSvmRoundTripsThroughTheCodecWithNothingNewStored() {
        TestData.Set data = overlapping();
        SmileSvmClassifier model = train(Map.of(), data, new ClassWeights(3, 1));
        SmileModelCodec codec = new SmileModelCodec();
        var back = codec.decode(codec.encode(model), "svm", model.params(), null);
        assertThat(back.scores(data.x())).containsExactly(model.scores(data.x()));
        assertThat(back.params()).isEqualTo(train(Map.of(), data, ClassWeights.NONE).params());
    }
}
