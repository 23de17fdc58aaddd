package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntheticRareEventsTest {

    @Test
    void theSameSeedGivesTheSameTable() {
        Table a = SyntheticRareEvents.generate(2000, 10, 6, 0.02, 5);
        Table b = SyntheticRareEvents.generate(2000, 10, 6, 0.02, 5);
        assertThat(a.numericMatrix().data()).isEqualTo(b.numericMatrix().data());
        assertThat(a.requireLabels().toArray()).isEqualTo(b.requireLabels().toArray());
    }

    @Test
    void positiveRateIsNearTheRequestedOneAndOnlySignalColumnsDiffer() {
        Table t = SyntheticRareEvents.generate(50_000, 8, 4, 0.02, 1);
        Labels y = t.requireLabels();
        assertThat(y.positiveRate()).isBetween(0.017, 0.023);
        FeatureMatrix x = t.numericMatrix();
        double[] posMean = new double[8];
        double[] negMean = new double[8];
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < 8; c++) {
                if (y.get(r) == 1) {
                    posMean[c] += x.get(r, c) / y.positives();
                } else {
                    negMean[c] += x.get(r, c) / y.negatives();
                }
            }
        }
        // the first half of the signal columns is shifted by one standard deviation
        assertThat(posMean[0] - negMean[0]).isBetween(0.8, 1.2);
        assertThat(posMean[1] - negMean[1]).isBetween(0.8, 1.2);
        // noise columns are not
        assertThat(Math.abs(posMean[6] - negMean[6])).isLessThan(0.15);
        assertThat(t.featureNames()).startsWith("signal_1").endsWith("noise_4");
    }
}
