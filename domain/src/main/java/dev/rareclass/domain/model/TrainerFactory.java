package dev.rareclass.domain.model;

import java.util.Set;

/**
 * Entry point of one classifier on one backend, registered under {@code kind@backend}. Creating a
 * factory must be cheap and must not load native code; only {@link #create} and training may.
 */
public interface TrainerFactory {

    /** The model kind, such as {@code logistic}. */
    String kind();

    /** The backend's name, such as {@code smile}. */
    String backend();

    /** {@code kind@backend}: the name this factory is bound under. */
    default ModelId id() {
        return ModelId.of(kind(), backend());
    }

    /** Parameter names this trainer accepts. */
    Set<String> parameterNames();

    /** Whether {@link TrainingContext#classWeights()} other than uniform are honoured. */
    boolean supportsClassWeights();

    /**
     * True for one-class detectors (the autoencoder): they learn from negative rows only, so the pipeline
     * fits preprocessing on negative training rows and refuses samplers and class weights.
     */
    default boolean learnsFromNegativesOnly() {
        return false;
    }

    /**
     * The share of positives its probabilities describe when the classifier balances the classes inside its own fit,
     * whatever the rows it is given: imbalanced-learn's bagged ensembles under-sample each member's rows to the
     * minority's size, so they learn a world of 0.5. Empty when it learns the share of the rows it is given (after a
     * sampler, weighted by class weights). {@code --deploy-prevalence} moves probabilities from this share.
     */
    default java.util.OptionalDouble learnsPrevalence() {
        return java.util.OptionalDouble.empty();
    }

    /**
     * True when the trainer reads a matrix's sparse companion ({@code FeatureMatrix.sparse()}, such as words
     * of a text column) directly; others get it as dense 0/1 columns.
     */
    default boolean readsSparseFeatures() {
        return false;
    }

    /**
     * True when the classifiers it trains are bagged ensembles offering their training rows' out-of-bag scores
     * ({@link TrainedClassifier#outOfBagScores}): the pipeline then chooses the threshold on those, with one fit on
     * every row instead of a hold-out and a refit.
     */
    default boolean offersOutOfBagScores() {
        return false;
    }

    /**
     * Starts loading, on a background thread, what this trainer's first training will need (native libraries),
     * and returns at once, so that the loading overlaps reading the data. Nothing to load by default.
     */
    default void warmUp() {
    }

    /** Validates the parameters (a {@code UsageException} names the bad one) and returns a trainer. */
    ClassifierTrainer create(Hyperparameters params);
}
