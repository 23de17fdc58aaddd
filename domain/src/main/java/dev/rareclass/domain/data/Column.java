package dev.rareclass.domain.data;

/**
 * One input column as read, before preprocessing: numbers, categories or free text. Missing values are
 * kept (NaN, code -1, null) so that the preprocessing fitted on training rows decides what to do with them.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, TextColumn {

    String name();

    int size();

    /** Number of missing values. */
    int missing();

    /** A column of the given rows, in the given order. */
    Column select(int[] rows);

    /** The type's name for schemas and messages: {@code numeric}, {@code categorical} or {@code text}. */
    String type();
}
