package dev.rareclass.xgboost;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import java.util.SplittableRandom;

/** A seeded rare-class table for the tests: about 10% positive, with some values missing. */
final class Synthetic {

    private Synthetic() {
    }

    record Set(FeatureMatrix x, Labels y) {
    }

    /**
     * n rows of d Gaussian features; a row is positive when {@code x0 + x1·x2 - 0.5·x3} plus noise exceeds 1.6
     * (an interaction trees find and a line does not). About 2% of the values are NaN (missing).
     */
    static Set rare(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
            double s = row[0] + row[1] * row[2] - 0.5 * row[3] + 0.5 * rng.nextGaussian();
            y[i] = s > 1.6 ? 1 : 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = rng.nextDouble() < 0.02 ? Float.NaN : (float) row[j];
            }
        }
        return new Set(FeatureMatrix.wrap(n, d, x), Labels.wrap(y));
    }
}
