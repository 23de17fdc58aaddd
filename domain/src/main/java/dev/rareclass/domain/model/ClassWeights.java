package dev.rareclass.domain.model;

import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;

/**
 * Per-class loss weights: {@code none} (1:1), {@code balanced} ({@code n / (2 · count)} per class, as
 * scikit-learn's {@code class_weight="balanced"}), or an explicit {@code POS:NEG} pair.
 *
 * @param positive weight of positive rows
 * @param negative weight of negative rows
 */
public record ClassWeights(double positive, double negative) {

    public static final ClassWeights NONE = new ClassWeights(1, 1);

    public ClassWeights {
        if (!(positive > 0 && negative > 0) || Double.isInfinite(positive) || Double.isInfinite(negative)) {
            throw new UsageException("class weights must be positive and finite, got " + positive + ":" + negative);
        }
    }

    public boolean isUniform() {
        return positive == negative;
    }

    /** The {@code balanced} weights for these labels. */
    public static ClassWeights balanced(Labels y) {
        if (!y.hasBothClasses()) {
            throw new UsageException("balanced class weights need both classes in the training data");
        }
        double n = y.size();
        return new ClassWeights(n / (2.0 * y.positives()), n / (2.0 * y.negatives()));
    }

    /** Resolves a {@code --class-weight} spec against training labels ({@link ClassWeighting} parses it). */
    public static ClassWeights parse(String spec, Labels trainingLabels) {
        return ClassWeighting.parse(spec).weightsFor(trainingLabels);
    }
}
