package dev.rareclass.domain.experiment;

import dev.rareclass.domain.error.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A monotone map from a model's scores to probabilities, fitted on scores of rows the scoring fit never saw (the
 * held-out rows, or every row out of fold), as scikit-learn's {@code CalibratedClassifierCV} fits one on its
 * out-of-fold predictions.
 *
 * <ul>
 *   <li>{@code sigmoid} (Platt 1999): {@code p = 1 / (1 + exp(a * s + b))}, {@code a} and {@code b} minimising the log
 *       loss against Platt's smoothed targets {@code (n+ + 1) / (n+ + 2)} and {@code 1 / (n- + 2)}, as scikit-learn's
 *       {@code _sigmoid_calibration}; solved by Newton's method with a line search (Lin, Lin and Weng 2007).</li>
 *   <li>{@code isotonic}: the non-decreasing step function closest to the labels in squared error (pool adjacent
 *       violators, equal scores pooled first), read between its points by linear interpolation and clipped outside
 *       them, as scikit-learn's {@code IsotonicRegression(out_of_bounds="clip")}.</li>
 * </ul>
 *
 * @param method "sigmoid" or "isotonic"
 * @param a      sigmoid slope (NaN for isotonic)
 * @param b      sigmoid intercept (NaN for isotonic)
 * @param x      isotonic points' scores, strictly increasing (empty for sigmoid)
 * @param y      isotonic points' probabilities, non-decreasing in [0, 1] (empty for sigmoid)
 */
public record Calibration(String method, double a, double b, double[] x, double[] y) {

    /** The isotonic points' scores (a copy). */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** The isotonic points' probabilities (a copy). */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** The values {@code --calibration} takes. */
    public static final java.util.List<String> METHODS = java.util.List.of("none", "sigmoid", "isotonic");

