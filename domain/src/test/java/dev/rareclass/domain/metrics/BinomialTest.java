package dev.rareclass.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinomialTest {

    /**
     * Binomial(n, p)'s probabilities, from the ratio of consecutive ones walked out from the mode (where the
     * probability is largest, so nothing underflows before it is negligible) and normalised by their sum.
     */
    private static double[] pmf(int n, double p) {
        double[] f = new double[n + 1];
        int mode = (int) Math.min(n, Math.floor((n + 1.0) * p));
        f[mode] = 1;
        for (int k = mode; k < n && f[k] > 1e-300; k++) {
            f[k + 1] = f[k] * (n - k) / (k + 1) * p / (1 - p);
        }
        for (int k = mode; k > 0 && f[k] > 1e-300; k--) {
            f[k - 1] = f[k] * k / (n - k + 1) * (1 - p) / p;
        }
        double sum = 0;
        for (double v : f) {
            sum += v;
        }
        for (int k = 0; k <= n; k++) {
            f[k] /= sum;
        }
        return f;
    }

    /**
     * Many draws of each (n, p) against the exact probabilities: the chi-square statistic over bins of consecutive
     * values expecting at least 20 draws each, and the mean and variance. The cases cover both methods (inversion for
     * n p below 10, BTRD above, both just either side of 10), p near 0 and 1 (drawn as n less a draw of 1 - p), and
     * n of 2,000,000 as the bootstrap of a large file draws. A value off by one shifts the mean of the cases with a
     * standard deviation of 10 or less by dozens of its standard errors, and a wrong tail moves the chi-square.
     */
    @Test
    void drawsFollowTheBinomialProbabilities() {
        double[][] cases = {
            {1, 0.5}, {1, 1e-3}, {7, 0.5}, {19, 0.5}, {20, 0.5}, {100, 0.05}, {1_000, 0.011}, {60, 0.7}, {500, 0.999},
            {40, 0.26}, {2_000_000, 1e-6}, {2_000_000, 5e-5}, {2_000_000, 0.3}, {2_000_000, 1 - 1e-6}, {2_000_000, 0.5},
        };
        SplittableRandom random = new SplittableRandom(20261207);
        for (double[] c : cases) {
            int n = (int) c[0];
            double p = c[1];
            int draws = 1_000_000;
            long[] seen = new long[n + 1];
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < draws; i++) {
                int k = Binomial.draw(random, n, p);
                assertThat(k).as("n %d p %s", n, p).isBetween(0, n);
                seen[k]++;
                sum += k - n * p; // about the mean: the squares of draws near 2,000,000 would swamp the variance
                sumSquares += (k - n * p) * (k - n * p);
            }
            double[] f = pmf(n, p);
            // bins of consecutive values, each closed once it expects 20 draws; what is left after the last joins it
            java.util.List<double[]> bins = new java.util.ArrayList<>(); // {expected, observed}
            double[] open = {0, 0};
            for (int k = 0; k <= n; k++) {
                open[0] += f[k] * draws;
                open[1] += seen[k];
                if (open[0] >= 20) {
                    bins.add(open);
                    open = new double[] {0, 0};
                }
            }
            if (bins.isEmpty()) {
                bins.add(open);
            } else {
                bins.getLast()[0] += open[0];
                bins.getLast()[1] += open[1];
            }
            double chi2 = 0;
            for (double[] bin : bins) {
                chi2 += (bin[1] - bin[0]) * (bin[1] - bin[0]) / bin[0];
            }
            int df = Math.max(1, bins.size() - 1);
            // about the 1e-6 quantile of chi-square: df 1 -> 23.8 (exact 23.9), df 100 -> 193 (exact 170)
            double bound = df + 5.5 * Math.sqrt(2.0 * df) + 15;
            String at = "n " + n + " p " + p + ": chi-square " + chi2 + " over " + bins.size() + " bins";
            assertThat(chi2).as(at).isLessThan(bound);
            double mean = n * p;
            double variance = n * p * (1 - p);
            double fourth = variance * (1 + 3 * p * (1 - p) * (n - 2)); // the binomial's fourth central moment
            double drawnMean = n * p + sum / draws;
            // the variance about the drawn mean: off by the square of the mean's error too (6 standard errors of it
            // below), all its error when the variance of a square is 0, as for Bernoulli(0.5)
            double drawnVariance = sumSquares / draws - (sum / draws) * (sum / draws);
            assertThat(Math.abs(drawnMean - mean)).as("mean, " + at).isLessThan(6 * Math.sqrt(variance / draws));
            assertThat(Math.abs(drawnVariance - variance)).as("variance, " + at)
                    .isLessThan(6 * Math.sqrt((fourth - variance * variance) / draws) + 36 * variance / draws);
        }
    }

    @Test
    void theEdgesAreExactAndBadArgumentsAreRefused() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            assertThat(Binomial.draw(random, 0, 0.3)).isZero();
            assertThat(Binomial.draw(random, 2_000_000, 0)).isZero();
            assertThat(Binomial.draw(random, 2_000_000, 1)).isEqualTo(2_000_000);
            assertThat(Binomial.draw(random, 1, 1)).isEqualTo(1);
        }
        // the largest n: BTRD's sums in doubles, not ints (n + 1 would overflow)
        int n = Integer.MAX_VALUE;
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            int k = Binomial.draw(random, n, 0.5);
            assertThat(k).isBetween(0, n);
            sum += k;
        }
        // mean n/2 and standard deviation 23,170 per draw: 231.7 for the mean of 10,000
        assertThat(Math.abs(sum / 10_000 - n / 2.0)).isLessThan(6 * 231.7);
        assertThatThrownBy(() -> Binomial.draw(random, -1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Binomial.draw(random, 5, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Binomial.draw(random, 5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The same stream gives the same draws. */
    @Test
    void drawsAreSeeded() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        for (int i = 0; i < 1_000; i++) {
            int n = 1 + i * 997;
            double p = (i % 100 + 0.5) / 100;
            assertThat(Binomial.draw(a, n, p)).isEqualTo(Binomial.draw(b, n, p));
        }
    }

    /**
     * BTRD's last acceptance test reads log f(k)/f(m) from Stirling's formula: it is the log of the ratio of the two
     * probabilities, summed here from the ratios of consecutive ones, for k far below and above the mode, small and
     * large n. (The draws rarely reach it, and a small error in it would move the distribution too little for the
     * chi-square above to see.)
     */
    @Test
    void theLogRatioToTheModeIsTheRatioOfTheProbabilities() {
        double[][] cases = {{40, 0.5}, {1_000, 0.03}, {1_000, 0.5}, {2_000_000, 0.3}, {2_000_000, 1e-4}};
        for (double[] c : cases) {
            int n = (int) c[0];
            double p = c[1];
            double r = p / (1 - p);
            int m = (int) Math.floor((n + 1.0) * p);
            for (int k : new int[] {0, 1, 5, m / 3, m - 16, m + 16, m + 40, 2 * m, n - 1, n}) {
                if (k < 0 || k > n) {
                    continue;
                }
                double exact = 0; // log f(k)/f(m) = sum of log f(i)/f(i-1), f(i)/f(i-1) = (n-i+1)/i * r
                for (int i = Math.min(k, m) + 1; i <= Math.max(k, m); i++) {
                    exact += Math.log((n - i + 1.0) / i * r);
                }
                exact = k >= m ? exact : -exact;
                assertThat(Binomial.logRatioToMode(n, r, m, k)).as("n %d p %s k %d", n, p, k)
                        .isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(exact))));
            }
        }
    }

    /**
     * The remainder of Stirling's formula that BTRD's last acceptance test reads: the series from k = 10 agrees with
     * the remainder computed from log k! itself within the series' first term left out (3e-11 at k = 10), and the
     * table below 10 to rounding.
     */
    @Test
    void stirlingsRemainderIsLogFactorialLessStirlingsFormula() {
        double logFactorial = 0;
        for (int k = 0; k <= 60; k++) {
            logFactorial += k == 0 ? 0 : Math.log(k);
            double rest = logFactorial - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI));
            // below 10 a table of the same sums; from 10 the series, whose first term left out is 1/(1680 (k + 1)^7)
            double leftOut = k < 10 ? 0 : 1 / (1680 * Math.pow(k + 1, 7));
            assertThat(Binomial.stirlingRest(k)).as("k %d", k)
                    .isCloseTo(rest, org.assertj.core.data.Offset.offset(leftOut + 1e-13));
        }
        // 1/(12 (k + 1)) to first order: 0.0833 at k = 0 less the higher terms, and its k = 0 value by hand,
        // log 1 - (0.5 log 1 - 1 + log(2 pi)/2) = 1 - 0.91894 = 0.08106
        assertThat(Binomial.stirlingRest(0)).isCloseTo(0.0810614667953272, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Binomial.stirlingRest(1_000_000)).isCloseTo(1 / 12.0 / 1_000_001, org.assertj.core.data.Offset.offset(1e-20));
    }
}
