package dev.rareclass.domain.data;

import java.util.Objects;

/**
 * How a label column maps to the binary target: rows whose label equals {@code positiveValue} are
 * positive (1), every other value is negative (0). The positive class is always explicit, because in
 * rare-event work "which class matters" must never be guessed from sort order.
 *
 * @param column        the label column's name as the file gives it
 * @param positiveValue the raw value that marks the positive class
 */
public record LabelMapping(String column, String positiveValue) {
    public LabelMapping {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(positiveValue, "positiveValue");
    }
}
