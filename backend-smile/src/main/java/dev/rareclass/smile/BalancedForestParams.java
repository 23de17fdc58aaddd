package dev.rareclass.smile;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import smile.model.cart.SplitRule;

/**
 * Validated parameters of {@code balanced-random-forest@smile} (Chen, Liaw and Breiman, "Using Random Forest to Learn
 * Imbalanced Data", 2004; imbalanced-learn's {@code BalancedRandomForestClassifier}). The names and their meanings
 * are {@code random-forest@smile}'s ({@link RandomForestParams}); the defaults are imbalanced-learn 0.10's: 100 fully
 * grown Gini trees, {@code max_features='sqrt'}, one row per leaf allowed.
 *
 * @param trees     number of trees ({@code trees}, default 100)
 * @param mtry      features tried at each split ({@code mtry}); 0 means {@code floor(sqrt(d))}, resolved when the
 *                  column count is known
 * @param maxDepth  maximum tree depth counted as scikit-learn does, splits from the root to a leaf, as
 *                  {@code random-forest@smile}'s ({@code max-depth}, default and most 199)
 * @param maxNodes  maximum leaves per tree ({@code max-nodes}); 0 (the default) means no limit
 * @param nodeSize  minimum rows in a leaf ({@code node-size}, default 1), a row drawn twice counting twice
 * @param splitRule impurity used to choose splits ({@code split-rule}: gini, entropy, classification_error;
 *                  default gini)
 * @param seed      the model's own seed ({@code seed}); empty (the default) takes the run's, as on every
 *                  kind whose fit draws random numbers
 */
public record BalancedForestParams(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, SplitRule splitRule,
                                   OptionalLong seed) implements SmileTreeParams {

    /** Parameter names {@code balanced-random-forest@smile} accepts. */
    public static final Set<String> NAMES = Set.of(TREES, RandomForestParams.MTRY, MAX_DEPTH, MAX_NODES, NODE_SIZE,
            RandomForestParams.SPLIT_RULE, Hyperparameters.SEED);

    public static final BalancedForestParams DEFAULTS = new BalancedForestParams(100, 0, DecisionTreeParams.MAX_TREE_DEPTH,
            0, 1, SplitRule.GINI);

    public BalancedForestParams {
        if (trees < 1 || mtry < 0 || maxDepth < 1 || maxDepth > DecisionTreeParams.MAX_TREE_DEPTH
                || (maxNodes != 0 && maxNodes < 2) || nodeSize < 1 || splitRule == null) {
            throw new IllegalArgumentException("invalid balanced random forest parameters: trees=" + trees + " mtry=" + mtry
                    + " max-depth=" + maxDepth + " max-nodes=" + maxNodes + " node-size=" + nodeSize
                    + " split-rule=" + splitRule);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** Without a seed of its own: the run's. */
    public BalancedForestParams(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, SplitRule splitRule) {
        this(trees, mtry, maxDepth, maxNodes, nodeSize, splitRule, OptionalLong.empty());
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static BalancedForestParams of(Hyperparameters p) {
        p.requireKnown(NAMES, SmileKind.BALANCED_RANDOM_FOREST.model);
        int trees = p.integer(TREES, DEFAULTS.trees, 1, 100_000);
        int mtry = p.integer(RandomForestParams.MTRY, DEFAULTS.mtry, 1, Integer.MAX_VALUE);
        int maxDepth = p.integer(MAX_DEPTH, DEFAULTS.maxDepth, 1, DecisionTreeParams.MAX_TREE_DEPTH);
        int maxNodes = p.integer(MAX_NODES, DEFAULTS.maxNodes, 2, Integer.MAX_VALUE);
        int nodeSize = p.integer(NODE_SIZE, DEFAULTS.nodeSize, 1, Integer.MAX_VALUE);
        String rule = p.choice(RandomForestParams.SPLIT_RULE, DEFAULTS.splitRule.name().toLowerCase(Locale.ROOT),
                Set.of("gini", "entropy", "classification_error"));
        return new BalancedForestParams(trees, mtry, maxDepth, maxNodes, nodeSize, SplitRule.valueOf(rule.toUpperCase(Locale.ROOT)),
                p.seed());
    }

    /** This record with {@code mtry} resolved for {@code d} columns (a {@code UsageException} if it exceeds them). */
    BalancedForestParams resolvedFor(int d) {
        int resolved = new RandomForestParams(1, mtry, maxDepth, maxNodes, nodeSize, 1.0, splitRule).mtryFor(d);
        return new BalancedForestParams(trees, resolved, maxDepth, maxNodes, nodeSize, splitRule, seed);
    }

    /** The values as parameters; {@code mtry} and {@code max-nodes} are left out while they mean their defaults. */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TREES, Integer.toString(trees));
        if (mtry > 0) {
            m.put(RandomForestParams.MTRY, Integer.toString(mtry));
        }
        SmileTreeParams.putTreeShape(m, maxDepth, maxNodes, nodeSize);
        m.put(RandomForestParams.SPLIT_RULE, splitRule.name().toLowerCase(Locale.ROOT));
        SmileParams.putSeed(m, seed);
        return Hyperparameters.of(m);
    }
}
