package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelShiftTest {

    @Test
    void marksTheRowsBeforeEachEventAndDropsTheEvents() {
        // rows 0..9 in time order; breaks at rows 4 and 9, as the paper-mill article's curve_shift(df, -2)
        float[] t = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Table table = Table.labelled("series", List.of("t"), FeatureMatrix.ofRows(
                        java.util.stream.IntStream.range(0, 10).mapToObj(i -> new double[] {t[i]}).toArray(double[][]::new)),
                Labels.of(0, 0, 0, 0, 1, 0, 0, 0, 0, 1), new LabelMapping("y", "1"));
        Table shifted = LabelShift.shift(table, 2);
        assertThat(((NumericColumn) shifted.columns().get(0)).values()).containsExactly(0, 1, 2, 3, 5, 6, 7, 8);
        assertThat(shifted.requireLabels().toArray()).containsExactly(0, 0, 1, 1, 0, 0, 1, 1);
        assertThat(shifted.rowNumbers()).containsExactly(1, 2, 3, 4, 6, 7, 8, 9);
        assertThat(shifted.notes()).anyMatch(n -> n.contains("2 event rows dropped"));
    }

    @Test
    void adjacentEventsAreAllDropped() {
        Table table = Table.labelled("s", List.of("t"), FeatureMatrix.ofRows(new double[] {0}, new double[] {1},
                new double[] {2}, new double[] {3}), Labels.of(0, 0, 1, 1), new LabelMapping("y", "1"));
        Table shifted = LabelShift.shift(table, 1);
        assertThat(shifted.requireLabels().toArray()).containsExactly(0, 1);
    }
}
