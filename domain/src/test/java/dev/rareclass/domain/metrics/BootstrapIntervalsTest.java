package dev.rareclass.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapIntervalsTest {

    /** Scores of a noisy ranker: positives shifted up by one standard deviation. */
    private static Object[] data(int n, long seed) {
        Random r = new Random(seed);
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.05 ? 1 : 0;
            s[i] = Math.round((r.nextGaussian() + y[i]) * 1000) / 1000.0; // some ties
        }
        return new Object[] {y, s};
    }

    @Test
    void theIntervalsCoverThePointEstimatesAndNarrowAsRowsGrow() {
        Object[] small = data(1_000, 1);
        Object[] large = data(20_000, 1);
        int[] ys = (int[]) small[0];
        double[] ss = (double[]) small[1];
        int[] yl = (int[]) large[0];
        double[] sl = (double[]) large[1];
        Map<String, BootstrapIntervals.Interval> a = BootstrapIntervals.of(ys, ss, 1.0, 1000, 7);
        Map<String, BootstrapIntervals.Interval> b = BootstrapIntervals.of(yl, sl, 1.0, 1000, 7);
        assertThat(a).containsOnlyKeys("pr_auc", "roc_auc", "recall", "precision");
        // the point estimates (scikit-learn's definitions, checked elsewhere) lie inside their intervals
        assertThat(a.get("pr_auc").contains(Curves.averagePrecision(ys, ss))).isTrue();
        assertThat(a.get("roc_auc").contains(Curves.rocAuc(ys, ss))).isTrue();
        assertThat(b.get("pr_auc").contains(Curves.averagePrecision(yl, sl))).isTrue();
        assertThat(b.get("roc_auc").contains(Curves.rocAuc(yl, sl))).isTrue();
        for (String m : a.keySet()) {
            assertThat(b.get(m).width()).as(m).isLessThan(a.get(m).width() / 2);
        }
        // seeded
        assertThat(BootstrapIntervals.of(ys, ss, 1.0, 1000, 7)).isEqualTo(a);
    }

    @Test
    void theOnePassMetricsOfEveryRowOnceAreScikitLearnsDefinitions() {
        for (long seed = 1; seed <= 10; seed++) {
            Object[] d = data(500, seed);
            int[] y = (int[]) d[0];
            double[] s = (double[]) d[1];
            double[] m = BootstrapIntervals.once(y, s, 0.5);
            ConfusionCounts c = ConfusionCounts.of(y, s, 0.5);
            assertThat(m[0]).isCloseTo(Curves.averagePrecision(y, s), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(m[1]).isCloseTo(Curves.rocAuc(y, s), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(m[2]).isCloseTo(c.recall(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(m[3]).isCloseTo(c.precision(), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(BootstrapIntervals.of(new int[] {0, 0}, new double[] {0.1, 0.2}, 0.5, 100, 1)).isEmpty();
    }

    /**
     * A resample's metrics from its counts per segment are those of the resampled rows written out, as scikit-learn
     * takes them: on scores with few and with many ties, a threshold inside the scores, above and below them all.
     */
    @Test
    void eachResamplesMetricsAreThoseOfItsRowsWrittenOut() {
        for (double step : new double[] {0.001, 0.25}) {
            for (double threshold : new double[] {0.5, 0.75, -100, 100}) {
                Object[] d = data(400, 3);
                int[] y = (int[]) d[0];
                double[] s = ((double[]) d[1]).clone();
                for (int i = 0; i < s.length; i++) {
                    s[i] = Math.round(s[i] / step) * step; // step 0.25: a few dozen distinct scores
                }
                BootstrapIntervals.Ranked ranked = new BootstrapIntervals.Ranked(y, s, threshold);
                // each class's rows in descending score order: a class's draws pick among them
                int[] order = java.util.stream.IntStream.range(0, y.length).boxed()
                        .sorted((a, b) -> Double.compare(s[b], s[a])).mapToInt(Integer::intValue).toArray();
                int[] pos = java.util.Arrays.stream(order).filter(row -> y[row] == 1).toArray();
                int[] neg = java.util.Arrays.stream(order).filter(row -> y[row] != 1).toArray();
                double[][] values = BootstrapIntervals.resampled(ranked, 20, 11, false);
                java.util.SplittableRandom root = new java.util.SplittableRandom(11);
                for (int r = 0; r < 20; r++) {
                    java.util.SplittableRandom random = root.split();
                    int[] ry = new int[y.length];
                    double[] rs = new double[y.length];
                    int k = 0;
                    for (int[] group : new int[][] {pos, neg}) {
                        for (int i = 0; i < group.length; i++) {
                            int row = group[BootstrapIntervals.below(random, group.length)];
                            ry[k] = y[row];
                            rs[k++] = s[row];
                        }
                    }
                    ConfusionCounts c = ConfusionCounts.of(ry, rs, threshold);
                    org.assertj.core.data.Offset<Double> close = org.assertj.core.data.Offset.offset(1e-12);
                    String at = " step " + step + " threshold " + threshold + " resample " + r;
                    assertThat(values[0][r]).as("pr_auc" + at).isCloseTo(Curves.averagePrecision(ry, rs), close);
                    assertThat(values[1][r]).as("roc_auc" + at).isCloseTo(Curves.rocAuc(ry, rs), close);
                    assertThat(values[2][r]).as("recall" + at).isCloseTo(c.recall(), close);
                    assertThat(values[3][r]).as("precision" + at).isCloseTo(c.precision(), close);
                }
            }
        }
    }

    /** 0.0 and -0.0 are one score, as scikit-learn compares them: one operating point, not two. */
    @Test
    void zeroAndNegativeZeroTie() {
        int[] y = {1, 0, 0, 1, 0, 1};
        double[] s = {-0.0, 0.0, 0.3, 0.0, 0.9, -0.0};
        double[] m = BootstrapIntervals.once(y, s, 0.5);
        // scikit-learn 1.2.1 on these rows: average_precision_score 0.5, roc_auc_score 0.16666666666666669 (the same
        // with every -0.0 written as 0.0); Curves agrees
        assertThat(m[0]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12))
                .isCloseTo(Curves.averagePrecision(y, s), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m[1]).isCloseTo(0.16666666666666669, org.assertj.core.data.Offset.offset(1e-12))
                .isCloseTo(Curves.rocAuc(y, s), org.assertj.core.data.Offset.offset(1e-12));
        double[] positiveZeros = s.clone();
        for (int i = 0; i < s.length; i++) {
            positiveZeros[i] = s[i] == 0 ? 0.0 : s[i];
        }
        assertThat(BootstrapIntervals.of(y, s, 0.5, 200, 3))
                .isEqualTo(BootstrapIntervals.of(y, positiveZeros, 0.5, 200, 3));
        assertThatThrownBy(() -> BootstrapIntervals.of(y, new double[] {0, 0, Double.NaN, 0, 0, 0}, 0.5, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }

    @Test
    void theResamplesGiveTheSameValuesOnOneThreadAndOnEveryCore() {
        Object[] d = data(3_000, 4);
        int[] y = (int[]) d[0];
        double[] s = (double[]) d[1];
        BootstrapIntervals.Ranked ranked = new BootstrapIntervals.Ranked(y, s, 0.5);
        double[][] one = BootstrapIntervals.resampled(ranked, 257, 5, false);
        double[][] all = BootstrapIntervals.resampled(ranked, 257, 5, true);
        assertThat(all).isDeepEqualTo(one);
        // and the resamples differ from one another (each has its own stream)
        assertThat(java.util.Arrays.stream(one[0]).distinct().count()).isGreaterThan(200);
    }

    /**
     * The lookup that counts a drawn row in its segment names the segment the per-row table does, for every row of
     * each class: on scores with many and few ties, positives spread out and bunched at the top, and classes of one
     * row, so the intervals are those of the per-row table.
     */
    @Test
    void theSegmentLookupNamesEveryRowsSegment() {
        for (long seed = 1; seed <= 6; seed++) {
            for (double step : new double[] {0.001, 0.25, 5}) {
                Object[] d = data(seed == 1 ? 2 : 3_000, seed);
                int[] y = ((int[]) d[0]).clone();
                double[] s = ((double[]) d[1]).clone();
                y[0] = 1;
                y[1] = 0;
                for (int i = 0; i < s.length; i++) {
                    s[i] = Math.round(s[i] / step) * step;
                    if (seed == 2) { // the positives bunched: every one above every negative
                        s[i] += y[i] * 100;
                    }
                }
                BootstrapIntervals.Ranked ranked = new BootstrapIntervals.Ranked(y, s, 0.5);
                for (int i = 0; i < ranked.positives(); i++) {
                    assertThat(ranked.positiveLookup.segment(i)).as("positive %d", i).isEqualTo(ranked.positiveSegment[i]);
                }
                for (int i = 0; i < ranked.negatives(); i++) {
                    assertThat(ranked.negativeLookup.segment(i)).as("negative %d", i).isEqualTo(ranked.negativeSegment[i]);
                }
            }
        }
    }

    /** Lemire's draw: every value of a small range about equally often, none outside it, for small and huge bounds. */
    @Test
    void drawsAreUniformOverTheirRange() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int bound : new int[] {1, 2, 3, 7, 10}) {
            int[] seen = new int[bound];
            int draws = 70_000;
            for (int i = 0; i < draws; i++) {
                seen[BootstrapIntervals.below(random, bound)]++;
            }
            double chi2 = 0;
            for (int v : seen) {
                chi2 += Math.pow(v - (double) draws / bound, 2) / ((double) draws / bound);
            }
            // chi-square with bound - 1 <= 9 degrees of freedom: 27.9 is its 0.999 quantile
            assertThat(chi2).as("bound %d", bound).isLessThan(27.9);
        }
        // 3 * 2^29: a 32-bit draw scaled to it gives values 3k and 3k + 1 three times as often and 3k + 2 twice, so
        // without the rejection a third of the values would come a quarter of the time
        int bound = 3 << 29;
        int thirds = 0;
        for (int i = 0; i < 90_000; i++) {
            int v = BootstrapIntervals.below(random, bound);
            assertThat(v).isBetween(0, bound - 1);
            thirds += v % 3 == 2 ? 1 : 0;
        }
        assertThat(thirds).isBetween(29_400, 30_600);
        for (int i = 0; i < 10_000; i++) {
            assertThat(BootstrapIntervals.below(random, Integer.MAX_VALUE)).isBetween(0, Integer.MAX_VALUE - 1);
        }
    }
}
