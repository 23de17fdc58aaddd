package dev.rareclass.domain.preprocess;

import java.util.Objects;

/**
 * How raw columns become the numeric features a trainer sees; everything is fitted on training rows.
 *
 * @param scaling scaling of numeric columns
 * @param missing imputation of missing values ({@link MissingPolicy#ERROR} and {@link MissingPolicy#DROP} act when reading)
 * @param unknown what one-hot encoding does with categories unseen in training
 */
public record PreprocessingSpec(Scaling scaling, MissingPolicy missing, UnknownCategories unknown) {

    public static final PreprocessingSpec STANDARD = new PreprocessingSpec(Scaling.STANDARD, MissingPolicy.ERROR,
            UnknownCategories.IGNORE);

    public PreprocessingSpec {
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(unknown, "unknown");
    }
}
