package dev.rareclass.domain.experiment;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.Objects;
import java.util.Optional;

/**
 * A model to try: kind, optional backend, and its parameters.
 *
 * @param kind    such as {@code mlp}
 * @param backend such as {@code dl4j}; empty picks the default backend for the kind
 * @param params  the model's parameters
 */
public record Candidate(String kind, Optional<String> backend, Hyperparameters params) {

    public Candidate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(params, "params");
    }

    /** Parses {@code kind} or {@code kind@backend}. */
    public static Candidate parse(String spec, Hyperparameters params) {
        String s = spec.trim();
        if (s.isEmpty()) {
            throw new UsageException("empty model name");
        }
        int at = s.indexOf('@');
        if (at == 0 || at == s.length() - 1) {
            throw new UsageException("model '" + spec + "' is not KIND or KIND@BACKEND");
        }
        return at < 0 ? new Candidate(s, Optional.empty(), params)
                : new Candidate(s.substring(0, at), Optional.of(s.substring(at + 1)), params);
    }

    public Candidate withParams(Hyperparameters newParams) {
        return new Candidate(kind, backend, newParams);
    }
}
