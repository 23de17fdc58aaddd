package dev.rareclass.xgboost;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Validated parameters of {@code gradient-boosting@xgboost} (Chen and Guestrin, "XGBoost: A Scalable Tree
 * Boosting System", KDD 2016), named with the vocabulary every backend shares ({@code trees},
 * {@code max-depth}, {@code learning-rate}, {@code subsample}, {@code seed}) and mapped one to one onto
 * XGBoost's own parameters. The defaults are XGBoost's, so a model here and {@code xgboost.XGBClassifier()}
 * with the same numbers are the same model; in particular {@code learning-rate} is XGBoost's {@code eta=0.3},
 * not the 0.1 of scikit-learn's or Smile's gradient boosting.
 *
 * @param trees          boosting rounds, one tree each ({@code trees}, XGBoost's {@code num_boost_round}; default 100)
 * @param maxDepth       maximum depth of a tree ({@code max-depth}, {@code max_depth}; default 6); 0 means no limit
 *                       and is allowed only with {@code max-nodes}, whose leaf count then bounds the tree
 * @param maxNodes       maximum leaves of a tree ({@code max-nodes}, XGBoost's {@code max_leaves}, as the Smile
 *                       trees name it; 0, the default, for none): when given, trees grow best leaf first
 *                       ({@code grow_policy=lossguide}, LightGBM's and scikit-learn's HistGradientBoosting's way,
 *                       whose default is 31 leaves) instead of level by level
 * @param learningRate   shrinkage of every tree's leaves ({@code learning-rate}, {@code eta}; default 0.3, as XGBoost)
 * @param subsample      share of rows drawn, without replacement, for each tree ({@code subsample}; default 1.0)
 * @param minChildWeight least hessian sum in a leaf ({@code min-child-weight}, {@code min_child_weight}; default 1)
 * @param colsample      share of columns drawn for each tree ({@code colsample}, {@code colsample_bytree}; default 1.0)
 * @param lambda         L2 penalty on leaf values ({@code lambda}, {@code reg_lambda}; default 1)
 * @param earlyStopping  stop after this many rounds without a lower validation log-loss and keep the best round; 0,
 *                       the default, trains every round. Written as the network kinds write it (Keras's words):
 *                       {@code early-stopping=val_loss} with {@code patience=N} (default 10), or
 *                       {@code early-stopping=none}; XGBoost watches the validation log-loss only, so no other
 *                       monitor is offered. A bare number, {@code early-stopping=N} (0 for none), is read as
 *                       {@code val_loss} with {@code patience=N}, as models and recipes of earlier builds recorded it.
 *                       Needs validation rows ({@code --validation-split})
 * @param seed           the booster's seed ({@code seed}); empty (the default) takes the run's seed, so each
 *                       fold gets its own
 * @param threads        XGBoost threads per fit ({@code threads}, {@code nthread}; 0, the default, means the fit's
 *                       share of the cores: all of them for {@code train}, one each when {@code compare} runs two
 *                       folds at once on two cores). Trees are grown with {@code tree_method=hist}, whose results
 *                       do not depend on it
 */
public record GradientBoostingParams(int trees, int maxDepth, int maxNodes, double learningRate, double subsample,
                                     double minChildWeight, double colsample, double lambda, int earlyStopping,
                                     OptionalLong seed, int threads) {

    static final String TREES = "trees";
    static final String MAX_DEPTH = "max-depth";
    static final String MAX_NODES = "max-nodes";
    static final String LEARNING_RATE = "learning-rate";
    static final String SUBSAMPLE = "subsample";
    static final String MIN_CHILD_WEIGHT = "min-child-weight";
    static final String COLSAMPLE = "colsample";
    static final String LAMBDA = "lambda";
    static final String EARLY_STOPPING = "early-stopping";
    static final String PATIENCE = "patience";
    /** The monitors offered: XGBoost's validation log-loss, or none. */
    static final Set<String> MONITORS = Set.of("none", "val_loss");
    /** Rounds without improvement before stopping when {@code patience} is not given (as the network kinds). */
    static final int DEFAULT_PATIENCE = 10;
    static final String SEED = Hyperparameters.SEED;
    static final String THREADS = "threads";

    /** Parameter names {@code gradient-boosting@xgboost} accepts. */
    public static final Set<String> NAMES = Set.of(TREES, MAX_DEPTH, MAX_NODES, LEARNING_RATE, SUBSAMPLE, MIN_CHILD_WEIGHT,
            COLSAMPLE, LAMBDA, EARLY_STOPPING, PATIENCE, SEED, THREADS);

    static final int MAX_TREES = 100_000;
    /** Deep enough for any use of depth-wise trees; 2^64 leaves are never reached. */
    static final int MAX_TREE_DEPTH = 64;
    static final int MAX_THREADS = 1_024;
    /** XGBoost reads lambda and min_child_weight as 32-bit floats: 1e39 was refused inside it, as an internal error. */
    static final double MAX_FLOAT_PARAM = 1e38;
    /**
     * The least positive value of those floats XGBoost takes: it refuses one below the smallest normal float as out of
     * range ({@code learning-rate=1e-40} was an internal error, exit 70).
     */
    static final float MIN_FLOAT_PARAM = Float.MIN_NORMAL;
    /** XGBoost's leaf count is an int; far more leaves than any table has rows to fill. */
    static final int MAX_LEAVES = 1 << 30;

    public static final GradientBoostingParams DEFAULTS =
            new GradientBoostingParams(100, 6, 0, 0.3, 1.0, 1.0, 1.0, 1.0, 0, OptionalLong.empty(), 0);

    /** @throws UsageException naming the first parameter out of its range and its value */
    public GradientBoostingParams {
        require(trees >= 1 && trees <= MAX_TREES, TREES, trees, "an integer in [1, " + MAX_TREES + "]");
        require(maxNodes == 0 || (maxNodes >= 2 && maxNodes <= MAX_LEAVES), MAX_NODES, maxNodes,
                "0 (no limit) or an integer in [2, " + MAX_LEAVES + "]");
        require(maxDepth >= (maxNodes > 0 ? 0 : 1) && maxDepth <= MAX_TREE_DEPTH, MAX_DEPTH, maxDepth,
                maxNodes > 0 ? "an integer in [0, " + MAX_TREE_DEPTH + "] (0 = no limit)"
                        : "an integer in [1, " + MAX_TREE_DEPTH + "] (0, no limit, needs max-nodes)");
        require(learningRate > 0 && learningRate <= 1, LEARNING_RATE, learningRate, "> 0 and <= 1");
        require(subsample > 0 && subsample <= 1, SUBSAMPLE, subsample, "> 0 and <= 1");
        require(minChildWeight >= 0 && minChildWeight <= MAX_FLOAT_PARAM, MIN_CHILD_WEIGHT, minChildWeight,
                ">= 0 and <= 1e38 (XGBoost reads it as a float)");
        require(colsample > 0 && colsample <= 1, COLSAMPLE, colsample, "> 0 and <= 1");
        require(lambda >= 0 && lambda <= MAX_FLOAT_PARAM, LAMBDA, lambda, ">= 0 and <= 1e38 (XGBoost reads it as a float)");
        requireFloat(LEARNING_RATE, learningRate);
        requireFloat(SUBSAMPLE, subsample);
        requireFloat(MIN_CHILD_WEIGHT, minChildWeight);
        requireFloat(COLSAMPLE, colsample);
        requireFloat(LAMBDA, lambda);
        require(earlyStopping >= 0 && earlyStopping <= MAX_TREES, EARLY_STOPPING, earlyStopping,
                "an integer in [0, " + MAX_TREES + "] (0 = off)");
        if (seed == null) {
            throw new UsageException("parameter " + SEED + " must be an integer or absent");
        }
        require(threads >= 0 && threads <= MAX_THREADS, THREADS, threads,
                "an integer in [0, " + MAX_THREADS + "] (0 = the fit's share of the cores)");
    }

    private static void require(boolean ok, String name, Object value, String what) {
        if (!ok) {
            throw new UsageException("parameter " + name + "=" + value + " must be " + what);
        }
    }

    /** A parameter XGBoost reads as a 32-bit float: 0, or a number the float does not underflow. */
    private static void requireFloat(String name, double value) {
        require(value == 0 || value >= MIN_FLOAT_PARAM, name, value,
                "at least " + MIN_FLOAT_PARAM + ", the smallest positive number XGBoost reads (as a 32-bit float)");
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static GradientBoostingParams of(Hyperparameters p) {
        p.requireKnown(NAMES, GradientBoostingFactory.MODEL);
        return new GradientBoostingParams(
                p.integer(TREES, DEFAULTS.trees, 1, MAX_TREES),
                p.integer(MAX_DEPTH, DEFAULTS.maxDepth, 0, MAX_TREE_DEPTH),
                p.integer(MAX_NODES, DEFAULTS.maxNodes, 0, MAX_LEAVES),
                p.positiveFraction(LEARNING_RATE, DEFAULTS.learningRate),
                p.positiveFraction(SUBSAMPLE, DEFAULTS.subsample),
                p.decimal(MIN_CHILD_WEIGHT, DEFAULTS.minChildWeight, 0, MAX_FLOAT_PARAM),
                p.positiveFraction(COLSAMPLE, DEFAULTS.colsample),
                p.decimal(LAMBDA, DEFAULTS.lambda, 0, MAX_FLOAT_PARAM),
                earlyStopping(p),
                p.seed(),
                p.integer(THREADS, DEFAULTS.threads, 0, MAX_THREADS));
    }

    /** The patience in rounds, 0 for none, from {@code early-stopping} and {@code patience} (see the class comment). */
    private static int earlyStopping(Hyperparameters p) {
        String monitor = p.string(EARLY_STOPPING, "none");
        boolean patienceGiven = p.asMap().containsKey(PATIENCE);
        if (monitor.matches("[0-9]+")) { // earlier builds' form: the patience itself
            if (patienceGiven) {
                throw new UsageException("parameter " + EARLY_STOPPING + "=" + monitor + " is a number of rounds, and so "
                        + "is " + PATIENCE + ": write " + EARLY_STOPPING + "=val_loss with " + PATIENCE + "=N");
            }
            return p.integer(EARLY_STOPPING, 0, 0, MAX_TREES);
        }
        boolean on = p.choice(EARLY_STOPPING, "none", MONITORS).equals("val_loss");
        int patience = p.integer(PATIENCE, DEFAULT_PATIENCE, 1, MAX_TREES);
        if (!on && patienceGiven) {
            throw new UsageException("parameter " + PATIENCE + "=" + p.string(PATIENCE, "") + " counts rounds without a "
                    + "lower validation log-loss: it needs " + EARLY_STOPPING + "=val_loss");
        }
        return on ? patience : 0;
    }

    /** The seed the booster uses for a run with the given seed: {@code seed} when given, else the run's. */
    long boosterSeed(long runSeed) {
        return seed.orElse(runSeed);
    }

    /** The values as parameters, as recorded with a model; {@code seed} only when it was given. */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TREES, Integer.toString(trees));
        m.put(MAX_DEPTH, Integer.toString(maxDepth));
        if (maxNodes > 0) {
            m.put(MAX_NODES, Integer.toString(maxNodes));
        }
        m.put(LEARNING_RATE, Double.toString(learningRate));
        m.put(SUBSAMPLE, Double.toString(subsample));
        m.put(MIN_CHILD_WEIGHT, Double.toString(minChildWeight));
        m.put(COLSAMPLE, Double.toString(colsample));
        m.put(LAMBDA, Double.toString(lambda));
        if (earlyStopping > 0) {
            m.put(EARLY_STOPPING, "val_loss");
            m.put(PATIENCE, Integer.toString(earlyStopping));
        } else {
            m.put(EARLY_STOPPING, "none");
        }
        seed.ifPresent(s -> m.put(SEED, Long.toString(s)));
        m.put(THREADS, Integer.toString(threads));
        return Hyperparameters.of(m);
    }
}
