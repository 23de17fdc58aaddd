package dev.rareclass.domain.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible synthetic rare-event table for the built-in demo and for tests.
 *
 * <p>Negatives are standard normal in every feature. Positives differ in the first {@code informative}
 * features in two ways — the first half by a mean shift of one standard deviation (which a linear model
 * can use), the second half in pairs that share their sign (an interaction only non-linear models can use) — so the demo shows a real
 * difference between model families. The remaining features are pure noise. The label is drawn from the
 * positive rate, so the exact count varies with the seed.
 */
public final class SyntheticRareEvents {

    private SyntheticRareEvents() {
    }

    /**
     * @param rows         number of rows
     * @param features     number of features (at least 2)
     * @param informative  how many leading features carry signal (even numbers pair up for interactions)
     * @param positiveRate probability that a row is positive
     * @param seed         the only source of randomness
     */
    public static Table generate(int rows, int features, int informative, double positiveRate, long seed) {
        if (features < 2 || informative < 1 || informative > features || rows < 10) {
            throw new IllegalArgumentException("need rows >= 10, features >= 2, 1 <= informative <= features");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[rows * features];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            boolean positive = rng.nextDouble() < positiveRate;
            y[r] = positive ? 1 : 0;
            int base = r * features;
            for (int c = 0; c < features; c++) {
                x[base + c] = (float) gaussian(rng);
            }
            if (positive) {
                int linear = (informative + 1) / 2;
                for (int c = 0; c < linear; c++) {
                    x[base + c] += 1.0f;
                }
                // interaction: paired features share their sign, with larger magnitude; their means stay 0
                for (int c = linear; c + 1 < informative; c += 2) {
                    float magnitude = (float) Math.abs(gaussian(rng)) + 0.5f;
                    float sign = rng.nextBoolean() ? 1f : -1f;
                    x[base + c] = sign * (Math.abs(x[base + c]) + magnitude);
                    x[base + c + 1] = sign * (Math.abs(x[base + c + 1]) + magnitude);
                }
            }
        }
        List<String> names = new ArrayList<>(features);
        for (int c = 0; c < features; c++) {
            names.add(c < informative ? "signal_" + (c + 1) : "noise_" + (c + 1 - informative));
        }
        return Table.labelled("synthetic", names, FeatureMatrix.wrap(rows, features, x), Labels.wrap(y),
                new LabelMapping("y", "1", "0"));
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller from the seeded generator (java.util.Random's nextGaussian is not splittable-seeded)
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
