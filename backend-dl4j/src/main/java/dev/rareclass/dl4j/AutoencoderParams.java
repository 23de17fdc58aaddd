package dev.rareclass.dl4j;

import static dev.rareclass.dl4j.MlpParams.require;
import static dev.rareclass.dl4j.MlpParams.sorted;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Validated parameters of {@code autoencoder@dl4j}: dense layers that reconstruct their input, trained with
 * mean squared error on negative rows only. Pure Java.
 *
 * <p>Defaults reproduce the layout of the article rareclass follows (PRODUCT §9.3): {@code layers=32,16,16},
 * {@code activation=tanh,relu,tanh}, {@code l1-activity=0.001} (an L1 penalty on the first layer's outputs,
 * Keras' {@code activity_regularizer=l1(1e-3)}), then an output layer as wide as the input with
 * {@code output-activation=relu}. On standardized features a relu output cannot produce the negative half
 * of the values, so its error has a floor; {@code output-activation=identity} removes it. {@code init} is
 * glorot-uniform for every layer (Keras' default for Dense); {@code epochs=100}, {@code batch-size=128},
 * {@code optimizer=adam}, {@code learning-rate=0.001}; {@code early-stopping=val_loss} (the mean
 * reconstruction error of the negative validation rows) with {@code patience=10}, {@code min-delta=0},
 * {@code restore-best=true}. The early-stopping default is off when there are no validation rows; asking for
 * it explicitly then fails.
 *
 * <p>{@code clip=C} (off by default, 0) clips the inputs, which the pipeline has standardized, to [-C, C] before
 * the network sees them, in training and in scoring, so that a few heavy-tailed features cannot dominate the
 * reconstruction error (on the paper-mill data, where ten of the 59 sensors reach 12 to 29 standard deviations,
 * {@code clip=3} raised the article's layout's test recall at about 6% false positives from 8-12% to 21% on the
 * Python peer's split, and left it about where it was, 20-22%, on the recipe's stratified split).
 *
 * @param layers           units per hidden layer, encoder then decoder
 * @param activations      per hidden layer
 * @param outputActivation activation of the reconstruction: identity or any hidden activation
 * @param inits            per layer, hidden layers then the output layer's (the last hidden layer's init)
 * @param l1Activity       L1 activity penalty on the first hidden layer's outputs, 0 for none
 * @param clip             inputs clipped to [-clip, clip], 0 for none
 */
public record AutoencoderParams(List<Integer> layers, List<String> activations, String outputActivation,
                                List<String> inits, double l1Activity, double clip, String optimizer, double learningRate,
                                double momentum, double rho, double l2, int epochs, int batchSize, EarlyStopping earlyStopping,
                                OptionalLong seed) {

    public static final Set<String> OUTPUT_ACTIVATIONS;
    public static final Set<String> MONITORS = Set.of("none", "val_loss", "val_pr_auc", "val_roc_auc");
    public static final Set<String> NAMES = Stream.concat(Stream.of("layers", "activation", "output-activation", "init",
            "l1-activity", "clip", "optimizer", "learning-rate", "momentum", "rho", "l2", "epochs", "batch-size", "seed"),
            EarlyStopping.NAMES.stream()).collect(Collectors.toUnmodifiableSet());

    static {
        Set<String> out = new HashSet<>(MlpParams.ACTIVATIONS);
        out.add("identity");
        OUTPUT_ACTIVATIONS = Set.copyOf(out);
    }

    public AutoencoderParams {
        layers = List.copyOf(layers);
        activations = List.copyOf(activations);
        inits = List.copyOf(inits);
        require(!layers.isEmpty(), "layers", layers, "at least one layer");
        for (int h : layers) {
            require(h >= 1, "layers", h, "at least 1 unit per layer");
        }
        require(activations.size() == layers.size() && inits.size() == layers.size(), "layers", layers,
                "matched by one activation and init per layer");
        activations.forEach(a -> require(MlpParams.ACTIVATIONS.contains(a), "activation", a, "one of " + sorted(MlpParams.ACTIVATIONS)));
        inits.forEach(i -> require(MlpParams.INITS.contains(i), "init", i, "one of " + sorted(MlpParams.INITS)));
        require(OUTPUT_ACTIVATIONS.contains(outputActivation), "output-activation", outputActivation, "one of " + sorted(OUTPUT_ACTIVATIONS));
        require(l1Activity >= 0 && Double.isFinite(l1Activity), "l1-activity", l1Activity, ">= 0");
        require(clip >= 0 && Double.isFinite(clip), "clip", clip, ">= 0 (0: no clipping)");
        require(MlpParams.OPTIMIZERS.contains(optimizer), "optimizer", optimizer, "one of " + sorted(MlpParams.OPTIMIZERS));
        require(learningRate > 0 && learningRate <= 10, "learning-rate", learningRate, "in (0, 10]");
        require(l2 >= 0 && Double.isFinite(l2), "l2", l2, ">= 0");
        require(epochs >= 1, "epochs", epochs, ">= 1");
        require(batchSize >= 1, "batch-size", batchSize, ">= 1");
        require(MONITORS.contains(earlyStopping.monitor()), "early-stopping", earlyStopping.monitor(), "one of " + sorted(MONITORS));
    }

    public static AutoencoderParams of(Hyperparameters p) {
        p.requireKnown(NAMES, "autoencoder@dl4j");
        List<Integer> layers = p.integers("layers", List.of(32, 16, 16), 1, 1 << 16);
        require(!layers.isEmpty(), "layers", p.string("layers", ""), "at least one layer");
        int n = layers.size();
        List<String> defaults = List.of("tanh", "relu", "tanh");
        List<String> activations = LayerLists.words(p, "activation", n, MlpParams.ACTIVATIONS,
                i -> n == 3 ? defaults.get(i) : "tanh");
        String output = p.choice("output-activation", "relu", OUTPUT_ACTIVATIONS);
        List<String> inits = LayerLists.words(p, "init", n, MlpParams.INITS, i -> "glorot-uniform");
        double l1Activity = p.decimal("l1-activity", 1e-3, 0, 1e6);
        double clip = clipOf(p);
        String optimizer = p.choice("optimizer", "adam", MlpParams.OPTIMIZERS);
        double lr = MlpParams.learningRate(p, 0.001);
        double momentum = MlpParams.momentum(p, optimizer);
        double rho = MlpParams.rho(p, optimizer);
        double l2 = p.decimal("l2", 0, 0, 1e6);
        int epochs = p.integer("epochs", 100, 1, 1_000_000);
        int batch = p.integer("batch-size", 128, 1, 1 << 24);
        EarlyStopping es = EarlyStopping.of(p, "val_loss", MONITORS);
        return new AutoencoderParams(layers, activations, output, inits, l1Activity, clip, optimizer, lr, momentum, rho, l2,
                epochs, batch, es, p.seed());
    }

    /** The {@code clip} of {@code p} (also read back from a saved model's parameters), 0 when absent. */
    static double clipOf(Hyperparameters p) {
        return p.decimal("clip", 0, 0, 1e6);
    }

    public long seedOr(long contextSeed) {
        return seed.orElse(contextSeed);
    }

    public Hyperparameters asHyperparameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("layers", layers.stream().map(String::valueOf).collect(Collectors.joining(",")));
        m.put("activation", String.join(",", activations));
        m.put("output-activation", outputActivation);
        m.put("init", LayerLists.join(inits));
        m.put("l1-activity", Double.toString(l1Activity));
        if (clip > 0) {
            m.put("clip", Double.toString(clip));
        }
        m.put("optimizer", optimizer);
        m.put("learning-rate", Double.toString(learningRate));
        if (optimizer.equals("sgd")) {
            m.put("momentum", Double.toString(momentum));
        }
        if (optimizer.equals("rmsprop")) {
            m.put("rho", Double.toString(rho));
        }
        m.put("l2", Double.toString(l2));
        m.put("epochs", Integer.toString(epochs));
        m.put("batch-size", Integer.toString(batchSize));
        earlyStopping.putInto(m);
        seed.ifPresent(s -> m.put("seed", Long.toString(s)));
        return Hyperparameters.of(m);
    }
}
