package dev.rareclass.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.metrics.OperatingPoints;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import dev.rareclass.domain.threshold.ThresholdPolicy;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The metrics the Spark engine computes where the rows are equal the in-memory ones ({@link BinaryMetrics#compute},
 * scikit-learn's definitions) on the same labels and scores, and every threshold policy chooses the same threshold
 * from the grouped operating points as from the rows.
 */
class DistributedMetricsTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark();

    private static final double EPS = 1e-9;

    /** Every form of policy that looks only at the operating points (not a per-row cost). */
    private static final List<String> POLICIES = List.of("max-f1", "max-mcc", "max-balanced-accuracy", "recall>=0.8",
            "precision>=0.5", "fpr<=0.1", "alerts<=0.05", "0.5");

    /** Labels and probabilities, generated from a seed. */
    record Scores(String name, int[] y, double[] s) {
        @Override
        public String toString() {
            return name + " (" + y.length + " rows)";
        }
    }

    static Stream<Scores> scoreSets() {
        return Stream.of(
                informative("ties", 2_000, 0.2, 1, s -> Math.round(s * 10) / 10.0),
                signedZeros(),
                informative("all distinct scores", 3_000, 0.3, 2, s -> s),
                informative("100,000 rows", 100_000, 0.1, 3, s -> s),
                singleScore(),
                informative("rare positives (1%)", 20_000, 0.01, 4, s -> s));
    }

    /** Scores that rank positives higher on average, with a positive share of about {@code rate}. */
    private static Scores informative(String name, int n, double rate, long seed,
                                      java.util.function.DoubleUnaryOperator shape) {
        Random random = new Random(seed);
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < rate ? 1 : 0;
            double z = random.nextGaussian() + (y[i] == 1 ? 1.5 : 0) - 1;
            s[i] = shape.applyAsDouble(1 / (1 + Math.exp(-z)));
        }
        return new Scores(name, y, s);
    }

    /** Scores of -0.0 and 0.0 (one threshold, as numpy compares them) among a few others. */
    private static Scores signedZeros() {
        Random random = new Random(5);
        double[] values = {-0.0, 0.0, 0.25, 0.5, 0.75, 1.0};
        int n = 600;
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = values[random.nextInt(values.length)];
            y[i] = random.nextDouble() < 0.15 + 0.5 * Math.abs(s[i]) ? 1 : 0;
        }
        return new Scores("-0.0 and 0.0", y, s);
    }

    /** One score for every row: a single operating point. */
    private static Scores singleScore() {
        Random random = new Random(6);
        int n = 400;
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.25 ? 1 : 0;
            s[i] = 0.37;
        }
        return new Scores("a single distinct score", y, s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoreSets")
    void everyMetricEqualsTheInMemoryOneAtAThresholdAmongTheScores(Scores set) {
        double threshold = set.s()[set.s().length / 2];
        BinaryMetrics expected = BinaryMetrics.compute(set.y(), set.s(), threshold, true);
        BinaryMetrics actual = DistributedMetrics.of(SPARK.scored(set.y(), set.s()), threshold, true);
        assertSameMetrics(actual, expected, set + " at " + threshold);
    }

    @Test
    void scoresThatAreNoProbabilitiesHaveNoBrierOrLogLossAndTheSameOtherMetrics() {
        Scores set = informative("raw", 500, 0.2, 7, s -> 10 * s - 3);
        BinaryMetrics actual = DistributedMetrics.of(SPARK.scored(set.y(), set.s()), 0.5, false);
        assertSameMetrics(actual, BinaryMetrics.compute(set.y(), set.s(), 0.5, false), set.toString());
        assertThat(actual.get(MetricName.BRIER)).isNaN();
        assertThat(actual.get(MetricName.LOG_LOSS)).isNaN();
        assertThat(actual.get(MetricName.ROC_AUC)).isBetween(0.5, 1.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoreSets")
    void theGroupedPointsAreTheInMemoryOnesAndEveryPolicyChoosesTheSameThreshold(Scores set) {
        OperatingPoints expected = OperatingPoints.of(set.y(), set.s());
        OperatingPoints actual = DistributedMetrics.points(SPARK.scored(set.y(), set.s()));

        assertThat(actual.thresholds()).containsExactly(expected.thresholds());
        assertThat(actual.positives()).isEqualTo(expected.positives());
        assertThat(actual.negatives()).isEqualTo(expected.negatives());
        long[] tps = LongStream.range(0, expected.size()).map(i -> expected.truePositives((int) i)).toArray();
        long[] fps = LongStream.range(0, expected.size()).map(i -> expected.falsePositives((int) i)).toArray();
        assertThat(LongStream.range(0, actual.size()).map(i -> actual.truePositives((int) i)).toArray())
                .containsExactly(tps);
        assertThat(LongStream.range(0, actual.size()).map(i -> actual.falsePositives((int) i)).toArray())
                .containsExactly(fps);
        for (String spec : POLICIES) {
            ThresholdPolicy policy = ThresholdPolicies.parse(spec);
            assertThat(policy.choose(actual)).as(spec + " on " + set).isEqualTo(policy.choose(set.y(), set.s()));
        }
    }

    @Test
    void negativeZeroScoresArePredictedPositiveAtThresholdZero() {
        int[] y = {1, 0, 1, 0};
        double[] s = {-0.0, -0.0, 0.0, 0.5};
        BinaryMetrics m = DistributedMetrics.of(SPARK.scored(y, s), 0.0, true);
        assertThat(m.counts().tp()).isEqualTo(2);
        assertThat(m.counts().fp()).isEqualTo(2);
        assertThat(DistributedMetrics.points(SPARK.scored(y, s)).thresholds()).containsExactly(0.5, 0.0);
    }

    /**
     * A literal set with ties across classes, pinned from scikit-learn 1.2.1 (/usr/bin/python3):
     * {@code y = np.array(Y); s = np.array(S)}, then {@code repr(average_precision_score(y, s))} = 0.6777777777777778
     * and {@code repr(roc_auc_score(y, s))} = 0.796875.
     */
    @Test
    void averagePrecisionAndRocAucMatchScikitLearn() {
        int[] y = {0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0};
        double[] s = {0.15, 0.8, 0.8, 0.3, 0.55, 0.3, 0.05, 0.62, 0.3, 0.91, 0.0, 0.4};
        BinaryMetrics m = DistributedMetrics.of(SPARK.scored(y, s), 0.5, true);
        assertThat(m.get(MetricName.PR_AUC)).isCloseTo(0.6777777777777778, within(1e-12));
        assertThat(m.get(MetricName.ROC_AUC)).isCloseTo(0.796875, within(1e-12));
    }

    private static void assertSameMetrics(BinaryMetrics actual, BinaryMetrics expected, String where) {
        assertThat(actual.threshold()).isEqualTo(expected.threshold());
        assertThat(actual.counts()).as(where).isEqualTo(expected.counts());
        for (MetricName metric : MetricName.values()) {
            double e = expected.get(metric);
            double a = actual.get(metric);
            if (Double.isNaN(e)) {
                assertThat(a).as(metric.key() + " on " + where).isNaN();
            } else {
                assertThat(a).as(metric.key() + " on " + where).isCloseTo(e, within(EPS));
            }
        }
    }
}
