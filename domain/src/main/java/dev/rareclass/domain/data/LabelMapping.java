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
 * @param negativeValue the name of the negative class: the other value when the column has exactly two, {@code 0}
 *                      when it holds only a positive value of {@code 1} ({@link #fromValues}), else
 *                      {@code "not <positive>"}; used in reports and when writing labels back
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
        this(column, positiveValue, otherThan(positiveValue));
    }

    /** The negative class's name when it is no single value: {@code "not <positive>"}. */
    public static String otherThan(String positiveValue) {
        return "not " + positiveValue;
    }

    /**
     * A warning for rows read with this mapping, a trained model's, whose label column names the negative class
     * otherwise than the training data did ({@code read}, the mapping of the rows as read): training saw one negative
     * value, and the rows hold another, or several. They count as negative all the same, as scikit-learn's metrics
     * with {@code pos_label} count every other value; the warning says so. Empty when the rows agree, have no negative
     * row, are read with another positive value, or training itself saw several negative values.
     */
    public java.util.Optional<String> warningFor(LabelMapping read, int negativeRows) {
        String several = otherThan(positiveValue);
        if (negativeRows == 0 || negativeValue.equals(several) || !read.positiveValue().equals(positiveValue)
                || read.negativeValue().equals(negativeValue)) {
            return java.util.Optional.empty();
        }
        String held = read.negativeValue().equals(several) ? "several values besides '" + cut(positiveValue) + "'"
                : "'" + cut(read.negativeValue()) + "' besides '" + cut(positiveValue) + "'";
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "warning: label column '%s' holds %s, where the "
                + "model was trained with '%s' as the negative class; its %,d row%s that %s not '%s' count%s as negative",
                cut(read.column()), held, cut(negativeValue), negativeRows, negativeRows == 1 ? "" : "s",
                negativeRows == 1 ? "is" : "are", cut(positiveValue), negativeRows == 1 ? "s" : ""));
    }

    /** {@link #warningFor(LabelMapping, int)} for a table read with this mapping, a trained model's. */
    public java.util.Optional<String> warningFor(Table table) {
        return table.labelMapping().flatMap(read -> warningFor(read, table.labels().map(Labels::negatives).orElse(0)));
    }

    private static String cut(String value) {
        return dev.rareclass.domain.error.Quoting.cut(value, 40);
    }

    /**
     * A mapping named from the distinct label values seen: the negative class takes the other value's name
     * when there is exactly one. When there is none (a file of positive rows only, such as a month of confirmed
     * fraud scored on its own) and the positive value is {@code 1}, the negative class is {@code 0}: 0/1 is the
     * convention that a positive value of 1 (score's default, scikit-learn's {@code pos_label}) implies, and a
     * classification report then names the class it has no rows of as scikit-learn's does for 0/1 labels. Any
     * other positive value leaves the name {@code "not <positive>"}: from {@code yes} alone no one can tell whether
     * the other class is {@code no}, and a name guessed wrong would read as a value of the file.
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
        if (others == 0 && positiveValue.equals("1")) {
            return new LabelMapping(column, positiveValue, "0");
        }
        return others == 1 && !other.equals(positiveValue) ? new LabelMapping(column, positiveValue, other) : new LabelMapping(column, positiveValue);
    }
}
