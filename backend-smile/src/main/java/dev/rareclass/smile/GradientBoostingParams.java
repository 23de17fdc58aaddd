package dev.rareclass.smile;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import smile.classification.GradientTreeBoost;

/**
 * Validated parameters of {@code gradient-boosting@smile} (Friedman, "Greedy Function Approximation: A
 * Gradient Boosting Machine", Annals of Statistics 29(5), 2001), mapped onto Smile's
 * {@code GradientTreeBoost.Options}. The names are the shared vocabulary of the boosted kinds; the defaults
 * are scikit-learn's {@code GradientBoostingClassifier} (100 trees of depth 3, learning rate 0.1, no
 * subsampling, one row per leaf allowed), not Smile's (500 trees, depth 20, 6 leaves, 5 rows, subsample 0.7).
 *
 * @param trees        boosting rounds ({@code trees}, default 100)
 * @param maxDepth     maximum depth of each regression tree ({@code max-depth}, default 3; Smile counts the
 *                     root as depth 1, so its {@code maxDepth} is this plus one)
 * @param maxNodes     maximum leaves per tree ({@code max-nodes}); 0 (the default) means no limit but the depth's
 * @param nodeSize     minimum rows in a leaf ({@code node-size}, default 1)
 * @param learningRate shrinkage of each tree's contribution ({@code learning-rate}, default 0.1)
 * @param subsample    fraction of the rows, drawn without replacement, that grows each tree ({@code subsample},
 *                     default 1.0: all rows, no randomness)
 * @param seed         seeds the draws of {@code subsample} ({@code seed}); empty (the default) takes the run's seed,
 *                     as {@code gradient-boosting@xgboost}'s, so that a command or recipe naming it runs on either
 */
public record GradientBoostingParams(int trees, int maxDepth, int maxNodes, int nodeSize, double learningRate,
                                     double subsample, java.util.OptionalLong seed) implements SmileTreeParams {

    static final String LEARNING_RATE = "learning-rate";
    static final String SUBSAMPLE = "subsample";
    static final String SEED = Hyperparameters.SEED;

    /** Parameter names {@code gradient-boosting@smile} accepts. */
    public static final Set<String> NAMES = Set.of(TREES, MAX_DEPTH, MAX_NODES, NODE_SIZE, LEARNING_RATE, SUBSAMPLE,
            SEED);

    /** Deepest tree allowed: one less than the forest's bound, since Smile's depth counts the root. */
    static final int MAX_TREE_DEPTH = RandomForestParams.MAX_TREE_DEPTH - 1;

    public static final GradientBoostingParams DEFAULTS = new GradientBoostingParams(100, 3, 0, 1, 0.1, 1.0);

    public GradientBoostingParams {
        if (trees < 1 || maxDepth < 1 || maxDepth > MAX_TREE_DEPTH || (maxNodes != 0 && maxNodes < 2) || nodeSize < 1
                || !(learningRate > 0 && learningRate <= 1) || !(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("invalid gradient boosting parameters: trees=" + trees + " max-depth="
                    + maxDepth + " max-nodes=" + maxNodes + " node-size=" + nodeSize + " learning-rate=" + learningRate
                    + " subsample=" + subsample);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** Without a seed of its own: the run's. */
    public GradientBoostingParams(int trees, int maxDepth, int maxNodes, int nodeSize, double learningRate,
                                  double subsample) {
        this(trees, maxDepth, maxNodes, nodeSize, learningRate, subsample, java.util.OptionalLong.empty());
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static GradientBoostingParams of(Hyperparameters p) {
        p.requireKnown(NAMES, SmileKind.GRADIENT_BOOSTING.model);
        int trees = p.integer(TREES, DEFAULTS.trees, 1, 100_000);
        int maxDepth = p.integer(MAX_DEPTH, DEFAULTS.maxDepth, 1, MAX_TREE_DEPTH);
        int maxNodes = p.integer(MAX_NODES, DEFAULTS.maxNodes, 2, Integer.MAX_VALUE);
        int nodeSize = p.integer(NODE_SIZE, DEFAULTS.nodeSize, 1, Integer.MAX_VALUE);
        double learningRate = p.positiveFraction(LEARNING_RATE, DEFAULTS.learningRate);
        double subsample = p.positiveFraction(SUBSAMPLE, DEFAULTS.subsample);
        return new GradientBoostingParams(trees, maxDepth, maxNodes, nodeSize, learningRate, subsample, p.seed());
    }

    /** Smile's options: its depth counts the root (a stump is depth 2), and no leaf limit is the largest int. */
    GradientTreeBoost.Options toOptions() {
        return new GradientTreeBoost.Options(trees, maxDepth + 1, maxNodes == 0 ? Integer.MAX_VALUE : maxNodes,
                nodeSize, learningRate, subsample, null, null);
    }

    /** The values as parameters; {@code max-nodes} is left out while it means no limit. */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TREES, Integer.toString(trees));
        SmileTreeParams.putTreeShape(m, maxDepth, maxNodes, nodeSize);
        m.put(LEARNING_RATE, Double.toString(learningRate));
        m.put(SUBSAMPLE, Double.toString(subsample));
        seed.ifPresent(s -> m.put(SEED, Long.toString(s)));
        return Hyperparameters.of(m);
    }
}
