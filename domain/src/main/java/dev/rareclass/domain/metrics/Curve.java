package dev.rareclass.domain.metrics;

import java.util.Arrays;

/**
 * A curve as parallel arrays of points and the thresholds that produce them.
 *
 * <p>Immutable: accessors return copies, because the arrays are shared with nobody and callers
 * (serialisers, plotters) must not be able to alter a computed result. A final class rather than a record,
 * since records compare arrays by reference.
 *
 * <p>For a ROC curve {@code x} is the false positive rate, {@code y} the true positive rate and there is one
 * threshold per point. For a precision-recall curve {@code x} is recall, {@code y} precision and, as in
 * scikit-learn, there is one threshold fewer than points: the last point (recall 0, precision 1) has none.
 */
public final class Curve {
    private final double[] x;
    private final double[] y;
    private final double[] thresholds;

    /**
     * Creates a curve from copies of the given arrays.
     *
     * @param x          abscissae
     * @param y          ordinates, same length as {@code x}
     * @param thresholds thresholds, {@code x.length} or {@code x.length - 1} of them
     */
    public Curve(double[] x, double[] y, double[] thresholds) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points but y has " + y.length);
        }
        if (thresholds.length != x.length && thresholds.length != x.length - 1) {
            throw new IllegalArgumentException(
                    "expected " + x.length + " or " + (x.length - 1) + " thresholds, got " + thresholds.length);
        }
        this.x = x.clone();
        this.y = y.clone();
        this.thresholds = thresholds.clone();
    }

    /** @return number of points */
    public int size() {
        return x.length;
    }

    /** @return abscissae (a copy) */
    public double[] x() {
        return x.clone();
    }

    /** @return ordinates (a copy) */
    public double[] y() {
        return y.clone();
    }

    /** @return thresholds (a copy) */
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y)
                && Arrays.equals(thresholds, c.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(x) + Arrays.hashCode(y)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "Curve[x=" + Arrays.toString(x) + ", y=" + Arrays.toString(y)
                + ", thresholds=" + Arrays.toString(thresholds) + "]";
    }
}
