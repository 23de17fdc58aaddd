package dev.rareclass.domain.preprocess;

/**
 * What to do with missing values ({@code --missing}). Imputed values are fitted on training rows and
 * stored with the model, as scikit-learn's SimpleImputer. Categorical columns always impute their most
 * frequent category (a mean of categories does not exist).
 */
public enum MissingPolicy implements OptionValue {
    /** Refuse the table, naming the row and column (the default). */
    ERROR,
    /** Drop rows that have a missing value, when reading. */
    DROP,
    MEAN,
    MEDIAN,
    /** The most frequent value; ties go to the smallest, as scikit-learn. */
    MOST_FREQUENT;

    public boolean imputes() {
        return this == MEAN || this == MEDIAN || this == MOST_FREQUENT;
    }

    public static MissingPolicy fromKey(String key) {
        return OptionValue.parse(MissingPolicy.class, key, "--missing");
    }

    /** The note a reader leaves in a table when {@link #DROP} left rows out of it. */
    public static String droppedNote(int rows) {
        return rows + DROPPED;
    }

    /**
     * The rows a table's note says {@link #DROP} left out ({@link #droppedNote}), or -1 for any other note: a command
     * that writes one line per row (predict) warns of them, where a note would be silenced by {@code --quiet}.
     */
    public static int droppedIn(String note) {
        if (!note.endsWith(DROPPED)) {
            return -1;
        }
        try {
            return Integer.parseInt(note.substring(0, note.length() - DROPPED.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final String DROPPED = " rows with missing values dropped (--missing drop)";
}
