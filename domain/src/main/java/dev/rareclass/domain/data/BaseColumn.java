package dev.rareclass.domain.data;

/**
 * What every {@link Column} shares: its name, its number of rows and the count of its missing values, so that
 * each column type only says how it stores values and which of them are missing.
 */
abstract sealed class BaseColumn permits NumericColumn, CategoricalColumn, TextColumn {
    private final String name;
    private final int size;

    BaseColumn(String name, int size) {
        this.name = name;
        this.size = size;
    }

    public final String name() {
        return name;
    }

    public final int size() {
        return size;
    }

    /** Whether the value of a row is missing (NaN, code -1 or null, by type). */
    abstract boolean isMissing(int row);

    /** Number of missing values. */
    public final int missing() {
        int n = 0;
        for (int row = 0; row < size; row++) {
            if (isMissing(row)) {
                n++;
            }
        }
        return n;
    }
}
