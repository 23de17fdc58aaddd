package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.error.DataException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A categorical column one-hot encoded over the categories seen in training (sorted, as scikit-learn's
 * OneHotEncoder). A missing value takes {@code impute} (null: refuse it); an unseen category is all zeros
 * or refused, as {@code unknown} says. Immutable.
 */
public final class OneHotTransform implements ColumnTransform {

    private final String input;
    private final List<String> levels;
    private final String impute;
    private final UnknownCategories unknown;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * @param input   the column's name
     * @param levels  the training categories, sorted
     * @param impute  the category that replaces a missing value, or null when missing values are refused
     * @param unknown what to do with a category not in {@code levels}
     */
    public OneHotTransform(String input, List<String> levels, String impute, UnknownCategories unknown) {
        this.input = Objects.requireNonNull(input);
        this.levels = List.copyOf(levels);
        this.impute = impute;
        this.unknown = Objects.requireNonNull(unknown);
        if (this.levels.isEmpty()) {
            throw new IllegalArgumentException("column " + input + " has no categories");
        }
        for (int i = 0; i < this.levels.size(); i++) {
            if (index.put(this.levels.get(i), i) != null) {
                // two output columns for one category: a forged model file, never a fitted transform
                throw new IllegalArgumentException("column " + input + " lists the category '" + this.levels.get(i)
                        + "' twice");
            }
        }
        if (impute != null && !index.containsKey(impute)) {
            throw new IllegalArgumentException("imputed category " + impute + " is not a level of " + input);
        }
    }

    @Override
    public String input() {
        return input;
    }

    public List<String> levels() {
        return levels;
    }

    /** The category that replaces a missing value, or null. */
    public String impute() {
        return impute;
    }

    public UnknownCategories unknown() {
        return unknown;
    }

    @Override
    public String inputType() {
        return "categorical";
    }

    @Override
    public int width() {
        return levels.size();
    }

    @Override
    public List<String> outputNames() {
        return levels.stream().map(l -> input + "=" + l).toList();
    }

    @Override
    public void write(Column column, float[] out, int stride, int offset, String source, int[] rowNumbers) {
        CategoricalColumn c = (CategoricalColumn) column;
        // translate the column's own codes to output positions once; -2 marks an unseen category
        List<String> columnLevels = c.levels();
        int[] position = new int[columnLevels.size()];
        for (int i = 0; i < position.length; i++) {
            position[i] = index.getOrDefault(columnLevels.get(i), -2);
        }
        int imputed = impute == null ? -1 : index.get(impute);
        for (int r = 0; r < c.size(); r++) {
            int base = r * stride + offset;
            for (int i = 0; i < levels.size(); i++) {
                out[base + i] = 0f;
            }
            int code = c.code(r);
            int pos;
            if (code < 0) {
                if (imputed < 0) {
                    throw new DataException(source + ", data row " + rowNumbers[r] + ", column '" + input
                            + "': " + NumericTransform.MISSING);
                }
                pos = imputed;
            } else {
                pos = position[code];
            }
            if (pos >= 0) {
                out[base + pos] = 1f;
            } else if (unknown == UnknownCategories.ERROR) {
                throw new DataException(source + ", data row " + rowNumbers[r] + ", column '" + input + "': category '"
                        + columnLevels.get(code) + "' was not seen in training (--unknown ignore encodes it as none)");
            }
        }
    }
}
