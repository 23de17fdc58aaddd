package dev.rareclass.domain.sampling;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.Objects;

/**
 * A sampler as a user asks for it: its name and its parameters ({@code ratio}, {@code k}). The catalog turns
 * it into a {@link Sampler} once, when a pipeline is resolved.
 *
 * @param name   such as {@code smote}; {@code none} for no resampling
 * @param params the sampler's parameters; absent ones take the sampler's defaults
 */
public record SamplerChoice(String name, Hyperparameters params) {

    public static final SamplerChoice NONE = new SamplerChoice(SamplerCatalog.NONE, Hyperparameters.empty());

    public SamplerChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        name = name.trim();
    }

    public static SamplerChoice named(String name) {
        return new SamplerChoice(name, Hyperparameters.empty());
    }

    public boolean isNone() {
        return name.equals(SamplerCatalog.NONE);
    }

    public SamplerChoice withParams(Hyperparameters newParams) {
        return new SamplerChoice(name, newParams);
    }

    @Override
    public String toString() {
        return name;
    }
}
