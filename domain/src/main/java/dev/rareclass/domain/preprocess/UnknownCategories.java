package dev.rareclass.domain.preprocess;

/** What one-hot encoding does with a category never seen in training ({@code --unknown}). */
public enum UnknownCategories implements OptionValue {
    /** Encode it as all zeros, as scikit-learn's {@code handle_unknown="ignore"} (the default). */
    IGNORE,
    /** Refuse the row, naming row, column and value. */
    ERROR;

    public static UnknownCategories fromKey(String key) {
        return OptionValue.parse(UnknownCategories.class, key, "--unknown");
    }
}
