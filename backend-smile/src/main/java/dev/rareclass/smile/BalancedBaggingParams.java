package dev.rareclass.smile;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import smile.model.cart.SplitRule;

/**
 * Validated parameters of {@code balanced-bagging@smile} (bagging with under-sampling: Hido and Kashima, "Roughly
 * Balanced Bagging for Imbalanced Data", 2009; imbalanced-learn's {@code BalancedBaggingClassifier}). Each bag's tree
 * takes {@code decision-tree@smile}'s names and meanings ({@link DecisionTreeParams}); the defaults are imbalanced-learn
 * 0.10's: 10 bags, each a fully grown Gini tree on every feature.
 *
 * @param trees     number of bags, one tree each ({@code trees}, default 10: imblearn's {@code n_estimators})
 * @param maxDepth  maximum depth of each tree counted as scikit-learn does, as {@code decision-tree@smile}'s
 *                  ({@code max-depth}, default and most 199)
 * @param maxNodes  maximum leaves per tree ({@code max-nodes}); 0 (the default) means no limit
 * @param nodeSize  minimum rows in a leaf ({@code node-size}, default 1), a row drawn twice counting twice
 * @param splitRule impurity used to choose splits ({@code split-rule}: gini, entropy, classification_error;
 *                  default gini)
 * @param seed      the model's own seed ({@code seed}); empty (the default) takes the run's, as on every
 *                  kind whose fit draws random numbers
 */
public record BalancedBaggingParams(int trees, int maxDepth, int maxNodes, int nodeSize, SplitRule splitRule,
                                    OptionalLong seed) implements SmileTreeParams {

    /** Parameter names {@code balanced-bagging@smile} accepts. */
    public static final Set<String> NAMES = Set.of(TREES, MAX_DEPTH, MAX_NODES, NODE_SIZE, DecisionTreeParams.SPLIT_RULE,
            Hyperparameters.SEED);

    public static final BalancedBaggingParams DEFAULTS = new BalancedBaggingParams(10, DecisionTreeParams.MAX_TREE_DEPTH,
            0, 1, SplitRule.GINI);

    public BalancedBaggingParams {
        if (trees < 1 || maxDepth < 1 || maxDepth > DecisionTreeParams.MAX_TREE_DEPTH || (maxNodes != 0 && maxNodes < 2)
                || nodeSize < 1 || splitRule == null) {
            throw new IllegalArgumentException("invalid balanced bagging parameters: trees=" + trees + " max-depth="
                    + maxDepth + " max-nodes=" + maxNodes + " node-size=" + nodeSize + " split-rule=" + splitRule);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** Without a seed of its own: the run's. */
    public BalancedBaggingParams(int trees, int maxDepth, int maxNodes, int nodeSize, SplitRule splitRule) {
        this(trees, maxDepth, maxNodes, nodeSize, splitRule, OptionalLong.empty());
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static BalancedBaggingParams of(Hyperparameters p) {
        p.requireKnown(NAMES, SmileKind.BALANCED_BAGGING.model);
        int trees = p.integer(TREES, DEFAULTS.trees, 1, 100_000);
        int maxDepth = p.integer(MAX_DEPTH, DEFAULTS.maxDepth, 1, DecisionTreeParams.MAX_TREE_DEPTH);
        int maxNodes = p.integer(MAX_NODES, DEFAULTS.maxNodes, 2, Integer.MAX_VALUE);
        int nodeSize = p.integer(NODE_SIZE, DEFAULTS.nodeSize, 1, Integer.MAX_VALUE);
        String rule = p.choice(DecisionTreeParams.SPLIT_RULE, DEFAULTS.splitRule.name().toLowerCase(Locale.ROOT),
                Set.of("gini", "entropy", "classification_error"));
        return new BalancedBaggingParams(trees, maxDepth, maxNodes, nodeSize, SplitRule.valueOf(rule.toUpperCase(Locale.ROOT)),
                p.seed());
    }

    /** The values as parameters; {@code max-nodes} is left out while it means no limit. */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TREES, Integer.toString(trees));
        SmileTreeParams.putTreeShape(m, maxDepth, maxNodes, nodeSize);
        m.put(DecisionTreeParams.SPLIT_RULE, splitRule.name().toLowerCase(Locale.ROOT));
        SmileParams.putSeed(m, seed);
        return Hyperparameters.of(m);
    }
}
