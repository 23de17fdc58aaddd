package dev.rareclass.dl4j;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import java.util.Arrays;
import java.util.Random;

/** Small seeded data sets and a hand-written ROC AUC for the tests. */
final class Synthetic {

    record Data(FeatureMatrix x, Labels y) { }

    private Synthetic() {
    }

    /** Two Gaussian blobs (unit variance) whose means differ by {@code shift} in every column. */
    static Data blobs(long seed, int rows, int cols, double positiveRate, double shift) {
        Random rnd = new Random(seed);
        float[] x = new float[rows * cols];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = rnd.nextDouble() < positiveRate ? 1 : 0;
            for (int c = 0; c < cols; c++) {
                x[r * cols + c] = (float) (rnd.nextGaussian() + (y[r] == 1 ? shift : 0));
            }
        }
        return new Data(FeatureMatrix.wrap(rows, cols, x), Labels.wrap(y));
    }

    /** Linearly separable: label = [2·x0 − x1 + 0.5·x2 > 0.8], features uniform in [−1, 1]. */
    static Data separable(long seed, int rows) {
        Random rnd = new Random(seed);
        float[] x = new float[rows * 3];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 3; c++) {
                x[r * 3 + c] = (float) (2 * rnd.nextDouble() - 1);
            }
            y[r] = 2 * x[r * 3] - x[r * 3 + 1] + 0.5 * x[r * 3 + 2] > 0.8 ? 1 : 0;
        }
        return new Data(FeatureMatrix.wrap(rows, 3, x), Labels.wrap(y));
    }

    /** ROC AUC by the rank-sum (Mann–Whitney) formula, ties sharing their mean rank. */
    static double auc(double[] scores, Labels y) {
        int n = scores.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[idx[j + 1]] == scores[idx[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[idx[k]] = mean;
            }
            i = j + 1;
        }
        double sumPos = 0;
        for (int i = 0; i < n; i++) {
            if (y.get(i) == 1) {
                sumPos += rank[i];
            }
        }
        long p = y.positives();
        long q = y.negatives();
        return (sumPos - p * (p + 1) / 2.0) / (p * q);
    }

    static double mean(double[] a) {
        return Arrays.stream(a).average().orElseThrow();
    }
}
