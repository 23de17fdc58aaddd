package dev.rareclass.smile.sampling;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.Sampler;
import dev.rareclass.domain.sampling.SamplingInput;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded data and helpers for the sampler tests. */
final class SamplerFixtures {

    private SamplerFixtures() {
    }

    /** n rows, d Gaussian features; a share {@code rate} of positives shifted by +1 in every feature. */
    static SamplingInput gaussian(int n, int d, double rate, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < rate ? 1 : 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (rng.nextGaussian() + y[i]);
            }
        }
        y[0] = 1; // at least a few of each class
        y[1] = 1;
        y[2] = 0;
        return SamplingInput.numeric(FeatureMatrix.wrap(n, d, x), Labels.wrap(y));
    }

    static Sampler sampler(String name, Map<String, String> params) {
        return SmileSamplerFactory.all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow()
                .create(Hyperparameters.of(params));
    }

    static Resampled run(String name, SamplingInput in, long seed) {
        return sampler(name, Map.of()).resample(in, seed);
    }

    static double dist2(float[] x, int cols, int a, int b) {
        double s = 0;
        for (int c = 0; c < cols; c++) {
            double t = x[a * cols + c] - x[b * cols + c];
            s += t * t;
        }
        return s;
    }

    /** Brute-force k nearest rows of {@code row} among {@code pool} (excluding itself), by (distance, index). */
    static int[] bruteKnn(float[] x, int cols, int row, int[] pool, int k) {
        return java.util.Arrays.stream(pool).boxed().filter(r -> r != row)
                .sorted((a, b) -> {
                    int c = Double.compare(dist2(x, cols, row, a), dist2(x, cols, row, b));
                    return c != 0 ? c : Integer.compare(a, b);
                })
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
