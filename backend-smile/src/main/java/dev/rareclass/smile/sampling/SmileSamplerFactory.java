package dev.rareclass.smile.sampling;

import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.Sampler;
import dev.rareclass.domain.sampling.SamplerFactory;
import dev.rareclass.domain.sampling.SamplingInput;
import java.util.List;
import java.util.Set;

/** One registered sampler: its name, the parameters it takes, their defaults and what it does. */
public final class SmileSamplerFactory implements SamplerFactory {

    /** What a sampler does with validated parameters. */
    @FunctionalInterface
    interface Algorithm {
        Resampled resample(SamplingInput in, SamplerParams p, long seed, String name);
    }

    private final String name;
    private final Set<String> params;
    private final SamplerParams defaults;
    private final Algorithm algorithm;
    private final boolean interpolates;

    /**
     * @param interpolates a SMOTE-family sampler: it draws each synthetic row between a minority row and one of
     *                     its {@code k} nearest minority rows, so {@code k} is capped at the minority rows less one
     */
    SmileSamplerFactory(String name, Set<String> params, SamplerParams defaults, Algorithm algorithm,
                        boolean interpolates) {
        this.name = name;
        this.params = Set.copyOf(params);
        this.defaults = defaults;
        this.algorithm = algorithm;
        this.interpolates = interpolates;
    }

    SmileSamplerFactory(String name, Set<String> params, SamplerParams defaults, Algorithm algorithm) {
        this(name, params, defaults, algorithm, false);
    }

    private static final Set<String> OVER = Set.of(SamplerParams.RATIO);
    private static final Set<String> SMOTE = Set.of(SamplerParams.RATIO, SamplerParams.K);
    private static final Set<String> BORDERLINE = Set.of(SamplerParams.RATIO, SamplerParams.K, SamplerParams.M);

    /** Every sampler of this backend, in registration order. */
    public static List<SmileSamplerFactory> all() {
        return List.of(
                new SmileSamplerFactory("random-over", OVER, SamplerParams.defaults(5), OverSamplers::randomOver),
                new SmileSamplerFactory("random-under", OVER, SamplerParams.defaults(5), UnderSamplers::randomUnder),
                new SmileSamplerFactory("smote", SMOTE, SamplerParams.defaults(5), OverSamplers::smote, true),
                new SmileSamplerFactory("borderline-smote-1", BORDERLINE, SamplerParams.defaults(5),
                        (in, p, seed, n) -> OverSamplers.borderline(in, p, seed, n, 1), true),
                new SmileSamplerFactory("borderline-smote-2", BORDERLINE, SamplerParams.defaults(5),
                        (in, p, seed, n) -> OverSamplers.borderline(in, p, seed, n, 2), true),
                new SmileSamplerFactory("adasyn", SMOTE, SamplerParams.defaults(5), OverSamplers::adasyn, true),
                new SmileSamplerFactory("svm-smote", Set.of(SamplerParams.RATIO, SamplerParams.K, SamplerParams.M,
                        SamplerParams.OUT_STEP, SamplerParams.C), SamplerParams.defaults(5), SvmSmote::resample, true),
                new SmileSamplerFactory("near-miss-1", SMOTE, SamplerParams.defaults(3),
                        (in, p, seed, n) -> UnderSamplers.nearMiss(in, p, n, 1)),
                new SmileSamplerFactory("near-miss-2", SMOTE, SamplerParams.defaults(3),
                        (in, p, seed, n) -> UnderSamplers.nearMiss(in, p, n, 2)),
                new SmileSamplerFactory("near-miss-3", Set.of(SamplerParams.RATIO, SamplerParams.K, SamplerParams.K_VER3),
                        SamplerParams.defaults(3), (in, p, seed, n) -> UnderSamplers.nearMiss(in, p, n, 3)),
                new SmileSamplerFactory("tomek", Set.of(), SamplerParams.defaults(1),
                        (in, p, seed, n) -> Cleaners.tomek(in, n, false)),
                new SmileSamplerFactory("enn", Set.of(SamplerParams.K), SamplerParams.defaults(3),
                        (in, p, seed, n) -> Cleaners.enn(in, p, n, false)),
                new SmileSamplerFactory("smote-tomek", SMOTE, SamplerParams.defaults(5),
                        (in, p, seed, n) -> Cleaners.after(OverSamplers.smote(in, p, seed, n), in, r -> Cleaners.tomek(r, n, true)),
                        true),
                new SmileSamplerFactory("smote-enn", Set.of(SamplerParams.RATIO, SamplerParams.K, SamplerParams.ENN_K),
                        SamplerParams.defaults(5),
                        (in, p, seed, n) -> Cleaners.after(OverSamplers.smote(in, p, seed, n), in, r -> Cleaners.enn(r, p, n, true)),
                        true));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> parameterNames() {
        return params;
    }

    @Override
    public Sampler create(Hyperparameters hp) {
        SamplerParams p = SamplerParams.of(hp, params, defaults, name);
        // the caps applied, by the k they came to, with the class they were short of; sorted, so that the notes
        // read the same whatever order parallel folds resampled in
        java.util.concurrent.ConcurrentSkipListMap<Integer, String> caps = new java.util.concurrent.ConcurrentSkipListMap<>(
                java.util.Comparator.reverseOrder());
        return new Sampler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Resampled resample(SamplingInput input, long seed) {
                return algorithm.resample(input, interpolates ? capped(input, p, caps) : p, seed, name);
            }

            @Override
            public boolean picksWholeRows() {
                return name.equals("random-over") || name.equals("random-under");
            }

            @Override
            public List<String> notes() {
                return caps.entrySet().stream().map(e -> name + " k=" + p.k() + " capped at " + e.getKey() + ": only "
                        + (e.getKey() + 1) + " " + e.getValue() + " rows to draw neighbours from").toList();
            }
        };
    }

    /**
     * A SMOTE-family sampler interpolates between a minority row and one of its {@code k} nearest other minority
     * rows, so it can use at most the minority rows less one. imbalanced-learn refuses a larger {@code k}
     * ("Expected n_neighbors <= n_samples_fit"); here it is capped, and the cap recorded for a note, because in
     * cross-validation the rows a training part holds are not the user's to choose. A single minority row has
     * nothing to interpolate towards: refused.
     */
    private SamplerParams capped(SamplingInput in, SamplerParams p,
                                 java.util.concurrent.ConcurrentMap<Integer, String> caps) {
        int positives = in.y().positives();
        int negatives = in.y().size() - positives;
        int minority = Math.min(positives, negatives);
        String rows = positives <= negatives ? "positive" : "negative";
        if (minority == 0 || p.k() < minority) {
            return p; // nothing to cap (a missing class is the algorithm's to refuse)
        }
        if (minority == 1) {
            throw new dev.rareclass.domain.error.DataException("sampler " + name + ": only 1 " + rows + " row to "
                    + "resample, and SMOTE draws new rows between two; use random-over (in cross-validation, fewer "
                    + "folds can leave each training part 2 or more " + rows + " rows)");
        }
        caps.putIfAbsent(minority - 1, rows);
        return p.withK(minority - 1);
    }

    @Override
    public String toString() {
        return "sampler " + name;
    }
}
