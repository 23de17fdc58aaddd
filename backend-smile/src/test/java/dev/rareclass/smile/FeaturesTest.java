package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.Labels;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    @Test
    void tiedRowsAreLaidOutSoThatEveryUsefulBoundaryHasDifferentLabelsOnItsTwoSides() {
        // values (groups of ties) and labels, shuffled as a file would give them:
        // group 1: neg only | 2: both | 3: both | 4: neg only | 5: pos only | 6: both
        float[] x = {3, 1, 2, 6, 2, 3, 4, 1, 5, 2, 6, 3, 4, 5, 6, 2};
        int[] y =   {1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1};
        double[] v = Features.tieOrdered(x, 1, 0, Labels.wrap(y));

        for (int r = 0; r < x.length; r++) {
            assertThat(v[r] - x[r]).isBetween(0.0, 1e-7 / 2); // below Smile's tie tolerance
        }
        // Smile's sorted order: by value; rows with equal (nudged) values in any order
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(r -> v[r]));
        int tried = 0;
        for (int i = 1; i < order.length; i++) {
            int a = order[i - 1];
            int b = order[i];
            if (x[a] != x[b]) {
                // a boundary between two groups: Smile tries it only when the labels differ
                if (y[a] != y[b]) {
                    tried++;
                }
            } else if (v[a] != v[b]) {
                // within a group, the nudge separates the two classes and nothing else
                assertThat(y[a]).isNotEqualTo(y[b]);
            }
        }
        // 5 boundaries, none between two pure groups of one class. At most 4 can be tried: in
        // neg | both | both | neg, trying 1|2 needs group 2 positives-first (ending negative), then 2|3 needs
        // group 3 positives-first too, which ends negative, so 3|4 is lost (or 1|2 is, the other way round).
        assertThat(tried).isEqualTo(4);
    }

    @Test
    void untiedColumnsAndPureGroupsAreLeftAlone() {
        float[] x = {0.5f, -2, 7, 1, 1, 1};
        int[] y = {1, 0, 1, 0, 0, 0};
        assertThat(Features.tieOrdered(x, 1, 0, Labels.wrap(y))).containsExactly(0.5, -2, 7, 1, 1, 1);
    }
}
