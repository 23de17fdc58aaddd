package dev.rareclass.domain.experiment;

/**
 * The corrected resampled t-test of Nadeau and Bengio (2003, "Inference for the Generalization Error",
 * Machine Learning 52), for comparing two models evaluated on the same resampled splits.
 *
 * <p>Fold results are not independent — training sets overlap — so the plain paired t-test is far too
 * eager to call differences significant. The correction inflates the variance of the mean difference
 * from {@code σ²/n} to {@code (1/n + n_test/n_train) σ²}. With {@code n} splits the statistic follows a
 * Student t distribution with {@code n - 1} degrees of freedom.
 */
public final class Significance {

    private Significance() {
    }

    /**
     * Two-sided p-value for "the mean of {@code a - b} is zero".
     *
     * @param a             one model's metric per split
     * @param b             the other's, on the same splits
     * @param testOverTrain mean ratio of test rows to training rows per split
     * @return the p-value, or NaN with fewer than two splits
     */
    public static double correctedPairedTTest(double[] a, double[] b, double testOverTrain) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length");
        }
        int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += a[i] - b[i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] - b[i] - mean;
            var += d * d;
        }
        var /= n - 1;
        if (Double.isNaN(mean) || Double.isNaN(var)) {
            return Double.NaN;
        }
        double se = Math.sqrt((1.0 / n + testOverTrain) * var);
        if (se == 0) {
            return mean == 0 ? 1.0 : 0.0;
        }
        double t = mean / se;
        return 2 * studentTUpperTail(Math.abs(t), n - 1);
    }

    /** P(T > t) for Student's t with {@code df} degrees of freedom, t >= 0. */
    static double studentTUpperTail(double t, double df) {
        double x = df / (df + t * t);
        return 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5);
    }

    /** I_x(a, b) by its continued fraction (modified Lentz), using the symmetry for fast convergence. */
    static double regularizedIncompleteBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
    }

    /** Lentz's guard against division by zero: a value this close to 0 becomes 1e-300. */
    private static double awayFromZero(double v) {
        final double tiny = 1e-300;
        return Math.abs(v) < tiny ? tiny : v;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 / awayFromZero(1 - (a + b) * x / (a + 1));
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / awayFromZero(1 + aa * d);
            c = awayFromZero(1 + aa / c);
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / awayFromZero(1 + aa * d);
            c = awayFromZero(1 + aa / c);
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    /** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms; about 15 digits). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // reflection keeps the approximation in its accurate range
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        final double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        x -= 1;
        double sum = c[0];
        for (int i = 1; i < 9; i++) {
            sum += c[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
