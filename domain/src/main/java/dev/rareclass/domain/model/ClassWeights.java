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

    /** Resolves a {@code --class-weight} spec against training labels; a bad spec is a usage error naming it. */
    public static ClassWeights parse(String spec, Labels trainingLabels) {
        String s = spec.trim();
        if (s.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (s.equalsIgnoreCase("balanced")) {
            return balanced(trainingLabels);
        }
        double[] pair = pair(spec);
        return new ClassWeights(pair[0], pair[1]);
    }

    /**
     * Checks a {@code --class-weight} spec without training labels (none, balanced, or POS:NEG with two positive
     * finite numbers), so that a mistake fails before any work rather than in the first fold.
     *
     * @throws UsageException naming the spec when it is none of these
     */
    public static void requireValidSpec(String spec) {
        String s = spec.trim();
        if (!s.equalsIgnoreCase("none") && !s.equalsIgnoreCase("balanced")) {
            pair(spec);
        }
    }

    /** The two weights of a {@code POS:NEG} spec, each a positive finite decimal number. */
    private static double[] pair(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new UsageException("class weight '" + spec + "' is not none, balanced or POS:NEG (such as 10:1)");
        }
        double[] w = {weight(spec, s.substring(0, colon)), weight(spec, s.substring(colon + 1))};
        // further apart, the weighted positive share rounds to 0 or 1 (1e17:1 on 400 rows), and XGBoost's float
        // scale_pos_weight overflows (1e300:1)
        if (Math.max(w[0], w[1]) / Math.min(w[0], w[1]) > MAX_RATIO) {
            throw new UsageException("class weight '" + spec + "': the two weights are more than 1e12 apart; "
                    + "'balanced' weighs each class by its inverse share");
        }
        return w;
    }

    /** The furthest apart the two weights of {@code POS:NEG} may be. */
    static final double MAX_RATIO = 1e12;

    private static double weight(String spec, String text) {
        String t = text.trim();
        double v;
        try {
            v = dev.rareclass.domain.data.Decimals.parse(t);
        } catch (NumberFormatException e) {
            throw new UsageException("class weight '" + spec + "' is not none, balanced or POS:NEG (such as 10:1); '"
                    + t + "' is not a number");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new UsageException("class weight '" + spec + "': each weight of POS:NEG must be positive and finite, got '"
                    + t + "'");
        }
        return v;
    }
}
