package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.error.UsageException;
import java.util.Locale;

/**
 * What to do with missing values ({@code --missing}). Imputed values are fitted on training rows and
 * stored with the model, as scikit-learn's SimpleImputer. Categorical columns always impute their most
 * frequent category (a mean of categories does not exist).
 */
public enum MissingPolicy {
    /** Refuse the table, naming the row and column (the default). */
    ERROR("error"),
    /** Drop rows that have a missing value, when reading. */
    DROP("drop"),
    MEAN("mean"),
    MEDIAN("median"),
    /** The most frequent value; ties go to the smallest, as scikit-learn. */
    MOST_FREQUENT("most-frequent");

    private final String key;

    MissingPolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean imputes() {
        return this == MEAN || this == MEDIAN || this == MOST_FREQUENT;
    }

    public static MissingPolicy fromKey(String key) {
        for (MissingPolicy p : values()) {
            if (p.key.equals(key.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new UsageException("unknown --missing '" + key + "'; known: error, drop, mean, median, most-frequent");
    }
}
