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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text column as binary bag-of-words (multi-hot) over a vocabulary fitted on training rows, as
 * scikit-learn's {@code CountVectorizer(max_features=N, binary=True)} with its defaults: lower-cased, tokens
 * matching {@code (?u)\b\w\w+\b} (two or more word characters), the {@code N} words in the most training
 * documents kept (ties: alphabetical), numbered alphabetically. A missing document and unseen words encode as
 * no word. The output is {@link SparseRows}, never a dense {@code rows × N} matrix. Immutable.
 */
public final class TextTransform {

    /** scikit-learn's default token pattern, Unicode-aware as Python 3's {@code re}. */
    public static final Pattern TOKEN = Pattern.compile("\\b\\w\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);

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

    /** The document's distinct tokens (lower-cased), in order of first appearance; none for null. */
    public static List<String> distinctTokens(String document) {
        if (document == null) {
            return List.of();
        }
        Matcher m = TOKEN.matcher(document.toLowerCase(Locale.ROOT));
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            String w = m.group();
            if (seen.add(w)) {
                out.add(w);
            }
        }
        return out;
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
