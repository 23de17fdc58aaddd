package dev.rareclass.domain.model;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a trainer needs besides the data and its own parameters.
 *
 * @param seed             the only source of randomness: the same seed gives the same model
 * @param classWeights     loss weights per class ({@link ClassWeights#NONE} for unweighted)
 * @param validationX      optional validation features (already preprocessed like the training data),
 *                         for early stopping and learning curves; never used to fit weights
 * @param validationY      labels of {@code validationX}; present exactly when it is
 * @param progress         where to report epochs
 */
public record TrainingContext(long seed, ClassWeights classWeights, Optional<FeatureMatrix> validationX,
                              Optional<Labels> validationY, ProgressListener progress) {

    public TrainingContext {
        Objects.requireNonNull(classWeights, "classWeights");
        Objects.requireNonNull(progress, "progress");
        if (validationX.isPresent() != validationY.isPresent()) {
            throw new IllegalArgumentException("validation features and labels come together");
        }
    }

    /** A context with a seed and nothing else. */
    public static TrainingContext ofSeed(long seed) {
        return new TrainingContext(seed, ClassWeights.NONE, Optional.empty(), Optional.empty(), ProgressListener.NONE);
    }

    public TrainingContext withValidation(FeatureMatrix x, Labels y) {
        return new TrainingContext(seed, classWeights, Optional.of(x), Optional.of(y), progress);
    }

    public TrainingContext withClassWeights(ClassWeights weights) {
        return new TrainingContext(seed, weights, validationX, validationY, progress);
    }

    public TrainingContext withProgress(ProgressListener listener) {
        return new TrainingContext(seed, classWeights, validationX, validationY, listener);
    }
}
