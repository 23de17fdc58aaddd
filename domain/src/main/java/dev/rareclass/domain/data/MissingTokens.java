package dev.rareclass.domain.data;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one list of words that mean "no value" in a field written as text, for every reader of delimited text (the
 * in-memory CSV reader, the Spark engine's): besides an empty field, {@code ?}, {@code NA}, {@code N/A},
 * {@code null} and {@code NaN}, in any case, white space around them ignored. {@code NaN} counts: it is how pandas
 * writes a missing number. A reader that cannot call {@link #isMissingWord} on each value (Spark's, which compares in
 * SQL) compares the lower-cased, trimmed field with {@link #WORDS}.
 */
public final class MissingTokens {

    /** The words, lower-cased (the empty field is missing too, but is no word). */
    public static final List<String> WORDS = List.of("?", "na", "n/a", "null", "nan");

    private static final Set<String> SET = Set.copyOf(WORDS);

    /** The longest word: a longer field is no missing word, decided without lower-casing it. */
    public static final int LONGEST = 4;

    private MissingTokens() {
    }

    /** Whether a trimmed, non-empty field is one of {@link #WORDS}, in any case. */
    public static boolean isMissingWord(String token) {
        return token.length() <= LONGEST && SET.contains(token.toLowerCase(Locale.ROOT));
    }
}
