package dev.rareclass.smile;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import smile.model.cart.SplitRule;

/**
 * Validated parameters of {@code random-forest@smile} (Breiman, "Random Forests", Machine Learning
 * 45(1), 2001), mapped one to one onto Smile's {@code RandomForest.Options}. The defaults are
 * scikit-learn's ({@code RandomForestClassifier}: fully grown trees, one row per leaf allowed), not
 * Smile's (depth 20, {@code n/5} leaves, five rows per leaf), which scored lower on our quality table.
 *
 * @param trees     number of trees ({@code trees}, default 100)
 * @param mtry      features tried at each split ({@code mtry}); 0 means {@code floor(sqrt(d))},
 *                  resolved when the column count is known
 * @param maxDepth  maximum tree depth counted as scikit-learn does, splits from the root to a leaf ({@code max-depth},
 *                  default and most 199, as {@code decision-tree@smile}'s and every backend's {@code max-depth}); Smile
 *                  counts the root as level 1, so it is given this plus one ({@link #smileMaxDepth}). Model files
 *                  store Smile's count, as they did when this parameter was Smile's count
 * @param maxNodes  maximum leaves per tree ({@code max-nodes}); 0 (the default) means no limit
 * @param nodeSize  minimum rows in a leaf ({@code node-size}, default 1)
 * @param subsample fraction of each class drawn per tree ({@code subsample}, default 1.0): 1.0 is a
 *                  bootstrap sample (with replacement), below 1.0 sampling is without replacement
 * @param splitRule impurity used to choose splits ({@code split-rule}: gini, entropy,
 *                  classification_error; default gini)
 * @param seed      the model's own seed ({@code seed}); empty (the default) takes the run's, as on every kind whose fit
 *                  draws random numbers
 */
public record RandomForestParams(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize,
                                 double subsample, SplitRule splitRule, OptionalLong seed) implements SmileTreeParams {

    static final String MTRY = "mtry";
    static final String SUBSAMPLE = "subsample";
    static final String SPLIT_RULE = "split-rule";

    /** Parameter names {@code random-forest@smile} accepts. */
    public static final Set<String> NAMES = Set.of(TREES, MTRY, MAX_DEPTH, MAX_NODES, NODE_SIZE, SUBSAMPLE, SPLIT_RULE,
            Hyperparameters.SEED);

    /** Smile's deepest tree (its root at level 1), so that (de)serialising a tree never nests deeper than the codec allows. */
    static final int MAX_TREE_DEPTH = 200;

    public static final RandomForestParams DEFAULTS = new RandomForestParams(100, 0, DecisionTreeParams.MAX_TREE_DEPTH, 0,
            1, 1.0, SplitRule.GINI);

    public RandomForestParams {
        if (trees < 1 || mtry < 0 || maxDepth < 1 || maxDepth > DecisionTreeParams.MAX_TREE_DEPTH || (maxNodes != 0 && maxNodes < 2)
                || nodeSize < 1 || !(subsample > 0 && subsample <= 1) || splitRule == null) {
            throw new IllegalArgumentException("invalid random forest parameters: trees=" + trees + " mtry=" + mtry
                    + " max-depth=" + maxDepth + " max-nodes=" + maxNodes + " node-size=" + nodeSize
                    + " subsample=" + subsample + " split-rule=" + splitRule);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** Without a seed of its own: the run's. */
    public RandomForestParams(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, double subsample,
                              SplitRule splitRule) {
        this(trees, mtry, maxDepth, maxNodes, nodeSize, subsample, splitRule, OptionalLong.empty());
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static RandomForestParams of(Hyperparameters p) {
        p.requireKnown(NAMES, SmileKind.RANDOM_FOREST.model);
        int trees = p.integer(TREES, DEFAULTS.trees, 1, 100_000);
        int mtry = p.integer(MTRY, DEFAULTS.mtry, 1, Integer.MAX_VALUE);
        int maxDepth = p.integer(MAX_DEPTH, DEFAULTS.maxDepth, 1, DecisionTreeParams.MAX_TREE_DEPTH);
        int maxNodes = p.integer(MAX_NODES, DEFAULTS.maxNodes, 2, Integer.MAX_VALUE);
        int nodeSize = p.integer(NODE_SIZE, DEFAULTS.nodeSize, 1, Integer.MAX_VALUE);
        double subsample = p.positiveFraction(SUBSAMPLE, DEFAULTS.subsample);
        String rule = p.choice(SPLIT_RULE, DEFAULTS.splitRule.name().toLowerCase(Locale.ROOT),
                Set.of("gini", "entropy", "classification_error"));
        return new RandomForestParams(trees, mtry, maxDepth, maxNodes, nodeSize, subsample,
                SplitRule.valueOf(rule.toUpperCase(Locale.ROOT)), p.seed());
    }

    /** Smile's depth limit: its root is at level 1. */
    int smileMaxDepth() {
        return maxDepth + 1;
    }

    /** The {@code mtry} used for {@code d} feature columns; a {@code UsageException} if it exceeds them. */
    int mtryFor(int d) {
        if (mtry > d) {
            throw new UsageException("parameter " + MTRY + "=" + mtry + " exceeds the " + d + " feature columns");
        }
        return mtry > 0 ? mtry : Math.max(1, (int) Math.floor(Math.sqrt(d)));
    }

    /** This record with {@code mtry} resolved for {@code d} columns, as recorded with the model. */
    RandomForestParams resolvedFor(int d) {
        return new RandomForestParams(trees, mtryFor(d), maxDepth, maxNodes, nodeSize, subsample, splitRule, seed);
    }

    /** The values as parameters; {@code max-nodes} is left out while it means Smile's default. */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TREES, Integer.toString(trees));
        if (mtry > 0) {
            m.put(MTRY, Integer.toString(mtry));
        }
        SmileTreeParams.putTreeShape(m, maxDepth, maxNodes, nodeSize);
        m.put(SUBSAMPLE, Double.toString(subsample));
        m.put(SPLIT_RULE, splitRule.name().toLowerCase(Locale.ROOT));
        SmileParams.putSeed(m, seed);
        return Hyperparameters.of(m);
    }
}
