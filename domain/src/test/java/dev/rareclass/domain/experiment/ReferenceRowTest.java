package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReferenceRowTest {

    /** numpy.median of the values that are not NaN, computed here by sorting: the selection must agree exactly. */
    @Test
    void medianAgreesWithSortingForOddEvenTiedAndMissing() {
        Random random = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(60);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(4) == 0 ? Float.NaN : random.nextInt(7) - 3 + (trial % 2) * random.nextFloat();
            }
            float[] present = new float[n];
            int m = 0;
            for (float v : values) {
                if (!Float.isNaN(v)) {
                    present[m++] = v;
                }
            }
            float[] sorted = Arrays.copyOf(present, m);
            Arrays.sort(sorted);
            double expected = m == 0 ? Double.NaN
                    : m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + (double) sorted[m / 2]) / 2;
            float[] copy = values.clone();
            assertThat((Double) ReferenceRow.median(copy)).as("trial %d: %s", trial, Arrays.toString(values)).isEqualTo(Double.valueOf(expected));
            assertThat(copy).as("the column itself is left as it was").isEqualTo(values);
        }
    }

    @Test
    void referenceOfEachColumnType() {
        // numpy.median([1, 5, 2, 8]) = 3.5; the most frequent of b, a, b, missing is b; text has none
        Table t = new Table("t", List.<Column>of(new NumericColumn("x", new float[] {1, 5, 2, 8}),
                new CategoricalColumn("k", List.of("a", "b"), new int[] {1, 0, 1, -1}),
                new TextColumn("note", new String[] {"a b", null, "c", "d"})), null, null, new int[] {1, 2, 3, 4},
                List.of());
        ReferenceRow r = ReferenceRow.fit(t);
        assertThat(r.values()).containsExactly(3.5, "b", null);
        Column k = r.column(t.columns().get(1), 1, 3);
        assertThat(((CategoricalColumn) k).value(2)).isEqualTo("b");
        assertThat(((NumericColumn) r.column(t.columns().get(0), 0, 2)).values()).containsExactly(3.5f, 3.5f);
    }

    @Test
    void equallyFrequentLevelsGiveTheEarliest() {
        Table t = new Table("t", List.<Column>of(new CategoricalColumn("k", List.of("a", "b", "c"),
                new int[] {2, 1, 1, 2})), null, null, new int[] {1, 2, 3, 4}, List.of());
        assertThat(ReferenceRow.fit(t).values()).containsExactly("b");
    }
}
