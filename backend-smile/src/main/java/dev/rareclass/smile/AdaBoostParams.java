package dev.rareclass.smile;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import smile.classification.AdaBoost;

/**
 * Validated parameters of {@code adaboost@smile} (Freund and Schapire 1997; Smile implements the multi-class
 * SAMME variant of Zhu, Zou, Rosset and Hastie 2009, which for two classes is discrete AdaBoost), mapped onto
 * Smile's {@code AdaBoost.Options}. Defaults are scikit-learn's {@code AdaBoostClassifier}: 50 decision
 * stumps, not Smile's 500 trees of depth 20 with 6 leaves.
 *
 * @param trees    boosting rounds ({@code trees}, default 50); Smile stops earlier when a round can make no
 *                 progress (its tree is no better than chance on the weighted rows)
 * @param maxDepth maximum depth of each tree, counted as scikit-learn does ({@code max-depth}, default 1: a stump)
 * @param maxNodes maximum leaves per tree ({@code max-nodes}); 0 (the default) means no limit but the depth's
 * @param nodeSize minimum rows in a leaf ({@code node-size}, default 1)
 * @param seed     the model's own seed ({@code seed}); empty (the default) takes the run's, as on every
 *                 kind whose fit draws random numbers
 */
public record AdaBoostParams(int trees, int maxDepth, int maxNodes, int nodeSize, OptionalLong seed) implements SmileTreeParams {


    /** Parameter names {@code adaboost@smile} accepts. */
    public static final Set<String> NAMES = Set.of(TREES, MAX_DEPTH, MAX_NODES, NODE_SIZE, Hyperparameters.SEED);

    public static final AdaBoostParams DEFAULTS = new AdaBoostParams(50, 1, 0, 1);

    public AdaBoostParams {
        if (trees < 1 || maxDepth < 1 || maxDepth > GradientBoostingParams.MAX_TREE_DEPTH
                || (maxNodes != 0 && maxNodes < 2) || nodeSize < 1) {
            throw new IllegalArgumentException("invalid adaboost parameters: trees=" + trees + " max-depth=" + maxDepth
                    + " max-nodes=" + maxNodes + " node-size=" + nodeSize);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** Without a seed of its own: the run's. */
    public AdaBoostParams(int trees, int maxDepth, int maxNodes, int nodeSize) {
        this(trees, maxDepth, maxNodes, nodeSize, OptionalLong.empty());
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static AdaBoostParams of(Hyperparameters p) {
        p.requireKnown(NAMES, SmileKind.ADABOOST.model);
        int trees = p.integer(TREES, DEFAULTS.trees, 1, 100_000);
        int maxDepth = p.integer(MAX_DEPTH, DEFAULTS.maxDepth, 1, GradientBoostingParams.MAX_TREE_DEPTH);
        int maxNodes = p.integer(MAX_NODES, DEFAULTS.maxNodes, 2, Integer.MAX_VALUE);
        int nodeSize = p.integer(NODE_SIZE, DEFAULTS.nodeSize, 1, Integer.MAX_VALUE);
        return new AdaBoostParams(trees, maxDepth, maxNodes, nodeSize, p.seed());
    }

    /** Smile's options: its depth counts the root, and no leaf limit is the largest int. */
    AdaBoost.Options toOptions() {
        return new AdaBoost.Options(trees, maxDepth + 1, maxNodes == 0 ? Integer.MAX_VALUE : maxNodes, nodeSize, null, null);
    }

    /** The values as parameters; {@code max-nodes} is left out while it means no limit. */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TREES, Integer.toString(trees));
        SmileTreeParams.putTreeShape(m, maxDepth, maxNodes, nodeSize);
        SmileParams.putSeed(m, seed);
        return Hyperparameters.of(m);
    }
}
