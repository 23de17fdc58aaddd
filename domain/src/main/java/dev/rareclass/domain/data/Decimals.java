package dev.rareclass.domain.data;

/**
 * The one rule for a number a user writes, in a table's field, a label value, a model parameter, a class weight or a
 * threshold policy: an optional sign, digits with at most one point, an optional exponent ({@code -12.5}, {@code .5},
 * {@code 3.}, {@code 1e-5}), or {@code inf} / {@code infinity} in any case with an optional sign; white space around it
 * is ignored. What only Java reads as a number (hexadecimal {@code 0x1p3}, a type suffix as in {@code 1.5d} or
 * {@code 2f}, {@code NaN}) is none, as for pandas and scikit-learn. Where a number must be finite, the caller says so.
 */
public final class Decimals {

    private Decimals() {
    }

    /**
     * This rule as a Java regular expression over a trimmed token, for a reader that tests values where it cannot call
     * {@link #parse} (the Spark engine, in SQL): a token matches exactly when {@code parse} reads a number from it.
     */
    public static final String PATTERN =
            "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?(?i:inf|infinity)";

    /**
     * The number {@code token} writes.
     *
     * @throws NumberFormatException when it writes none by this rule
     */
    public static double parse(String token) {
        String t = token.trim();
        int n = t.length();
        int i = n > 0 && (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
        String unsigned = t.substring(i);
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return i == 1 && t.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!isDecimal(t)) {
            throw new NumberFormatException("not a decimal number: " + token);
        }
        return Double.parseDouble(t);
    }

    /**
     * Whether {@code token} writes a finite number by this rule: {@link #parse} returns one ({@code inf} and a decimal
     * too large for a double, such as {@code 1e999}, are no finite number). Never throws.
     */
    public static boolean isFinite(String token) {
        String t = token.trim();
        return isDecimal(t) && Double.isFinite(Double.parseDouble(t));
    }

    /** Whether {@code t} (trimmed) is a sign, digits with at most one point, and an exponent, as the rule says. */
    private static boolean isDecimal(String t) {
        int n = t.length();
        int i = n > 0 && (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
        int digits = 0;
        for (; i < n && isDigit(t.charAt(i)); i++) {
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            for (i++; i < n && isDigit(t.charAt(i)); i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            for (; i < n && isDigit(t.charAt(i)); i++) {
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * The whole number {@code token} writes: an optional sign and ASCII digits, white space around it ignored. Java's
     * own {@code Integer.parseInt} also reads other scripts' digits ({@code ١٠} or full-width {@code １０} as 10), which
     * a table's number does not: one rule for both.
     *
     * @throws NumberFormatException when it writes none, or one outside the long range
     */
    public static long parseLong(String token) {
        String t = token.trim();
        int i = !t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
        if (i == t.length()) {
            throw new NumberFormatException("not a whole decimal number: " + token);
        }
        for (int k = i; k < t.length(); k++) {
            if (!isDigit(t.charAt(k))) {
                throw new NumberFormatException("not a whole decimal number: " + token);
            }
        }
        return Long.parseLong(t);
    }

    /** {@link #parseLong}, in the int range. */
    public static int parseInt(String token) {
        long v = parseLong(token);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new NumberFormatException("out of the int range: " + token);
        }
        return (int) v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
