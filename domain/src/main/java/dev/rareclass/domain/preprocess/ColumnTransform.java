package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.data.Column;
import java.util.List;

/**
 * The fitted transform of one input column into {@link #width()} output features. Pure data plus a
 * write function, so the model store can save and rebuild it field by field.
 */
public sealed interface ColumnTransform permits NumericTransform, OneHotTransform {

    /** The input column's name. */
    String input();

    /** The input column's type, as {@link Column#type()}. */
    String inputType();

    /** Number of output features. */
    int width();

    /** Output feature names, {@link #width()} of them. */
    List<String> outputNames();

    /**
     * Writes the whole column into a row-major matrix: row {@code r}'s features go to
     * {@code out[r * stride + offset .. + width)}.
     *
     * @param source     the table's source, for messages
     * @param rowNumbers each row's number in its source, for messages
     */
    void write(Column column, float[] out, int stride, int offset, String source, int[] rowNumbers);
}
