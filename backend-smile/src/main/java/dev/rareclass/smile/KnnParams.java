package dev.rareclass.smile;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Validated parameters of {@code knn@smile}.
 *
 * @param k neighbours that vote ({@code k}, default 5, scikit-learn's {@code n_neighbors}); at most the number
 *          of training rows, checked when training
 * @param seed {@code seed}, taken as every kind takes it, so that one {@code --param seed=N} reaches every
 *             model of a comparison; recorded, and it changes nothing here: the fit draws no random numbers
 */
public record KnnParams(int k, OptionalLong seed) implements SmileParams {

    static final String K = "k";

    /** Parameter names {@code knn@smile} accepts. */
    public static final Set<String> NAMES = Set.of(K, Hyperparameters.SEED);

    static final int MAX_K = 100_000;

    public static final KnnParams DEFAULTS = new KnnParams(5);

    public KnnParams {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be in [1, " + MAX_K + "], got " + k);
        }
        java.util.Objects.requireNonNull(seed, "seed");
    }

    /** Without a seed. */
    public KnnParams(int k) {
        this(k, OptionalLong.empty());
    }

    /** Reads and validates user parameters; a {@code UsageException} names the bad or unknown one. */
    public static KnnParams of(Hyperparameters p) {
        p.requireKnown(NAMES, SmileKind.KNN.model);
        return new KnnParams(p.integer(K, DEFAULTS.k, 1, MAX_K), p.seed());
    }

    public Hyperparameters toHyperparameters() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(K, Integer.toString(k));
        SmileParams.putSeed(m, seed);
        return Hyperparameters.of(m);
    }
}
