package dev.rareclass.dl4j;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Validated parameters of a DL4J feed-forward network ending in one sigmoid unit with binary cross-entropy.
 * Pure Java: building one never touches ND4J.
 *
 * <p>Defaults ({@code mlp}): {@code hidden=16,16}, {@code activation=relu}, {@code init} by each layer's
 * activation (he-uniform for relu, elu and leaky-relu; lecun-normal for selu; glorot-uniform for tanh and
 * sigmoid), {@code dropout=0}, {@code optimizer=adam}, {@code learning-rate=0.003}, {@code momentum=0.9}
 * (sgd only), {@code rho=0.95} (rmsprop only: the decay of its mean square, DL4J's default; Keras uses 0.9,
 * PyTorch 0.99), {@code l1=0}, {@code l2=auto} (10/N, 1/N with sigmoid layers; see {@link #forRows}),
 * {@code batch-size=64}, {@code early-stopping=val_loss} with {@code patience=10}, {@code min-delta=0},
 * {@code restore-best=true}, and {@code epochs=200} as its ceiling; {@code seed} unset (the training context's seed
 * is used). The early-stopping default is off when there are no validation rows (then all {@code epochs} run);
 * asking for a {@code val_*} monitor explicitly then fails. {@code activation}, {@code init} and {@code dropout}
 * take one value for every hidden layer or a comma list with one value per layer.
 *
 * <p>Defaults ({@code logistic}, see {@link #logistic}): no hidden layer, glorot-uniform init,
 * {@code optimizer=adam}, {@code batch-size=all} (one full-batch step per epoch), {@code learning-rate=0.1},
 * {@code l2=auto} (1/N), and it runs until it has converged: {@code early-stopping=loss} (the training objective)
 * with {@code min-delta=1e-7}, {@code patience=50}, {@code epochs=2000} as the ceiling. It minimises what
 * scikit-learn's {@code LogisticRegression(C=1)} and {@code logistic@smile} (lambda=1) minimise, and lands where
 * they land.
 *
 * <p>Why (measured with {@code scripts/bench/networks/run.sh}, 3-fold compare on the catalogued sets): the old
 * defaults (no penalty, a fixed 20 epochs at 0.001 for the MLP, 50 epochs of batches of 64 at 0.01 for the
 * logistic unit) left the MLP up to 0.46 PR-AUC below the linear models on small tables (ecoli, oil_spill, car)
 * and the logistic unit 0.03-0.05 off {@code logistic@smile}. Batches of 64 at a constant rate never settle on
 * the optimum (Adam keeps stepping about the learning rate), so the one-unit network takes the whole gradient once
 * per epoch, at a rate that suits one step per epoch, until its objective stops moving (300 steps left it 0.022
 * PR-AUC off on the paper-mill table, which needs 1,400 to 2,000). The MLP stops on the validation loss and keeps
 * its best epoch; its penalty is ten times the logistic one because 1/N left it 0.09 below the linear models on
 * oil_spill.
 *
 * @param hidden       units per hidden layer, in order; empty means a logistic regression
 * @param activations  per hidden layer: relu, selu, tanh, elu, leaky-relu, sigmoid
 * @param inits        per hidden layer: he-uniform, he-normal, glorot-uniform, glorot-normal, lecun-normal
 * @param dropouts     per hidden layer, the probability of <em>dropping</em> its outputs during training
 *                     (Keras' meaning); DL4J's {@code dropOut(p)} takes the retain probability, see
 *                     {@link #retainProbability(int)}
 * @param optimizer    adam, rmsprop, sgd, nadam
 * @param learningRate step size of the optimizer
 * @param momentum     sgd only: 0 is plain SGD, above 0 Nesterov momentum (DL4J's {@code Nesterovs}; {@code mlp@smile}'s
 *                     is classical momentum, so the same value steps differently there)
 * @param rho          rmsprop only: decay of the running mean of squared gradients
 * @param l1           L1 penalty on weights (not biases)
 * @param l2           L2 penalty on weights (not biases), DL4J's coefficient on the mean loss of a batch: DL4J's
 *                     {@code L2Regularization} adds {@code l2·w} to the gradient before the updater, so adam and
 *                     rmsprop rescale it with the gradient ({@code mlp@smile}'s {@code l2} takes the same
 *                     {@code learning-rate·l2·w} off each weight with plain SGD, but as a decay after the optimizer's
 *                     step); NaN for {@link #AUTO}, resolved by {@link #forRows}
 * @param epochs       passes over the training data (the most, with early stopping)
 * @param batchSize    rows per gradient step; {@link #ALL_ROWS} for all of them
 * @param earlyStopping when to stop and whether to restore the best epoch
 * @param seed         overrides the training context's seed when present
 */
public record MlpParams(List<Integer> hidden, List<String> activations, List<String> inits, List<Double> dropouts,
                        String optimizer, double learningRate, double momentum, double rho, double l1, double l2, int epochs,
                        int batchSize, EarlyStopping earlyStopping, OptionalLong seed) {

    public static final Set<String> ACTIVATIONS = Set.of("relu", "selu", "tanh", "elu", "leaky-relu", "sigmoid");
    public static final Set<String> INITS = Set.of("he-uniform", "he-normal", "glorot-uniform", "glorot-normal", "lecun-normal");
    public static final Set<String> OPTIMIZERS = Set.of("adam", "rmsprop", "sgd", "nadam");

    /** Parameter names of {@code mlp@dl4j}. */
    public static final Set<String> MLP_NAMES = Stream.concat(Stream.of("hidden", "activation", "init", "dropout",
            "optimizer", "learning-rate", "momentum", "rho", "l1", "l2", "epochs", "batch-size", "seed"),
            EarlyStopping.NAMES.stream()).collect(Collectors.toUnmodifiableSet());
    /** Parameter names of {@code logistic@dl4j}. */
    public static final Set<String> LOGISTIC_NAMES = Stream.concat(Stream.of("learning-rate", "epochs", "batch-size", "l2",
            "optimizer", "rho", "seed"), EarlyStopping.NAMES.stream()).collect(Collectors.toUnmodifiableSet());

    /** The value of {@code l2} (also its default) that scales the penalty to the rows of the fit: see {@link #forRows}. */
    public static final String AUTO = "auto";
    /** The value of {@code batch-size} that puts every training row in one batch (full-batch gradient descent). */
    public static final String ALL = "all";
    /** {@link #batchSize} of {@code batch-size=all}: larger than any batch, so that the one batch holds every row. */
    public static final int ALL_ROWS = Integer.MAX_VALUE;

    static final double MLP_LEARNING_RATE = 0.003;
    static final int MLP_EPOCHS = 200;
    static final double LOGISTIC_LEARNING_RATE = 0.1;
    static final int LOGISTIC_EPOCHS = 2000;
    /**
     * The logistic unit's default {@code min-delta} and {@code patience} on the training loss: converged when 50
     * epochs gain less than 1e-7. Full-batch Adam's loss can rise for more than ten epochs on its way down: with a
     * patience of 10 a 300-row fit stopped at epoch 74, 0.008 off scikit-learn's probabilities.
     */
    static final double LOGISTIC_TOLERANCE = 1e-7;
    static final int LOGISTIC_PATIENCE = 50;
    /** {@code l2=auto} is this over N for the logistic unit: scikit-learn's C = 1, {@code logistic@smile}'s lambda = 1. */
    static final double LOGISTIC_LAMBDA = 1;
    /** {@code l2=auto} is this over N for an MLP without sigmoid layers. */
    static final double MLP_LAMBDA = 10;

    /** Largest dropout: at 1 nothing would pass and DL4J's retain probability would be 0. */
    public static final double MAX_DROPOUT = 0.95;

    public MlpParams {
        hidden = List.copyOf(hidden);
        activations = List.copyOf(activations);
        inits = List.copyOf(inits);
        dropouts = List.copyOf(dropouts);
        for (int h : hidden) {
            if (h < 1) {
                throw new UsageException("parameter hidden=" + hidden + ": every layer needs at least 1 unit");
            }
        }
        int n = hidden.size();
        require(activations.size() == n && inits.size() == n && dropouts.size() == n, "hidden", hidden,
                "matched by one activation, init and dropout per layer");
        activations.forEach(a -> require(ACTIVATIONS.contains(a), "activation", a, "one of " + sorted(ACTIVATIONS)));
        inits.forEach(i -> require(INITS.contains(i), "init", i, "one of " + sorted(INITS)));
        dropouts.forEach(d -> require(d >= 0 && d <= MAX_DROPOUT, "dropout", d, "in [0, " + MAX_DROPOUT + "]"));
        require(OPTIMIZERS.contains(optimizer), "optimizer", optimizer, "one of " + sorted(OPTIMIZERS));
        require(learningRate > 0 && learningRate <= 10, "learning-rate", learningRate, "in (0, 10]");
        require(momentum >= 0 && momentum < 1, "momentum", momentum, "in [0, 1)");
        require(rho > 0 && rho < 1, "rho", rho, "in (0, 1)");
        require(l1 >= 0 && Double.isFinite(l1), "l1", l1, ">= 0");
        require(Double.isNaN(l2) || (l2 >= 0 && Double.isFinite(l2)), "l2", l2, ">= 0");
        require(epochs >= 1, "epochs", epochs, ">= 1");
        require(batchSize >= 1, "batch-size", batchSize, ">= 1");
        java.util.Objects.requireNonNull(earlyStopping, "earlyStopping");
    }

    /** Reads {@code mlp@dl4j} parameters; unknown keys and bad values fail naming the parameter. */
    public static MlpParams of(Hyperparameters p) {
        p.requireKnown(MLP_NAMES, "mlp@dl4j");
        List<Integer> hidden = p.integers("hidden", List.of(16, 16), 1, 1 << 16);
        // an empty list would silently train logistic@dl4j under the mlp name
        require(!hidden.isEmpty(), "hidden", "'" + p.string("hidden", "") + "'", "at least one layer size, such as 16,16");
        int n = hidden.size();
        List<String> activations = LayerLists.words(p, "activation", n, ACTIVATIONS, i -> "relu");
        List<String> inits = LayerLists.words(p, "init", n, INITS, i -> defaultInit(activations.get(i)));
        List<Double> dropouts = LayerLists.decimals(p, "dropout", n, 0, 0, MAX_DROPOUT);
        String optimizer = p.choice("optimizer", "adam", OPTIMIZERS);
        double lr = learningRate(p, MLP_LEARNING_RATE);
        double momentum = momentum(p, optimizer);
        double rho = rho(p, optimizer);
        double l1 = p.decimal("l1", 0, 0, 1e6);
        double l2 = l2(p);
        int epochs = p.integer("epochs", MLP_EPOCHS, 1, 1_000_000);
        int batch = batchSize(p, 64);
        EarlyStopping es = EarlyStopping.of(p, "val_loss", EarlyStopping.MONITORS);
        return new MlpParams(hidden, activations, inits, dropouts, optimizer, lr, momentum, rho, l1, l2, epochs, batch, es, p.seed());
    }

    /**
     * Reads {@code logistic@dl4j} parameters: the same network without hidden layers, and other defaults (see the
     * class comment). Early stopping is there to be asked for, with the MLP's parameters.
     */
    public static MlpParams logistic(Hyperparameters p) {
        p.requireKnown(LOGISTIC_NAMES, "logistic@dl4j");
        String optimizer = p.choice("optimizer", "adam", OPTIMIZERS);
        double lr = learningRate(p, LOGISTIC_LEARNING_RATE);
        double l2 = l2(p);
        int epochs = p.integer("epochs", LOGISTIC_EPOCHS, 1, 1_000_000);
        int batch = batchSize(p, ALL_ROWS);
        String monitor = p.choice("early-stopping", "loss", EarlyStopping.MONITORS);
        boolean converge = monitor.equals("loss");
        EarlyStopping es = EarlyStopping.of(p, "loss", converge ? LOGISTIC_PATIENCE : 10, converge ? LOGISTIC_TOLERANCE : 0,
                EarlyStopping.MONITORS);
        return new MlpParams(List.of(), List.of(), List.of(), List.of(), optimizer, lr, 0.9, rho(p, optimizer), 0, l2, epochs, batch,
                es, p.seed());
    }

    /** {@code l2}: {@link #AUTO} (the default) is NaN until {@link #forRows} resolves it; else a number >= 0. */
    static double l2(Hyperparameters p) {
        return p.string("l2", AUTO).strip().equalsIgnoreCase(AUTO) ? Double.NaN : p.decimal("l2", 0, 0, 1e6);
    }

    /** {@code batch-size}: a number of rows, or {@link #ALL} for {@link #ALL_ROWS}. */
    static int batchSize(Hyperparameters p, int fallback) {
        return p.string("batch-size", "").strip().equalsIgnoreCase(ALL) ? ALL_ROWS : p.integer("batch-size", fallback, 1, 1 << 24);
    }

    /** Whether {@code l2} is {@link #AUTO}, for {@link #forRows} to resolve. */
    public boolean autoL2() {
        return Double.isNaN(l2);
    }

    /**
     * These parameters for a fit on {@code rows} training rows (after any sampler): {@code l2=auto} becomes
     * λ/rows, λ = 1 without hidden layers and 10 with, except 1 again when a hidden layer is sigmoid: its slope is at
     * most 1/4, so its weights get a quarter of the gradient a relu or tanh layer's get and the same penalty
     * flattens the network (on ionosphere a sigmoid 16-16 MLP fell to PR-AUC 0.60 at 10/N, 0.90 at 1/N).
     * DL4J's {@code l2} adds {@code l2/2·|w|²} to the <em>mean</em> loss of a batch (weights, not biases), so λ/N
     * is a penalty of {@code λ/2·|w|²} on the loss summed over the N rows: scikit-learn's
     * {@code LogisticRegression} with {@code C = 1/λ}, Smile's {@code lambda = λ}. Like theirs, it weighs less as the
     * rows grow. Other values are returned as they are.
     */
    public MlpParams forRows(int rows) {
        if (!autoL2()) {
            return this;
        }
        double lambda = hidden.isEmpty() || activations.contains("sigmoid") ? LOGISTIC_LAMBDA : MLP_LAMBDA;
        return new MlpParams(hidden, activations, inits, dropouts, optimizer, learningRate, momentum, rho, l1,
                lambda / Math.max(1, rows), epochs, batchSize, earlyStopping, seed);
    }

    /**
     * {@code learning-rate}: above 0, at most 10, and a 32-bit float above 0, as the networks compute in them:
     * {@code 1e-320} became 0 there, and training silently changed nothing.
     */
    static double learningRate(Hyperparameters p, double fallback) {
        double lr = p.positive("learning-rate", fallback, 10);
        if (lr < Float.MIN_NORMAL) {
            throw new UsageException("parameter learning-rate=" + p.string("learning-rate", "") + " is below "
                    + Float.MIN_NORMAL + ", the least 32-bit float the networks compute with: they would not learn");
        }
        return lr;
    }

    /** {@code momentum} is only meaningful for sgd; elsewhere it is refused rather than silently ignored. */
    static double momentum(Hyperparameters p, String optimizer) {
        if (p.asMap().containsKey("momentum") && !optimizer.equals("sgd")) {
            throw new UsageException("parameter momentum applies to optimizer=sgd only, not " + optimizer);
        }
        return p.decimal("momentum", 0.9, 0, 0.999999);
    }

    /** {@code rho} is only meaningful for rmsprop; elsewhere it is refused rather than silently ignored. */
    static double rho(Hyperparameters p, String optimizer) {
        if (p.asMap().containsKey("rho") && !optimizer.equals("rmsprop")) {
            throw new UsageException("parameter rho applies to optimizer=rmsprop only, not " + optimizer);
        }
        return p.decimal("rho", DEFAULT_RHO, 1e-6, 0.999999);
    }

    /** rmsprop's default decay: DL4J's {@code RmsProp.DEFAULT_RMSPROP_RMSDECAY}. */
    public static final double DEFAULT_RHO = 0.95;

    /** The init that suits an activation: He for the ReLU family, LeCun for SELU, Glorot otherwise. */
    public static String defaultInit(String activation) {
        return switch (activation) {
            case "relu", "elu", "leaky-relu" -> "he-uniform";
            case "selu" -> "lecun-normal";
            default -> "glorot-uniform";
        };
    }

    /** DL4J's {@code dropOut(x)} argument for the outputs of hidden layer {@code layer}: {@code 1 - dropout}. */
    public double retainProbability(int layer) {
        return 1.0 - dropouts.get(layer);
    }

    /** The seed to train with: this record's override, else the context's. */
    public long seedOr(long contextSeed) {
        return seed.orElse(contextSeed);
    }

    /** All values with defaults filled in, as the trained model reports them. */
    public Hyperparameters asHyperparameters(boolean logistic) {
        Map<String, String> m = new LinkedHashMap<>();
        if (!logistic) {
            m.put("hidden", hidden.stream().map(String::valueOf).collect(Collectors.joining(",")));
            m.put("activation", LayerLists.join(activations));
            m.put("init", LayerLists.join(inits));
            m.put("dropout", LayerLists.join(dropouts));
        }
        m.put("optimizer", optimizer);
        m.put("learning-rate", Double.toString(learningRate));
        if (!logistic && optimizer.equals("sgd")) {
            m.put("momentum", Double.toString(momentum));
        }
        if (optimizer.equals("rmsprop")) {
            m.put("rho", Double.toString(rho));
        }
        if (!logistic) {
            m.put("l1", Double.toString(l1));
        }
        m.put("l2", autoL2() ? AUTO : Double.toString(l2));
        m.put("epochs", Integer.toString(epochs));
        m.put("batch-size", batchSize == ALL_ROWS ? ALL : Integer.toString(batchSize));
        earlyStopping.putInto(m);
        seed.ifPresent(s -> m.put("seed", Long.toString(s)));
        return Hyperparameters.of(m);
    }

    static void require(boolean ok, String name, Object value, String expected) {
        if (!ok) {
            throw new UsageException("parameter " + name + "=" + value + " must be " + expected);
        }
    }

    static String sorted(Set<String> s) {
        return String.join(", ", new java.util.TreeSet<>(s));
    }
}
