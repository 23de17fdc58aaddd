package dev.rareclass.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Edge cases of the count-based metrics; values from scikit-learn 1.2.1 / imbalanced-learn 0.10.0. */
class ConfusionCountsTest {
    private static final double EPS = 1e-12;

    @Test
    void countsPredictPositiveWhenScoreEqualsTheThreshold() {
        ConfusionCounts c = ConfusionCounts.of(new int[] {1, 0, 1, 0}, new double[] {0.5, 0.5, 0.4, 0.6}, 0.5);
        assertThat(c).isEqualTo(new ConfusionCounts(1, 2, 0, 1));
    }

    @Test
    void hardPredictionsGiveTheSameCountsAsTheirScores() {
        int[] predicted = new int[SklearnCases.NORMAL_S.length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = SklearnCases.NORMAL_S[i] >= 0.5 ? 1 : 0;
        }
        assertThat(ConfusionCounts.ofPredictions(SklearnCases.NORMAL_Y, predicted))
                .isEqualTo(ConfusionCounts.of(SklearnCases.NORMAL_Y, SklearnCases.NORMAL_S, 0.5))
                // confusion_matrix(y, p).ravel() == [5, 1, 1, 3] (tn, fp, fn, tp)
                .isEqualTo(new ConfusionCounts(3, 1, 5, 1));
    }

    @Test
    void infiniteThresholdsPredictNothingOrEverything() {
        int[] y = {1, 0, 1};
        double[] s = {0.2, 0.9, -3};
        assertThat(ConfusionCounts.of(y, s, Double.POSITIVE_INFINITY)).isEqualTo(new ConfusionCounts(0, 0, 1, 2));
        assertThat(ConfusionCounts.of(y, s, Double.NEGATIVE_INFINITY)).isEqualTo(new ConfusionCounts(2, 1, 0, 0));
    }

    @Test
    void fBetaWithBetaHalfMatchesSklearn() {
        // fbeta_score(y, p, beta=0.5) on SklearnCases.NORMAL -> 0.75
        assertThat(ConfusionCounts.of(SklearnCases.NORMAL_Y, SklearnCases.NORMAL_S, 0.5).fBeta(0.5))
                .isCloseTo(0.75, within(EPS));
        // fbeta_score([1,0,1,1,0], [1,1,1,1,1], beta=0.5) -> 0.6521739130434783
        assertThat(new ConfusionCounts(3, 2, 0, 0).fBeta(0.5)).isCloseTo(0.6521739130434783, within(EPS));
    }

    @Test
    void f1RoundsLikeSklearnsPrecisionRecallFormula() {
        // f1_score([1,0,1,1,0], [1,1,1,1,1]) -> 0.7499999999999999 exactly, not 0.75
        assertThat(new ConfusionCounts(3, 2, 0, 0).f1()).isEqualTo(0.7499999999999999);
    }

    @Test
    void balancedAccuracyWithOnlyNegativesInYIsSpecificityAsInSklearn() {
        // balanced_accuracy_score([0,0,0,0], [0,1,1,0]) -> 0.5
        assertThat(new ConfusionCounts(0, 2, 2, 0).balancedAccuracy()).isCloseTo(0.5, within(EPS));
        // balanced_accuracy_score([0,0], [0,0]) -> 1.0
        assertThat(new ConfusionCounts(0, 0, 2, 0).balancedAccuracy()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void balancedAccuracyWithOnlyPositivesInYIsRecallAsInSklearn() {
        // balanced_accuracy_score([1,1,1], [1,0,1]) -> 0.6666666666666666
        assertThat(new ConfusionCounts(2, 0, 0, 1).balancedAccuracy()).isCloseTo(0.6666666666666666, within(EPS));
    }

    @Test
    void gMeanFollowsImblearnWhenOnlyOneLabelOccurs() {
        // geometric_mean_score([0,0,0], [0,0,0]) -> 1.0
        assertThat(new ConfusionCounts(0, 0, 3, 0).gMean()).isEqualTo(1.0);
        // geometric_mean_score([1,1,1], [1,1,1]) -> 1.0
        assertThat(new ConfusionCounts(3, 0, 0, 0).gMean()).isEqualTo(1.0);
        // geometric_mean_score([0,0,0], [0,1,0]) -> 0.0
        assertThat(new ConfusionCounts(0, 1, 2, 0).gMean()).isEqualTo(0.0);
        // geometric_mean_score([1,1,1], [1,0,1]) -> 0.0
        assertThat(new ConfusionCounts(2, 0, 0, 1).gMean()).isEqualTo(0.0);
    }

    @Test
    void zeroDivisionGivesZeroForEveryRatio() {
        // precision_score([0,0], [0,0], zero_division=0), f1_score(...) and matthews_corrcoef(...) -> 0.0
        ConfusionCounts c = new ConfusionCounts(0, 0, 2, 0);
        assertThat(c.precision()).isZero();
        assertThat(c.recall()).isZero();
        assertThat(c.f1()).isZero();
        assertThat(c.fBeta(2)).isZero();
        assertThat(c.mcc()).isZero();
        // matthews_corrcoef([1,1,0], [1,1,1]) -> 0.0
        assertThat(new ConfusionCounts(2, 1, 0, 0).mcc()).isZero();
        // imblearn specificity_score([1,1], [1,1]) -> 0.0 (no negatives)
        assertThat(new ConfusionCounts(2, 0, 0, 0).specificity()).isZero();
    }

    @Test
    void mccDoesNotOverflowOnMillionsOfRows() {
        // (tp*tn - fp*fn) / sqrt((tp+fp)(tp+fn)(tn+fp)(tn+fn)) = (1e12 - 1e10) / 1.21e12 -> 0.8181818181818182
        assertThat(new ConfusionCounts(1_000_000, 100_000, 1_000_000, 100_000).mcc())
                .isCloseTo(0.8181818181818182, within(EPS));
    }

    @Test
    void negativeOrEmptyCountsAreRejected() {
        assertThatThrownBy(() -> new ConfusionCounts(-1, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfusionCounts(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidInputIsRejectedNamingTheOffendingIndex() {
        assertThatThrownBy(() -> ConfusionCounts.of(new int[] {0, 1}, new double[] {0.1, Double.NaN}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores[1]");
        assertThatThrownBy(() -> ConfusionCounts.of(new int[] {0, 2}, new double[] {0.1, 0.2}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y[1]");
        assertThatThrownBy(() -> ConfusionCounts.of(new int[] {0, 1}, new double[] {0.1}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2").hasMessageContaining("1");
        assertThatThrownBy(() -> ConfusionCounts.of(new int[0], new double[0], 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> ConfusionCounts.ofPredictions(new int[] {0, 1}, new int[] {1, -1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predicted[1]");
        assertThatThrownBy(() -> ConfusionCounts.of(new int[] {0}, new double[] {0.1}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
