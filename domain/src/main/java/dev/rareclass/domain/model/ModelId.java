package dev.rareclass.domain.model;

import dev.rareclass.domain.error.UsageException;
import java.util.Objects;
import java.util.Optional;

/**
 * Which model: a kind ({@code logistic}, {@code mlp}, ...) and the backend that implements it. As the user
 * names it the backend may be absent ("the backend that has the kind"); a trainer factory's id always has one.
 * The one place where {@code kind@backend} is written and parsed.
 *
 * @param kind    such as {@code mlp}
 * @param backend such as {@code dl4j}; empty lets the catalog choose
 */
public record ModelId(String kind, Optional<String> backend) {

    public ModelId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(backend, "backend");
        if (notAName(kind)) {
            throw new UsageException("model '" + kind + backend.map(b -> "@" + b).orElse("") + "': the kind is not a name");
        }
        if (backend.isPresent() && notAName(backend.get())) {
            throw new UsageException("model '" + kind + "@" + backend.get() + "': the backend is not a name");
        }
    }

    /** Blank, with an {@code @}, or with a control character (which trimming dropped at either end: {@code knn\u0001} ran knn). */
    private static boolean notAName(String name) {
        return name.isBlank() || name.contains("@") || name.codePoints().anyMatch(Character::isISOControl);
    }

    /**
     * Whether this kind's training history counts boosting rounds (the boosted kinds: {@code gradient-boosting},
     * {@code adaboost}, {@code rus-boost}) rather than a network's epochs, as reports and messages name them.
     */
    public boolean countsRounds() {
        return kind.contains("boost");
    }

    /** A kind on a named backend. */
    public static ModelId of(String kind, String backend) {
        return new ModelId(kind, Optional.of(backend));
    }

    /** A kind on whichever backend has it. */
    public static ModelId anyBackend(String kind) {
        return new ModelId(kind, Optional.empty());
    }

    /**
     * Parses {@code KIND} or {@code KIND@BACKEND} as users write it.
     *
     * @throws UsageException for an empty name or a misplaced {@code @}
     */
    public static ModelId parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new UsageException("empty model name");
        }
        int at = s.indexOf('@');
        if (at == 0 || at == s.length() - 1 || at != s.lastIndexOf('@')) {
            throw new UsageException("model '" + text + "' is not KIND or KIND@BACKEND");
        }
        return at < 0 ? anyBackend(s) : of(s.substring(0, at), s.substring(at + 1));
    }

    /** This kind on the given backend, unless one is named already (an explicit backend wins). */
    public ModelId orOnBackend(Optional<String> defaultBackend) {
        return backend.isPresent() ? this : new ModelId(kind, defaultBackend);
    }

    /** {@code kind@backend}, or {@code kind} when no backend is named: what the user wrote, parseable again. */
    @Override
    public String toString() {
        return backend.map(b -> kind + "@" + b).orElse(kind);
    }
}
