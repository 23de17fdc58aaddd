package dev.rareclass.domain.preprocess;

import java.util.Objects;

/**
 * How raw columns become the numeric features a trainer sees; everything is fitted on training rows.
 *
 * @param scaling scaling of numeric columns
 * @param missing imputation of missing values ({@link MissingPolicy#ERROR} and {@link MissingPolicy#DROP} act when reading)
 * @param unknown what one-hot encoding does with categories unseen in training
 * @param vocabulary how many words a text column keeps: those in most training documents
 *                   ({@value #DEFAULT_VOCABULARY} by default, as scikit-learn's {@code max_features} in the
 *                   reference experiments)
 */
public record PreprocessingSpec(Scaling scaling, MissingPolicy missing, UnknownCategories unknown, int vocabulary) {

    /** The default number of words per text column. */
    public static final int DEFAULT_VOCABULARY = 10_000;

    public static final PreprocessingSpec STANDARD = new PreprocessingSpec(Scaling.STANDARD, MissingPolicy.ERROR,
            UnknownCategories.IGNORE, DEFAULT_VOCABULARY);

    public PreprocessingSpec {
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(unknown, "unknown");
        if (vocabulary < 1) {
            throw new IllegalArgumentException("vocabulary size " + vocabulary + " below 1");
        }
    }

    /** With the default vocabulary size. */
    public PreprocessingSpec(Scaling scaling, MissingPolicy missing, UnknownCategories unknown) {
        this(scaling, missing, unknown, DEFAULT_VOCABULARY);
    }

    /** This spec with another vocabulary size. */
    public PreprocessingSpec withVocabulary(int words) {
        return new PreprocessingSpec(scaling, missing, unknown, words);
    }
}
