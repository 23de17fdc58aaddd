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

    SmileSamplerFactory(String name, Set<String> params, SamplerParams defaults, Algorithm algorithm) {
        this.name = name;
        this.params = Set.copyOf(params);
        this.defaults = defaults;
        this.algorithm = algorithm;
    }

    private static final Set<String> OVER = Set.of(SamplerParams.RATIO);
    private static final Set<String> SMOTE = Set.of(SamplerParams.RATIO, SamplerParams.K);
    private static final Set<String> BORDERLINE = Set.of(SamplerParams.RATIO, SamplerParams.K, SamplerParams.M);

    /** Every sampler of this backend, in registration order. */
    public static List<SmileSamplerFactory> all() {
        return List.of(
                new SmileSamplerFactory("random-over", OVER, SamplerParams.defaults(5), OverSamplers::randomOver),
                new SmileSamplerFactory("random-under", OVER, SamplerParams.defaults(5), UnderSamplers::randomUnder),
                new SmileSamplerFactory("smote", SMOTE, SamplerParams.defaults(5), OverSamplers::smote),
                new SmileSamplerFactory("borderline-smote-1", BORDERLINE, SamplerParams.defaults(5),
                        (in, p, seed, n) -> OverSamplers.borderline(in, p, seed, n, 1)),
                new SmileSamplerFactory("borderline-smote-2", BORDERLINE, SamplerParams.defaults(5),
                        (in, p, seed, n) -> OverSamplers.borderline(in, p, seed, n, 2)),
                new SmileSamplerFactory("adasyn", SMOTE, SamplerParams.defaults(5), OverSamplers::adasyn),
                new SmileSamplerFactory("svm-smote", Set.of(SamplerParams.RATIO, SamplerParams.K, SamplerParams.M,
                        SamplerParams.OUT_STEP, SamplerParams.C), SamplerParams.defaults(5), SvmSmote::resample),
                new SmileSamplerFactory("near-miss-1", SMOTE, SamplerParams.defaults(3),
                        (in, p, seed, n) -> UnderSamplers.nearMiss(in, p, n, 1)),
                new SmileSamplerFactory("near-miss-2", SMOTE, SamplerParams.defaults(3),
                        (in, p, seed, n) -> UnderSamplers.nearMiss(in, p, n, 2)),
                new SmileSamplerFactory("near-miss-3", Set.of(SamplerParams.RATIO, SamplerParams.K, SamplerParams.K_VER3),
                        SamplerParams.defaults(3), (in, p, seed, n) -> UnderSamplers.nearMiss(in, p, n, 3)),
                new SmileSamplerFactory("tomek", Set.of(), SamplerParams.defaults(1),
                        (in, p, seed, n) -> Cleaners.tomek(in, n, false)),
                new SmileSamplerFactory("enn", Set.of(SamplerParams.K), SamplerParams.defaults(3),
                        (in, p, seed, n) -> Cleaners.enn(in, p.k(), n, false)),
                new SmileSamplerFactory("smote-tomek", SMOTE, SamplerParams.defaults(5),
                        (in, p, seed, n) -> Cleaners.after(OverSamplers.smote(in, p, seed, n), in, r -> Cleaners.tomek(r, n, true))),
                new SmileSamplerFactory("smote-enn", Set.of(SamplerParams.RATIO, SamplerParams.K, SamplerParams.ENN_K),
                        SamplerParams.defaults(5),
                        (in, p, seed, n) -> Cleaners.after(OverSamplers.smote(in, p, seed, n), in, r -> Cleaners.enn(r, p.ennK(), n, true))));
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
        return new Sampler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Resampled resample(SamplingInput input, long seed) {
                return algorithm.resample(input, p, seed, name);
            }
        };
    }

    @Override
    public String toString() {
        return "sampler " + name;
    }
}
