package dev.rareclass.domain.data;

/**
 * How a value written as text is read, for every format whose fields are text (CSV, TSV, and formats
 * built on the adapters' {@code TextRows}) and for a category handed to a loaded model as text (a served request, the
 * embedding API): which tokens mean "missing", how numbers are parsed, and how a number is named as a category.
 */
public final class Tokens {

    private Tokens() {
    }

    /**
     * Tokens that mean "no value": empty, or one of {@link MissingTokens#WORDS} ({@code ?}, {@code NA}, {@code N/A},
     * {@code null}, {@code NaN} in any case; the Spark engine reads the same list).
     */
    public static boolean isMissing(String token) {
        int n = token.length();
        if (n == 0) {
            return true;
        }
        char first = token.charAt(0);
        // the common cases, decided without lower-casing the field (and small enough to be inlined)
        return n <= MissingTokens.LONGEST && (first < '0' || first > '9') && MissingTokens.isMissingWord(token);
    }

    /** The canonical category name of a token: numbers are written one way, so "1.0" and "1" are one category. */
    public static String category(String token) {
        double v = parseNumber(token);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return token;
        }
        return canonical(v);
    }

    /** A number written one way: whole numbers without a fraction ({@code 1.0} → {@code "1"}). */
    public static String canonical(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The token as a number, or NaN when it is not one. true/false read as 1/0. */
    public static double parseNumber(String token) {
        double fast = plainDecimal(token);
        return fast == fast ? fast : parseOther(token);
    }

    private static double parseOther(String token) {
        char first = token.charAt(0);
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
            try {
                return Decimals.parse(token);
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
    public static double plainDecimal(String s) {
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

    /**
     * {@link #plainDecimal(String)} of the characters {@code s[from, to)} with surrounding white space trimmed as
     * {@link String#trim} trims it, without making a String (the CSV reader's numbers): the same value or NaN.
     */
    public static double plainDecimal(char[] s, int from, int to) {
        while (from < to && s[from] <= ' ') {
            from++;
        }
        while (to > from && s[to - 1] <= ' ') {
            to--;
        }
        int n = to - from;
        if (n == 0 || n > 17) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        char c = s[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            c = s[i];
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

    /** A value for a message: at most 40 characters. */
    public static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
    }
}
