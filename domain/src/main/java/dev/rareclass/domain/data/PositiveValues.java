package dev.rareclass.domain.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which raw label values mark the positive class, parsed from {@code --positive}: one value, or several
 * separated by commas ({@code 3,4} for wine quality ≤ 4). A raw value matches when it has the same text as
 * one of them, or, for numbers, the same value, so {@code 1} matches {@code +1} and {@code 1.0}. The whole
 * text also matches as it stands, so a label that itself contains a comma can still be named.
 */
public final class PositiveValues implements Predicate<String> {

    private final String spec;
    private final List<String> values;
    private final double[] numbers;

    private PositiveValues(String spec, List<String> values) {
        this.spec = spec;
        this.values = List.copyOf(values);
        this.numbers = values.stream().mapToDouble(PositiveValues::number).toArray();
    }

    /** The values named by {@code spec} (trimmed; empty items between commas are ignored). */
    public static PositiveValues parse(String spec) {
        String s = spec.trim();
        List<String> values = new ArrayList<>();
        for (String v : s.split(",", -1)) {
            String t = v.trim();
            if (!t.isEmpty()) {
                values.add(t);
            }
        }
        if (values.isEmpty()) {
            values.add(s);
        }
        return new PositiveValues(s, values);
    }

    /** The separate values, in the order given. */
    public List<String> values() {
        return values;
    }

    @Override
    public boolean test(String raw) {
        String value = raw.trim();
        if (value.equals(spec)) {
            return true;
        }
        double x = number(value);
        for (int i = 0; i < values.size(); i++) {
            if (value.equals(values.get(i)) || (!Double.isNaN(x) && x == numbers[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code raw} is not positive but would be if case were ignored ({@code Yes} for {@code --positive yes}):
     * such rows count as negative, which a user rarely means.
     */
    public boolean differsOnlyInCase(String raw) {
        String value = raw.trim();
        if (test(value)) {
            return false;
        }
        return value.equalsIgnoreCase(spec) || values.stream().anyMatch(value::equalsIgnoreCase);
    }

    @Override
    public String toString() {
        return spec;
    }

    /** The number a label value spells, or NaN; only text that starts like a number is parsed. */
    public static double number(String s) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        char c = s.charAt(0);
        if (!(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.')) {
            return Double.NaN;
        }
        try {
            return Decimals.parse(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
