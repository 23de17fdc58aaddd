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
}
