package dev.rareclass.domain.model;

import dev.rareclass.domain.error.UsageException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raw {@code key=value} parameters as a user wrote them ({@code --param hidden=16,16}, a recipe map).
 * Backends turn them into their own validated record ({@code MlpParams}) with the typed getters here,
 * which name the parameter and the model in every error. Immutable, insertion-ordered.
 */
public final class Hyperparameters {

    /**
     * The name of a model's own seed, which every kind on every backend takes: where the fit draws random numbers it
     * overrides the run's seed ({@code --seed}) for that model alone, as {@code random_state} does on a scikit-learn
     * estimator (a deterministic fit takes it and is the same without it). Any 64-bit integer ({@link #seed()}).
     */
    public static final String SEED = "seed";

    private static final Hyperparameters EMPTY = new Hyperparameters(Map.of());
    private final Map<String, String> values;

    private Hyperparameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Hyperparameters empty() {
        return EMPTY;
    }

    public static Hyperparameters of(Map<String, String> values) {
        return new Hyperparameters(values);
    }

    /** Parses {@code key=value} strings; a key given twice with two different values is refused (the same twice is kept). */
    public static Hyperparameters parse(Collection<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("parameter '" + pair + "' is not of the form key=value");
            }
            String key = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            requirePrintable(key, value);
            String before = out.put(key, value);
            if (before != null && !before.equals(value)) { // which one was meant? (the same twice is harmless)
                throw new UsageException("parameter " + key + " is given twice (" + before + " and " + value
                        + "); give it once");
            }
        }
        return new Hyperparameters(out);
    }

    /**
     * Refuses a control character in a parameter a user wrote ({@code --param}, a recipe): trimming dropped one at either
     * end ({@code k=5\u0001} was taken as {@code k=5}), and one inside (a newline) broke the refusal's message in two.
     */
    public static void requirePrintable(String key, String value) {
        String pair = key + "=" + value;
        pair.codePoints().filter(Character::isISOControl).findFirst().ifPresent(c -> {
            throw new UsageException("parameter " + dev.rareclass.domain.error.Quoting.printable(pair)
                    + " holds a control character (U+" + String.format(java.util.Locale.ROOT, "%04X", c)
                    + "); write the value without it");
        });
    }

    public Map<String, String> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** This set with {@code key} set to {@code value}. */
    public Hyperparameters with(String key, String value) {
        Map<String, String> out = new LinkedHashMap<>(values);
        out.put(key, value);
        return new Hyperparameters(out);
    }

    /** Fails with the list of known names when a key is not among them. */
    public void requireKnown(Set<String> known, String model) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new UsageException("unknown parameter '" + key + "' for " + model + (known.isEmpty()
                        ? ", which takes no parameters" : "; known: " + String.join(", ", new TreeSet<>(known))));
            }
        }
    }

    public String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** The model's own {@link #SEED}, any 64-bit integer; empty when not given (the run's seed is then used). */
    public java.util.OptionalLong seed() {
        String raw = values.get(SEED);
        if (raw == null) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(dev.rareclass.domain.data.Decimals.parseLong(raw));
        } catch (NumberFormatException e) {
            throw new UsageException("parameter " + SEED + "=" + raw + (wholeNumber(raw)
                    ? " is outside the 64-bit range" : " is not an integer"));
        }
    }

    public int integer(String key, int fallback, int min, int max) {
        return checked(key, fallback, dev.rareclass.domain.data.Decimals::parseInt, v -> v >= min && v <= max, min, max, "an integer");
    }

    public double decimal(String key, double fallback, double min, double max) {
        return checked(key, fallback, dev.rareclass.domain.data.Decimals::parse, v -> v >= min && v <= max, min, max,
                "a number");
    }

    /** A share in (0, 1], such as a learning rate or a subsample; 0 is refused naming the parameter. */
    public double positiveFraction(String key, double fallback) {
        return positive(key, fallback, 1);
    }

    /**
     * A number in (0, max], such as a network's learning rate. One message for 0 and for too much: "out of range [0, 1]"
     * was said of 1.5, and then 0 was refused too; a range from {@code Double.MIN_VALUE} read "[4.9E-324, 10]".
     */
    public double positive(String key, double fallback, double max) {
        double v = decimal(key, fallback, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        if (!(v > 0 && v <= max)) {
            throw new UsageException("parameter " + key + "=" + values.get(key) + " must be > 0 and <= " + written(max));
        }
        return v;
    }

    /** The parameter parsed and checked against its range, or the fallback when absent; errors name key and value. */
    private <T> T checked(String key, T fallback, java.util.function.Function<String, T> parse,
                          java.util.function.Predicate<T> inRange, Object min, Object max, String kind) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        T v;
        try {
            v = parse.apply(raw);
        } catch (NumberFormatException e) {
            // a whole number too large for its type was called "not an integer" (k=99999999999)
            throw new UsageException("parameter " + key + "=" + raw + (wholeNumber(raw)
                    ? " is out of range [" + shown(min) + ", " + shown(max) + "]" : " is not " + kind));
        }
        if (!inRange.test(v)) {
            throw new UsageException("parameter " + key + "=" + raw + " is out of range [" + shown(min) + ", "
                    + shown(max) + "]");
        }
        return v;
    }

    /** Digits with an optional sign: a whole number, which a parse refuses only when it is too large for its type. */
    private static boolean wholeNumber(String raw) {
        return raw.strip().matches("[+-]?[0-9]+");
    }

    /** A range's end as a user writes it: 0, not 0.0. */
    private static String shown(Object bound) {
        return bound instanceof Double d ? written(d) : String.valueOf(bound);
    }

    /**
     * A number as a user writes it: a whole one below ten million without its ".0" (10, not 10.0), a very large or
     * small one with a lower-case exponent and without ".0" before it (1e12 and 4.9e-324, not 1000000000000 and
     * 4.9E-324), any other as Java writes it (0.25).
     */
    public static String written(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e7 ? Long.toString((long) v)
                : Double.toString(v).replace(".0E", "E").replace('E', 'e');
    }

    public boolean bool(String key, boolean fallback) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new UsageException("parameter " + key + "=" + raw + " is not true or false");
        };
    }

    /** A comma-separated list of integers in {@code [min, max]}, such as {@code hidden=16,16}; see {@link #list}. */
    public List<Integer> integers(String key, List<Integer> fallback, int min, int max) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : list(key, List.of())) {
            try {
                int v = dev.rareclass.domain.data.Decimals.parseInt(part);
                if (v < min || v > max) {
                    throw new UsageException("parameter " + key + "=" + raw + ": " + v + " is out of range [" + min + ", " + max + "]");
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new UsageException("parameter " + key + "=" + raw + " is not a comma-separated list of integers");
            }
        }
        return List.copyOf(out);
    }

    /**
     * The comma list under {@code key}, each element trimmed, or the fallback when absent. Every list-valued
     * parameter is read here so all refuse an empty element the same way: dropping it ({@code hidden=16,,16} as two
     * layers, {@code hidden=16,} as one) would train another network than the one written, without a word.
     */
    public List<String> list(String key, List<String> fallback) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        List<String> out = java.util.Arrays.stream(raw.split(",", -1)).map(String::trim).toList();
        if (out.contains("")) {
            throw new UsageException("parameter " + key + "=" + raw + (raw.isBlank() ? " is empty" : " has an empty element")
                    + "; give one value or a comma list of values");
        }
        return out;
    }

    /** One of the allowed words (case-insensitive), returned in lower case. */
    public String choice(String key, String fallback, Set<String> allowed) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        String v = raw.toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new UsageException("parameter " + key + "=" + raw + " is not one of: " + String.join(", ", new TreeSet<>(allowed)));
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hyperparameters h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
