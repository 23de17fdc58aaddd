package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.TrainedClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** Seeded synthetic data sets and a hand-written ROC AUC for the tests. */
final class TestData {

    private TestData() {
    }

    /** Features and labels together. */
    record Set(FeatureMatrix x, Labels y) {
    }

    /** Rows on both sides of the hyperplane {@code 2·x0 - x1 + 0.5·x2 = 0} plus noise features; ~30% positive. */
    static Set linear(int n, int d, long seed) {
        return labelledDraws(n, d, seed, SplittableRandom::nextGaussian,
                row -> 2 * row[0] - row[1] + 0.5 * row[2] - 1.0 > 0);
    }

    /**
     * Three categorical attributes of three levels, one-hot encoded (9 columns of 0/1, plus a constant
     * column), positive when all three take level 0 (a conjunction, about 1 row in 27). When {@code offset}
     * is non-zero the indicators are {@code offset} and {@code offset + 2.5} instead of 0 and 1.
     */
    static Set oneHotConjunction(int n, long seed, float offset) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][10];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            boolean all = true;
            for (int a = 0; a < 3; a++) {
                int level = rng.nextInt(3);
                for (int l = 0; l < 3; l++) {
                    x[i][3 * a + l] = offset + (l == level ? (offset == 0 ? 1 : 2.5) : 0);
                }
                all &= level == 0;
            }
            x[i][9] = 7;
            y[i] = all ? 1 : 0;
        }
        return new Set(FeatureMatrix.ofRows(x), Labels.wrap(y));
    }

    /** XOR of the signs of the first two features, which no linear model can separate; d-2 noise columns. */
    static Set xor(int n, int d, long seed) {
        return labelledDraws(n, d, seed, rng -> rng.nextDouble(-1, 1), row -> (row[0] > 0) != (row[1] > 0));
    }

    /** n rows of d features drawn one by one from {@code SplittableRandom(seed)}, each labelled 1 where positive. */
    private static Set labelledDraws(int n, int d, long seed, ToDoubleFunction<SplittableRandom> draw,
            Predicate<double[]> positive) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = draw.applyAsDouble(rng);
            }
            y[i] = positive.test(x[i]) ? 1 : 0;
        }
        return new Set(FeatureMatrix.ofRows(x), Labels.wrap(y));
    }

    /**
     * ROC AUC by the rank formula (Mann-Whitney U): the probability that a random positive scores
     * above a random negative, ties counted half. Quadratic, fine for test sizes.
     */
    static double auc(double[] scores, Labels y) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (y.get(i) != 1) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (y.get(j) != 0) {
                    continue;
                }
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    /**
     * Scores {@code x} with {@code model} in {@code tasks} tasks on {@code threads} threads at once and asserts
     * every task gets exactly the scores of a single-threaded call; returns those scores.
     */
    static double[] assertScoresTheSameFromManyThreads(TrainedClassifier model, FeatureMatrix x, int threads, int tasks)
            throws Exception {
        double[] expected = model.scores(x);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                results.add(pool.submit(() -> model.scores(x)));
            }
            for (Future<double[]> f : results) {
                org.assertj.core.api.Assertions.assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        return expected;
    }
}
