package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.error.UsageException;
import java.util.Locale;

/** What one-hot encoding does with a category never seen in training ({@code --unknown}). */
public enum UnknownCategories {
    /** Encode it as all zeros, as scikit-learn's {@code handle_unknown="ignore"} (the default). */
    IGNORE("ignore"),
    /** Refuse the row, naming row, column and value. */
    ERROR("error");

    private final String key;

    UnknownCategories(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static UnknownCategories fromKey(String key) {
        for (UnknownCategories u : values()) {
            if (u.key.equals(key.toLowerCase(Locale.ROOT))) {
                return u;
            }
        }
        throw new UsageException("unknown --unknown '" + key + "'; known: ignore, error");
    }
}
