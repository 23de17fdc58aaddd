package dev.rareclass.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every metric pinned against scikit-learn 1.2.1 and imbalanced-learn 0.10.0, computed with /usr/bin/python3 as
 * {@code y = np.array(Y); s = np.array(S); p = (s >= 0.5).astype(int)} and then the expression in each comment
 * ({@code from sklearn.metrics import *}), printed with repr().
 */
class BinaryMetricsTest {
    private static final double EPS = 1e-12;

    /**
     * Reference values at threshold 0.5 (sklearn.metrics / imblearn.metrics), one row per metric, with one value
     * for each {@link SklearnCases} set in the order NORMAL, TIES, NONE_PREDICTED, ALL_PREDICTED.
     */
    private record Reference(MetricName metric, double... values) {
    }

    private static final List<Reference> REFERENCES = List.of(
            new Reference(MetricName.ACCURACY, 0.8, 0.5, 0.6666666666666666, 0.6), // accuracy_score(y, p)
            new Reference(MetricName.BALANCED_ACCURACY, 0.7916666666666667, 0.5142857142857142, 0.5, 0.5), // balanced_accuracy_score(y, p)
            new Reference(MetricName.PRECISION, 0.75, 0.42857142857142855, 0.0, 0.6), // precision_score(y, p, zero_division=0)
            new Reference(MetricName.RECALL, 0.75, 0.6, 0.0, 1.0), // recall_score(y, p, zero_division=0)
            new Reference(MetricName.SPECIFICITY, 0.8333333333333334, 0.42857142857142855, 1.0, 0.0), // imblearn specificity_score(y, p)
            new Reference(MetricName.F1, 0.75, 0.5, 0.0, 0.7499999999999999), // f1_score(y, p, zero_division=0)
            new Reference(MetricName.F_BETA, 0.75, 0.5555555555555556, 0.0, 0.8823529411764706), // fbeta_score(y, p, beta=2, zero_division=0)
            new Reference(MetricName.MCC, 0.5833333333333334, 0.02857142857142857, 0.0, 0.0), // matthews_corrcoef(y, p)
            new Reference(MetricName.G_MEAN, 0.7905694150420949, 0.50709255283711, 0.0, 0.0), // imblearn geometric_mean_score(y, p)
            new Reference(MetricName.ROC_AUC, 0.9166666666666667, 0.6, 1.0, 0.5), // roc_auc_score(y, s)
            new Reference(MetricName.PR_AUC, 0.9166666666666666, 0.5122222222222221, 1.0, 0.6388888888888888), // average_precision_score(y, s)
            new Reference(MetricName.BRIER, 0.12250000000000001, 0.28333333333333327, 0.15041666666666664, 0.30250000000000005), // brier_score_loss(y, s)
            new Reference(MetricName.LOG_LOSS, 0.3898589796347911, 0.8154597112124607, 0.41667681625994635, 7.53629815521459), // log_loss(y, s)
            new Reference(MetricName.TP, 3.0, 3.0, 0.0, 3.0), // confusion_matrix(y, p).ravel()[3]
            new Reference(MetricName.FP, 1.0, 4.0, 0.0, 2.0), // confusion_matrix(y, p).ravel()[1]
            new Reference(MetricName.TN, 5.0, 3.0, 4.0, 0.0), // confusion_matrix(y, p).ravel()[0]
            new Reference(MetricName.FN, 1.0, 2.0, 2.0, 0.0)); // confusion_matrix(y, p).ravel()[2]

    private static final Map<MetricName, Double> NORMAL = referenceColumn(0);

    /** One data set's reference values; a metric listed twice fails here. */
    private static Map<MetricName, Double> referenceColumn(int set) {
        return REFERENCES.stream().collect(Collectors.toMap(Reference::metric, r -> r.values()[set]));
    }

