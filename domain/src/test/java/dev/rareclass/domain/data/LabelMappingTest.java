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

    /**
     * The negative class's name when the rows hold no negative value: 0 against a positive value of 1 (the 0/1
     * convention that value implies), "not <positive>" against any other, whose other class no one can tell.
     */
    @Test
    void rowsOfPositivesOnlyNameTheNegativeClassZeroOnlyAgainstOne() {
        assertThat(LabelMapping.fromValues("y", "1", java.util.List.of("1")).negativeValue()).isEqualTo("0");
        assertThat(LabelMapping.fromValues("y", "yes", java.util.List.of("yes")).negativeValue()).isEqualTo("not yes");
        assertThat(LabelMapping.fromValues("y", "0", java.util.List.of("0")).negativeValue()).isEqualTo("not 0");
        assertThat(LabelMapping.fromValues("y", "3,4", java.util.List.of("3", "4")).negativeValue()).isEqualTo("not 3,4");
        // with negative rows, the value they hold, or "not 1" for several, as before
        assertThat(LabelMapping.fromValues("y", "1", java.util.List.of("1", "-1")).negativeValue()).isEqualTo("-1");
        assertThat(LabelMapping.fromValues("y", "1", java.util.List.of("1", "0", "2")).negativeValue()).isEqualTo("not 1");
    }
}
