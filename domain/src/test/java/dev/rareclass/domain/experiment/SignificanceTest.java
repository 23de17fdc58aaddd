package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignificanceTest {

    @Test
    void correctedResampledTTestMatchesAWorkedExample() {
        // scipy 1.10: d = a - b; n = 5; v = d.var(ddof=1); t = d.mean() / sqrt((1/n + 0.25) * v)
        //             2 * scipy.stats.t.sf(abs(t), n - 1) -> t = 3.6586364830401887, p = 0.021606254183696508
        double[] a = {0.91, 0.88, 0.93, 0.90, 0.89};
        double[] b = {0.87, 0.86, 0.90, 0.88, 0.84};
        assertThat(Significance.correctedPairedTTest(a, b, 0.25)).isCloseTo(0.021606254183696508, within(1e-12));
        assertThat(Significance.correctedPairedTTest(b, a, 0.25)).isCloseTo(0.021606254183696508, within(1e-12));
    }

    @Test
    void tenFoldExampleWithTheTenFoldRatio() {
        // same recipe with 10 folds and n_test/n_train = 1/9 -> p = 0.33119470503000953
        double[] a = {0.5, 0.6, 0.55, 0.7, 0.65, 0.58, 0.62, 0.61, 0.59, 0.66};
        double[] b = {0.52, 0.58, 0.56, 0.69, 0.60, 0.57, 0.61, 0.63, 0.55, 0.64};
        assertThat(Significance.correctedPairedTTest(a, b, 1.0 / 9)).isCloseTo(0.33119470503000953, within(1e-12));
    }

    @Test
    void studentTTailMatchesScipy() {
        // 2 * scipy.stats.t.sf(2.0, 3) = 0.1393259685588431; 2 * t.sf(0.5, 29) = 0.6208480841937813; t.sf(10, 1) = 0.03172551743055356
        assertThat(2 * Significance.studentTUpperTail(2.0, 3)).isCloseTo(0.1393259685588431, within(1e-13));
        assertThat(2 * Significance.studentTUpperTail(0.5, 29)).isCloseTo(0.6208480841937813, within(1e-13));
        assertThat(Significance.studentTUpperTail(10, 1)).isCloseTo(0.03172551743055356, within(1e-13));
    }

    @Test
    void identicalResultsAreNotDifferentAndASingleSplitHasNoTest() {
        double[] a = {0.5, 0.6, 0.7};
        assertThat(Significance.correctedPairedTTest(a, a, 0.25)).isEqualTo(1.0);
        assertThat(Significance.correctedPairedTTest(new double[] {1}, new double[] {0}, 0.25)).isNaN();
    }
}