    static Stream<Arguments> sklearnCases() {
        return Stream.of(
                Arguments.of("normal", SklearnCases.NORMAL_Y, SklearnCases.NORMAL_S, NORMAL),
                Arguments.of("tied scores", SklearnCases.TIES_Y, SklearnCases.TIES_S, referenceColumn(1)),
                Arguments.of("no predicted positives", SklearnCases.NONE_PREDICTED_Y,
                        SklearnCases.NONE_PREDICTED_S, referenceColumn(2)),
                Arguments.of("all predicted positive", SklearnCases.ALL_PREDICTED_Y,
                        SklearnCases.ALL_PREDICTED_S, referenceColumn(3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sklearnCases")
    void everyMetricMatchesSklearn(String name, int[] y, double[] s, Map<MetricName, Double> expected) {
        BinaryMetrics m = BinaryMetrics.compute(y, s, SklearnCases.THRESHOLD, true);
        assertThat(expected).hasSize(MetricName.values().length);
        for (MetricName metric : MetricName.values()) {
            assertThat(m.get(metric)).as(name + " " + metric.key()).isCloseTo(expected.get(metric), within(EPS));
        }
        assertThat(m.threshold()).isEqualTo(SklearnCases.THRESHOLD);
        assertThat((double) m.counts().tp()).isEqualTo(expected.get(MetricName.TP));
    }

    @Test
    void logLossClipsAtMachineEpsilonLikeSklearn12NotAt1eMinus15() {
        // log_loss([0], [1.0], labels=[0, 1]) -> 36.04365338911715 = -log(2.220446049250313e-16);
        // eps=1e-15 would give 34.53957599234088
        BinaryMetrics m = BinaryMetrics.compute(new int[] {0}, new double[] {1.0}, 0.5, true);
        assertThat(m.get(MetricName.LOG_LOSS)).isCloseTo(36.04365338911715, within(1e-9));
    }

    @Test
    void anomalyScoresHaveNoBrierOrLogLossButAllOtherMetrics() {
        double[] errors = Arrays.stream(SklearnCases.NORMAL_S).map(v -> 100 * v - 7).toArray();
        BinaryMetrics m = BinaryMetrics.compute(SklearnCases.NORMAL_Y, errors, 100 * 0.5 - 7, false);
        assertThat(m.get(MetricName.BRIER)).isNaN();
        assertThat(m.get(MetricName.LOG_LOSS)).isNaN();
        // A monotone transform of the scores and threshold changes no ranking or count metric.
        for (MetricName metric : MetricName.values()) {
            if (metric != MetricName.BRIER && metric != MetricName.LOG_LOSS) {
                assertThat(m.get(metric)).as(metric.key()).isCloseTo(NORMAL.get(metric), within(EPS));
            }
        }
    }

    @Test
    void asMapListsEveryMetricInEnumOrder() {
        BinaryMetrics m = BinaryMetrics.compute(SklearnCases.NORMAL_Y, SklearnCases.NORMAL_S, 0.5, true);
        assertThat(m.asMap().keySet()).containsExactly(MetricName.values());
        assertThat(m.asMap().get(MetricName.MCC)).isEqualTo(m.get(MetricName.MCC));
        assertThatThrownBy(() -> m.asMap().put(MetricName.F1, 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withoutPositivesEveryMetricIsSklearnsAndRocAucAloneIsUndefined() {
        // y = [0,0,0,0], s = [0.2,0.6,0.4,0.8], p = s >= 0.5 (scikit-learn 1.2.1, imbalanced-learn 0.10.0):
        // roc_auc_score raises "Only one class present in y_true" (NaN here); recall_score and
        // average_precision_score warn ("Recall is ill-defined", "No positive class found in y_true") and give 0.0
        // and -0.0, geometric_mean_score gives 0.0 from that recall: PRODUCT.md §4 asks for the same zeros
        BinaryMetrics m = BinaryMetrics.compute(new int[] {0, 0, 0, 0}, new double[] {0.2, 0.6, 0.4, 0.8}, 0.5, true);
        assertThat(m.get(MetricName.ROC_AUC)).isNaN();
        assertThat(m.get(MetricName.PR_AUC)).isZero();
        assertThat(m.get(MetricName.RECALL)).isZero();
        assertThat(m.get(MetricName.G_MEAN)).isZero();
        // defined, and as scikit-learn gives them: accuracy_score 0.5, balanced_accuracy_score 0.5 (the negatives'
        // recall alone), precision_score 0.0 (2 flagged, none positive), specificity_score 0.5, f1_score 0.0,
        // fbeta_score(beta=2) 0.0, matthews_corrcoef 0.0, brier_score_loss 0.30000000000000004,
        // log_loss(labels=[0, 1]) 0.814924454847114
        assertThat(m.get(MetricName.ACCURACY)).isEqualTo(0.5);
        assertThat(m.get(MetricName.BALANCED_ACCURACY)).isCloseTo(0.5, within(EPS));
        assertThat(m.get(MetricName.PRECISION)).isZero();
        assertThat(m.get(MetricName.SPECIFICITY)).isEqualTo(0.5);
        assertThat(m.get(MetricName.F1)).isZero();
        assertThat(m.get(MetricName.F_BETA)).isZero();
        assertThat(m.get(MetricName.MCC)).isZero();
        assertThat(m.get(MetricName.BRIER)).isCloseTo(0.30000000000000004, within(EPS));
        assertThat(m.get(MetricName.LOG_LOSS)).isCloseTo(0.814924454847114, within(EPS));
        assertThat(m.counts()).isEqualTo(new ConfusionCounts(0, 2, 2, 0));
    }

    @Test
    void withoutPositivesNorFlaggedRowsTheGMeanIsImbalancedLearnsOne() {
        // geometric_mean_score([0,0,0,0], [0,0,0,0]) -> 1.0: only the negatives are present, all found
        BinaryMetrics m = BinaryMetrics.compute(new int[] {0, 0, 0, 0}, new double[] {0.2, 0.1, 0.4, 0.3}, 0.5, true);
        assertThat(m.get(MetricName.G_MEAN)).isEqualTo(1.0);
        assertThat(m.get(MetricName.RECALL)).isZero(); // recall_score: 0.0, with its warning
        assertThat(m.get(MetricName.BALANCED_ACCURACY)).isEqualTo(1.0);
        // the one deliberate difference: specificity_score([0,0,0,0], [0,0,0,0]) gives 0.0 (imbalanced-learn 0.10 stops
        // early when the positive label occurs nowhere); every negative passed, so tn / (tn + fp) = 1 here
        assertThat(m.get(MetricName.SPECIFICITY)).isEqualTo(1.0);
    }

    @Test
    void withoutNegativesEveryMetricIsSklearnsAndRocAucAloneIsUndefined() {
        // y = [1,1,1,1,1], s = [0.9,0.8,0.3,0.6,0.2], p = s >= 0.5 (scikit-learn 1.2.1, imbalanced-learn 0.10.0, run
        // with /usr/bin/python3): roc_auc_score raises "Only one class present in y_true" (NaN here);
        // specificity_score warns ("Specificity is ill-defined") and gives 0.0, geometric_mean_score warns ("y_pred
        // contains classes not in y_true", "Recall is ill-defined") and gives 0.0 from the negatives' recall;
        // average_precision_score gives 1.0 without a word, as it does for any scores when every row is positive.
        // PRODUCT.md §4 asks for the same numbers; evaluate's warning says which of them measure nothing
        BinaryMetrics m = BinaryMetrics.compute(new int[] {1, 1, 1, 1, 1}, new double[] {0.9, 0.8, 0.3, 0.6, 0.2},
                0.5, true);
        assertThat(m.get(MetricName.ROC_AUC)).isNaN();
        assertThat(m.get(MetricName.PR_AUC)).isEqualTo(1.0);
        assertThat(m.get(MetricName.SPECIFICITY)).isZero();
        assertThat(m.get(MetricName.G_MEAN)).isZero();
        // defined, and as scikit-learn gives them: accuracy_score 0.6, balanced_accuracy_score 0.6 (the positives'
        // recall alone: it leaves out the class absent from y_true), precision_score 1.0, recall_score 0.6,
        // f1_score 0.7499999999999999, fbeta_score(beta=2) 0.6521739130434783, matthews_corrcoef 0.0,
        // brier_score_loss 0.268, log_loss(labels=[0, 1]) 0.7305480814996127
        assertThat(m.get(MetricName.ACCURACY)).isCloseTo(0.6, within(EPS));
        assertThat(m.get(MetricName.BALANCED_ACCURACY)).isCloseTo(0.6, within(EPS));
        assertThat(m.get(MetricName.PRECISION)).isEqualTo(1.0);
        assertThat(m.get(MetricName.RECALL)).isCloseTo(0.6, within(EPS));
        assertThat(m.get(MetricName.F1)).isCloseTo(0.7499999999999999, within(EPS));
        assertThat(m.get(MetricName.F_BETA)).isCloseTo(0.6521739130434783, within(EPS));
        assertThat(m.get(MetricName.MCC)).isZero();
        assertThat(m.get(MetricName.BRIER)).isCloseTo(0.268, within(EPS));
        assertThat(m.get(MetricName.LOG_LOSS)).isCloseTo(0.7305480814996127, within(EPS));
        assertThat(m.counts()).isEqualTo(new ConfusionCounts(3, 0, 0, 2));
    }

    @Test
    void withoutNegativesWithEveryRowFlaggedTheGMeanIsImbalancedLearnsOne() {
        // geometric_mean_score([1,1,1,1,1], [1,1,1,1,1]) -> 1.0: only the positives are present, all found
        BinaryMetrics m = BinaryMetrics.compute(new int[] {1, 1, 1, 1, 1}, new double[] {0.9, 0.8, 0.3, 0.6, 0.2},
                0.1, true);
        assertThat(m.get(MetricName.G_MEAN)).isEqualTo(1.0);
        assertThat(m.get(MetricName.SPECIFICITY)).isZero(); // specificity_score: 0.0, with its warning
        assertThat(m.get(MetricName.RECALL)).isEqualTo(1.0);
        assertThat(m.get(MetricName.BALANCED_ACCURACY)).isEqualTo(1.0);
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalAreRejected() {
        assertThatThrownBy(() -> BinaryMetrics.compute(new int[] {0, 1}, new double[] {0.2, 1.5}, 0.5, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores[1]");
        assertThat(BinaryMetrics.compute(new int[] {0, 1}, new double[] {0.2, 1.5}, 0.5, false).get(MetricName.TP))
                .isEqualTo(1.0);
    }

    @Test
    void invalidInputIsRejected() {
        assertThatThrownBy(() -> BinaryMetrics.compute(new int[0], new double[0], 0.5, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinaryMetrics.compute(new int[] {0, 1, 1}, new double[] {0.1, 0.2, Double.NaN}, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores[2]");
        assertThatThrownBy(() -> BinaryMetrics.compute(new int[] {0, 1}, new double[] {0.1}, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMillionRowsAreEvaluatedWithTheRankingMetricsInRange() {
        Random random = new Random(42);
        int n = 1_000_000;
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.01 ? 1 : 0;
            // Signal plus noise, rounded so that ties are common.
            s[i] = Math.round(Math.min(1, Math.max(0, 0.3 * y[i] + 0.5 * random.nextDouble())) * 1000) / 1000.0;
        }
        long start = System.nanoTime();
        BinaryMetrics m = BinaryMetrics.compute(y, s, 0.5, true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(m.get(MetricName.ROC_AUC)).isBetween(0.5, 1.0);
        assertThat(m.counts().total()).isEqualTo(n);
        // Generous: the point is to catch an accidental O(n^2), which would take minutes.
        assertThat(millis).isLessThan(10_000);
    }
}
