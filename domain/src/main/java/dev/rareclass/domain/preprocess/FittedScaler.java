package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.data.FeatureMatrix;

/**
 * A fitted affine per-column transform {@code x' = (x - offset) / scale}. Standardization fits offset =
 * mean and scale = population standard deviation on training rows; a constant column gets scale 1 (as
 * scikit-learn does) so it maps to 0 instead of dividing by zero. Stored with the model.
 */
public final class FittedScaler {

    private final Scaling scaling;
    private final double[] offset;
    private final double[] scale;

    public FittedScaler(Scaling scaling, double[] offset, double[] scale) {
        if (offset.length != scale.length) {
            throw new IllegalArgumentException("offset and scale lengths differ");
        }
        for (int c = 0; c < scale.length; c++) {
            if (!(scale[c] > 0) || !Double.isFinite(scale[c]) || !Double.isFinite(offset[c])) {
                throw new IllegalArgumentException("column " + c + ": invalid scale " + scale[c] + " or offset " + offset[c]);
            }
        }
        this.scaling = scaling;
        this.offset = offset.clone();
        this.scale = scale.clone();
    }

    /** The identity for {@code cols} columns. */
    public static FittedScaler identity(int cols) {
        double[] ones = new double[cols];
        java.util.Arrays.fill(ones, 1.0);
        return new FittedScaler(Scaling.NONE, new double[cols], ones);
    }

    /** Fits the given scaling on the rows of {@code x}. */
    public static FittedScaler fit(Scaling scaling, FeatureMatrix x) {
        return switch (scaling) {
            case NONE -> identity(x.cols());
            case STANDARD -> fitStandard(x);
        };
    }

    private static FittedScaler fitStandard(FeatureMatrix x) {
        int n = x.rows();
        int d = x.cols();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a scaler on zero rows");
        }
        float[] data = x.data();
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            int base = r * d;
            for (int c = 0; c < d; c++) {
                mean[c] += data[base + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        // two-pass variance: numerically safer than sum of squares on large, offset columns
        double[] var = new double[d];
        for (int r = 0; r < n; r++) {
            int base = r * d;
            for (int c = 0; c < d; c++) {
                double diff = data[base + c] - mean[c];
                var[c] += diff * diff;
            }
        }
        double[] scale = new double[d];
        for (int c = 0; c < d; c++) {
            double sd = Math.sqrt(var[c] / n);
            scale[c] = sd > 1e-12 * Math.max(1.0, Math.abs(mean[c])) ? sd : 1.0;
        }
        return new FittedScaler(Scaling.STANDARD, mean, scale);
    }

    public Scaling scaling() {
        return scaling;
    }

    public double[] offset() {
        return offset.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    public int cols() {
        return offset.length;
    }

    /** A new matrix with the transform applied. */
    public FeatureMatrix apply(FeatureMatrix x) {
        if (x.cols() != offset.length) {
            throw new IllegalArgumentException("scaler fitted on " + offset.length + " columns, got " + x.cols());
        }
        if (scaling == Scaling.NONE) {
            return x;
        }
        int d = x.cols();
        float[] in = x.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            int c = i % d;
            out[i] = (float) ((in[i] - offset[c]) / scale[c]);
        }
        return FeatureMatrix.wrap(x.rows(), d, out);
    }
}
