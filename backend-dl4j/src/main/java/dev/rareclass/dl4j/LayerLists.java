package dev.rareclass.dl4j;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Per-layer parameters written as one value for every layer or a comma list with one value per layer, read with
 * {@link Hyperparameters#list} (which refuses an empty element). Pure Java.
 */
final class LayerLists {

    private LayerLists() {
    }

    /** Words from {@code allowed} (case-insensitive), one per layer; {@code fallback} gives each layer's default. */
    static List<String> words(Hyperparameters p, String key, int layers, Set<String> allowed, Function<Integer, String> fallback) {
        String raw = p.asMap().get(key);
        if (raw == null) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < layers; i++) {
                out.add(fallback.apply(i));
            }
            return List.copyOf(out);
        }
        List<String> values = new ArrayList<>();
        for (String part : p.list(key, List.of())) {
            String v = part.toLowerCase(Locale.ROOT);
            if (!allowed.contains(v)) {
                throw new UsageException("parameter " + key + "=" + raw + ": '" + part + "' is not one of: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
            values.add(v);
        }
        return expand(key, raw, values, layers);
    }

    /** Numbers in {@code [min, max]}, one per layer. */
    static List<Double> decimals(Hyperparameters p, String key, int layers, double fallback, double min, double max) {
        String raw = p.asMap().get(key);
        if (raw == null) {
            return Collections.nCopies(layers, fallback);
        }
        List<Double> values = new ArrayList<>();
        for (String part : p.list(key, List.of())) {
            double v;
            try {
                v = dev.rareclass.domain.data.Decimals.parse(part);
            } catch (NumberFormatException e) {
                throw new UsageException("parameter " + key + "=" + raw + " is not a number or a comma list of numbers");
            }
            if (!(v >= min && v <= max)) {
                throw new UsageException("parameter " + key + "=" + raw + ": " + part + " is out of range [" + min + ", " + max + "]");
            }
            values.add(v);
        }
        return expand(key, raw, values, layers);
    }

    private static <T> List<T> expand(String key, String raw, List<T> values, int layers) {
        if (values.size() == 1) {
            return Collections.nCopies(layers, values.getFirst());
        }
        if (values.size() != layers) {
            throw new UsageException("parameter " + key + "=" + raw + " has " + values.size() + " values but there are "
                    + layers + " hidden layers; give one value or one per layer");
        }
        return List.copyOf(values);
    }

    /** The list as a parameter value: one value when all are equal, else the comma list. */
    static String join(List<?> values) {
        if (values.isEmpty()) {
            return "";
        }
        if (values.stream().distinct().count() == 1) {
            return String.valueOf(values.getFirst());
        }
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
