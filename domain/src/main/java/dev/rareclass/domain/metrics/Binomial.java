package dev.rareclass.domain.metrics;

import java.util.SplittableRandom;

/**
 * Exact draws from the binomial distribution Binomial(n, p), from a caller's {@link SplittableRandom}, so that a
 * seeded stream gives the same draws. The bootstrap draws a class's counts per score segment as a chain of them
 * (a multinomial by conditional binomials, {@link BootstrapIntervals}): thousands of draws per resample, of every
 * size from a segment of one row out of millions to one of most of the class.
 *
 * <p>For {@code p > 0.5} the draw is {@code n} less a draw of {@code 1 - p}, so both methods below see
 * {@code p <= 0.5}. When the mean {@code n p} is below 10 the draw is by inversion: one uniform, walked down the
 * probabilities from 0 by their ratio {@code f(k+1)/f(k) = (n-k)/(k+1) · p/(1-p)} (Kachitvichyanukul and Schmeiser,
 * "Binomial random variate generation", Comm. ACM 31(2), 1988, their BINV), about {@code n p + 1} steps. Above it,
 * Hörmann's BTRD (W. Hörmann, "The generation of binomial random variates", J. Statist. Comput. Simul. 46, 1993,
 * 101-110): transformed rejection with a hat whose inverse is {@code (2a/(0.5-|u|) + b) u + c}, which accepts most
 * draws at once from one uniform (the centre of the hat lies under the distribution), and decides the rest by the ratio
 * of the probability to the mode's (a product of ratios near the mode, a normal squeeze, then Stirling's series),
 * in a bounded number of uniforms on average, however large {@code n}. Both are exact: the only departure from the
 * distribution is the rounding of doubles.
 */
final class Binomial {

    /**
     * {@code log k! - ((k + 1/2) log(k + 1) - (k + 1) + log(2π)/2)}, the remainder of Stirling's formula for k! at
     * k + 1, for k below 10, where the series below is not close enough; from the logarithms of the factorials
     * themselves (sums of a few logs, exact to about 1e-15).
     */
    private static final double[] STIRLING_REST = new double[10];

