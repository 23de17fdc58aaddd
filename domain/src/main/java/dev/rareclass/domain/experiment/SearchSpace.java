package dev.rareclass.domain.experiment;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where {@code tune} looks: one distribution per parameter, like scikit-learn's {@code param_distributions}.
 * Random search samples {@code trials} parameter sets; grid search takes every combination of
 * {@link Choice} lists.
 *
 * @param params parameter name → distribution, in file order
 */
public record SearchSpace(Map<String, Distribution> params) {

    public SearchSpace {
        if (params.isEmpty()) {
            throw new UsageException("the search space is empty");
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A parameter's distribution. Values are strings, as {@code --param} takes them. */
    public sealed interface Distribution permits Choice, Uniform, LogUniform, IntRange {
        String sample(SplittableRandom rng);
    }

    /** One of a list of values, each equally likely. */
    public record Choice(List<String> values) implements Distribution {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new UsageException("a choice needs at least one value");
            }
        }

        @Override
        public String sample(SplittableRandom rng) {
            return values.get(rng.nextInt(values.size()));
        }
    }

    /** A real number uniform in [low, high). */
    public record Uniform(double low, double high) implements Distribution {
        public Uniform {
            if (!(low < high)) {
                throw new UsageException("uniform needs low < high, got [" + low + ", " + high + "]");
            }
        }

        @Override
        public String sample(SplittableRandom rng) {
            return format(low + (high - low) * rng.nextDouble());
        }
    }

    /** A positive real number whose logarithm is uniform, as scipy's {@code loguniform}. */
    public record LogUniform(double low, double high) implements Distribution {
        public LogUniform {
            if (!(low > 0 && low < high)) {
                throw new UsageException("log-uniform needs 0 < low < high, got [" + low + ", " + high + "]");
            }
        }

        @Override
        public String sample(SplittableRandom rng) {
            return format(Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * rng.nextDouble()));
        }
    }

    /** An integer uniform in [low, high], both included. */
    public record IntRange(int low, int high) implements Distribution {
        public IntRange {
            if (low > high) {
                throw new UsageException("integer range needs low <= high, got [" + low + ", " + high + "]");
            }
        }

        @Override
        public String sample(SplittableRandom rng) {
            return Integer.toString(low + rng.nextInt(high - low + 1));
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Whether every parameter is a finite list, so the grid exists. */
    public boolean isGrid() {
        return params.values().stream().allMatch(d -> d instanceof Choice);
    }

    /** Points a grid may have: each is a model fitted on every split. */
    public static final int MAX_GRID = 100_000;
    /** Parameter sets a random search may draw. */
    public static final int MAX_TRIALS = 100_000;

    /** The number of combinations of the lists, saturating at {@code Long.MAX_VALUE}; for a grid only. */
    long gridSize() {
        long size = 1;
        for (Distribution d : params.values()) {
            try {
                size = Math.multiplyExact(size, ((Choice) d).values().size());
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }

    /** Every combination of the choices, the first parameter varying slowest. */
    public List<Hyperparameters> grid() {
        if (!isGrid()) {
            throw new UsageException("grid search needs a list of values for every parameter");
        }
        long size = gridSize();
        if (size > MAX_GRID) {
            // counted before any combination is made: 3 billion points filled the heap, then ended in exit 70
            throw new UsageException("the search space's grid has " + (size == Long.MAX_VALUE ? "more than 9e18"
                    : String.format(Locale.ROOT, "%,d", size)) + " points (" + params.entrySet().stream()
                    .map(e -> e.getKey() + " " + ((Choice) e.getValue()).values().size()).reduce((a, b) -> a + " x " + b)
                    .orElse("") + "); grid search takes at most " + String.format(Locale.ROOT, "%,d", MAX_GRID)
                    + ": use --search random with --trials, or shorter lists");
        }
        return java.util.stream.LongStream.range(0, size).mapToObj(this::point).toList();
    }

    /**
     * The grid's point at {@code index}, read digit by digit with the last parameter varying fastest (so the first
     * varies slowest): {@link #grid} lists them in index order, a random search over a larger grid draws indices.
     */
    private Hyperparameters point(long index) {
        List<Map.Entry<String, Distribution>> entries = new ArrayList<>(params.entrySet());
        String[] values = new String[entries.size()];
        long rest = index;
        for (int i = entries.size() - 1; i >= 0; i--) {
            List<String> choices = ((Choice) entries.get(i).getValue()).values();
            values[i] = choices.get((int) (rest % choices.size()));
            rest /= choices.size();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(entries.get(i).getKey(), values[i]);
        }
        return Hyperparameters.of(m);
    }

    /**
     * {@code trials} parameter sets drawn with the seed. When every parameter is a list, sets are drawn
     * without replacement (as scikit-learn's ParameterSampler), and a budget at least the grid's size
     * returns the whole grid.
     */
    public List<Hyperparameters> sample(int trials, long seed) {
        if (trials < 1 || trials > MAX_TRIALS) {
            throw new UsageException("--trials must be between 1 and " + String.format(Locale.ROOT, "%,d", MAX_TRIALS)
                    + ", got " + trials);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        if (isGrid() && gridSize() > MAX_GRID) {
            return sampleLargeGrid(trials, rng);
        }
        if (isGrid()) {
            List<Hyperparameters> all = new ArrayList<>(grid());
            for (int i = all.size() - 1; i > 0; i--) {
                Collections.swap(all, i, rng.nextInt(i + 1));
            }
            return all.subList(0, Math.min(trials, all.size()));
        }
        List<Hyperparameters> out = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, String> m = new LinkedHashMap<>();
            params.forEach((k, d) -> m.put(k, d.sample(rng)));
            out.add(Hyperparameters.of(m));
        }
        return out;
    }

    /** {@code trials} distinct points of a grid too large to list: only the points drawn ({@link #point}) are made. */
    private List<Hyperparameters> sampleLargeGrid(int trials, SplittableRandom rng) {
        long size = gridSize();
        java.util.Set<Long> drawn = new java.util.LinkedHashSet<>();
        while (drawn.size() < trials) {
            drawn.add(rng.nextLong(size));
        }
        return drawn.stream().map(this::point).toList();
    }
}
