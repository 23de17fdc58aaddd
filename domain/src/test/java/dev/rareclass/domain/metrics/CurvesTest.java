package dev.rareclass.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Curves and areas against scikit-learn 1.2.1, computed with /usr/bin/python3 from
 * {@code y = np.array(Y); s = np.array(S)} of {@link SklearnCases} ({@code from sklearn.metrics import *}).
 */
class CurvesTest {
    private static final double EPS = 1e-12;

    // fpr, tpr, thr = roc_curve(y, s) on SklearnCases.NORMAL; thr[0] replaced by inf (sklearn 1.2 gives max(s) + 1)
    private static final double[][] NORMAL_ROC = {
            {0.0, 0.0, 0.0, 0.3333333333333333, 0.3333333333333333, 1.0},
            {0.0, 0.25, 0.75, 0.75, 1.0, 1.0},
            {Double.POSITIVE_INFINITY, 0.9, 0.7, 0.4, 0.35, 0.05}};
    // fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False); thr[0] replaced by inf
    private static final double[][] NORMAL_ROC_FULL = {
            {0.0, 0.0, 0.0, 0.0, 0.16666666666666666, 0.3333333333333333, 0.3333333333333333, 0.5, 0.6666666666666666, 0.8333333333333334, 1.0},
            {0.0, 0.25, 0.5, 0.75, 0.75, 0.75, 1.0, 1.0, 1.0, 1.0, 1.0},
            {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.6, 0.4, 0.35, 0.3, 0.2, 0.1, 0.05}};
    // precision, recall, thr = precision_recall_curve(y, s); rows below are recall, precision, thr
    private static final double[][] NORMAL_PR = {
            {1.0, 1.0, 1.0, 1.0, 1.0, 0.75, 0.75, 0.75, 0.5, 0.25, 0.0},
            {0.4, 0.4444444444444444, 0.5, 0.5714285714285714, 0.6666666666666666, 0.6, 0.75, 1.0, 1.0, 1.0, 1.0},
            {0.05, 0.1, 0.2, 0.3, 0.35, 0.4, 0.6, 0.7, 0.8, 0.9}};

    // fpr, tpr, thr = roc_curve(y, s) on SklearnCases.TIES; thr[0] replaced by inf (sklearn 1.2 gives max(s) + 1)
    private static final double[][] TIES_ROC = {
            {0.0, 0.14285714285714285, 0.2857142857142857, 0.5714285714285714, 0.7142857142857143, 1.0},
            {0.0, 0.2, 0.6, 0.6, 0.8, 1.0},
            {Double.POSITIVE_INFINITY, 0.9, 0.7, 0.5, 0.3, 0.1}};
    // roc_curve(y, s, drop_intermediate=False) gives the same arrays here: it has no point to drop
    private static final double[][] TIES_ROC_FULL = TIES_ROC;
    // precision, recall, thr = precision_recall_curve(y, s); rows below are recall, precision, thr
    private static final double[][] TIES_PR = {
            {1.0, 0.8, 0.6, 0.6, 0.2, 0.0},
            {0.4166666666666667, 0.4444444444444444, 0.42857142857142855, 0.6, 0.5, 1.0},
            {0.1, 0.3, 0.5, 0.7, 0.9}};

    // fpr, tpr, thr = roc_curve(y, s) on SklearnCases.NONE_PREDICTED; thr[0] replaced by inf (sklearn 1.2 gives max(s) + 1)
    private static final double[][] NONE_PREDICTED_ROC = {
            {0.0, 0.0, 0.0, 1.0},
            {0.0, 0.5, 1.0, 1.0},
            {Double.POSITIVE_INFINITY, 0.4, 0.3, 0.0}};
    // fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False); thr[0] replaced by inf
    private static final double[][] NONE_PREDICTED_ROC_FULL = {
            {0.0, 0.0, 0.0, 0.25, 0.5, 0.75, 1.0},
            {0.0, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0},
            {Double.POSITIVE_INFINITY, 0.4, 0.3, 0.2, 0.1, 0.05, 0.0}};
    // precision, recall, thr = precision_recall_curve(y, s); rows below are recall, precision, thr
    private static final double[][] NONE_PREDICTED_PR = {
            {1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.0},
            {0.3333333333333333, 0.4, 0.5, 0.6666666666666666, 1.0, 1.0, 1.0},
            {0.0, 0.05, 0.1, 0.2, 0.3, 0.4}};