    static {
        double logFactorial = 0;
        for (int k = 0; k < STIRLING_REST.length; k++) {
            logFactorial += k == 0 ? 0 : Math.log(k);
            STIRLING_REST[k] = logFactorial - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI));
        }
    }

    private Binomial() {
    }

    /**
     * One draw of Binomial(n, p).
     *
     * @param n the trials, at least 0
     * @param p the chance of each, in [0, 1]
     */
    static int draw(SplittableRandom random, int n, double p) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a binomial needs n >= 0 and p in [0, 1], not n " + n + ", p " + p);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        boolean flipped = p > 0.5;
        double small = flipped ? 1 - p : p; // exact: 1 - p for p in [0.5, 1] is a double
        int k = n * small < 10 ? inversion(random, n, small) : btrd(random, n, small);
        return flipped ? n - k : k;
    }

    /** Inversion from 0 upwards, for {@code n p < 10} and {@code p <= 0.5} (BINV). */
    private static int inversion(SplittableRandom random, int n, double p) {
        double ratio = p / (1 - p);
        double scaled = (n + 1.0) * ratio; // f(k+1)/f(k) = scaled/(k+1) - ratio
        double atZero = Math.exp(n * Math.log1p(-p)); // (1-p)^n, at least e^-20 as n p < 10 and p <= 0.5
        while (true) {
            double u = random.nextDouble();
            double f = atZero;
            for (int k = 0; k <= n && f > 0; k++) {
                if (u < f) {
                    return k;
                }
                u -= f;
                f *= scaled / (k + 1) - ratio;
            }
            // u lay above the rounded sum of every probability (a chance near 1e-16): draw again rather than return n
        }
    }

    /**
     * Hörmann's BTRD for {@code n p >= 10} and {@code p <= 0.5}, step by step as in the paper (steps 1, 2, 3.0-3.4).
     * {@code v} is the point's height under the hat, {@code u} its position across it.
     */
    private static int btrd(SplittableRandom random, int n, double p) {
        double q = 1 - p;
        double npq = n * p * q;
        double spq = Math.sqrt(npq);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double alpha = (2.83 + 5.1 / b) * spq;
        double vr = 0.92 - 4.2 / b; // the height of the strip of the hat's box that lies under the distribution
        double urvr = 0.86 * vr;
        int m = (int) Math.floor((n + 1.0) * p); // the mode
        double r = p / q;
        double nr = (n + 1.0) * r;
        while (true) {
            // 1: the centre of the strip, accepted at once
            double v = random.nextDouble();
            double u;
            if (v <= urvr) {
                u = v / vr - 0.43;
                return (int) Math.floor((2 * a / (0.5 - Math.abs(u)) + b) * u + c);
            }
            // 2: a point of the box above the strip, or of the strip's two ends
            if (v >= vr) {
                u = random.nextDouble() - 0.5;
            } else {
                u = v / vr - 0.93;
                u = Math.signum(u) * 0.5 - u;
                v = random.nextDouble() * vr;
            }
            // 3.0: the point's k, and its height scaled to the probability of k relative to the mode's
            double us = 0.5 - Math.abs(u);
            double kd = Math.floor((2 * a / us + b) * u + c);
            if (!(kd >= 0 && kd <= n)) {
                continue;
            }
            int k = (int) kd;
            v = v * alpha / (a / (us * us) + b);
            int km = Math.abs(k - m);
            if (km <= 15) {
                // 3.1: f(k)/f(m) as a product of the ratios of consecutive probabilities
                double f = 1;
                if (m < k) {
                    for (int i = m + 1; i <= k; i++) {
                        f *= nr / i - r;
                    }
                } else {
                    for (int i = k + 1; i <= m; i++) {
                        v *= nr / i - r;
                    }
                }
                if (v <= f) {
                    return k;
                }
                continue;
            }
            // 3.2: squeeze by the normal approximation of log f(k)/f(m), with its error bound
            v = Math.log(v);
            double rho = (km / npq) * (((km / 3.0 + 0.625) * km + 1.0 / 6) / npq + 0.5);
            double t = -((double) km * km) / (2 * npq);
            if (v < t - rho) {
                return k;
            }
            if (v > t + rho) {
                continue;
            }
            // 3.3-3.4: the exact log f(k)/f(m)
            if (v <= logRatioToMode(n, r, m, k)) {
                return k;
            }
        }
    }

    /**
     * {@code log f(k)/f(m)} for Binomial(n, p) with {@code r = p/(1-p)}: {@code log m! (n-m)! / (k! (n-k)!) +
     * (k-m) log r}, each factorial by Stirling's formula and its remainder; the paper's steps 3.3 (the part that
     * depends on m only, h) and 3.4. Only the draws neither squeeze of step 3.2 decides reach it, so h is computed
     * there rather than kept.
     */
    static double logRatioToMode(int n, double r, int m, int k) {
        double nm = n - m + 1.0;
        double h = (m + 0.5) * Math.log((m + 1) / (r * nm)) + stirlingRest(m) + stirlingRest(n - m);
        double nk = n - k + 1.0;
        return h + (n + 1.0) * Math.log(nm / nk) + (k + 0.5) * Math.log(nk * r / (k + 1))
                - stirlingRest(k) - stirlingRest(n - k);
    }

    /**
     * The remainder of Stirling's formula for k! (see {@link #STIRLING_REST}): from k = 10 its series
     * {@code 1/(12z) - 1/(360z^3) + 1/(1260z^5)} at {@code z = k + 1}, whose next term is below 1e-10.
     */
    static double stirlingRest(int k) {
        if (k < STIRLING_REST.length) {
            return STIRLING_REST[k];
        }
        double z = k + 1.0;
        double zz = z * z;
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / zz) / zz) / z;
    }
}
