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
 * @param maxCategories the most distinct training values a categorical column may have: one more is refused when
 *                   the preprocessing is fitted, before any one-hot column is made ({@value #DEFAULT_MAX_CATEGORIES}
 *                   by default)
 */
public record PreprocessingSpec(Scaling scaling, MissingPolicy missing, UnknownCategories unknown, int vocabulary,
                                int maxCategories) {

    /** The default number of words per text column. */
    public static final int DEFAULT_VOCABULARY = 10_000;

    /**
     * The default cap on a categorical column's distinct training values. One-hot columns are dense: each level
     * costs 4 bytes in every training row, so 1,000 levels over 100,000 rows already take 400 MB, and an ID
     * column (one value per row) grows with the square of the rows (100,000 rows: 40 GB, past an int's reach).
     * A level seen in a handful of rows teaches a model nothing it can use on new rows, so a column past 1,000
     * levels is almost always an ID, a timestamp or free text left in the table, not a category.
     */
    public static final int DEFAULT_MAX_CATEGORIES = 1_000;

    public static final PreprocessingSpec STANDARD = new PreprocessingSpec(Scaling.STANDARD, MissingPolicy.ERROR,
            UnknownCategories.IGNORE, DEFAULT_VOCABULARY, DEFAULT_MAX_CATEGORIES);

    public PreprocessingSpec {
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(unknown, "unknown");
        if (vocabulary < 1) {
            throw new IllegalArgumentException("vocabulary size " + vocabulary + " below 1");
        }
        if (maxCategories < 1) {
            throw new IllegalArgumentException("category limit " + maxCategories + " below 1");
        }
    }

    /** With the default category limit. */
    public PreprocessingSpec(Scaling scaling, MissingPolicy missing, UnknownCategories unknown, int vocabulary) {
        this(scaling, missing, unknown, vocabulary, DEFAULT_MAX_CATEGORIES);
    }

    /** With the default vocabulary size and category limit. */
    public PreprocessingSpec(Scaling scaling, MissingPolicy missing, UnknownCategories unknown) {
        this(scaling, missing, unknown, DEFAULT_VOCABULARY);
    }

    /** This spec with another vocabulary size. */
    public PreprocessingSpec withVocabulary(int words) {
        return new PreprocessingSpec(scaling, missing, unknown, words, maxCategories);
    }

    /** This spec with another cap on a categorical column's distinct training values. */
    public PreprocessingSpec withMaxCategories(int levels) {
        return new PreprocessingSpec(scaling, missing, unknown, vocabulary, levels);
    }
}
