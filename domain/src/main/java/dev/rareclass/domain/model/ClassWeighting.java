package dev.rareclass.domain.model;

import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import java.util.Optional;

/**
 * A {@code --class-weight} choice, parsed and checked once: {@code none}, {@code balanced} (weights computed
 * from the training labels of each fit, as scikit-learn's {@code class_weight="balanced"}), or fixed
 * {@code POS:NEG} weights.
 *
 * @param spec  the choice as written in leaderboards, manifests and model files
 * @param fixed the weights of a {@code POS:NEG} choice; empty for none and balanced
 */
public record ClassWeighting(String spec, Optional<ClassWeights> fixed) {

    public static final ClassWeighting NONE = new ClassWeighting("none", Optional.empty());
    public static final ClassWeighting BALANCED = new ClassWeighting("balanced", Optional.empty());

    /**
     * @throws UsageException naming the choice when it is none of the three forms, or its weights are not
     *                        positive finite numbers
     */
    public static ClassWeighting parse(String text) {
        String s = text == null ? "" : text.trim();
        ClassWeights.requireValidSpec(s);
        if (s.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (s.equalsIgnoreCase("balanced")) {
            return BALANCED;
        }
        return new ClassWeighting(s, Optional.of(ClassWeights.parse(s, null)));
    }

    public boolean isNone() {
        return this.equals(NONE);
    }

    /** The weights for one fit's training labels. */
    public ClassWeights weightsFor(Labels trainingLabels) {
        if (fixed.isPresent()) {
            return fixed.get();
        }
        return this.equals(BALANCED) ? ClassWeights.balanced(trainingLabels) : ClassWeights.NONE;
    }

    @Override
    public String toString() {
        return spec;
    }
}