    // fpr, tpr, thr = roc_curve(y, s) on SklearnCases.ALL_PREDICTED; thr[0] replaced by inf (sklearn 1.2 gives max(s) + 1)
    private static final double[][] ALL_PREDICTED_ROC = {
            {0.0, 0.5, 0.5, 1.0},
            {0.0, 0.0, 1.0, 1.0},
            {Double.POSITIVE_INFINITY, 1.0, 0.6, 0.55}};
    // fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False); thr[0] replaced by inf
    private static final double[][] ALL_PREDICTED_ROC_FULL = {
            {0.0, 0.5, 0.5, 0.5, 0.5, 1.0},
            {0.0, 0.0, 0.3333333333333333, 0.6666666666666666, 1.0, 1.0},
            {Double.POSITIVE_INFINITY, 1.0, 0.9, 0.8, 0.6, 0.55}};
    // precision, recall, thr = precision_recall_curve(y, s); rows below are recall, precision, thr
    private static final double[][] ALL_PREDICTED_PR = {
            {1.0, 1.0, 0.6666666666666666, 0.3333333333333333, 0.0, 0.0},
            {0.6, 0.75, 0.6666666666666666, 0.5, 0.0, 1.0},
            {0.55, 0.6, 0.8, 0.9, 1.0}};

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("normal", SklearnCases.NORMAL_Y, SklearnCases.NORMAL_S, NORMAL_ROC, NORMAL_ROC_FULL, NORMAL_PR),
                Arguments.of("tied scores", SklearnCases.TIES_Y, SklearnCases.TIES_S, TIES_ROC, TIES_ROC_FULL, TIES_PR),
                Arguments.of("no predicted positives", SklearnCases.NONE_PREDICTED_Y, SklearnCases.NONE_PREDICTED_S,
                        NONE_PREDICTED_ROC, NONE_PREDICTED_ROC_FULL, NONE_PREDICTED_PR),
                Arguments.of("all predicted positive", SklearnCases.ALL_PREDICTED_Y, SklearnCases.ALL_PREDICTED_S,
                        ALL_PREDICTED_ROC, ALL_PREDICTED_ROC_FULL, ALL_PREDICTED_PR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rocCurveMatchesSklearnWithDefaultDropIntermediate(String name, int[] y, double[] s, double[][] roc,
            double[][] rocFull, double[][] pr) {
        assertCurve(Curves.roc(y, s), roc);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rocCurveWithoutDroppingMatchesSklearn(String name, int[] y, double[] s, double[][] roc,
            double[][] rocFull, double[][] pr) {
        assertCurve(Curves.roc(OperatingPoints.of(y, s), false), rocFull);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void precisionRecallCurveMatchesSklearn(String name, int[] y, double[] s, double[][] roc,
            double[][] rocFull, double[][] pr) {
        Curve curve = Curves.precisionRecall(y, s);
        assertCurve(curve, pr);
        assertThat(curve.thresholds()).hasSize(curve.size() - 1);
    }

    private static void assertCurve(Curve curve, double[][] expected) {
        assertThat(curve.x()).containsExactly(expected[0], within(EPS));
        assertThat(curve.y()).containsExactly(expected[1], within(EPS));
        assertThat(curve.thresholds()).containsExactly(expected[2], within(EPS));
    }

    @Test
    void rocAucMatchesSklearnWithTiedScores() {
        // roc_auc_score(y, s) on SklearnCases.TIES -> 0.6
        assertThat(Curves.rocAuc(SklearnCases.TIES_Y, SklearnCases.TIES_S)).isCloseTo(0.6, within(EPS));
        // roc_auc_score([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]) -> 0.5
        assertThat(Curves.rocAuc(new int[] {0, 1, 0, 1}, new double[] {0.5, 0.5, 0.5, 0.5})).isCloseTo(0.5, within(EPS));
    }

    @Test
    void averagePrecisionMatchesSklearnWithTiedScores() {
        // average_precision_score(y, s) on SklearnCases.TIES -> 0.5122222222222221
        assertThat(Curves.averagePrecision(SklearnCases.TIES_Y, SklearnCases.TIES_S))
                .isCloseTo(0.5122222222222221, within(EPS));
        // average_precision_score([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]) -> 0.5
        assertThat(Curves.averagePrecision(new int[] {0, 1, 0, 1}, new double[] {0.5, 0.5, 0.5, 0.5}))
                .isCloseTo(0.5, within(EPS));
    }

    @Test
    void averagePrecisionIsStepwiseNotTrapezoidal() {
        // average_precision_score([1, 0, 1], [0.9, 0.8, 0.7]) -> 0.8333333333333333;
        // auc(recall, precision) (trapezoidal) would be 0.7916666666666666
        assertThat(Curves.averagePrecision(new int[] {1, 0, 1}, new double[] {0.9, 0.8, 0.7}))
                .isCloseTo(0.8333333333333333, within(EPS));
    }

    @Test
    void singleClassGivesNaNRocAucNaNRatesAndZeroAveragePrecision() {
        int[] y = {0, 0, 0};
        double[] s = {0.1, 0.5, 0.3};
        // sklearn: roc_auc_score raises; roc_curve([0,0,0], [0.1,0.5,0.3]) warns and gives
        // fpr = [0, 0.3333333333333333, 1], tpr = [nan, nan, nan]
        assertThat(Curves.rocAuc(y, s)).isNaN();
        assertThat(Curves.roc(y, s).y()).hasSize(3).containsOnly(Double.NaN);
        assertThat(Curves.roc(y, s).x()).containsExactly(new double[] {0, 0.3333333333333333, 1}, within(EPS));
        // average_precision_score([0, 0, 0], [0.1, 0.5, 0.3]) -> -0.0;
        // precision_recall_curve(...) gives recall = [1, 1, 1, 0] (set to 1 for all thresholds)
        assertThat(Curves.averagePrecision(y, s)).isZero();
        assertThat(Curves.precisionRecall(y, s).x()).containsExactly(1, 1, 1, 0);
        int[] allPositive = {1, 1};
        assertThat(Curves.rocAuc(allPositive, new double[] {0.2, 0.4})).isNaN();
        assertThat(Curves.roc(allPositive, new double[] {0.2, 0.4}).x()).containsOnly(Double.NaN);
    }

    @Test
    void negativeZeroAndZeroAreOneThreshold() {
        Curve roc = Curves.roc(OperatingPoints.of(new int[] {1, 0}, new double[] {-0.0, 0.0}), false);
        assertThat(roc.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.0);
        assertThat(Curves.rocAuc(new int[] {1, 0}, new double[] {-0.0, 0.0})).isEqualTo(0.5);
    }

    @Test
    void rocAucEqualsTheProbabilityThatAPositiveOutranksANegativeOnRandomTiedData() {
        forEachRandomSet(300, 4, (random, label) -> random.nextInt(20) + label * random.nextInt(5), (seed, y, s) -> {
            int n = y.length;
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (y[i] == 1 && y[j] == 0) {
                        pairs++;
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            assertThat(Curves.rocAuc(y, s)).as("seed " + seed).isCloseTo(wins / pairs, within(EPS));
        });
    }

    @Test
    void averagePrecisionEqualsMeanPrecisionAtEachPositiveWhenScoresAreDistinct() {
        forEachRandomSet(200, 5, (random, label) -> random.nextDouble() + 0.3 * label, (seed, y, s) -> {
            int n = y.length;
            // Without ties, AP is the mean over positives of the precision among rows scored at least as high.
            double sum = 0;
            int positives = 0;
            for (int i = 0; i < n; i++) {
                if (y[i] == 1) {
                    positives++;
                    int above = 0;
                    int positivesAbove = 0;
                    for (int j = 0; j < n; j++) {
                        if (s[j] >= s[i]) {
                            above++;
                            positivesAbove += y[j];
                        }
                    }
                    sum += (double) positivesAbove / above;
                }
            }
            assertThat(Curves.averagePrecision(y, s)).as("seed " + seed).isCloseTo(sum / positives, within(EPS));
        });
    }

    /** Draws one row's score given its label. */
    private interface ScoreDraw {
        double next(Random random, int label);
    }

    /** Checks one random data set. */
    private interface RandomSetCheck {
        void check(long seed, int[] y, double[] s);
    }

    /**
     * Runs {@code check} on the data sets of seeds 1 to 5: {@code n} rows, each positive with probability
     * {@code 1 / oneIn}, then scored by {@code score}, both drawn from one {@code Random(seed)}.
     */
    private static void forEachRandomSet(int n, int oneIn, ScoreDraw score, RandomSetCheck check) {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            int[] y = new int[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = random.nextInt(oneIn) == 0 ? 1 : 0;
                s[i] = score.next(random, y[i]);
            }
            check.check(seed, y, s);
        }
    }

    @Test
    void curvesAreImmutable() {
        Curve curve = Curves.roc(SklearnCases.NORMAL_Y, SklearnCases.NORMAL_S);
        curve.x()[1] = 42;
        assertThat(curve.x()[1]).isNotEqualTo(42);
        assertThat(curve).isEqualTo(Curves.roc(SklearnCases.NORMAL_Y, SklearnCases.NORMAL_S));
    }

    @Test
    void curvesRejectInvalidInput() {
        assertThatThrownBy(() -> Curves.roc(new int[] {0, 1}, new double[] {Double.POSITIVE_INFINITY, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores[0]");
        assertThatThrownBy(() -> Curves.averagePrecision(new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
