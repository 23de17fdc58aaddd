package dev.rareclass.smile;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Validated parameters of {@code rus-boost@smile} (Seiffert, Khoshgoftaar, Van Hulse and Napolitano, "RUSBoost: A
 * Hybrid Approach to Alleviating Class Imbalance", IEEE TSMC-A 40(1), 2010; imbalanced-learn's
 * {@code RUSBoostClassifier}). The defaults are imbalanced-learn 0.10's: 50 rounds of SAMME.R over stumps, learning
 * rate 1. As for {@code easy-ensemble@smile}, the trees are {@link WeightedTree}s fitted on the real boosting weights
 * and only the depth bounds them: there is no {@code node-size} or {@code max-nodes}.
 *
 * @param trees        boosting rounds ({@code trees}, default 50); the model stops earlier when a round classifies
 *                     every row correctly, as imblearn's does
 * @param learningRate shrinks each round's weight update ({@code learning-rate}, in (0, 1], default 1)
 * @param maxDepth     maximum depth of each tree, counted as scikit-learn does ({@code max-depth}, default 1: a stump)
 * @param seed         the model's own seed ({@code seed}); empty (the default) takes the run's, as on every
 *                     kind whose fit draws random numbers
 */
public record RusBoostParams(int trees, double learningRate, int maxDepth, OptionalLong seed) implements SmileTreeParams {

    /** Parameter names {@code rus-boost@smile} accepts. */
    public static final Set<String> NAMES = Set.of(TREES, GradientBoostingParams.LEARNING_RATE, MAX_DEPTH, Hyperparameters.SEED);

    public static final RusBoostParams DEFAULTS = new RusBoostParams(50, 1.0, 1);

    public RusBoostParams {
        if (trees < 1 || !(learningRate > 0 && learningRate <= 1) || maxDepth < 1
                || maxDepth > GradientBoostingParams.MAX_TREE_DEPTH) {
            throw new IllegalArgumentException("invalid rus-boost parameters: trees=" + trees + " learning-rate="
                    + learningRate + " max-depth=" + maxDepth);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** Without a seed of its own: the run's. */
    public RusBoostParams(int trees, double learningRate, int maxDepth) {
        this(trees, learningRate, maxDepth, OptionalLong.empty());
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static RusBoostParams of(Hyperparameters p) {
        p.requireKnown(NAMES, SmileKind.RUS_BOOST.model);
        int trees = p.integer(TREES, DEFAULTS.trees, 1, 100_000);
        double learningRate = p.positiveFraction(GradientBoostingParams.LEARNING_RATE, DEFAULTS.learningRate);
        int maxDepth = p.integer(MAX_DEPTH, DEFAULTS.maxDepth, 1, GradientBoostingParams.MAX_TREE_DEPTH);
        return new RusBoostParams(trees, learningRate, maxDepth, p.seed());
    }

    /** The values as parameters. */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TREES, Integer.toString(trees));
        m.put(GradientBoostingParams.LEARNING_RATE, Double.toString(learningRate));
        m.put(MAX_DEPTH, Integer.toString(maxDepth));
        SmileParams.putSeed(m, seed);
        return Hyperparameters.of(m);
    }
}
