package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.data.SparseRows;
import dev.rareclass.domain.data.TextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text column as binary bag-of-words (multi-hot) over a vocabulary fitted on training rows, as
 * scikit-learn's {@code CountVectorizer(max_features=N, binary=True)} with its defaults: lower-cased, tokens
 * matching {@code (?u)\b\w\w+\b} (two or more word characters, see {@link #distinctTokens}), the {@code N} words in
 * the most training documents kept (ties: alphabetical), numbered alphabetically. A missing document and unseen words
 * encode as no word. The output is {@link SparseRows}, never a dense {@code rows × N} matrix. Immutable.
 */
public final class TextTransform {

    /** The general categories besides letters that are word characters: marks, decimal digits, connectors ({@code _}). */
    private static final int WORD_TYPES = 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK
            | 1 << Character.COMBINING_SPACING_MARK | 1 << Character.DECIMAL_DIGIT_NUMBER
            | 1 << Character.CONNECTOR_PUNCTUATION;

    private final String input;
    private final List<String> vocabulary;
    private final Map<String, Integer> index;

    /**
     * @param input      the column's name
     * @param vocabulary the kept words, sorted (the position of a word is its feature id)
     */
    public TextTransform(String input, List<String> vocabulary) {
        this.input = Objects.requireNonNull(input);
        this.vocabulary = List.copyOf(vocabulary);
        this.index = new HashMap<>(this.vocabulary.size() * 2);
        for (int i = 0; i < this.vocabulary.size(); i++) {
            if (i > 0 && this.vocabulary.get(i - 1).compareTo(this.vocabulary.get(i)) >= 0) {
                throw new IllegalArgumentException("column " + input + ": vocabulary must be sorted and distinct");
            }
            index.put(this.vocabulary.get(i), i);
        }
    }

    /** Fits the vocabulary on the column's documents: the {@code maxWords} words in most documents. */
    public static TextTransform fit(TextColumn column, int maxWords) {
        if (maxWords < 1) {
            throw new IllegalArgumentException("vocabulary size " + maxWords + " below 1");
        }
        Map<String, int[]> df = new HashMap<>();
        for (int r = 0; r < column.size(); r++) {
            for (String w : distinctTokens(column.get(r))) {
                df.computeIfAbsent(w, k -> new int[1])[0]++;
            }
        }
        List<Map.Entry<String, int[]>> words = new ArrayList<>(df.entrySet());
        words.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        List<String> kept = new ArrayList<>(Math.min(maxWords, words.size()));
        for (int i = 0; i < Math.min(maxWords, words.size()); i++) {
            kept.add(words.get(i).getKey());
        }
        Collections.sort(kept);
        return new TextTransform(column.name(), kept);
    }

    /**
     * The document's distinct tokens (lower-cased), in order of first appearance; none for null.
     *
     * <p>A token is a maximal run of two or more word characters, which is what scikit-learn's default pattern
     * {@code \b\w\w+\b} finds: a run of one character fails {@code \w\w+}, a longer one matches whole from its first
     * character, and the next search starts after it, at a character that is not a word character. Word characters are
     * those of {@code java.util.regex}'s Unicode {@code \w} ({@link #isWordCharacter}); {@code TextTransformTest} holds
     * this scan to that pattern on random text of every script. The scan replaces the pattern itself, which took 40% of
     * a {@code logistic@smile} {@code train} on the 2,000 long reviews of review_polarity (one code point at a time
     * through lambdas, and a word-boundary test on each side of each candidate).
     */
    public static List<String> distinctTokens(String document) {
        if (document == null) {
            return List.of();
        }
        String text = document.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = i;
            int characters = 0;
            while (i < n) {
                int c = text.codePointAt(i);
                if (!isWordCharacter(c)) {
                    break;
                }
                i += Character.charCount(c);
                characters++;
            }
            if (characters >= 2) {
                String w = text.substring(start, i);
                if (seen.add(w)) {
                    out.add(w);
                }
            }
            if (characters == 0) {
                i += Character.charCount(text.codePointAt(i)); // not a word character: step over it
            }
        }
        return out;
    }

    /**
     * Whether {@code \w} of {@code java.util.regex} with {@code UNICODE_CHARACTER_CLASS} matches the code point:
     * alphabetic, a mark, a decimal digit, a connector punctuation such as {@code _}, or a join control (U+200C,
     * U+200D). Python 3's {@code re} agrees on letters, decimal digits and {@code _}, the characters of nearly every
     * text; it differs on marks and on other numbers such as {@code ²}. ASCII is decided by comparisons alone.
     */
    static boolean isWordCharacter(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
        }
        return Character.isAlphabetic(c) || ((WORD_TYPES >> Character.getType(c)) & 1) != 0 || c == 0x200C || c == 0x200D;
    }

    public String input() {
        return input;
    }

    /** Always {@code text}. */
    public String inputType() {
        return "text";
    }

    public List<String> vocabulary() {
        return vocabulary;
    }

    /** Number of output features, the vocabulary's size. */
    public int width() {
        return vocabulary.size();
    }

    /** Output feature names: {@code column:word}. */
    public List<String> outputNames() {
        return vocabulary.stream().map(w -> input + ":" + w).toList();
    }

    /** The feature ids of one document, sorted, plus {@code offset}. */
    public int[] encode(String document, int offset) {
        List<String> tokens = distinctTokens(document);
        int[] ids = new int[tokens.size()];
        int k = 0;
        for (String w : tokens) {
            Integer id = index.get(w);
            if (id != null) {
                ids[k++] = id + offset;
            }
        }
        int[] out = Arrays.copyOf(ids, k);
        Arrays.sort(out);
        return out;
    }

    /** The whole column as multi-hot rows of width {@link #width()}. */
    public SparseRows transform(TextColumn column) {
        int[][] rows = new int[column.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = encode(column.get(r), 0);
        }
        return SparseRows.ofRows(width(), rows);
    }
}