    public Calibration {
        Objects.requireNonNull(method, "method");
        x = x.clone();
        y = y.clone();
        switch (method) {
            case "sigmoid" -> {
                if (!Double.isFinite(a) || !Double.isFinite(b) || x.length != 0 || y.length != 0) {
                    throw new IllegalArgumentException("a sigmoid calibration needs finite a and b and no points");
                }
            }
            case "isotonic" -> {
                if (x.length == 0 || x.length != y.length) {
                    throw new IllegalArgumentException("an isotonic calibration needs as many probabilities as scores, "
                            + "at least one");
                }
                for (int i = 0; i < x.length; i++) {
                    if (!Double.isFinite(x[i]) || !(y[i] >= 0 && y[i] <= 1)
                            || (i > 0 && (!(x[i] > x[i - 1]) || !(y[i] >= y[i - 1])))) {
                        throw new IllegalArgumentException("an isotonic calibration needs increasing scores and "
                                + "non-decreasing probabilities in [0, 1] (point " + i + ")");
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown calibration method '" + method + "'");
        }
    }

    /**
     * Checks a {@code --calibration} value.
     *
     * @return the method's canonical name
     * @throws UsageException naming the accepted values
     */
    public static String method(String value) {
        String m = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new UsageException("calibration '" + value + "' is not one of " + String.join(", ", METHODS));
        }
        return m;
    }

    /**
     * Fits a calibration.
     *
     * @param method "sigmoid" or "isotonic"
     * @param y      0/1 labels of the scored rows (both classes present)
     * @param scores the rows' scores, finite
     */
    public static Calibration fit(String method, int[] y, double[] scores) {
        if (y.length != scores.length) {
            throw new IllegalArgumentException(y.length + " labels but " + scores.length + " scores");
        }
        return switch (method) {
            case "sigmoid" -> sigmoid(y, scores);
            case "isotonic" -> isotonic(y, scores);
            default -> throw new IllegalArgumentException("unknown calibration method '" + method + "'");
        };
    }

    /** The calibrated probability of one score. */
    public double apply(double s) {
        if (Double.isNaN(s)) {
            return s;
        }
        if (method.equals("sigmoid")) {
            double t = a * s + b;
            // 1 / (1 + e^t), written to neither overflow nor lose the small end
            return t >= 0 ? Math.exp(-t) / (1 + Math.exp(-t)) : 1 / (1 + Math.exp(t));
        }
        if (s <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (s >= x[last]) {
            return y[last];
        }
        int i = Arrays.binarySearch(x, s);
        if (i >= 0) {
            return y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        return y[lo] + (y[hi] - y[lo]) * (s - x[lo]) / (x[hi] - x[lo]);
    }

    /**
     * This calibration with its probabilities moved to another base rate by {@code shift} (the training rows' rate
     * to a deploy prevalence): exact for {@code sigmoid}, where the shift adds a constant to the log-odds and so moves
     * the intercept; for {@code isotonic} the points' probabilities are shifted, and between two points the map stays
     * linear (as it is between the unshifted points).
     */
    public Calibration shifted(PriorCorrection shift) {
        if (method.equals("sigmoid")) {
            double logOdds = Math.log(shift.target() / (1 - shift.target())) - Math.log(shift.fitted() / (1 - shift.fitted()));
            return new Calibration(method, a, b - logOdds, x, y);
        }
        double[] moved = y.clone();
        shift.applyAll(moved);
        for (int i = 1; i < moved.length; i++) { // rounding must not break the order the constructor checks
            moved[i] = Math.max(moved[i], moved[i - 1]);
        }
        return new Calibration(method, a, b, x, moved);
    }

    /** Calibrates every score in place; returns the array. */
    public double[] applyAll(double[] scores) {
        for (int i = 0; i < scores.length; i++) {
            scores[i] = apply(scores[i]);
        }
        return scores;
    }

    /** One line for people: the method and its fitted numbers. */
    public String describe() {
        return method.equals("sigmoid")
                ? String.format(Locale.ROOT, "sigmoid (Platt): p = 1 / (1 + exp(%.6g * score + %.6g))", a, b)
                : "isotonic: " + x.length + " points from score " + x[0] + " to " + x[x.length - 1];
    }

    private static Calibration sigmoid(int[] y, double[] f) {
        long pos = 0;
        for (int v : y) {
            pos += v;
        }
        long neg = y.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double[] t = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            t[i] = y[i] == 1 ? hi : lo;
        }
        // Newton's method on the convex loss, with backtracking; the start scikit-learn uses
        double a = 0;
        double b = Math.log((neg + 1.0) / (pos + 1.0));
        double sigma = 1e-12; // keeps the Hessian positive definite
        double loss = plattLoss(a, b, f, t);
        for (int iter = 0; iter < 100; iter++) {
            double g1 = 0;
            double g2 = 0;
            double h11 = sigma;
            double h22 = sigma;
            double h21 = 0;
            for (int i = 0; i < f.length; i++) {
                double fApB = f[i] * a + b;
                double p; // 1 / (1 + exp(fApB)), the model's probability of the positive class
                double q; // 1 - p
                if (fApB >= 0) {
                    double e = Math.exp(-fApB);
                    p = e / (1 + e);
                    q = 1 / (1 + e);
                } else {
                    double e = Math.exp(fApB);
                    p = 1 / (1 + e);
                    q = e / (1 + e);
                }
                double d2 = p * q;
                h11 += f[i] * f[i] * d2;
                h22 += d2;
                h21 += f[i] * d2;
                double d1 = t[i] - p;
                g1 += f[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-10 && Math.abs(g2) < 1e-10) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            boolean moved = false;
            while (step >= 1e-12) {
                double na = a + step * dA;
                double nb = b + step * dB;
                double nl = plattLoss(na, nb, f, t);
                if (nl < loss + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    loss = nl;
                    moved = true;
                    break;
                }
                step /= 2;
            }
            if (!moved) {
                break;
            }
        }
        return new Calibration("sigmoid", a, b, new double[0], new double[0]);
    }

    /** The log loss of {@code 1 / (1 + exp(a f + b))} against targets {@code t}, computed without overflow. */
    private static double plattLoss(double a, double b, double[] f, double[] t) {
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            double z = f[i] * a + b;
            // -[t log p + (1 - t) log(1 - p)] with p = 1 / (1 + e^z): t * log(1 + e^z) + (1 - t) * log(1 + e^-z)
            sum += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
        }
        return sum;
    }

    private static Calibration isotonic(int[] y, double[] s) {
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(s[i], s[j]));
        // equal scores become one point with their mean label and their count as weight
        double[] xs = new double[s.length];
        double[] mean = new double[s.length];
        double[] weight = new double[s.length];
        int m = 0;
        for (int k = 0; k < order.length; ) {
            int j = k;
            double sum = 0;
            while (j < order.length && s[order[j]] == s[order[k]]) {
                sum += y[order[j]];
                j++;
            }
            xs[m] = s[order[k]];
            mean[m] = sum / (j - k);
            weight[m] = j - k;
            m++;
            k = j;
        }
        // pool adjacent violators over the points: blocks of (value, weight, length) kept on a stack
        double[] value = new double[m];
        double[] w = new double[m];
        int[] len = new int[m];
        int top = -1;
        for (int i = 0; i < m; i++) {
            top++;
            value[top] = mean[i];
            w[top] = weight[i];
            len[top] = 1;
            while (top > 0 && value[top - 1] > value[top]) {
                double total = w[top - 1] + w[top];
                value[top - 1] = (value[top - 1] * w[top - 1] + value[top] * w[top]) / total;
                w[top - 1] = total;
                len[top - 1] += len[top];
                top--;
            }
        }
        double[] fitted = new double[m];
        int at = 0;
        for (int blk = 0; blk <= top; blk++) {
            for (int k = 0; k < len[blk]; k++) {
                fitted[at++] = Math.min(1, Math.max(0, value[blk]));
            }
        }
        // inside a run of equal probabilities only the ends matter to the interpolation (scikit-learn trims them too)
        double[] keptX = new double[m];
        double[] keptY = new double[m];
        int kept = 0;
        for (int i = 0; i < m; i++) {
            boolean inside = i > 0 && i < m - 1 && fitted[i - 1] == fitted[i] && fitted[i + 1] == fitted[i];
            if (!inside) {
                keptX[kept] = xs[i];
                keptY[kept] = fitted[i];
                kept++;
            }
        }
        return new Calibration("isotonic", Double.NaN, Double.NaN, Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c && method.equals(c.method) && Double.compare(a, c.a) == 0
                && Double.compare(b, c.b) == 0 && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, a, b, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return describe();
    }
}
