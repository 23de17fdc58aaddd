package dev.rareclass.smile.sampling;

import static dev.rareclass.smile.sampling.SamplerFixtures.bruteKnn;
import static dev.rareclass.smile.sampling.SamplerFixtures.gaussian;
import static dev.rareclass.smile.sampling.SamplerFixtures.run;
import static dev.rareclass.smile.sampling.SamplerFixtures.sampler;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.SamplingInput;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SamplerPropertiesTest {

    static List<Arguments> seedsAndRates() {
        return List.of(Arguments.of(1L, 0.05, "1.0"), Arguments.of(2L, 0.20, "1.0"),
                Arguments.of(3L, 0.05, "0.5"), Arguments.of(4L, 0.20, "0.5"), Arguments.of(5L, 0.10, "0.75"));
    }

    @ParameterizedTest
    @MethodSource("seedsAndRates")
    void overSamplersReachImblearnsTargetCountAndKeepOriginalsBitForBit(long seed, double rate, String ratio) {
        SamplingInput in = gaussian(400, 3, rate, seed);
        int nMin = in.y().positives();
        int nMaj = in.y().negatives();
        int expected = (int) (nMaj * Double.parseDouble(ratio) - nMin);
        for (String name : List.of("random-over", "smote", "borderline-smote-1", "svm-smote")) {
            Resampled r = sampler(name, Map.of("ratio", ratio)).resample(in, seed);
            assertThat(r.y().size()).as(name).isEqualTo(in.y().size() + expected);
            assertThat(r.y().positives()).as(name).isEqualTo(nMin + expected);
            assertOriginalsFirst(in, r);
        }
        Resampled b2 = sampler("borderline-smote-2", Map.of("ratio", ratio)).resample(in, seed);
        assertThat(b2.y().size() - in.y().size()).isBetween(expected - 1, expected + 1); // imblearn's int(f(n+1)) + int((1-f)n)
        assertOriginalsFirst(in, b2);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void adasynGeneratesTheRoundedDensityShares(long seed) {
        SamplingInput in = gaussian(300, 2, 0.1, seed);
        Resampled r = run("adasyn", in, seed);
        int n = in.y().negatives() - in.y().positives();
        // recompute imblearn's count: rint(share_i * n) summed, shares from 5-NN majority counts in all rows
        float[] x = in.x().data();
        int[] all = OverSamplers.range(in.y().size());
        int[] min = in.y().indicesOf(1);
        double[] share = new double[min.length];
        double sum = 0;
        for (int i = 0; i < min.length; i++) {
            share[i] = Arrays.stream(bruteKnn(x, 2, min[i], all, 5)).filter(j -> in.y().get(j) == 0).count() / 5.0;
            sum += share[i];
        }
        int total = 0;
        for (double s : share) {
            total += (int) Math.rint(s / sum * n);
        }
        assertThat(r.syntheticRows()).isEqualTo(total);
        assertOriginalsFirst(in, r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smote", "borderline-smote-1", "adasyn", "smote-tomek", "smote-enn"})
    void everySyntheticRowLiesBetweenAMinorityRowAndOneOfItsNearestMinorityNeighbours(String name) {
        for (long seed : new long[] {21, 22}) {
            SamplingInput in = gaussian(250, 3, 0.1, seed);
            Resampled r = run(name, in, seed);
            assertThat(r.syntheticRows()).isPositive();
            assertSegments(in, r, 5, 0, 1);
        }
    }

    @Test
    void svmSmoteRowsLieOnTheNeighbourLineWithinItsExtrapolationStep() {
        SamplingInput in = gaussian(250, 3, 0.1, 31);
        Resampled r = run("svm-smote", in, 31);
        assertThat(r.syntheticRows()).isPositive();
        assertSegments(in, r, 5, -0.5, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random-under", "near-miss-1", "near-miss-2", "near-miss-3", "tomek", "enn"})
    void underSamplersOnlyRemoveMajorityRowsAndKeepTheRestUnchanged(String name) {
        for (long seed : new long[] {41, 42, 43}) {
            SamplingInput in = gaussian(300, 3, 0.15, seed);
            Resampled r = run(name, in, seed);
            int[] origin = r.origin();
            assertThat(origin).isSorted().doesNotHaveDuplicates();
            assertThat(Arrays.stream(origin).filter(o -> in.y().get(o) == 1).count()).isEqualTo(in.y().positives());
            for (int i = 0; i < origin.length; i++) {
                assertThat(r.x().row(i)).isEqualTo(in.x().row(origin[i]));
                assertThat(r.y().get(i)).isEqualTo(in.y().get(origin[i]));
            }
            if (name.startsWith("near-miss-1") || name.startsWith("near-miss-2") || name.equals("random-under")) {
                assertThat(r.y().negatives()).isEqualTo(in.y().positives());
            }
        }
    }

    @Test
    void underSamplingRatioKeepsImblearnsMajorityCount() {
        SamplingInput in = gaussian(400, 3, 0.1, 51);
        for (String name : List.of("random-under", "near-miss-1", "near-miss-2")) {
            Resampled r = sampler(name, Map.of("ratio", "0.4")).resample(in, 1);
            assertThat(r.y().negatives()).as(name).isEqualTo((int) (in.y().positives() / 0.4));
        }
    }

    @Test
    void tomekAndEnnRemoveExactlyWhatTheirDefinitionsSayOnBruteForce() {
        SamplingInput in = gaussian(200, 2, 0.3, 61);
        float[] x = in.x().data();
        int n = in.y().size();
        int[] all = OverSamplers.range(n);
        int[] nn1 = new int[n];
        for (int i = 0; i < n; i++) {
            nn1[i] = bruteKnn(x, 2, i, all, 1)[0];
        }
        boolean[] tomekRemoved = new boolean[n];
        boolean[] ennRemoved = new boolean[n];
        for (int i = 0; i < n; i++) {
            int j = nn1[i];
            tomekRemoved[i] = in.y().get(i) == 0 && in.y().get(j) == 1 && nn1[j] == i;
            int label = in.y().get(i);
            ennRemoved[i] = label == 0 && Arrays.stream(bruteKnn(x, 2, i, all, 3)).anyMatch(q -> in.y().get(q) != label);
        }
        assertThat(run("tomek", in, 0).origin()).containsExactly(Support.complement(tomekRemoved));
        assertThat(run("enn", in, 0).origin()).containsExactly(Support.complement(ennRemoved));
    }

    @ParameterizedTest
    @ValueSource(strings = {"random-over", "random-under", "smote", "borderline-smote-1", "borderline-smote-2", "adasyn",
            "svm-smote", "near-miss-1", "near-miss-2", "near-miss-3", "tomek", "enn", "smote-tomek", "smote-enn"})
    void theSameSeedGivesTheSameRowsWithOneOrTwoThreads(String name) throws Exception {
        SamplingInput in = gaussian(3000, 4, 0.08, 71);
        Resampled a = new ForkJoinPool(1).submit(() -> run(name, in, 5)).get();
        Resampled b = new ForkJoinPool(2).submit(() -> run(name, in, 5)).get();
        Resampled c = run(name, in, 5);
        for (Resampled other : List.of(b, c)) {
            assertThat(other.x().data()).isEqualTo(a.x().data());
            assertThat(other.y().toArray()).isEqualTo(a.y().toArray());
            assertThat(other.origin()).isEqualTo(a.origin());
        }
    }

    @Test
    void aDifferentSeedGivesDifferentSyntheticRows() {
        SamplingInput in = gaussian(300, 3, 0.1, 81);
        assertThat(run("smote", in, 1).x().data()).isNotEqualTo(run("smote", in, 2).x().data());
    }

    @Test
    void knnMatchesBruteForceIncludingTies() {
        SamplingInput in = gaussian(2000, 3, 0.5, 91);
        float[] x = in.x().data().clone();
        for (int i = 0; i < 30; i++) { // exact duplicates make ties
            System.arraycopy(x, i * 3, x, (1000 + i) * 3, 3);
        }
        int[] all = OverSamplers.range(2000);
        Knn.Result r = new Knn(x, 3, all).query(x, all, 4, true);
        for (int q = 0; q < 2000; q += 7) {
            assertThat(Arrays.copyOfRange(r.index(), q * 4, q * 4 + 4)).isEqualTo(bruteKnn(x, 3, q, all, 4));
        }
    }

    private static void assertOriginalsFirst(SamplingInput in, Resampled r) {
        int n = in.y().size();
        assertThat(Arrays.copyOf(r.x().data(), n * in.x().cols())).isEqualTo(in.x().data());
        assertThat(Arrays.copyOf(r.y().toArray(), n)).isEqualTo(in.y().toArray());
        int[] origin = r.origin();
        for (int i = 0; i < origin.length; i++) {
            if (i < n) {
                assertThat(origin[i]).isEqualTo(i);
            } else {
                assertThat(r.y().get(i)).isEqualTo(1);
                assertThat(origin[i] == -1 || in.y().get(origin[i]) == 1).isTrue();
            }
        }
    }

    /** Each synthetic row is a + t(b − a), t in [lo, hi], for a minority row a and one of its k nearest minority rows b. */
    private static void assertSegments(SamplingInput in, Resampled r, int k, double lo, double hi) {
        int cols = in.x().cols();
        float[] x = in.x().data();
        int[] min = in.y().indicesOf(1);
        int[][] nn = new int[min.length][];
        for (int i = 0; i < min.length; i++) {
            nn[i] = bruteKnn(x, cols, min[i], min, k);
        }
        int[] origin = r.origin();
        for (int s = 0; s < origin.length; s++) {
            if (origin[s] != -1) {
                continue;
            }
            float[] row = r.x().row(s);
            boolean found = false;
            for (int i = 0; i < min.length && !found; i++) {
                for (int b : nn[i]) {
                    if (onSegment(x, cols, min[i], b, row, lo, hi)) {
                        found = true;
                        break;
                    }
                }
            }
            assertThat(found).as("synthetic row %d %s", s, Arrays.toString(row)).isTrue();
        }
    }

    private static boolean onSegment(float[] x, int cols, int a, int b, float[] p, double lo, double hi) {
        double num = 0;
        double den = 0;
        for (int c = 0; c < cols; c++) {
            double ab = x[b * cols + c] - x[a * cols + c];
            num += (p[c] - x[a * cols + c]) * ab;
            den += ab * ab;
        }
        double t = den == 0 ? 0 : num / den;
        if (t < lo - 1e-5 || t > hi + 1e-5) {
            return false;
        }
        for (int c = 0; c < cols; c++) {
            double v = x[a * cols + c] + t * (x[b * cols + c] - x[a * cols + c]);
            if (Math.abs(v - p[c]) > 1e-4 * (1 + Math.abs(v))) {
                return false;
            }
        }
        return true;
    }
}
