package dev.rareclass.domain.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.metrics.ConfusionCounts;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected choices were computed with /usr/bin/python3 and scikit-learn 1.2.1 by evaluating the metric at
 * every distinct score, e.g. {@code [f1_score(y, (s >= t).astype(int)) for t in sorted(set(s), reverse=True)]},
 * and applying the documented tie rule; counts are {@code confusion_matrix(y, s >= t).ravel()} = tn, fp, fn, tp.
 */
class ThresholdPoliciesTest {
    // Distinct scores. Per threshold 0.9 .. 0.05: f1 max 0.857 at 0.7, mcc max 0.802 at 0.7, balanced accuracy
    // max 0.875 at 0.7; recall [.25 .5 .75 .75 .75 1 1 1 1 1]; precision [1 1 1 .75 .6 .667 .571 .5 .444 .4].
    private static final int[] NORMAL_Y = {0, 0, 1, 1, 0, 1, 0, 0, 1, 0};
    private static final double[] NORMAL_S = {0.1, 0.4, 0.35, 0.8, 0.2, 0.7, 0.6, 0.05, 0.9, 0.3};

    // Tied scores. Per threshold 0.9, 0.7, 0.5, 0.3, 0.1: f1 [.286 .6 .5 .571 .588], precision
    // [.5 .6 .429 .444 .417], cost 5:1 [21 12 14 10 7], cost 1:5 [9 12 22 26 35]; flagging nothing costs 25 at 5:1
    // and 5 at 1:5, the least there. Costs computed in Python (numpy 1.24, scikit-learn 1.2.1) for t in
    // [inf, 0.9, 0.7, 0.5, 0.3, 0.1]: tn, fp, fn, tp = confusion_matrix(y, (s >= t).astype(int), labels=[0, 1]).ravel();
    // a * fn + b * fp.
    private static final int[] TIES_Y = {1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0};
    private static final double[] TIES_S = {0.9, 0.9, 0.7, 0.7, 0.7, 0.5, 0.5, 0.3, 0.3, 0.1, 0.1, 0.1};

    // Exact ties between thresholds 0.8 and 0.4: balanced accuracy 0.75 at both, mcc 2/sqrt(12) at both,
    // cost 1:1 = 1 at both.
    private static final int[] TIED_METRIC_Y = {1, 0, 1, 0};
    private static final double[] TIED_METRIC_S = {0.8, 0.6, 0.4, 0.2};

    @ParameterizedTest
    @CsvSource({
        "max-f1, 0.7, 6, 0, 1, 3",
        "max-mcc, 0.7, 6, 0, 1, 3",
        "max-balanced-accuracy, 0.7, 6, 0, 1, 3",
        "recall>=0.75, 0.7, 6, 0, 1, 3",
        "recall>=0.8, 0.35, 4, 2, 0, 4",
        "recall>=0, 0.9, 6, 0, 3, 1",
        "precision>=0.6, 0.35, 4, 2, 0, 4",
        "precision>=0.7, 0.6, 5, 1, 1, 3",
        "precision>=1, 0.7, 6, 0, 1, 3",
        "cost:5:1, 0.35, 4, 2, 0, 4",
        "cost:1:1, 0.7, 6, 0, 1, 3",
    })
    void tunedPoliciesChooseTheSklearnComputedThresholdOnDistinctScores(String spec, double threshold,
            long tn, long fp, long fn, long tp) {
        double chosen = ThresholdPolicies.parse(spec).choose(NORMAL_Y, NORMAL_S);
        assertThat(chosen).isEqualTo(threshold);
        assertThat(ConfusionCounts.of(NORMAL_Y, NORMAL_S, chosen)).isEqualTo(new ConfusionCounts(tp, fp, tn, fn));
    }

