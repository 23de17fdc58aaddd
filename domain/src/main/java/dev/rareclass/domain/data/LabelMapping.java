package dev.rareclass.domain.data;

import java.util.Collection;
import java.util.Objects;

/**
 * How a label column maps to the binary target: rows whose label matches {@code positiveValue} (one value
 * or several separated by commas, see {@link PositiveValues}) are positive (1), every other value is
 * negative (0). The positive class is always explicit, because in
 * rare-event work "which class matters" must never be guessed from sort order.
 *
 * @param column        the label column's name as the file gives it
 * @param positiveValue the raw value, or comma-separated values, that mark the positive class
 * @param negativeValue the name of the negative class: the other value when the column has exactly two,
 *                      else {@code "not <positive>"}; used in reports and when writing labels back
 */
public record LabelMapping(String column, String positiveValue, String negativeValue) {

    public LabelMapping {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(positiveValue, "positiveValue");
        Objects.requireNonNull(negativeValue, "negativeValue");
        if (positiveValue.equals(negativeValue)) {
            // predictions would name both classes alike (a forged model file can say so; training never does)
            throw new IllegalArgumentException("label '" + column + "' names both classes '" + positiveValue + "'");
        }
    }

    /** A mapping whose negative class is named {@code "not <positive>"}. */
    public LabelMapping(String column, String positiveValue) {
        this(column, positiveValue, "not " + positiveValue);
    }

    /**
     * A mapping named from the distinct label values seen: the negative class takes the other value's name
     * when there is exactly one.
     */
    public static LabelMapping fromValues(String column, String positiveValue, Collection<String> seenValues) {
        PositiveValues positive = PositiveValues.parse(positiveValue);
        String other = null;
        int others = 0;
        for (String v : seenValues) {
            if (!positive.test(v)) {
                other = v;
                others++;
            }
        }
        return others == 1 && !other.equals(positiveValue) ? new LabelMapping(column, positiveValue, other) : new LabelMapping(column, positiveValue);
    }
}
