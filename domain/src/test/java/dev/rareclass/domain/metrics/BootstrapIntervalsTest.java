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
     * takes them: on scores with few and with many ties, a threshold inside the scores, above and below them all. The
     * rows written out are, per segment, as many of the class's rows in it as the resample drew there, each picked
     * at random among them (a segment of negatives can span several scores: which of them is drawn must not matter).
     */
    @Test
    void eachResamplesMetricsAreThoseOfItsRowsWrittenOut() {
        java.util.Random pick = new java.util.Random(2);
        for (int way : new int[] {1, -1}) { // by segments, row by row
            for (double step : new double[] {0.001, 0.25}) {
                for (double threshold : new double[] {0.5, 0.75, -100, 100}) {
                    Object[] d = data(400, 3);
                    int[] y = (int[]) d[0];
                    double[] s = ((double[]) d[1]).clone();
                    for (int i = 0; i < s.length; i++) {
                        s[i] = Math.round(s[i] / step) * step; // step 0.25: a few dozen distinct scores
                    }
                    BootstrapIntervals.Ranked ranked = new BootstrapIntervals.Ranked(y, s, threshold, way);
                    int segments = ranked.segmentEnds.length;
                    // each class's rows per segment, from the rows in descending score order (a tie group is never cut)
                    int[] order = java.util.stream.IntStream.range(0, y.length).boxed()
                            .sorted((a, b) -> Double.compare(s[b], s[a])).mapToInt(Integer::intValue).toArray();
                    java.util.List<java.util.List<Integer>> pos = new java.util.ArrayList<>();
                    java.util.List<java.util.List<Integer>> neg = new java.util.ArrayList<>();
                    for (int g = 0; g < segments; g++) {
                        pos.add(new java.util.ArrayList<>());
                        neg.add(new java.util.ArrayList<>());
                    }
                    for (int i = 0, g = 0; i < order.length; i++) {
                        while (i >= ranked.segmentEnds[g]) {
                            g++;
                        }
                        (y[order[i]] == 1 ? pos : neg).get(g).add(order[i]);
                    }
                    double[][] values = BootstrapIntervals.resampled(ranked, 20, 11, false);
                    java.util.SplittableRandom root = new java.util.SplittableRandom(11);
                    for (int r = 0; r < 20; r++) {
                        int[] tp = new int[segments];
                        int[] fp = new int[segments];
                        ranked.draw(root.split(), tp, fp); // resample r's own stream, as resampled() splits them
                        assertThat(java.util.Arrays.stream(tp).sum()).isEqualTo(ranked.positives());
                        assertThat(java.util.Arrays.stream(fp).sum()).isEqualTo(ranked.negatives());
                        int[] ry = new int[y.length];
                        double[] rs = new double[y.length];
                        int k = 0;
                        for (int g = 0; g < segments; g++) {
                            for (int[] drawn : new int[][] {{tp[g], 1}, {fp[g], 0}}) {
                                java.util.List<Integer> rows = (drawn[1] == 1 ? pos : neg).get(g);
                                assertThat(drawn[0] == 0 || !rows.isEmpty()).as("draws only where the class has rows")
                                        .isTrue();
                                for (int i = 0; i < drawn[0]; i++) {
                                    int row = rows.get(pick.nextInt(rows.size()));
                                    ry[k] = y[row];
                                    rs[k++] = s[row];
                                }
                            }
                        }
                        ConfusionCounts c = ConfusionCounts.of(ry, rs, threshold);
                        org.assertj.core.data.Offset<Double> close = org.assertj.core.data.Offset.offset(1e-12);
                        String at = " way " + way + " step " + step + " threshold " + threshold + " resample " + r;
                        assertThat(values[0][r]).as("pr_auc" + at).isCloseTo(Curves.averagePrecision(ry, rs), close);
                        assertThat(values[1][r]).as("roc_auc" + at).isCloseTo(Curves.rocAuc(ry, rs), close);
                        assertThat(values[2][r]).as("recall" + at).isCloseTo(c.recall(), close);
                        assertThat(values[3][r]).as("precision" + at).isCloseTo(c.precision(), close);
                    }
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
        for (int way : new int[] {1, -1, 0}) {
            BootstrapIntervals.Ranked ranked = new BootstrapIntervals.Ranked(y, s, 0.5, way);
            double[][] one = BootstrapIntervals.resampled(ranked, 257, 5, false);
            double[][] all = BootstrapIntervals.resampled(ranked, 257, 5, true);
            assertThat(all).as("way %d", way).isDeepEqualTo(one);
            // and the resamples differ from one another (each has its own stream)
            assertThat(java.util.Arrays.stream(one[0]).distinct().count()).as("way %d", way).isGreaterThan(200);
        }
    }

    /**
     * A class's counts per segment are a multinomial draw of its rows: a class of 6 rows in segments holding 2, 0, 1
     * and 3 of them gives each of the 28 ways to put 6 draws in the 3 segments that hold some as often as
     * 6!/(k1! k2! k3!) (2/6)^k1 (1/6)^k2 (3/6)^k3 says, and never a draw in the empty segment; and over more segments,
     * each one's count has the binomial's mean and variance and two segments the multinomial's covariance. Drawn by
     * segments and row by row.
     */
    @Test
    void eachClassesCountsPerSegmentAreAMultinomialDrawOfItsRowsBothWays() {
        for (int way : new int[] {1, -1}) {
            multinomial(way);
        }
    }

    private static void multinomial(int way) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        BootstrapIntervals.Occupied small = new BootstrapIntervals.Occupied(new int[] {2, 0, 1, 3}, way);
        assertThat(small.bySegments()).isEqualTo(way == 1);
        int draws = 280_000;
        long[][] seen = new long[7][7];
        int[] into = new int[4];
        for (int i = 0; i < draws; i++) {
            small.draw(random, into);
            assertThat(into[1]).isZero();
            assertThat(into[0] + into[2] + into[3]).isEqualTo(6);
            seen[into[0]][into[2]]++;
        }
        double chi2 = 0;
        int outcomes = 0;
        for (int k1 = 0; k1 <= 6; k1++) {
            for (int k2 = 0; k1 + k2 <= 6; k2++) {
                int k3 = 6 - k1 - k2;
                double probability = 720.0 / (factorial(k1) * factorial(k2) * factorial(k3))
                        * Math.pow(2 / 6.0, k1) * Math.pow(1 / 6.0, k2) * Math.pow(3 / 6.0, k3);
                double expected = probability * draws;
                chi2 += (seen[k1][k2] - expected) * (seen[k1][k2] - expected) / expected;
                outcomes++;
            }
        }
        assertThat(outcomes).isEqualTo(28);
        // 27 degrees of freedom: 61 is beyond chi-square's 1e-5 quantile (57.6); the least likely outcome (6 draws in
        // the middle segment, (1/6)^6) expects 6 draws
        assertThat(chi2).as("way %d", way).isLessThan(61);

        int[] counts = {40, 0, 1, 300, 7, 0, 2, 1_000, 5, 150};
        int n = java.util.Arrays.stream(counts).sum();
        BootstrapIntervals.Occupied wide = new BootstrapIntervals.Occupied(counts, way);
        int m = 100_000;
        double[] sum = new double[counts.length];
        double[][] products = new double[counts.length][counts.length];
        into = new int[counts.length];
        for (int i = 0; i < m; i++) {
            wide.draw(random, into);
            for (int a = 0; a < counts.length; a++) {
                sum[a] += into[a];
                for (int b = 0; b < counts.length; b++) {
                    products[a][b] += (double) into[a] * into[b];
                }
            }
        }
        for (int a = 0; a < counts.length; a++) {
            double pa = (double) counts[a] / n;
            double mean = sum[a] / m;
            assertThat(Math.abs(mean - counts[a])).as("mean of segment %d", a)
                    .isLessThanOrEqualTo(6 * Math.sqrt(n * pa * (1 - pa) / m));
            for (int b = 0; b < counts.length; b++) {
                double pb = (double) counts[b] / n;
                double covariance = products[a][b] / m - mean * sum[b] / m;
                double expected = a == b ? n * pa * (1 - pa) : -n * pa * pb;
                // the standard error of a sample covariance is at most about sqrt(var_a var_b (1 + corr^2) / m)
                double error = Math.sqrt(n * pa * (1 - pa) * n * pb * (1 - pb) * 2 / m);
                assertThat(Math.abs(covariance - expected)).as("covariance of segments %d and %d", a, b)
                        .isLessThanOrEqualTo(6 * error + 1e-9);
            }
        }
    }

    private static double factorial(int k) {
        return k <= 1 ? 1 : k * factorial(k - 1);
    }

    /** The old draw, row by row: each of a class's rows drawn uniformly with replacement and counted in its segment. */
    private static double[][] rowByRow(BootstrapIntervals.Ranked ranked, int resamples, long seed, boolean stratified) {
        int segments = ranked.segmentEnds.length;
        int[] positiveSegment = perRow(ranked.positiveCounts);
        int[] negativeSegment = perRow(ranked.negativeCounts);
        int[] anySegment = java.util.stream.IntStream.concat(java.util.Arrays.stream(positiveSegment),
                java.util.Arrays.stream(negativeSegment).map(g -> -1 - g)).toArray(); // negatives as -1 - segment
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[][] values = new double[4][resamples];
        for (int r = 0; r < resamples; r++) {
            int[] tp = new int[segments];
            int[] fp = new int[segments];
            if (stratified) {
                for (int i = 0; i < positiveSegment.length; i++) {
                    tp[positiveSegment[random.nextInt(positiveSegment.length)]]++;
                }
                for (int i = 0; i < negativeSegment.length; i++) {
                    fp[negativeSegment[random.nextInt(negativeSegment.length)]]++;
                }
            } else { // every row from all of them: the classes' counts vary from resample to resample
                for (int i = 0; i < anySegment.length; i++) {
                    int g = anySegment[random.nextInt(anySegment.length)];
                    if (g >= 0) {
                        tp[g]++;
                    } else {
                        fp[-1 - g]++;
                    }
                }
            }
            ranked.metrics(tp, fp, values, r);
        }
        return values;
    }

    /** Per row of a class, in score order, its segment: segment s as many times as it holds the class's rows. */
    private static int[] perRow(int[] counts) {
        return java.util.stream.IntStream.range(0, counts.length)
                .flatMap(g -> java.util.stream.IntStream.range(0, counts[g]).map(i -> g)).toArray();
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    private static double std(double[] v) {
        double mean = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
    }

    /**
     * The intervals drawn by segments are those of drawing the rows one by one, in distribution: over 4,000 resamples
     * of each of a few tables (many ties and few, positives spread and bunched at the top), every metric's mean and
     * standard deviation agree with the row-by-row draw's within 5 standard errors of their difference. The check can
     * tell a wrong draw: the row-by-row draw without stratification (the classes' counts varying) fails it.
     */
    @Test
    void theIntervalsAreThoseOfDrawingTheRowsOneByOneInDistribution() {
        int resamples = 4_000;
        String[] names = {"pr_auc", "roc_auc", "recall", "precision"};
        int caught = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Object[] d = data(seed == 1 ? 600 : 3_000, seed);
            int[] y = (int[]) d[0];
            double[] s = ((double[]) d[1]).clone();
            for (int i = 0; i < s.length; i++) {
                if (seed == 2) {
                    s[i] = Math.round(s[i] / 0.25) * 0.25; // a few dozen distinct scores
                } else if (seed == 3) {
                    s[i] += y[i]; // positives further up: most above every negative
                }
            }
            BootstrapIntervals.Ranked ranked = new BootstrapIntervals.Ranked(y, s, 1.0, 1); // both classes by segments
            double[][] bySegments = BootstrapIntervals.resampled(ranked, resamples, 100 + seed, true);
            double[][] byRows = rowByRow(ranked, resamples, 200 + seed, true);
            double[][] unstratified = rowByRow(ranked, resamples, 300 + seed, false);
            for (int m = 0; m < names.length; m++) {
                String at = names[m] + ", table " + seed;
                double sdA = std(bySegments[m]);
                double sdB = std(byRows[m]);
                // the standard error of a mean is sd/sqrt(R), of a standard deviation about sd/sqrt(2R)
                assertThat(Math.abs(mean(bySegments[m]) - mean(byRows[m]))).as("mean of " + at)
                        .isLessThan(5 * Math.sqrt((sdA * sdA + sdB * sdB) / resamples));
                assertThat(Math.abs(sdA - sdB)).as("standard deviation of " + at)
                        .isLessThan(5 * Math.sqrt((sdA * sdA + sdB * sdB) / (2.0 * resamples)));
                double sdC = std(unstratified[m]);
                boolean fails = Math.abs(mean(bySegments[m]) - mean(unstratified[m]))
                        >= 5 * Math.sqrt((sdA * sdA + sdC * sdC) / resamples)
                        || Math.abs(sdA - sdC) >= 5 * Math.sqrt((sdA * sdA + sdC * sdC) / (2.0 * resamples));
                caught += fails ? 1 : 0;
            }
        }
        assertThat(caught).as("metrics whose unstratified draw the check tells apart").isGreaterThanOrEqualTo(3);
    }

    /**
     * The lookup that counts a row drawn row by row in its segment names the segment the per-row table does, for
     * every row of each class: on scores with many and few ties, positives spread out and bunched at the top, and
     * classes of one row, so the intervals are those of the per-row table.
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
                for (int[] counts : new int[][] {ranked.positiveCounts, ranked.negativeCounts}) {
                    int[] rowSegment = perRow(counts);
                    var lookup = new BootstrapIntervals.SegmentLookup(rowSegment, counts.length);
                    for (int i = 0; i < rowSegment.length; i++) {
                        assertThat(lookup.segment(i)).as("row %d", i).isEqualTo(rowSegment[i]);
                    }
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

    /** A class is drawn by segments from 10 rows per segment holding it, row by row below. */
    @Test
    void aClassWithManyRowsPerSegmentIsDrawnBySegments() {
        assertThat(new BootstrapIntervals.Occupied(new int[] {5, 0, 5}, 0).bySegments()).isFalse();
        assertThat(new BootstrapIntervals.Occupied(new int[] {10, 0, 10}, 0).bySegments()).isTrue();
        assertThat(new BootstrapIntervals.Occupied(new int[] {1, 0, 18}, 0).bySegments()).isFalse();
        assertThat(new BootstrapIntervals.Occupied(new int[] {1, 1_000_000, 18}, 0).bySegments()).isTrue();
        assertThat(new BootstrapIntervals.Occupied(new int[] {5, 0, 5}, 1).bySegments()).isTrue();
        assertThat(new BootstrapIntervals.Occupied(new int[] {10, 0, 10}, -1).bySegments()).isFalse();
    }
}