    @ParameterizedTest
    @CsvSource({
        "max-f1, 0.7, 2, 3",
        "recall>=0.7, 0.3, 5, 4",
        "precision>=0.44, 0.3, 5, 4",
        "precision>=0.7, 0.7, 2, 3",
        "cost:5:1, 0.1, 7, 5",
        // flagging nothing (5) costs less than any score as the threshold (9 at 0.9): the next double above the top
        "cost:1:5, 0.9000000000000001, 0, 0",
    })
    void tunedPoliciesTreatTiedScoresAsOneCandidate(String spec, double threshold, long fp, long tp) {
        double chosen = ThresholdPolicies.parse(spec).choose(TIES_Y, TIES_S);
        assertThat(chosen).isEqualTo(threshold);
        ConfusionCounts c = ConfusionCounts.of(TIES_Y, TIES_S, chosen);
        assertThat(c.fp()).isEqualTo(fp);
        assertThat(c.tp()).isEqualTo(tp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"max-mcc", "max-balanced-accuracy", "cost:1:1"})
    void equalObjectivesResolveToTheLargerThreshold(String spec) {
        assertThat(ThresholdPolicies.parse(spec).choose(TIED_METRIC_Y, TIED_METRIC_S)).isEqualTo(0.8);
    }

    @Test
    void unreachablePrecisionFallsBackToMaximalPrecisionPreferringTheSmallerThreshold() {
        // precision per threshold 0.9 .. 0.4: [0, .5, .333, .5, .4, .333]; max 0.5 at 0.8 and 0.6
        int[] y = {0, 1, 0, 1, 0, 0};
        double[] s = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        assertThat(ThresholdPolicies.parse("precision>=0.9").choose(y, s)).isEqualTo(0.6);
    }

    @Test
    void unreachableRecallFallsBackToTheSmallestThreshold() {
        assertThat(ThresholdPolicies.parse("recall>=0.5").choose(new int[] {0, 0, 0}, new double[] {3, 1, 2}))
                .isEqualTo(1.0);
    }

    @Test
    void fixedThresholdIgnoresDataAndNeedsNoValidationSet() {
        ThresholdPolicy p = ThresholdPolicies.parse("0.5");
        assertThat(p.choose(null, null)).isEqualTo(0.5);
        assertThat(p.needsValidationData()).isFalse();
        assertThat(ThresholdPolicies.parse("-12.5").choose(new int[] {1}, new double[] {0})).isEqualTo(-12.5);
    }

    @Test
    void tunedPoliciesNeedValidationData() {
        for (String spec : new String[] {"max-f1", "max-mcc", "max-balanced-accuracy", "recall>=0.9",
            "precision>=0.5", "cost:10:1"}) {
            assertThat(ThresholdPolicies.parse(spec).needsValidationData()).as(spec).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.5|0.5",
        "0.50|0.5",
        "5e-1|0.5",
        "1|1",
        "-0|0",
        "MAX-F1|max-f1",
        " max-mcc |max-mcc",
        "max-balanced-accuracy|max-balanced-accuracy",
        "recall >= 0.90|recall>=0.9",
        "precision>=1|precision>=1",
        "cost:5.0:1|cost:5:1",
        "COST: 10 : 0.5|cost:10:0.5",
        // huge and tiny numbers keep an exponent (written out, 1e300 was 301 digits in every line echoing the policy)
        "cost:1e300:1e300|cost:1.0E300:1.0E300",
        "cost:1e15:2.5e-7|cost:1.0E15:2.5E-7",
        "cost:999999999999999:0.000001|cost:999999999999999:0.000001",
        "recall>=1e-300|recall>=1.0E-300",
        "1e-300|1.0E-300",
    })
    void specIsCanonicalAndReparsesToAnEqualPolicy(String input, String canonical) {
        ThresholdPolicy p = ThresholdPolicies.parse(input);
        assertThat(p.spec()).isEqualTo(canonical);
        assertThat(ThresholdPolicies.parse(p.spec())).isEqualTo(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "max-auc", "recall>=1.5", "recall>=-0.1", "precision>=x", "recall>0.9",
        "cost:1", "cost:1:2:3", "cost:-1:1", "cost:0:0", "NaN", "Infinity", "0.5d", "half", "cost:a:1"})
    void badSpecsAreRejectedListingTheAcceptedForms(String spec) {
        assertThatThrownBy(() -> ThresholdPolicies.parse(spec))
                .isInstanceOf(dev.rareclass.domain.error.UsageException.class)
                .hasMessageContaining("'" + spec + "'")
                .hasMessageContaining("max-f1")
                .hasMessageContaining("max-balanced-accuracy")
                .hasMessageContaining("recall>=R")
                .hasMessageContaining("precision>=P")
                .hasMessageContaining("cost:FN_COST:FP_COST");
    }

