package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rows evaluated or predicted by a model trained on labels 1 and 0 whose label column holds other negative values
 * ("maybe", or "no" instead of 0): they still count as negative, and a warning says so (before, nothing did).
 */
class LabelMappingTest {

    private final LabelMapping trained = new LabelMapping("y", "1", "0");

    @Test
    void rowsThatNameTheNegativeClassAsTrainingDidGetNoWarning() {
        assertThat(trained.warningFor(new LabelMapping("y", "1", "0"), 120)).isEmpty();
        // only positive rows: nothing to say about the negative class
        assertThat(trained.warningFor(new LabelMapping("y", "1"), 0)).isEmpty();
        // read with another positive value (evaluate --positive 0): the comparison does not apply
        assertThat(trained.warningFor(new LabelMapping("y", "0", "1"), 3)).isEmpty();
        // trained on several negative values: any of them is as expected
        assertThat(new LabelMapping("y", "1").warningFor(new LabelMapping("y", "1", "no"), 3)).isEmpty();
    }

    @Test
    void anotherOrSeveralNegativeValuesAreNamedInAWarning() {
        assertThat(trained.warningFor(new LabelMapping("y", "1", "no"), 396)).hasValue("warning: label column 'y' holds "
                + "'no' besides '1', where the model was trained with '0' as the negative class; its 396 rows that are "
                + "not '1' count as negative");
        assertThat(trained.warningFor(new LabelMapping("y", "1"), 1)).hasValue("warning: label column 'y' holds several "
                + "values besides '1', where the model was trained with '0' as the negative class; its 1 row that is "
                + "not '1' counts as negative");
    }

    @Test
    void theWarningIsForATableAsRead() {
        Table table = new Table("t.csv", java.util.List.of(new NumericColumn("a", new float[] {1, 2, 3})),
                Labels.wrap(new int[] {1, 0, 0}), LabelMapping.fromValues("y", "1", java.util.List.of("1", "0", "maybe")),
                new int[] {1, 2, 3}, java.util.List.of());
        assertThat(trained.warningFor(table)).hasValueSatisfying(w -> assertThat(w).contains("several values"));
    }
}
