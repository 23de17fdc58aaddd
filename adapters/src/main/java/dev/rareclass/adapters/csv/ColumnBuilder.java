package dev.rareclass.adapters.csv;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.TextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accumulates one column's values while a file streams by. A column's type is decided by its first
 * present value: a number makes it numeric, anything else categorical (unless it was declared). A later
 * non-number in a numeric column is a data error, not a silent switch: one stray word must not turn a
 * measurement into a thousand categories.
 */
abstract sealed class ColumnBuilder {

    final String name;

    ColumnBuilder(String name) {
        this.name = name;
    }

    /** Tokens that mean "no value". {@code NaN} counts: it is how pandas writes a missing number. */
    static boolean isMissing(String token) {
        if (token.isEmpty()) {
            return true;
        }
        if (token.length() > 4) {
            return false; // the common case, without lower-casing every field
        }
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "?", "na", "n/a", "null", "nan" -> true;
            default -> false;
        };
    }

    /** The canonical category name of a token: numbers are written one way, so "1.0" and "1" are one category. */
    static String category(String token) {
        double v = parseNumber(token);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return token;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The token as a number, or NaN when it is not one. true/false read as 1/0. */
    static double parseNumber(String token) {
        double fast = plainDecimal(token);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        char first = token.charAt(0);
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
            try {
                return Double.parseDouble(token);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        if (token.equalsIgnoreCase("true")) {
            return 1;
        }
        if (token.equalsIgnoreCase("false")) {
            return 0;
        }
        if (token.equalsIgnoreCase("infinity") || token.equalsIgnoreCase("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * A fast path for plain decimals ({@code -12.3456}: sign, at most 15 digits, one point, no exponent):
     * the digits as a long divided by an exact power of ten is one correctly rounded division, so the
     * result equals {@link Double#parseDouble}'s. NaN means "not plain; use the general parser".
     */
    static double plainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 17) {
            return Double.NaN;
        }
        int i = 0;
        boolean negative = false;
        char c = s.charAt(0);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double v = fraction <= 0 ? m : m / POW10[fraction];
        return negative ? -v : v;
    }

    /** Adds a present (non-missing) trimmed token; may return a replacement builder of another type. */
    abstract ColumnBuilder add(String token, long line);

    abstract void addMissing();

    abstract int size();

    abstract Column build(int[] keep);

    static final class Numeric extends ColumnBuilder {
        private final boolean inferred;
        private float[] values = new float[1024];
        private int n;
        private boolean anyPresent;

        /** @param inferred true when the type was not declared, so a first non-number may make it categorical */
        Numeric(String name, boolean inferred) {
            super(name);
            this.inferred = inferred;
        }

        @Override
        ColumnBuilder add(String token, long line) {
            double v = parseNumber(token);
            if (Double.isNaN(v)) {
                if (!inferred || anyPresent) {
                    throw new NotANumber(token);
                }
                // the first present value is not a number: this is a categorical column
                Categorical c = new Categorical(name);
                for (int i = 0; i < n; i++) {
                    c.addMissing();
                }
                c.add(token, line);
                c.inferredFrom = "'" + token + "' on line " + line;
                return c;
            }
            anyPresent = true;
            if (Double.isInfinite(v) || Float.isInfinite((float) v)) {
                throw new NotFinite(token);
            }
            push((float) v);
            return this;
        }

        @Override
        void addMissing() {
            push(Float.NaN);
        }

        private void push(float v) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = v;
        }

        @Override
        int size() {
            return n;
        }

        @Override
        Column build(int[] keep) {
            float[] out = keep == null ? Arrays.copyOf(values, n) : new float[keep.length];
            if (keep != null) {
                for (int i = 0; i < keep.length; i++) {
                    out[i] = values[keep[i]];
                }
            }
            return new NumericColumn(name, out);
        }
    }

    static final class Categorical extends ColumnBuilder {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> levels = new ArrayList<>();
        private int[] codes = new int[1024];
        private int n;
        /** Set when the type was inferred from a value; the reader turns it into a note. */
        String inferredFrom;

        Categorical(String name) {
            super(name);
        }

        @Override
        ColumnBuilder add(String token, long line) {
            String key = category(token);
            Integer code = index.get(key);
            if (code == null) {
                code = levels.size();
                index.put(key, code);
                levels.add(key);
            }
            push(code);
            return this;
        }

        @Override
        void addMissing() {
            push(-1);
        }

        private void push(int code) {
            if (n == codes.length) {
                codes = Arrays.copyOf(codes, n * 2);
            }
            codes[n++] = code;
        }

        @Override
        int size() {
            return n;
        }

        @Override
        Column build(int[] keep) {
            int[] out = keep == null ? Arrays.copyOf(codes, n) : new int[keep.length];
            if (keep != null) {
                for (int i = 0; i < keep.length; i++) {
                    out[i] = codes[keep[i]];
                }
            }
            return new CategoricalColumn(name, levels, out);
        }
    }

    static final class Text extends ColumnBuilder {
        private String[] values = new String[1024];
        private int n;

        Text(String name) {
            super(name);
        }

        @Override
        ColumnBuilder add(String token, long line) {
            push(token);
            return this;
        }

        @Override
        void addMissing() {
            push(null);
        }

        private void push(String v) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = v;
        }

        @Override
        int size() {
            return n;
        }

        @Override
        Column build(int[] keep) {
            String[] out = keep == null ? Arrays.copyOf(values, n) : new String[keep.length];
            if (keep != null) {
                for (int i = 0; i < keep.length; i++) {
                    out[i] = values[keep[i]];
                }
            }
            return new TextColumn(name, out);
        }
    }

    /** Thrown by a numeric-only column for a token that is no number; the reader adds file and line. */
    static final class NotANumber extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotANumber(String token) {
            super(token, null, false, false);
        }
    }

    /** Thrown for infinities and numbers beyond float32; the reader adds file and line. */
    static final class NotFinite extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFinite(String token) {
            super(token, null, false, false);
        }
    }
}
