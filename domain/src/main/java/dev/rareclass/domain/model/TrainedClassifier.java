package dev.rareclass.domain.model;

import dev.rareclass.domain.data.FeatureMatrix;
import java.util.Optional;

/**
 * An immutable trained model from one backend. It only scores; the threshold and the label mapping
 * live outside, in the domain's {@code FittedPipeline}, so every backend is judged the same way.
 */
public interface TrainedClassifier {

    /** The model kind, such as {@code mlp}. */
    String kind();

    /** The backend's name, such as {@code dl4j}. */
    String backend();

    /** {@code kind@backend}. */
    default ModelId id() {
        return ModelId.of(kind(), backend());
    }

    /** The parameters it was trained with, as given (defaults filled in where the backend resolves them). */
    Hyperparameters params();

    /** One score per row: higher means more likely positive. Must be thread-safe. */
    double[] scores(FeatureMatrix x);

    ScoreKind scoreKind();

    /** True when {@link #scores} reads a matrix's sparse companion; otherwise it gets dense 0/1 columns. */
    default boolean readsSparseFeatures() {
        return false;
    }

    /**
     * For a model whose score rises with one linear function of the features it reads (a logistic regression): the
     * weight of each feature, in the order it reads them (the dense columns, then a sparse companion's), as
     * scikit-learn's {@code coef_}; empty for every other model.
     */
    default Optional<double[]> linearWeights() {
        return Optional.empty();
    }

    /** Per-epoch numbers for iteratively trained models. */
    default Optional<TrainingHistory> history() {
        return Optional.empty();
    }

    /**
     * For a bagged ensemble just trained: each training row's out-of-bag score, from the members whose sample did not
     * draw the row, as {@link #scores} would give it from those members alone (Breiman 2001; scikit-learn's
     * {@code oob_decision_function_}). One per training row, in the order of the rows it was trained on; NaN for a row
     * every member drew. No member that scored a row had seen it, so the pipeline may choose a threshold on these
     * instead of on a hold-out. Not part of the model: a model read back from a file has none. Empty by default.
     */
    default Optional<double[]> outOfBagScores() {
        return Optional.empty();
    }

    /** A few human-readable lines: structure, sizes, parameter counts. */
    String summary();
}
