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
        if (s.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (s.equalsIgnoreCase("balanced")) {
            return BALANCED;
        }
        int colon = s.indexOf(':');
        if (colon > 0 && colon == s.lastIndexOf(':')) {
            try {
                ClassWeights w = new ClassWeights(Double.parseDouble(s.substring(0, colon)),
                        Double.parseDouble(s.substring(colon + 1)));
                return new ClassWeighting(s, Optional.of(w));
            } catch (NumberFormatException e) {
                // the usage message below
            }
        }
        throw new UsageException("class weight '" + text + "' is not none, balanced or POS:NEG with positive numbers "
                + "(such as 10:1)");
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
