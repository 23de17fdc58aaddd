package dev.rareclass.domain.sampling;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.Set;

/** The {@code none} sampler: training rows as they are. */
public final class NoSampler implements SamplerFactory, Sampler {

    public static final NoSampler INSTANCE = new NoSampler();

    private NoSampler() {
    }

    @Override
    public String name() {
        return SamplerCatalog.NONE;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of();
    }

    @Override
    public Sampler create(Hyperparameters params) {
        params.requireKnown(parameterNames(), "sampler none");
        return this;
    }

    @Override
    public Resampled resample(SamplingInput input, long seed) {
        return Resampled.unchanged(input);
    }
}
