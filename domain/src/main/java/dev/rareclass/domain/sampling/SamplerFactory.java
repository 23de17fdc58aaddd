package dev.rareclass.domain.sampling;

import dev.rareclass.domain.model.Hyperparameters;
import java.util.Set;

/**
 * Entry point of one sampler, registered under its name ({@code smote}, {@code near-miss-1}, ...).
 * Parameters such as {@code ratio} and {@code k} are validated by {@link #create}.
 */
public interface SamplerFactory {

    String name();

    Set<String> parameterNames();

    /** Validates the parameters (a {@code UsageException} names the bad one) and returns a sampler. */
    Sampler create(Hyperparameters params);
}
