package dev.rareclass.domain.experiment;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A search over one model's parameters (scikit-learn's RandomizedSearchCV / GridSearchCV): every trial is a
 * candidate evaluated on the same splits.
 *
 * @param base   the model and its fixed parameters; a trial's parameters override them
 * @param space  where to search
 * @param method random or grid
 * @param trials random search's budget (grid search tries the whole grid)
 * @param source where the space was written (its file, or a recipe's {@code tune.space}), for messages about its
 *               values
 * @param file   the space's own file, when it has one: an input of the search, which no output may replace
 */
public record Tuning(Candidate base, SearchSpace space, Method method, int trials, String source,
                     java.util.Optional<java.nio.file.Path> file) {

    /** How trials are chosen. */
    public enum Method {
        RANDOM, GRID;

        /** @throws UsageException naming the known methods */
        public static Method fromKey(String key) {
            return switch (key.toLowerCase(Locale.ROOT)) {
                case "random" -> RANDOM;
                case "grid" -> GRID;
                default -> throw new UsageException("unknown search '" + key + "'; known: random, grid");
            };
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Tuning {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(method, "method");
        if (method == Method.RANDOM && trials < 1) {
            throw new UsageException("--trials must be 1 or more, got " + trials);
        }
        for (String key : space.params().keySet()) {
            // every trial's value would replace the fixed one without a word
            String fixed = base.params().asMap().get(key);
            if (fixed != null) {
                throw new UsageException("parameter " + key + " is both fixed (" + key + "=" + fixed + ") and searched"
                        + (source.equals("the search space") ? "" : " by " + source) + ": give it in one place");
            }
        }
    }

    /** A search whose space's source is not known (messages then say "the search space"). */
    public Tuning(Candidate base, SearchSpace space, Method method, int trials) {
        this(base, space, method, trials, "the search space", java.util.Optional.empty());
    }

    /** A search whose space was read from {@code file}. */
    public Tuning(Candidate base, SearchSpace space, Method method, int trials, java.nio.file.Path file) {
        this(base, space, method, trials, file.toString(), java.util.Optional.of(file));
    }

    /** This search, its space read from {@code source}. */
    public Tuning from(String source) {
        return new Tuning(base, space, method, trials, source, file);
    }

    /** The trials as candidates, in order: the grid, or {@code trials} draws seeded with {@code seed}. */
    public List<Candidate> candidates(long seed) {
        List<Hyperparameters> sets = method == Method.GRID ? space.grid() : space.sample(trials, seed);
        return sets.stream().map(s -> base.withParams(merge(base.params(), s))).toList();
    }

    /** A line for reports: the method, and the budget of a random search. */
    public String describe() {
        return method.key() + (method == Method.RANDOM ? ", " + trials + " trials" : "");
    }

    private static Hyperparameters merge(Hyperparameters fixed, Hyperparameters trial) {
        Map<String, String> m = new LinkedHashMap<>(fixed.asMap());
        m.putAll(trial.asMap());
        return Hyperparameters.of(m);
    }
}
