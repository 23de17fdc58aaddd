package dev.rareclass.domain.sampling;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;

/**
 * A sampler's output. Original rows that were kept come first, in their original order, then
 * synthetic rows. {@code origin[i]} is the input row index that output row {@code i} copies, or -1 for a
 * synthetic row — so tests and the {@code resample} command can tell kept, repeated and invented rows apart.
 */
public final class Resampled {
    private final FeatureMatrix x;
    private final Labels y;
    private final int[] origin;

    public Resampled(FeatureMatrix x, Labels y, int[] origin) {
        if (x.rows() != y.size() || origin.length != y.size()) {
            throw new IllegalArgumentException("resampled parts differ in length");
        }
        this.x = x;
        this.y = y;
        this.origin = origin.clone();
    }

    /** The identity: every row kept once. */
    public static Resampled unchanged(SamplingInput in) {
        int[] origin = new int[in.y().size()];
        for (int i = 0; i < origin.length; i++) {
            origin[i] = i;
        }
        return new Resampled(in.x(), in.y(), origin);
    }

    public FeatureMatrix x() {
        return x;
    }

    public Labels y() {
        return y;
    }

    public int[] origin() {
        return origin.clone();
    }

    /** Number of synthetic rows. */
    public int syntheticRows() {
        int n = 0;
        for (int o : origin) {
            if (o < 0) {
                n++;
            }
        }
        return n;
    }
}
