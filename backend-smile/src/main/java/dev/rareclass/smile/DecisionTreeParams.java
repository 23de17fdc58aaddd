package dev.rareclass.smile;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import smile.model.cart.SplitRule;

/**
 * Validated parameters of {@code decision-tree@smile}, one CART tree (Breiman, Friedman, Olshen and Stone,
 * 1984) mapped onto Smile's {@code DecisionTree}. Defaults are scikit-learn's {@code DecisionTreeClassifier}
 * (a fully grown tree, one row per leaf allowed, Gini), not Smile's (depth 20, five rows per leaf).
 *
 * @param maxDepth  maximum depth counted as scikit-learn does, splits from the root to a leaf ({@code max-depth},
 *                  default and most 199, so that Smile's depth, which counts the root as 1, stays within the
 *                  codec's nesting bound of 200), as every tree kind's {@code max-depth}.
 * @param maxNodes  maximum leaves ({@code max-nodes}); 0 (the default) means no limit
 * @param nodeSize  minimum rows in a leaf ({@code node-size}, default 1)
 * @param splitRule impurity used to choose splits ({@code split-rule}: gini, entropy, classification_error;
 *                  default gini)
 * @param seed      {@code seed}, taken as every kind takes it, so that one {@code --param seed=N} reaches every
 *                  model of a comparison; recorded, and it changes nothing here: the fit draws no random numbers
 */
public record DecisionTreeParams(int maxDepth, int maxNodes, int nodeSize, SplitRule splitRule, OptionalLong seed)
        implements SmileTreeParams {

    static final String SPLIT_RULE = "split-rule";

    /** Parameter names {@code decision-tree@smile} accepts. */
    public static final Set<String> NAMES = Set.of(MAX_DEPTH, MAX_NODES, NODE_SIZE, SPLIT_RULE, Hyperparameters.SEED);

    /** Deepest tree allowed, as scikit-learn counts depth. */
    static final int MAX_TREE_DEPTH = RandomForestParams.MAX_TREE_DEPTH - 1;

    public static final DecisionTreeParams DEFAULTS = new DecisionTreeParams(MAX_TREE_DEPTH, 0, 1, SplitRule.GINI);

    public DecisionTreeParams {
        if (maxDepth < 1 || maxDepth > MAX_TREE_DEPTH || (maxNodes != 0 && maxNodes < 2)
                || nodeSize < 1 || splitRule == null) {
            throw new IllegalArgumentException("invalid decision tree parameters: max-depth=" + maxDepth
                    + " max-nodes=" + maxNodes + " node-size=" + nodeSize + " split-rule=" + splitRule);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** Without a seed. */
    public DecisionTreeParams(int maxDepth, int maxNodes, int nodeSize, SplitRule splitRule) {
        this(maxDepth, maxNodes, nodeSize, splitRule, OptionalLong.empty());
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static DecisionTreeParams of(Hyperparameters p) {
        p.requireKnown(NAMES, SmileKind.DECISION_TREE.model);
        int maxDepth = p.integer(MAX_DEPTH, DEFAULTS.maxDepth, 1, MAX_TREE_DEPTH);
        int maxNodes = p.integer(MAX_NODES, DEFAULTS.maxNodes, 2, Integer.MAX_VALUE);
        int nodeSize = p.integer(NODE_SIZE, DEFAULTS.nodeSize, 1, Integer.MAX_VALUE);
        String rule = p.choice(SPLIT_RULE, DEFAULTS.splitRule.name().toLowerCase(Locale.ROOT),
                Set.of("gini", "entropy", "classification_error"));
        return new DecisionTreeParams(maxDepth, maxNodes, nodeSize, SplitRule.valueOf(rule.toUpperCase(Locale.ROOT)),
                p.seed());
    }

    /** Smile's depth limit: its root is at depth 1. */
    int smileMaxDepth() {
        return maxDepth + 1;
    }

    /** Smile's leaf limit: no limit is {@code Integer.MAX_VALUE}. */
    int smileMaxNodes() {
        return maxNodes == 0 ? Integer.MAX_VALUE : maxNodes;
    }

    /** The values as parameters; {@code max-nodes} is left out while it means no limit. */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        SmileTreeParams.putTreeShape(m, maxDepth, maxNodes, nodeSize);
        m.put(SPLIT_RULE, splitRule.name().toLowerCase(Locale.ROOT));
        SmileParams.putSeed(m, seed);
        return Hyperparameters.of(m);
    }
}
