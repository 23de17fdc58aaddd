package dev.rareclass.domain.experiment;

import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import java.util.Objects;

/**
 * A model to try: which one, and its parameters.
 *
 * @param model  kind, and backend when named
 * @param params the model's parameters
 */
public record Candidate(ModelId model, Hyperparameters params) {

    public Candidate {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(params, "params");
    }

    /** Parses {@code kind} or {@code kind@backend}. */
    public static Candidate parse(String spec, Hyperparameters params) {
        return new Candidate(ModelId.parse(spec), params);
    }

    public Candidate withParams(Hyperparameters newParams) {
        return new Candidate(model, newParams);
    }
}
