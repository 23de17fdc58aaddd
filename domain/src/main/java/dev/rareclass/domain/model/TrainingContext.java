package dev.rareclass.domain.model;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a trainer needs besides the data and its own parameters.
 *
 * @param seed             the only source of randomness: the same seed gives the same model
 * @param classWeights     loss weights per class ({@link ClassWeights#NONE} for unweighted)
 * @param validationX      optional validation features (already preprocessed like the training data),
 *                         for early stopping and learning curves; never used to fit weights
 * @param validationY      labels of {@code validationX}; present exactly when it is
 * @param progress         where to report epochs
 * @param fixedEpochs      train exactly this many epochs (boosting rounds for boosted trees) and stop nothing early:
 *                         the refit on every row after a first fit's early stopping found the count
 *                         ({@link TrainingHistory#bestEpoch()}); empty to train as the parameters say
 */
public record TrainingContext(long seed, ClassWeights classWeights, Optional<FeatureMatrix> validationX,
                              Optional<Labels> validationY, ProgressListener progress, OptionalInt fixedEpochs) {

    public TrainingContext {
        Objects.requireNonNull(classWeights, "classWeights");
        Objects.requireNonNull(progress, "progress");
        if (validationX.isPresent() != validationY.isPresent()) {
            throw new IllegalArgumentException("validation features and labels come together");
        }
        Objects.requireNonNull(fixedEpochs, "fixedEpochs");
        if (fixedEpochs.isPresent() && fixedEpochs.getAsInt() < 1) {
            throw new IllegalArgumentException("fixed epochs must be at least 1, got " + fixedEpochs.getAsInt());
        }
    }

    /** A context with a seed and nothing else. */
    public static TrainingContext ofSeed(long seed) {
        return new TrainingContext(seed, ClassWeights.NONE, Optional.empty(), Optional.empty(), ProgressListener.NONE, OptionalInt.empty());
    }

    public TrainingContext withValidation(FeatureMatrix x, Labels y) {
        return new TrainingContext(seed, classWeights, Optional.of(x), Optional.of(y), progress, fixedEpochs);
    }

    public TrainingContext withClassWeights(ClassWeights weights) {
        return new TrainingContext(seed, weights, validationX, validationY, progress, fixedEpochs);
    }

    public TrainingContext withProgress(ProgressListener listener) {
        return new TrainingContext(seed, classWeights, validationX, validationY, listener, fixedEpochs);
    }

    /**
     * The context a model with its own {@code seed} parameter ({@link Hyperparameters#seed()}) trains in: that seed in
     * place of the run's, or this context when it has none.
     */
    public TrainingContext withSeed(java.util.OptionalLong own) {
        return own.isPresent() ? new TrainingContext(own.getAsLong(), classWeights, validationX, validationY, progress,
                fixedEpochs) : this;
    }

    /** Trains exactly {@code epochs} epochs (or rounds), with no early stopping: see {@link #fixedEpochs}. */
    public TrainingContext withFixedEpochs(int epochs) {
        return new TrainingContext(seed, classWeights, validationX, validationY, progress, OptionalInt.of(epochs));
    }
}
