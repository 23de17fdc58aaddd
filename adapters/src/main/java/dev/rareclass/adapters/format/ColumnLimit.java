package dev.rareclass.adapters.format;

import dev.rareclass.domain.error.DataException;
import java.util.Locale;

/**
 * The most columns a table may have, the same for every reader (CSV, TSV and tab fields in a row, ARFF attributes,
 * LibSVM feature indices), refused in the same words. Every column is held densely (an object, a name and a float a
 * row), so 100,000 columns already take 400 KB a row; and a tiny LibSVM file naming feature 20,000,000 allocated
 * gigabytes and ran for minutes (found by fuzzing). 100,000 columns of 200 rows were measured at 6 s and 1 GB to
 * describe, 14 s to train a logistic regression. Wider and sparser data (word counts) belongs in a text column or
 * {@code --format text}, which keep it sparse. Before, CSV stopped at FastCSV's default of 16,384 fields, LibSVM at
 * 100,000 features, and ARFF not at all.
 */
public final class ColumnLimit {

    /** The most columns a table may have. */
    public static final int MAX_COLUMNS = 100_000;

    private ColumnLimit() {
    }

    /** The refusal of a table with more than {@link #MAX_COLUMNS} columns, found on {@code line} of {@code file}. */
    public static DataException exceeded(String file, long line) {
        return DataException.at(file, line, null, String.format(Locale.ROOT, "more than %,d columns, the most a table "
                + "may have (each is held densely; for word counts, use a text column or --format text, which keep "
                + "them sparse)", MAX_COLUMNS));
    }
}
