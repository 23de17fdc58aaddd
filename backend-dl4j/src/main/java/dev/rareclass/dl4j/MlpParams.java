package dev.rareclass.dl4j;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validated parameters of a DL4J feed-forward network ending in one sigmoid unit with binary cross-entropy.
 * Pure Java: building one never touches ND4J.
 *
 * <p>Defaults ({@code mlp}): {@code hidden=16,16}, {@code activation=relu}, {@code init} by activation
 * (he-uniform for relu, elu and leaky-relu; lecun-normal for selu; glorot-uniform for tanh and sigmoid),
 * {@code dropout=0}, {@code optimizer=adam}, {@code learning-rate=0.001}, {@code l2=0}, {@code epochs=20},
 * {@code batch-size=64}, {@code seed} unset (the training context's seed is used).
 *
 * <p>Defaults ({@code logistic}, see {@link #logistic}): no hidden layer, {@code optimizer=adam},
 * {@code learning-rate=0.01}, {@code l2=0}, {@code epochs=50}, {@code batch-size=64}, glorot-uniform init.
 * A single sigmoid unit learns more slowly per step than a hidden layer stack, hence the larger rate and
 * more epochs.
 *
 * @param hidden       units per hidden layer, in order; empty means a logistic regression
 * @param activation   hidden-layer activation: relu, selu, tanh, elu, leaky-relu, sigmoid
 * @param init         weight init: he-uniform, he-normal, glorot-uniform, glorot-normal, lecun-normal
 * @param dropout      probability of <em>dropping</em> a hidden unit's output during training (Keras'
 *                     meaning), applied after every hidden layer; DL4J's {@code dropOut(p)} takes the
 *                     <em>retain</em> probability, see {@link #retainProbability()}
 * @param optimizer    adam, rmsprop, sgd, nadam
 * @param learningRate step size of the optimizer
 * @param l2           L2 penalty on weights (not biases)
 * @param epochs       passes over the training data
 * @param batchSize    rows per gradient step
 * @param seed         overrides the training context's seed when present
 */
public record MlpParams(List<Integer> hidden, String activation, String init, double dropout, String optimizer,
                        double learningRate, double l2, int epochs, int batchSize, OptionalLong seed) {

    public static final Set<String> ACTIVATIONS = Set.of("relu", "selu", "tanh", "elu", "leaky-relu", "sigmoid");
    public static final Set<String> INITS = Set.of("he-uniform", "he-normal", "glorot-uniform", "glorot-normal", "lecun-normal");
    public static final Set<String> OPTIMIZERS = Set.of("adam", "rmsprop", "sgd", "nadam");

    /** Parameter names of {@code mlp@dl4j}. */
    public static final Set<String> MLP_NAMES = Set.of("hidden", "activation", "init", "dropout", "optimizer",
            "learning-rate", "l2", "epochs", "batch-size", "seed");
    /** Parameter names of {@code logistic@dl4j}. */
    public static final Set<String> LOGISTIC_NAMES = Set.of("learning-rate", "epochs", "batch-size", "l2", "optimizer", "seed");

    /** Largest dropout: at 1 nothing would pass and DL4J's retain probability would be 0. */
    public static final double MAX_DROPOUT = 0.95;

    public MlpParams {
        hidden = List.copyOf(hidden);
        for (int h : hidden) {
            if (h < 1) {
                throw new UsageException("parameter hidden=" + hidden + ": every layer needs at least 1 unit");
            }
        }
        require(ACTIVATIONS.contains(activation), "activation", activation, "one of " + sorted(ACTIVATIONS));
        require(INITS.contains(init), "init", init, "one of " + sorted(INITS));
        require(OPTIMIZERS.contains(optimizer), "optimizer", optimizer, "one of " + sorted(OPTIMIZERS));
        require(dropout >= 0 && dropout <= MAX_DROPOUT, "dropout", dropout, "in [0, " + MAX_DROPOUT + "]");
        require(learningRate > 0 && learningRate <= 10, "learning-rate", learningRate, "in (0, 10]");
        require(l2 >= 0 && Double.isFinite(l2), "l2", l2, ">= 0");
        require(epochs >= 1, "epochs", epochs, ">= 1");
        require(batchSize >= 1, "batch-size", batchSize, ">= 1");
    }

    /** Reads {@code mlp@dl4j} parameters; unknown keys and bad values fail naming the parameter. */
    public static MlpParams of(Hyperparameters p) {
        p.requireKnown(MLP_NAMES, "mlp@dl4j");
        List<Integer> hidden = p.integers("hidden", List.of(16, 16), 1, 1 << 16);
        String activation = p.choice("activation", "relu", ACTIVATIONS);
        String init = p.choice("init", defaultInit(activation), INITS);
        double dropout = p.decimal("dropout", 0, 0, MAX_DROPOUT);
        String optimizer = p.choice("optimizer", "adam", OPTIMIZERS);
        double lr = p.decimal("learning-rate", 0.001, Double.MIN_VALUE, 10);
        double l2 = p.decimal("l2", 0, 0, 1e6);
        int epochs = p.integer("epochs", 20, 1, 1_000_000);
        int batch = p.integer("batch-size", 64, 1, 1 << 24);
        return new MlpParams(hidden, activation, init, dropout, optimizer, lr, l2, epochs, batch, seed(p));
    }

    /** Reads {@code logistic@dl4j} parameters: the same network without hidden layers. */
    public static MlpParams logistic(Hyperparameters p) {
        p.requireKnown(LOGISTIC_NAMES, "logistic@dl4j");
        String optimizer = p.choice("optimizer", "adam", OPTIMIZERS);
        double lr = p.decimal("learning-rate", 0.01, Double.MIN_VALUE, 10);
        double l2 = p.decimal("l2", 0, 0, 1e6);
        int epochs = p.integer("epochs", 50, 1, 1_000_000);
        int batch = p.integer("batch-size", 64, 1, 1 << 24);
        // activation is unused without hidden layers; it only records what the constructor needs.
        return new MlpParams(List.of(), "sigmoid", "glorot-uniform", 0, optimizer, lr, l2, epochs, batch, seed(p));
    }

    /** The init that suits an activation: He for the ReLU family, LeCun for SELU, Glorot otherwise. */
    public static String defaultInit(String activation) {
        return switch (activation) {
            case "relu", "elu", "leaky-relu" -> "he-uniform";
            case "selu" -> "lecun-normal";
            default -> "glorot-uniform";
        };
    }

    /** DL4J's {@code dropOut(x)} argument: the probability of keeping a unit, {@code 1 - dropout}. */
    public double retainProbability() {
        return 1.0 - dropout;
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
            m.put("activation", activation);
            m.put("init", init);
            m.put("dropout", Double.toString(dropout));
        }
        m.put("optimizer", optimizer);
        m.put("learning-rate", Double.toString(learningRate));
        m.put("l2", Double.toString(l2));
        m.put("epochs", Integer.toString(epochs));
        m.put("batch-size", Integer.toString(batchSize));
        seed.ifPresent(s -> m.put("seed", Long.toString(s)));
        return Hyperparameters.of(m);
    }

    private static OptionalLong seed(Hyperparameters p) {
        String raw = p.asMap().get("seed");
        if (raw == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(raw.trim()));
        } catch (NumberFormatException e) {
            throw new UsageException("parameter seed=" + raw + " is not an integer");
        }
    }

    private static void require(boolean ok, String name, Object value, String expected) {
        if (!ok) {
            throw new UsageException("parameter " + name + "=" + value + " must be " + expected);
        }
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", new java.util.TreeSet<>(s));
    }
}
