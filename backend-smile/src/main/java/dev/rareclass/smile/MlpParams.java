package dev.rareclass.smile;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Validated parameters of {@code mlp@smile}: Smile's multilayer perceptron with one sigmoid output unit trained
 * on the log-likelihood (binary cross-entropy). The parameter names and meanings are {@code mlp@dl4j}'s wherever
 * Smile has the feature; the {@code mlp@dl4j} parameters and values Smile lacks are refused by name, pointing to
 * {@code mlp@dl4j}, rather than ignored.
 *
 * <p>Defaults: {@code hidden=16,16}, {@code activation=relu}, {@code dropout=0}, {@code learning-rate=0.001},
 * {@code l2=0}, {@code epochs=20}, {@code batch-size=64} ({@code mlp@dl4j}'s differ: up to 200 epochs at 0.003 with
 * {@code l2=auto} and early stopping, which Smile lacks), and {@code rmsprop}: Smile has no Adam ({@code rho=0.95}, as
 * DL4J's RMSProp; epsilon 1e-8).
 *
 * <p><b>{@code l2}</b> is {@code mlp@dl4j}'s coefficient: with plain SGD ({@code optimizer=sgd momentum=0}) a step
 * takes the same {@code learning-rate · l2 · w} off every weight on both backends, and neither decays biases.
 * {@code mlp@dl4j} adds {@code l2·w} to the gradient of the batch's mean loss before its updater (DL4J's
 * {@code L2Regularization}, the gradient of {@code ½·l2·‖w‖²}); Smile multiplies the weights by
 * {@code 1 − 2·learning-rate·λ} after each step ({@code MultilayerPerceptron.update}), so it is given
 * {@code λ = l2/2} ({@link #smileWeightDecay}). What still differs: Smile shrinks after the step, so it also shrinks
 * that step, by {@code learning-rate²·l2} times the gradient; and with {@code rmsprop} Smile's decay stays decoupled
 * from the optimizer (the shrink follows the RMSProp step, as in AdamW), where {@code mlp@dl4j}'s {@code l2·w}
 * enters the gradient before the updater and is divided by RMSProp's running RMS with it. Smile refuses a shrink
 * factor of 0.9 or less, so {@code learning-rate × l2} must be below 0.1. Model files store Smile's {@code λ} under
 * {@code l2}, as files written before {@code l2} meant this did (see {@code SmileModelCodec}).
 *
 * <p><b>{@code momentum}</b> is classical (Polyak) momentum on Smile, {@code v ← momentum·v + learning-rate·(−g);
 * w ← w + v}, with the gradient {@code g} taken at {@code w}; {@code mlp@dl4j}'s is Nesterov's (DL4J's
 * {@code Nesterovs}: the gradient as if at the look-ahead point {@code w + momentum·v}), so the same value steps
 * differently. Both are plain SGD at {@code momentum=0}.
 *
 * @param hidden       units per hidden layer ({@code hidden})
 * @param activations  per hidden layer ({@code activation}, one value or one per layer): relu, leaky-relu
 *                     (slope 0.01), tanh, sigmoid
 * @param dropouts     per hidden layer ({@code dropout}): probability of dropping a unit's output while training
 * @param optimizer    {@code optimizer}: rmsprop or sgd (with classical momentum)
 * @param learningRate step size ({@code learning-rate})
 * @param momentum     sgd only ({@code momentum}, default 0.9; 0 is plain SGD): classical momentum (see above)
 * @param rho          rmsprop only: decay of the running mean of squared gradients ({@code rho})
 * @param l2           L2 penalty ({@code l2}, default 0), {@code mlp@dl4j}'s coefficient (see above): Smile shrinks
 *                     the weights (not biases) by {@code learning-rate · l2 · w} after each step
 * @param epochs       passes over the training rows ({@code epochs})
 * @param batchSize    rows per gradient step ({@code batch-size})
 * @param seed         overrides the training context's seed when present ({@code seed})
 */
public record MlpParams(List<Integer> hidden, List<String> activations, List<Double> dropouts, String optimizer,
                        double learningRate, double momentum, double rho, double l2, int epochs, int batchSize,
                        OptionalLong seed) implements SmileParams {

    public static final Set<String> ACTIVATIONS = Set.of("relu", "leaky-relu", "tanh", "sigmoid");
    public static final Set<String> OPTIMIZERS = Set.of("rmsprop", "sgd");

    /** {@code mlp@dl4j}'s parameters that Smile's network has no counterpart for. */
    static final Set<String> DL4J_ONLY = Set.of("init", "l1", "early-stopping", "patience", "min-delta", "restore-best");
    /** {@code mlp@dl4j}'s values that Smile's network lacks. */
    static final Set<String> DL4J_ONLY_ACTIVATIONS = Set.of("selu", "elu");
    static final Set<String> DL4J_ONLY_OPTIMIZERS = Set.of("adam", "nadam");

    /** Parameter names {@code mlp@smile} accepts. */
    public static final Set<String> NAMES = Set.of("hidden", "activation", "dropout", "optimizer", "learning-rate",
            "momentum", "rho", "l2", "epochs", "batch-size", "seed");

    static final double DEFAULT_RHO = 0.95;
    /** Twice 1e6, the largest Smile {@code lambda} files of earlier builds may hold (see {@link #smileWeightDecay}). */
    static final double MAX_L2 = 2e6;
    static final double MAX_DROPOUT = 0.95;

    public MlpParams {
        hidden = List.copyOf(hidden);
        activations = List.copyOf(activations);
        dropouts = List.copyOf(dropouts);
        int n = hidden.size();
        require(n >= 1 && hidden.stream().allMatch(h -> h >= 1 && h <= 1 << 16), "hidden", hidden, "one or more layer sizes in [1, 65536]");
        require(activations.size() == n && dropouts.size() == n, "hidden", hidden, "matched by one activation and dropout per layer");
        activations.forEach(a -> require(ACTIVATIONS.contains(a), "activation", a, "one of " + new TreeSet<>(ACTIVATIONS)));
        dropouts.forEach(d -> require(d >= 0 && d <= MAX_DROPOUT, "dropout", d, "in [0, " + MAX_DROPOUT + "]"));
        require(OPTIMIZERS.contains(optimizer), "optimizer", optimizer, "one of " + new TreeSet<>(OPTIMIZERS));
        require(learningRate > 0 && learningRate <= 10, "learning-rate", learningRate, "in (0, 10]");
        require(momentum >= 0 && momentum < 1, "momentum", momentum, "in [0, 1)");
        require(rho > 0 && rho < 1, "rho", rho, "in (0, 1)");
        require(l2 >= 0 && l2 <= MAX_L2, "l2", l2, "in [0, 2e6]");
        if (!(decayFactor(learningRate, l2) > MIN_DECAY_FACTOR)) {
            throw new UsageException("parameters l2=" + plain(l2) + " and learning-rate=" + plain(learningRate)
                    + " are too large together for " + SmileKind.MLP.model + ": learning-rate × l2 must be below 0.1 "
                    + "(Smile shrinks the weights by 1 − learning-rate × l2 after each step and refuses a factor of "
                    + "0.9 or less); lower either");
        }
        require(epochs >= 1 && epochs <= 1_000_000, "epochs", epochs, "in [1, 1000000]");
        require(batchSize >= 1 && batchSize <= 1 << 24, "batch-size", batchSize, "in [1, 16777216]");
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /**
     * Smile's {@code MultilayerPerceptron.update} multiplies every weight by {@code 1 - 2·eta·lambda} after each step and
     * throws {@code IllegalStateException} when that factor is below 0.9; at exactly 0.9 its layers skip the decay
     * altogether ({@code Layer.update} scales only for a factor in (0.9, 1)). So the factor must be above this.
     */
    static final double MIN_DECAY_FACTOR = 0.9;

    /** The factor Smile multiplies the weights by after each step, computed as Smile computes it. */
    static double decayFactor(double learningRate, double l2) {
        return 1 - 2.0 * learningRate * smileWeightDecay(l2);
    }

    /**
     * {@code l2} as Smile's {@code setWeightDecay} takes it: half of it. Smile multiplies the weights by
     * {@code 1 - 2·eta·lambda} after each step, so {@code lambda = l2/2} shrinks them by {@code 1 - eta·l2}, the
     * {@code eta·l2·w} that {@code mlp@dl4j}'s L2 (gradient {@code l2·w}) takes off with plain SGD. See {@link #l2()}.
     */
    static double smileWeightDecay(double l2) {
        return l2 / 2;
    }

    /** A number as a user writes it: 1 rather than 1.0, 0.00001 rather than 1.0E-5. */
    private static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static void require(boolean ok, String name, Object value, String what) {
        if (!ok) {
            throw new UsageException("parameter " + name + "=" + value + " must be " + what);
        }
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad, unknown or unsupported one. */
    public static MlpParams of(Hyperparameters p) {
        for (String name : new TreeSet<>(p.asMap().keySet())) {
            if (DL4J_ONLY.contains(name)) {
                throw new UsageException(name + " is not supported by " + SmileKind.MLP.model + "; use mlp@dl4j");
            }
        }
        p.requireKnown(NAMES, SmileKind.MLP.model);
        List<Integer> hidden = p.integers("hidden", List.of(16, 16), 1, 1 << 16);
        require(!hidden.isEmpty(), "hidden", "'" + p.string("hidden", "") + "'", "at least one layer size, such as 16,16");
        int n = hidden.size();
        List<String> activations = perLayer(p, "activation", "relu", n);
        for (String a : activations) {
            if (DL4J_ONLY_ACTIVATIONS.contains(a)) {
                throw new UsageException("activation=" + a + " is not supported by " + SmileKind.MLP.model + " (it has "
                        + String.join(", ", new TreeSet<>(ACTIVATIONS)) + "); use mlp@dl4j");
            }
        }
        List<Double> dropouts = new ArrayList<>();
        for (String d : perLayer(p, "dropout", "0", n)) {
            try {
                dropouts.add(dev.rareclass.domain.data.Decimals.parse(d));
            } catch (NumberFormatException e) {
                throw new UsageException("parameter dropout=" + d + " is not a number");
            }
        }
        String optimizerWord = p.string("optimizer", "rmsprop");
        if (DL4J_ONLY_OPTIMIZERS.contains(optimizerWord)) {
            throw new UsageException("optimizer=" + optimizerWord + " is not supported by " + SmileKind.MLP.model
                    + " (it has rmsprop, sgd); use mlp@dl4j");
        }
        String optimizer = p.choice("optimizer", "rmsprop", OPTIMIZERS);
        if (p.asMap().containsKey("momentum") && !optimizer.equals("sgd")) {
            throw new UsageException("parameter momentum applies to optimizer=sgd only, not " + optimizer);
        }
        if (p.asMap().containsKey("rho") && !optimizer.equals("rmsprop")) {
            throw new UsageException("parameter rho applies to optimizer=rmsprop only, not " + optimizer);
        }
        double lr = p.positive("learning-rate", 0.001, 10);
        double momentum = optimizer.equals("sgd") ? p.decimal("momentum", 0.9, 0, 0.999999) : 0;
        double rho = p.decimal("rho", DEFAULT_RHO, 1e-6, 0.999999);
        refuseDl4jWord(p, "l2", "auto", "10/N for N training rows", "a number >= 0, the same coefficient (default 0)");
        double l2 = p.decimal("l2", 0, 0, MAX_L2);
        int epochs = p.integer("epochs", 20, 1, 1_000_000);
        refuseDl4jWord(p, "batch-size", "all", "every training row in one batch", "a number of rows (default 64); "
                + "the training rows' count makes one batch of them all");
        int batch = p.integer("batch-size", 64, 1, 1 << 24);
        return new MlpParams(hidden, activations, dropouts, optimizer, lr, momentum, rho, l2, epochs, batch, p.seed());
    }

    /**
     * Refuses {@code mlp@dl4j}'s word {@code word} for {@code name} ({@code l2=auto}, {@code batch-size=all}), which
     * would otherwise be "not a number", saying what it means there and what {@code mlp@smile} takes.
     */
    private static void refuseDl4jWord(Hyperparameters p, String name, String word, String meaning, String takes) {
        if (p.string(name, "").strip().equalsIgnoreCase(word)) {
            throw new UsageException("parameter " + name + "=" + p.string(name, "") + " is mlp@dl4j's only (" + meaning
                    + " there); " + SmileKind.MLP.model + " takes " + takes);
        }
    }

    /** One value for every layer, or a comma list of exactly one per layer. */
    private static List<String> perLayer(Hyperparameters p, String name, String fallback, int layers) {
        String raw = p.string(name, fallback);
        List<String> values = p.list(name, List.of(fallback));
        if (values.size() == 1) {
            return java.util.Collections.nCopies(layers, values.get(0));
        }
        if (values.size() != layers) {
            throw new UsageException("parameter " + name + "=" + raw + " must be one value or one per hidden layer ("
                    + layers + ")");
        }
        return values;
    }

    /** The values as parameters, every key present but {@code seed} when unset. */
    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hidden", hidden.stream().map(String::valueOf).collect(Collectors.joining(",")));
        m.put("activation", String.join(",", activations));
        m.put("dropout", dropouts.stream().map(String::valueOf).collect(Collectors.joining(",")));
        m.put("optimizer", optimizer);
        m.put("learning-rate", Double.toString(learningRate));
        if (optimizer.equals("sgd")) {
            m.put("momentum", Double.toString(momentum));
        } else {
            m.put("rho", Double.toString(rho));
        }
        m.put("l2", Double.toString(l2));
        m.put("epochs", Integer.toString(epochs));
        m.put("batch-size", Integer.toString(batchSize));
        seed.ifPresent(s -> m.put("seed", Long.toString(s)));
        return Hyperparameters.of(m);
    }
}
