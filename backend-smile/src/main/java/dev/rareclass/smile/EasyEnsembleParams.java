package dev.rareclass.smile;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Validated parameters of {@code easy-ensemble@smile} (Liu, Wu and Zhou, "Exploratory Undersampling for
 * Class-Imbalance Learning", IEEE TSMC-B 39(2), 2009; imbalanced-learn's {@code EasyEnsembleClassifier}). The defaults
 * are imbalanced-learn 0.10's: 10 balanced subsets, each boosted by scikit-learn 1.2's {@code AdaBoostClassifier}
 * defaults (SAMME.R, 50 stumps, learning rate 1).
 *
 * <p>The members are named {@code estimators} (imblearn's {@code n_estimators}), not {@code trees}: each member is
 * itself a boosted ensemble, and {@code trees} keeps the meaning it has for {@code adaboost@smile}, the boosting rounds
 * (trees) of one member; the model holds up to {@code estimators × trees} trees.
 *
 * <p>The trees are {@link WeightedTree}s fitted on the real boosting weights; as for scikit-learn's default weak
 * learner only the depth bounds them, so there is no {@code node-size} or {@code max-nodes}.
 *
 * @param estimators   number of balanced subsets, one boosted member each ({@code estimators}, default 10)
 * @param trees        boosting rounds of each member ({@code trees}, default 50); a member stops earlier when a
 *                     round classifies its rows perfectly, as scikit-learn's does
 * @param learningRate shrinks each round's weight update ({@code learning-rate}, in (0, 1], default 1)
 * @param maxDepth     maximum depth of each tree, counted as scikit-learn does ({@code max-depth}, default 1: a stump)
 * @param seed         the model's own seed ({@code seed}); empty (the default) takes the run's, as on every
 *                     kind whose fit draws random numbers
 */
public record EasyEnsembleParams(int estimators, int trees, double learningRate, int maxDepth, OptionalLong seed)
        implements SmileTreeParams {

    static final String ESTIMATORS = "estimators";

    /** Parameter names {@code easy-ensemble@smile} accepts. */
    public static final Set<String> NAMES = Set.of(ESTIMATORS, TREES, GradientBoostingParams.LEARNING_RATE, MAX_DEPTH,
            Hyperparameters.SEED);

    public static final EasyEnsembleParams DEFAULTS = new EasyEnsembleParams(10, 50, 1.0, 1);

    public EasyEnsembleParams {
        if (estimators < 1 || trees < 1 || !(learningRate > 0 && learningRate <= 1) || maxDepth < 1
                || maxDepth > GradientBoostingParams.MAX_TREE_DEPTH) {
            throw new IllegalArgumentException("invalid easy ensemble parameters: estimators=" + estimators + " trees="
                    + trees + " learning-rate=" + learningRate + " max-depth=" + maxDepth);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** Without a seed of its own: the run's. */
    public EasyEnsembleParams(int estimators, int trees, double learningRate, int maxDepth) {
        this(estimators, trees, learningRate, maxDepth, OptionalLong.empty());
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static EasyEnsembleParams of(Hyperparameters p) {
        p.requireKnown(NAMES, SmileKind.EASY_ENSEMBLE.model);
        int estimators = p.integer(ESTIMATORS, DEFAULTS.estimators, 1, 10_000);
        int trees = p.integer(TREES, DEFAULTS.trees, 1, 100_000);
        double learningRate = p.positiveFraction(GradientBoostingParams.LEARNING_RATE, DEFAULTS.learningRate);
        int maxDepth = p.integer(MAX_DEPTH, DEFAULTS.maxDepth, 1, GradientBoostingParams.MAX_TREE_DEPTH);
        return new EasyEnsembleParams(estimators, trees, learningRate, maxDepth, p.seed());
    }

    /** The values as parameters. */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ESTIMATORS, Integer.toString(estimators));
        m.put(TREES, Integer.toString(trees));
        m.put(GradientBoostingParams.LEARNING_RATE, Double.toString(learningRate));
        m.put(MAX_DEPTH, Integer.toString(maxDepth));
        SmileParams.putSeed(m, seed);
        return Hyperparameters.of(m);
    }
}
