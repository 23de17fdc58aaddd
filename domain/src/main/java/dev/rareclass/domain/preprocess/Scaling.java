package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.error.UsageException;
import java.util.Locale;

/** How numeric features are scaled before training; fitted on training rows only. One-hot columns stay 0/1. */
public enum Scaling {
    /** Leave values as they are. */
    NONE("none"),
    /** Subtract the mean and divide by the standard deviation (population, as scikit-learn's StandardScaler). */
    STANDARD("standard"),
    /** Map the training range to [0, 1] (scikit-learn's MinMaxScaler). */
    MIN_MAX("min-max");

    private final String key;

    Scaling(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Scaling fromKey(String key) {
        for (Scaling s : values()) {
            if (s.key.equals(key.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new UsageException("unknown --scale '" + key + "'; known: standard, min-max, none");
    }
}