    @Test
    void nullSpecIsRejected() {
        assertThatThrownBy(() -> ThresholdPolicies.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tunedPoliciesRejectInvalidData() {
        assertThatThrownBy(() -> ThresholdPolicies.parse("max-f1").choose(new int[] {0, 1}, new double[] {0.1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores[1]");
        assertThatThrownBy(() -> ThresholdPolicies.parse("max-f1").choose(new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- invariants on random data, checked against brute force over every distinct score ----

    private static int[] labels(Random random, int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(6) == 0 ? 1 : 0;
        }
        y[0] = 1;
        y[1] = 0;
        return y;
    }

    private static double[] scores(Random random, int[] y) {
        double[] s = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            // Few distinct values so that ties are frequent.
            s[i] = (random.nextInt(30) + 8 * y[i]) / 10.0;
        }
        return s;
    }

    /** Checks one random data set; {@code random} is the generator that drew it, for further draws. */
    private interface RandomSetCheck {
        void check(long seed, Random random, int[] y, double[] s);
    }

    /** Runs {@code check} on data sets of {@code n} rows drawn with {@link #labels} and {@link #scores}, seeds 1 to 20. */
    private static void forEachRandomSet(int n, RandomSetCheck check) {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            int[] y = labels(random, n);
            double[] s = scores(random, y);
            check.check(seed, random, y, s);
        }
    }

    private static double[] candidates(double[] s) {
        return Arrays.stream(s).distinct().sorted().toArray();
    }

    @Test
    void recallTargetIsMetAndNoLargerThresholdMeetsIt() {
        forEachRandomSet(200, (seed, random, y, s) -> {
            double target = random.nextDouble();
            double t = ThresholdPolicies.parse("recall>=" + target).choose(y, s);
            assertThat(ConfusionCounts.of(y, s, t).recall()).as("seed " + seed).isGreaterThanOrEqualTo(target);
            for (double c : candidates(s)) {
                if (c > t) {
                    assertThat(ConfusionCounts.of(y, s, c).recall()).as("seed " + seed).isLessThan(target);
                }
            }
            assertThat(Arrays.stream(s).anyMatch(v -> v == t)).isTrue();
        });
    }

    @Test
    void precisionTargetIsMetAtTheSmallestPossibleThreshold() {
        forEachRandomSet(200, (seed, random, y, s) -> {
            double target = 0.3 + 0.6 * random.nextDouble();
            double t = ThresholdPolicies.parse("precision>=" + target).choose(y, s);
            double[] qualifying = Arrays.stream(candidates(s))
                    .filter(c -> ConfusionCounts.of(y, s, c).precision() >= target).toArray();
            if (qualifying.length > 0) {
                assertThat(t).as("seed " + seed).isEqualTo(qualifying[0]);
                assertThat(ConfusionCounts.of(y, s, t).precision()).isGreaterThanOrEqualTo(target);
            } else {
                double best = Arrays.stream(candidates(s)).map(c -> ConfusionCounts.of(y, s, c).precision()).max()
                        .orElseThrow();
                assertThat(ConfusionCounts.of(y, s, t).precision()).as("seed " + seed).isEqualTo(best);
            }
        });
    }

    @Test
    void maxPoliciesReachTheBruteForceMaximumAtTheLargestArgmax() {
        String[] specs = {"max-f1", "max-mcc", "max-balanced-accuracy"};
        List<ToDoubleFunction<ConfusionCounts>> metrics = List.of(
                ConfusionCounts::f1, ConfusionCounts::mcc, ConfusionCounts::balancedAccuracy);
        forEachRandomSet(150, (seed, random, y, s) -> {
            for (int k = 0; k < specs.length; k++) {
                double t = ThresholdPolicies.parse(specs[k]).choose(y, s);
                double chosen = metrics.get(k).applyAsDouble(ConfusionCounts.of(y, s, t));
                for (double c : candidates(s)) {
                    double v = metrics.get(k).applyAsDouble(ConfusionCounts.of(y, s, c));
                    assertThat(v).as(specs[k] + " seed " + seed + " at " + c).isLessThanOrEqualTo(chosen);
                    if (c > t) {
                        assertThat(v).as(specs[k] + " seed " + seed + " tie at " + c).isLessThan(chosen);
                    }
                }
            }
        });
    }

    @Test
    void hugeCostsChooseAsTheirRatioDoes() {
        // 1e308 times two missed positives is infinite in doubles: every point cost as much, and the top one won
        forEachRandomSet(50, (seed, random, y, s) -> {
            assertThat(ThresholdPolicies.parse("cost:1e308:1e308").choose(y, s)).as("seed " + seed)
                    .isEqualTo(ThresholdPolicies.parse("cost:1:1").choose(y, s));
            assertThat(ThresholdPolicies.parse("cost:1.5e308:5e307").choose(y, s)).as("seed " + seed)
                    .isEqualTo(ThresholdPolicies.parse("cost:3:1").choose(y, s));
        });
    }

    @Test
    void costPolicyReachesTheBruteForceMinimumAtTheLargestArgmin() {
        forEachRandomSet(150, (seed, random, y, s) -> {
            int fnCost = 1 + random.nextInt(20);
            int fpCost = 1 + random.nextInt(3);
            double t = ThresholdPolicies.parse("cost:" + fnCost + ":" + fpCost).choose(y, s);
            ConfusionCounts chosen = ConfusionCounts.of(y, s, t);
            long best = fnCost * chosen.fn() + fpCost * chosen.fp();
            double[] scores = candidates(s);
            double[] withNone = java.util.Arrays.copyOf(scores, scores.length + 1);
            withNone[scores.length] = Double.POSITIVE_INFINITY; // flagging nothing is a threshold too
            for (double c : withNone) {
                ConfusionCounts cc = ConfusionCounts.of(y, s, c);
                long cost = fnCost * cc.fn() + fpCost * cc.fp();
                assertThat(cost).as("seed " + seed).isGreaterThanOrEqualTo(best);
                if (c > t) {
                    assertThat(cost).as("seed " + seed + " tie").isGreaterThan(best);
                }
            }
        });
    }

    /**
     * Where every false alarm costs more than the positive it would catch, the cost policy flags nothing, as its
     * objective says. Reference computed in Python: y = [0, 1, 0, 1, 1]; s = [0.9, 0.8, 0.7, 0.6, 0.6];
     * [(t, 1 * ((y == 1) & (s < t)).sum() + 5 * ((y == 0) & (s >= t)).sum()) for t in [inf, .9, .8, .7, .6]]
     * gives [(inf, 3), (0.9, 8), (0.8, 7), (0.7, 12), (0.6, 10)], and with costs 2 and 3
     * [(inf, 6), (0.9, 9), (0.8, 7), (0.7, 10), (0.6, 6)]; np.nextafter(0.9, np.inf) = 0.9000000000000001.
     */
    @Test
    void costPolicyFlagsNothingWhenThatCostsLeast() {
        int[] y = {0, 1, 0, 1, 1};
        double[] s = {0.9, 0.8, 0.7, 0.6, 0.6};
        double t = ThresholdPolicies.parse("cost:1:5").choose(y, s);
        assertThat(t).isEqualTo(0.9000000000000001);
        assertThat(ConfusionCounts.of(y, s, t)).isEqualTo(new ConfusionCounts(0, 0, 2, 3));
        // a tie with flagging nothing goes to it, the larger threshold: cost:2:3 is 6 there and at 0.6
        assertThat(ThresholdPolicies.parse("cost:2:3").choose(y, s)).isEqualTo(0.9000000000000001);
        // cheaper false alarms flag rows again: cost:5:1 is 15 flagging nothing, 1 at 0.6
        assertThat(ThresholdPolicies.parse("cost:5:1").choose(y, s)).isEqualTo(0.6);
    }

    /** An alert budget flags at most its share of all rows, and one candidate lower would flag more. */
    @Test
    void alertBudgetFlagsAtMostItsShareAndNoLowerThresholdStaysWithin() {
        // 12 rows: alerts<=0.25 allows 3 flagged rows; the top three scores are 0.95, 0.9, 0.8
        int[] y = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
        double[] s = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.35, 0.75, 0.95};
        assertThat(ThresholdPolicies.parse("alerts<=0.25").choose(y, s)).isEqualTo(0.8);
        assertThat(ThresholdPolicies.parse("alerts <= 0.250").spec()).isEqualTo("alerts<=0.25");
        // a budget under one row flags none: just above the top score (it flagged the top row, over the budget)
        assertThat(ThresholdPolicies.parse("alerts<=0").choose(y, s)).isEqualTo(Math.nextUp(0.95));
        assertThat(ThresholdPolicies.parse("alerts<=0.08").choose(y, s)).as("0.96 of a row").isEqualTo(Math.nextUp(0.95));
        assertThat(ThresholdPolicies.parse("alerts<=1").choose(y, s)).isEqualTo(0.1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ThresholdPolicies.parse("alerts<=1.5"))
                .isInstanceOf(dev.rareclass.domain.error.UsageException.class).hasMessageContaining("alerts<=R");
        forEachRandomSet(300, (seed, random, yy, ss) -> {
            double budget = 0.002 + 0.2 * random.nextDouble();
            double t = ThresholdPolicies.parse("alerts<=" + budget).choose(yy, ss);
            ConfusionCounts c = ConfusionCounts.of(yy, ss, t);
            double flagged = (double) (c.tp() + c.fp()) / yy.length;
            double top = Arrays.stream(ss).max().orElseThrow();
            if (t != top) {
                assertThat(flagged).as("seed " + seed).isLessThanOrEqualTo(budget);
            }
            for (double cand : candidates(ss)) {
                if (cand < t) {
                    ConfusionCounts lower = ConfusionCounts.of(yy, ss, cand);
                    assertThat((double) (lower.tp() + lower.fp()) / yy.length).as("seed " + seed).isGreaterThan(budget);
                }
            }
        });
    }

    @org.junit.jupiter.api.Test
    void fprBudgetPicksTheSmallestThresholdWithinTheBudget() {
        // negatives' scores 0.1..0.9 (9 of them), positives 0.35, 0.75, 0.95
        int[] y = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
        double[] s = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.35, 0.75, 0.95};
        ThresholdPolicy p = ThresholdPolicies.parse("fpr<=0.25");
        // at t = 0.75 the negatives 0.8 and 0.9 are false positives: 2/9 = 0.22 <= 0.25; at 0.7 it is 3/9
        org.assertj.core.api.Assertions.assertThat(p.choose(y, s)).isEqualTo(0.75);
        org.assertj.core.api.Assertions.assertThat(p.spec()).isEqualTo("fpr<=0.25");
        org.assertj.core.api.Assertions.assertThat(ThresholdPolicies.parse("fpr<=0").choose(y, s)).isEqualTo(0.95);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ThresholdPolicies.parse("fpr<=2"))
                .isInstanceOf(dev.rareclass.domain.error.UsageException.class);
        java.util.Random rng = new java.util.Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 200;
            int[] yy = new int[n];
            double[] ss = new double[n];
            for (int i = 0; i < n; i++) {
                yy[i] = rng.nextDouble() < 0.2 ? 1 : 0;
                ss[i] = Math.round(rng.nextDouble() * 50) / 50.0 + yy[i] * 0.2;
            }
            yy[0] = 0;
            double t = ThresholdPolicies.parse("fpr<=0.1").choose(yy, ss);
            long fp = 0;
            long neg = 0;
            for (int i = 0; i < n; i++) {
                if (yy[i] == 0) {
                    neg++;
                    fp += ss[i] >= t ? 1 : 0;
                }
            }
            org.assertj.core.api.Assertions.assertThat((double) fp / neg).isLessThanOrEqualTo(0.1 + 1.0 / neg);
        }
    }

    @Test
    void thresholdsAreShownAsTheShortestDecimalThatReadsBackExactly() {
        assertThat(ThresholdPolicies.text(0.87)).isEqualTo("0.87");
        assertThat(ThresholdPolicies.text(0.8734285714285714)).isEqualTo("0.8734285714285714");
        assertThat(ThresholdPolicies.text(0.5)).isEqualTo("0.5");
        assertThat(ThresholdPolicies.text(1.0)).isEqualTo("1");
        assertThat(ThresholdPolicies.text(0)).isEqualTo("0");
        assertThat(ThresholdPolicies.text(1234.5)).isEqualTo("1234.5");
        assertThat(ThresholdPolicies.text(0.00012)).isEqualTo("0.00012"); // Double.toString: 1.2E-4
        assertThat(ThresholdPolicies.text(3e-9)).isEqualTo("3.0E-9");
        assertThat(ThresholdPolicies.text(Double.NaN)).isEqualTo("n/a");
        java.util.Random random = new java.util.Random(21);
        for (int i = 0; i < 10_000; i++) {
            double t = random.nextDouble() * Math.pow(10, random.nextInt(12) - 8);
            String shown = ThresholdPolicies.text(t);
            assertThat(Double.parseDouble(shown)).isEqualTo(t);
            assertThat(ThresholdPolicies.parse(shown).choose(new int[] {0, 1}, new double[] {0, 1})).isEqualTo(t);
        }
    }
    @Test
    void aPrecisionTargetOutOfReachIsSaidAndTheOtherPoliciesHaveNothingToSay() {
        // tied scores: the best precision any threshold gives is 0.6 (at 0.7), so precision>=0.8 keeps 0.7 and
        // falls short, which the caller is told, with the precision and recall at the threshold kept
        ThresholdPolicy strict = ThresholdPolicies.parse("precision>=0.8");
        assertThat(strict.choose(TIES_Y, TIES_S)).isEqualTo(0.7);
        assertThat(strict.unmet(java.util.Map.of("precision", 0.6, "recall", 0.6)))
                .hasValueSatisfying(w -> assertThat(w).startsWith("precision>=0.8 was not reached")
                        .contains("precision is 0.6000, recall 0.6000").contains("--threshold-cv"));
        assertThat(ThresholdPolicies.parse("precision>=0.6").unmet(java.util.Map.of("precision", 0.6))).isEmpty();
        assertThat(strict.unmet(java.util.Map.of())).isEmpty();
        for (String other : List.of("max-f1", "recall>=0.9", "fpr<=0.01", "alerts<=0.01", "cost:5:1", "0.5")) {
            assertThat(ThresholdPolicies.parse(other).unmet(java.util.Map.of("precision", 0.0, "recall", 0.0)))
                    .as(other).isEmpty();
        }
    }

    /**
     * What a threshold costs under a cost policy. On the tied rows at 0.5 (fn 2, fp 4; computed in Python with
     * confusion_matrix as above): cost:5:1 costs 5 * 2 + 1 * 4 = 14, as the sweep's list above says. With each
     * positive's own cost (the rows' costs below), the missed positives at 0.5 are rows 7 and 10 (from 0), costing 8 + 11, and
     * the 4 false alarms 3 each. Other policies, and text that is no policy (an older model's), have none.
     */
    @Test
    void costPoliciesSayWhatTheirThresholdCosts() {
        ConfusionCounts atHalf = ConfusionCounts.of(TIES_Y, TIES_S, 0.5);
        assertThat(atHalf).isEqualTo(new ConfusionCounts(3, 4, 3, 2));
        var flat = ThresholdPolicies.costOf("cost:5:1", atHalf).orElseThrow();
        assertThat(flat).isEqualTo(new ThresholdPolicy.Cost(2, 10, 4, 4));
        assertThat(flat.total()).isEqualTo(14);
        assertThat(ThresholdPolicies.costOf("cost:5:1", TIES_Y, TIES_S, 0.5, null)).contains(flat);
        assertThat(flat.text()).isEqualTo("14 (2 missed positives 10 + 4 false alarms 4)");

        double[] rowCosts = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        var perRow = ThresholdPolicies.costOf("cost:@amount:3", TIES_Y, TIES_S, 0.5, rowCosts).orElseThrow();
        assertThat(perRow).isEqualTo(new ThresholdPolicy.Cost(2, 8 + 11, 4, 12));
        assertThat(new ThresholdPolicy.Cost(1, 12.25, 1, 0.5).text())
                .isEqualTo("12.75 (1 missed positive 12.25 + 1 false alarm 0.50)");
        assertThat(ThresholdPolicies.costOf("cost:@amount:3", TIES_Y, TIES_S, 0.5, null)).isEmpty();

        for (String other : new String[] {"max-f1", "recall>=0.5", "alerts<=0.1", "0.5", "no policy at all", ""}) {
            assertThat(ThresholdPolicies.costOf(other, TIES_Y, TIES_S, 0.5, rowCosts)).as(other).isEmpty();
            assertThat(ThresholdPolicies.costOf(other, atHalf)).as(other).isEmpty();
        }
    }
}
