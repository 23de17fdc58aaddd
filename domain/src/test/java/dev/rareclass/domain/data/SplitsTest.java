package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.DataException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SplitsTest {

    static Labels randomLabels(int n, double rate, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < rate ? 1 : 0;
        }
        y[0] = 1;
        y[1] = 0;
        return Labels.wrap(y);
    }

    @ParameterizedTest
    @CsvSource({"1000,0.01,5,1", "997,0.1,5,2", "351,0.36,3,3", "20000,0.01,10,4", "50,0.2,5,5"})
    void kFoldTestPartsPartitionTheRowsAndKeepTheClassBalance(int n, double rate, int k, long seed) {
        Labels y = randomLabels(n, rate, seed);
        if (y.positives() < k) {
            return;
        }
        List<Fold> folds = Splits.stratifiedKFold(y, k, seed);
        assertThat(folds).hasSize(k);
        int[] seen = new int[n];
        for (Fold f : folds) {
            for (int i : f.test()) {
                seen[i]++;
            }
            assertThat(f.train().length + f.test().length).isEqualTo(n);
            assertThat(Splits.union(f.train(), f.test())).isEqualTo(IntStream.range(0, n).toArray());
            int positivesInTest = y.select(f.test()).positives();
            assertThat(positivesInTest).isBetween(y.positives() / k, y.positives() / k + 1);
            assertThat(f.test().length).isBetween(n / k - 1, n / k + 2);
        }
        assertThat(seen).containsOnly(1);
    }

    @Test
    void kFoldIsReproducibleForASeedAndChangesWithIt() {
        Labels y = randomLabels(500, 0.1, 7);
        List<Fold> a = Splits.stratifiedKFold(y, 5, 11);
        List<Fold> b = Splits.stratifiedKFold(y, 5, 11);
        List<Fold> c = Splits.stratifiedKFold(y, 5, 12);
        assertThat(a.get(0).test()).isEqualTo(b.get(0).test());
        assertThat(a.get(0).test()).isNotEqualTo(c.get(0).test());
    }

    @Test
    void kFoldRefusesClassesSmallerThanK() {
        Labels y = Labels.of(1, 1, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> Splits.stratifiedKFold(y, 3, 1))
                .isInstanceOf(DataException.class).hasMessageContaining("at least 3 rows of each class");
    }

    @ParameterizedTest
    @CsvSource({"1000,0.01,0.2", "100,0.05,0.2", "351,0.36,0.25", "12,0.2,0.2"})
    void holdoutKeepsBothClassesOnBothSides(int n, double rate, double fraction) {
        Labels y = randomLabels(n, rate, 3);
        Fold f = Splits.stratifiedHoldout(y, fraction, 9);
        assertThat(Splits.union(f.train(), f.test())).isEqualTo(IntStream.range(0, n).toArray());
        if (y.positives() >= 2) {
            assertThat(y.select(f.test()).positives()).isPositive();
            assertThat(y.select(f.train()).positives()).isPositive();
        }
        assertThat((double) f.test().length / n).isCloseTo(fraction, org.assertj.core.data.Offset.offset(0.1));
        assertThat(Arrays.stream(f.test()).sorted().toArray()).isEqualTo(f.test());
    }
}
