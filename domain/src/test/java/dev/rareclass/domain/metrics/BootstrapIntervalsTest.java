package dev.rareclass.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapIntervalsTest {

    /** Scores of a noisy ranker: positives shifted up by one standard deviation. */
    private static Object[] data(int n, long seed) {
        Random r = new Random(seed);
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.05 ? 1 : 0;
            s[i] = Math.round((r.nextGaussian() + y[i]) * 1000) / 1000.0; // some ties
        }
        return new Object[] {y, s};
    }

    @Test
    void theIntervalsCoverThePointEstimatesAndNarrowAsRowsGrow() {
        Object[] small = data(1_000, 1);
        Object[] large = data(20_000, 1);
        int[] ys = (int[]) small[0];
        double[] ss = (double[]) small[1];
        int[] yl = (int[]) large[0];
        double[] sl = (double[]) large[1];
        Map<String, BootstrapIntervals.Interval> a = BootstrapIntervals.of(ys, ss, 1.0, 1000, 7);
        Map<String, BootstrapIntervals.Interval> b = BootstrapIntervals.of(yl, sl, 1.0, 1000, 7);
        assertThat(a).containsOnlyKeys("pr_auc", "roc_auc", "recall", "precision");
        // the point estimates (scikit-learn's definitions, checked elsewhere) lie inside their intervals
        assertThat(a.get("pr_auc").contains(Curves.averagePrecision(ys, ss))).isTrue();
        assertThat(a.get("roc_auc").contains(Curves.rocAuc(ys, ss))).isTrue();
        assertThat(b.get("pr_auc").contains(Curves.averagePrecision(yl, sl))).isTrue();
        assertThat(b.get("roc_auc").contains(Curves.rocAuc(yl, sl))).isTrue();
        for (String m : a.keySet()) {
            assertThat(b.get(m).width()).as(m).isLessThan(a.get(m).width() / 2);
        }
        // seeded
        assertThat(BootstrapIntervals.of(ys, ss, 1.0, 1000, 7)).isEqualTo(a);
    }

    @Test
    void theOnePassMetricsOfEveryRowOnceAreScikitLearnsDefinitions() {
        for (long seed = 1; seed <= 10; seed++) {
            Object[] d = data(500, seed);
            int[] y = (int[]) d[0];
            double[] s = (double[]) d[1];
            double[] m = BootstrapIntervals.once(y, s, 0.5);
            ConfusionCounts c = ConfusionCounts.of(y, s, 0.5);
            assertThat(m[0]).isCloseTo(Curves.averagePrecision(y, s), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(m[1]).isCloseTo(Curves.rocAuc(y, s), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(m[2]).isCloseTo(c.recall(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(m[3]).isCloseTo(c.precision(), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(BootstrapIntervals.of(new int[] {0, 0}, new double[] {0.1, 0.2}, 0.5, 100, 1)).isEmpty();
    }
}
