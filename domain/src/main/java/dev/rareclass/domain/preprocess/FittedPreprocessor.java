package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.SparseRows;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.sampling.CategoricalBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a table's raw columns into the float features a trainer sees: one {@link ColumnTransform} per
 * input column, in input order (impute, scale, one-hot), and one {@link TextTransform} per text column (binary
 * bag-of-words, carried as the matrix's sparse companion). Fitted on training rows only
 * ({@link #fit}) and stored with the model, so new data is transformed exactly as the training data was.
 */
public final class FittedPreprocessor {

    private final List<ColumnTransform> transforms;
    private final List<TextTransform> texts;
    private final List<String> inputNames;
    /** Per input column: its dense transform's index, or {@code -1 - k} for text transform {@code k}. */
    private final int[] slots;
    private final int width;
    private final int sparseWidth;

    /** Dense transforms only, one per input column in input order. */
    public FittedPreprocessor(List<ColumnTransform> transforms) {
        this(transforms, List.of(), transforms.stream().map(ColumnTransform::input).toList());
    }

    /**
     * @param transforms the dense transforms, in input order
     * @param texts      the text transforms, in input order; their features form the {@link SparseRows} companion
     * @param inputNames every input column, in input order: each is the input of exactly one transform
     */
    public FittedPreprocessor(List<ColumnTransform> transforms, List<TextTransform> texts, List<String> inputNames) {
        this.transforms = List.copyOf(transforms);
        this.texts = List.copyOf(texts);
        this.inputNames = List.copyOf(inputNames);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : this.inputNames) {
            if (!seen.add(name)) {
                // a table's columns have distinct names (the readers refuse a name twice): a forged model file
                throw new IllegalArgumentException("input column " + name + " is named twice");
            }
        }
        this.slots = new int[this.inputNames.size()];
        int d = 0;
        int t = 0;
        for (int i = 0; i < slots.length; i++) {
            String name = this.inputNames.get(i);
            if (d < this.transforms.size() && this.transforms.get(d).input().equals(name)) {
                slots[i] = d++;
            } else if (t < this.texts.size() && this.texts.get(t).input().equals(name)) {
                slots[i] = -1 - t++;
            } else {
                throw new IllegalArgumentException("input column " + name + " has no transform (in order)");
            }
        }
        if (d != this.transforms.size() || t != this.texts.size()) {
            throw new IllegalArgumentException("transforms for columns that are not inputs");
        }
        this.width = this.transforms.stream().mapToInt(ColumnTransform::width).sum();
        this.sparseWidth = this.texts.stream().mapToInt(TextTransform::width).sum();
    }

    /** Fits one transform per column of {@code train}, using its rows only. */
    public static FittedPreprocessor fit(Table train, PreprocessingSpec spec) {
        if (train.rows() == 0) {
            throw new DataException(train.source() + ": no rows to fit preprocessing on");
        }
        List<ColumnTransform> out = new ArrayList<>();
        List<TextTransform> texts = new ArrayList<>();
        for (Column c : train.columns()) {
            switch (c) {
                case NumericColumn n -> out.add(fitNumeric(n, spec, train.source()));
                case CategoricalColumn k -> out.add(fitCategorical(k, spec, train.source()));
                case TextColumn t -> {
                    TextTransform fitted = TextTransform.fit(t, spec.vocabulary());
                    if (fitted.width() == 0) {
                        throw new DataException("text column '" + t.name() + "' has no word of two or more letters "
                                + "or digits in the training rows");
                    }
                    texts.add(fitted);
                }
            }
        }
        return new FittedPreprocessor(out, texts, train.featureNames());
    }

    private static NumericTransform fitNumeric(NumericColumn c, PreprocessingSpec spec, String source) {
        float[] v = c.values();
        int present = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            if (!Float.isNaN(x)) {
                present++;
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        double impute = Double.NaN;
        // fitted for every column, as scikit-learn's SimpleImputer does, not only for those missing a value in the
        // training rows: a value missing in new rows is imputed all the same
        if (v.length > 0 && spec.missing().imputes()) {
            if (present == 0) {
                throw new DataException(nothingToImpute(source, c.name()));
            }
            impute = switch (spec.missing()) {
                case MEAN -> sum / present;
                case MEDIAN -> median(v, present);
                case MOST_FREQUENT -> mode(v);
                default -> Double.NaN;
            };
        }
        if (present == 0) {
            // every value missing and not imputed: the transform refuses them when it meets them
            return new NumericTransform(c.name(), impute, 0, 1);
        }
        double mean = sum / present;
        return switch (spec.scaling()) {
            case NONE -> new NumericTransform(c.name(), impute, 0, 1);
            case STANDARD -> {
                // two-pass variance: numerically safer than a sum of squares on large, offset columns
                double sq = 0;
                for (float x : v) {
                    if (!Float.isNaN(x)) {
                        sq += (x - mean) * (x - mean);
                    }
                }
                double sd = Math.sqrt(sq / present);
                // a constant column gets scale 1 (as scikit-learn), mapping it to 0 instead of dividing by 0
                yield new NumericTransform(c.name(), impute, mean, sd > 1e-12 * Math.max(1.0, Math.abs(mean)) ? sd : 1.0);
            }
            case MIN_MAX -> new NumericTransform(c.name(), impute, min, max > min ? max - min : 1.0);
        };
    }

    private static double median(float[] v, int present) {
        float[] copy = new float[present];
        int k = 0;
        for (float x : v) {
            if (!Float.isNaN(x)) {
                copy[k++] = x;
            }
        }
        Arrays.sort(copy);
        return present % 2 == 1 ? copy[present / 2] : ((double) copy[present / 2 - 1] + copy[present / 2]) / 2;
    }

    private static double mode(float[] v) {
        TreeMap<Float, Integer> counts = new TreeMap<>();
        for (float x : v) {
            if (!Float.isNaN(x)) {
                counts.merge(x, 1, Integer::sum);
            }
        }
        // ties go to the smallest value, as scikit-learn's SimpleImputer(strategy="most_frequent")
        float best = counts.firstKey();
        int bestCount = 0;
        for (Map.Entry<Float, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static OneHotTransform fitCategorical(CategoricalColumn c, PreprocessingSpec spec, String source) {
        int[] counts = new int[c.levels().size()];
        int present = 0;
        int distinct = 0;
        for (int r = 0; r < c.size(); r++) {
            int code = c.code(r);
            if (code >= 0) {
                present++;
                if (counts[code]++ == 0) {
                    distinct++;
                }
            }
        }
        // refused here, before any one-hot column exists: transform writes one float per level in every row
        if (distinct > spec.maxCategories()) {
            throw new DataException(tooManyCategories(source, c, counts, distinct, present, spec.maxCategories()));
        }
        TreeMap<String, Integer> seen = new TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                seen.put(c.levels().get(i), counts[i]);
            }
        }
        if (seen.isEmpty()) {
            throw new DataException(source + ": column '" + c.name() + "' has no values in the training rows");
        }
        String impute = null;
        if (spec.missing().imputes()) { // for every column, as for numbers
            int bestCount = 0;
            for (Map.Entry<String, Integer> e : seen.entrySet()) {
                if (e.getValue() > bestCount) {
                    impute = e.getKey();
                    bestCount = e.getValue();
                }
            }
        }
        return new OneHotTransform(c.name(), new ArrayList<>(seen.keySet()), impute, spec.unknown());
    }

    /** The refusal of a column whose training rows hold more levels than the cap, with {@link #tooManyCategories}. */
    private static String tooManyCategories(String source, CategoricalColumn c, int[] counts, int distinct, int present,
                                            int cap) {
        List<String> levels = new ArrayList<>(distinct);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                levels.add(c.levels().get(i));
            }
        }
        return tooManyCategories(source, c.name(), distinct, present, cap, levels, true);
    }

    /**
     * Says which column has too many levels to one-hot encode, how many, and what to do: leave it out (dates or
     * times, an ID) or, when most of its values hold a space and are no dates, read it as free text. Every engine's
     * words for it (the Spark engine counts where its rows are).
     *
     * @param levels the column's present levels, all of them or, where counting them all costs a pass (Spark), some
     *               of them: what they look like decides the advice
     * @param words    whether the engine reads a column as words ({@code --text}); the Spark engine does not
     */
    public static String tooManyCategories(String source, String column, long distinct, long present, int cap,
                                           List<String> levels, boolean words) {
        String name = dev.rareclass.domain.error.Quoting.asOptionValue(column);
        java.util.Optional<String> date = dev.rareclass.domain.data.DateTimes.example(levels);
        String hint = date.isPresent()
                ? "it holds dates or times (such as '" + date.get() + "'), which a model can only memorise: leave it "
                        + "out with --drop " + name
                : looksLikeFreeText(levels)
                ? (words ? "it looks like free text: read it as words with --text " + name
                        : "it looks like free text, which this engine does not read as words: leave it out with --drop "
                                + name + ", or read it with --engine local and --text " + name)
                : (distinct == present ? "every row differs, as in an ID: " : "") + "leave it out with --drop " + name;
        return source + ": column '" + column + "' has " + distinct + " distinct values in " + present
                + " training rows, more than the " + cap + " categories one-hot encoding takes (--max-categories N "
                + "raises the limit); " + hint;
    }

    /** A column read as categorical with fewer levels than this is never warned about: a few dates are categories. */
    public static final int WARNED_LEVELS = 100;

    /**
     * The warning, when there is one, for a column read as categorical because its values are no numbers, with
     * {@code count} levels from {@link #WARNED_LEVELS} up to the one-hot cap (above it, fitting refuses the column
     * with {@link #tooManyCategories}'s advice): dates or times, which a model can only memorise, or free text (most
     * levels hold a space). Every engine's words for it.
     *
     * @param levels the column's levels, all of them or, where counting them all costs a pass (Spark), some of them
     * @param words  whether the engine reads a column as words ({@code --text}); the Spark engine does not
     */
    public static java.util.Optional<String> manyCategoriesWarning(String column, long count, List<String> levels,
                                                                  boolean words) {
        if (count < WARNED_LEVELS) {
            return java.util.Optional.empty();
        }
        String name = dev.rareclass.domain.error.Quoting.asOptionValue(column);
        java.util.Optional<String> date = dev.rareclass.domain.data.DateTimes.example(levels);
        if (date.isPresent()) {
            return java.util.Optional.of("warning: column '" + column + "' holds dates or times (such as '"
                    + date.get() + "'), read as " + count + " categories, which a model can only memorise: leave it "
                    + "out with --drop " + name);
        }
        if (looksLikeFreeText(levels)) {
            return java.util.Optional.of("warning: column '" + column + "' has " + count + " distinct values, most "
                    + "with spaces: it looks like free text, " + (words ? "which reads with --text " + name
                            + " (as words) rather than as " + count + " categories"
                            : "which this engine does not read as words: leave it out with --drop " + name
                                    + ", or read it with --engine local and --text " + name));
        }
        return java.util.Optional.empty();
    }

    /** Whether at least half the levels hold white space inside them: sentences, not codes. */
    private static boolean looksLikeFreeText(List<String> levels) {
        long spaced = levels.stream().filter(l -> l.strip().chars().anyMatch(Character::isWhitespace)).count();
        return !levels.isEmpty() && 2L * spaced >= levels.size();
    }

    /** The dense transforms, in input order (text columns have {@link #textTransforms()} instead). */
    public List<ColumnTransform> transforms() {
        return transforms;
    }

    /** The text transforms, in input order; empty when no input column is text. */
    public List<TextTransform> textTransforms() {
        return texts;
    }

    /** Number of dense output features (the {@link FeatureMatrix#cols()} of {@link #transform}). */
    public int width() {
        return width;
    }

    /** Number of sparse output features (all text columns' vocabularies); 0 when there is no text column. */
    public int sparseWidth() {
        return sparseWidth;
    }

    /** Whether {@link #transform} attaches {@link SparseRows}. */
    public boolean hasSparse() {
        return !texts.isEmpty();
    }

    /** Input column names, in order. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** Sparse output feature names ({@code column:word}), in id order. */
    public List<String> sparseOutputNames() {
        List<String> out = new ArrayList<>(sparseWidth);
        texts.forEach(t -> out.addAll(t.outputNames()));
        return out;
    }

    /** Dense output feature names, in order. */
    public List<String> outputNames() {
        List<String> out = new ArrayList<>(width);
        transforms.forEach(t -> out.addAll(t.outputNames()));
        return out;
    }

    /** The one-hot blocks among the output features (for SMOTE-NC-style samplers). */
    public List<CategoricalBlock> categoricalBlocks() {
        List<CategoricalBlock> blocks = new ArrayList<>();
        int offset = 0;
        for (ColumnTransform t : transforms) {
            if (t instanceof OneHotTransform) {
                blocks.add(new CategoricalBlock(t.input(), offset, t.width()));
            }
            offset += t.width();
        }
        return blocks;
    }

    /**
     * Transforms a table whose columns are exactly the fitted ones (same names, order and types);
     * otherwise a data error names the first difference. Text columns become the result's
     * {@link FeatureMatrix#sparse()} companion: the first text column's word ids, then the next one's
     * shifted by the first's vocabulary size, and so on.
     */
    public FeatureMatrix transform(Table table) {
        checkSchema(table, false);
        int n = table.rows();
        float[] out = new float[Math.multiplyExact(n, width)];
        int[] rowNumbers = table.rowNumbers();
        int offset = 0;
        List<TextColumn> textColumns = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] >= 0) {
                ColumnTransform t = transforms.get(slots[i]);
                t.write(table.columns().get(i), out, width, offset, table.source(), rowNumbers);
                offset += t.width();
            } else {
                textColumns.add((TextColumn) table.columns().get(i));
            }
        }
        FeatureMatrix dense = FeatureMatrix.wrap(n, width, out);
        return texts.isEmpty() ? dense : dense.withSparse(encodeText(textColumns, n));
    }

    private SparseRows encodeText(List<TextColumn> columns, int n) {
        int[][] rows = new int[n][];
        for (int r = 0; r < n; r++) {
            int[] row = new int[0];
            int shift = 0;
            for (int k = 0; k < texts.size(); k++) {
                int[] ids = texts.get(k).encode(columns.get(k).get(r), shift);
                if (row.length == 0) {
                    row = ids;
                } else if (ids.length > 0) {
                    int[] both = Arrays.copyOf(row, row.length + ids.length);
                    System.arraycopy(ids, 0, both, row.length, ids.length);
                    row = both;
                }
                shift += texts.get(k).width();
            }
            rows[r] = row;
        }
        return SparseRows.ofRows(sparseWidth, rows);
    }

    /**
     * A warning for each categorical column of which no row holds a category seen in training: with {@code --unknown
     * ignore} (the default) every row then encodes it as none of them, and the model scores as if the column said
     * nothing; a column recoded since training (colours as numbers 1, 2, 3) read so without a word.
     */
    public List<String> unseenWarnings(Table table) {
        List<String> out = new ArrayList<>();
        for (ColumnTransform t : transforms) {
            if (!(t instanceof OneHotTransform onehot)) {
                continue;
            }
            int at = table.featureNames().indexOf(onehot.input());
            if (at < 0 || !(table.columns().get(at) instanceof dev.rareclass.domain.data.CategoricalColumn c)) {
                continue;
            }
            boolean[] held = new boolean[c.levels().size()];
            int present = 0;
            for (int r = 0; r < c.size(); r++) {
                if (c.code(r) >= 0) {
                    held[c.code(r)] = true;
                    present++;
                }
            }
            List<String> seenHere = new ArrayList<>();
            boolean anyKnown = false;
            for (int i = 0; i < held.length; i++) {
                if (held[i]) {
                    anyKnown |= onehot.levels().contains(c.levels().get(i));
                    if (seenHere.size() < 3) {
                        seenHere.add("'" + dev.rareclass.domain.error.Quoting.clipped(c.levels().get(i), 20) + "'");
                    }
                }
            }
            if (present > 0 && !anyKnown) {
                out.add("warning: column '" + onehot.input() + "': none of its " + present + " values (such as "
                        + String.join(", ", seenHere) + ") is a category the model saw in training (such as '"
                        + dev.rareclass.domain.error.Quoting.clipped(onehot.levels().get(0), 20) + "'): every row "
                        + "encodes it as none of them (--unknown error refuses such rows)");
            }
        }
        return out;
    }

    /** Why a column the missing-value policy imputes is refused when it has no value to impute from (both engines). */
    public static String nothingToImpute(String source, String column) {
        return source + ": column '" + column + "' has no values in the training rows to impute from; leave it out "
                + "with --drop";
    }

    /**
     * Refuses a table whose columns (names, order, types) are not the model's inputs, naming the first difference.
     * Scoring checks it too; a command that reads a table calls it before showing the reader's notes, so that a
     * table of the wrong shape gets its one refusal, not first a note per column read another way.
     */
    public void requireSameSchema(Table table) {
        checkSchema(table, true);
    }

    /**
     * {@link #requireSameSchema}; {@code options} adds the command-line option that reads the table otherwise (a
     * served model's caller has none: its request is refused without them).
     */
    private void checkSchema(Table table, boolean options) {
        List<String> expected = inputNames();
        List<String> got = table.featureNames();
        if (!got.equals(expected)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(got);
            List<String> extra = new ArrayList<>(got);
            extra.removeAll(expected);
            String detail;
            if (!missing.isEmpty()) {
                detail = "missing column(s) " + String.join(", ", head(missing));
            } else if (!extra.isEmpty()) {
                detail = "unexpected column(s) " + String.join(", ", head(extra)) + (options ? " (use --drop)" : "");
            } else {
                // as scikit-learn refuses feature names in another order; the message did not say which order
                int first = 0;
                while (first < Math.min(got.size(), expected.size()) - 1 && got.get(first).equals(expected.get(first))) {
                    first++;
                }
                detail = "the columns are in a different order than at training: '" + got.get(first) + "' stands "
                        + "where the model reads '" + expected.get(first) + "' (its order: "
                        + String.join(", ", head(expected)) + (expected.size() > 5 ? ", …" : "") + ")";
            }
            throw new DataException(table.source() + ": columns do not match the model's input schema: " + detail);
        }
        for (int i = 0; i < slots.length; i++) {
            String type = slots[i] >= 0 ? transforms.get(slots[i]).inputType() : texts.get(-1 - slots[i]).inputType();
            Column c = table.columns().get(i);
            if (!type.equals(c.type()) && c instanceof CategoricalColumn k && type.equals("numeric")) {
                // a numeric column read as categorical: one value is no number; name the first such row
                for (int r = 0; r < k.size(); r++) {
                    int code = k.code(r);
                    if (code >= 0 && !isNumber(k.levels().get(code))) {
                        throw new DataException(table.source() + ", data row " + table.rowNumber(r) + ": column '"
                                + c.name() + "' holds '" + dev.rareclass.domain.error.Quoting.clipped(
                                        k.levels().get(code), 60) + "', not a number as at training");
                    }
                }
            }
            if (!type.equals(c.type())) {
                // numbers read as categories or text: an option said so (values that are no number were named
                // above), and the model, which remembers how it read its columns, needs none
                String advice = !options ? "" : type.equals("numeric")
                        ? " (leave --" + c.type() + " " + c.name() + " out: the model remembers how it read its columns)"
                        : " (use --categorical to match)";
                throw new DataException(table.source() + ": column '" + c.name() + "' is " + c.type()
                        + " here but was " + type + " at training" + advice);
            }
        }
    }

    private static boolean isNumber(String value) {
        try {
            dev.rareclass.domain.data.Decimals.parse(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> head(List<String> names) {
        return names.size() <= 5 ? names : names.subList(0, 5);
    }
}
