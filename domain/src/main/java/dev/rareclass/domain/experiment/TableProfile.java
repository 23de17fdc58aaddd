package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.PositiveValues;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/** What a table holds ({@code rareclass describe}): rows, typed columns with simple statistics, the class balance, and warnings for constant, ID-like and leaking columns. */
public final class TableProfile {

    /**
     * @param name     column name
     * @param type     numeric, categorical or text
     * @param missing  missing values
     * @param min      smallest value (numeric; NaN otherwise)
     * @param max      largest value (numeric)
     * @param mean     mean (numeric)
     * @param std      sample standard deviation, ddof = 1 as pandas' {@code describe} (numeric; NaN with fewer than
     *                 two present values)
     * @param distinct distinct present values, counted up to {@value #DISTINCT_CAP}
     * @param idLike   every row holds a different value (categorical, text, or whole numbers), as an ID does
     */
    public record ColumnSummary(String name, String type, int missing, double min, double max, double mean, double std,
                                int distinct, boolean idLike) {
        public boolean constant() {
            return distinct == 1;
        }
    }

    /**
     * @param source  the file
     * @param rows    data rows
     * @param columns feature columns (the label excluded)
     * @param label   the label column and its class counts, when a label was given
     * @param notes    what the reader decided (such as columns read as categorical)
     * @param warnings what a user should look at before training: constant columns, ID-like columns, and
     *                 columns that (nearly) determine the label, which usually means leakage
     * @param classes  the rows of each value of the label, for a format that labels its rows itself (a text corpus's
     *                 class folders, LibSVM's first field) when no {@code --positive} says which is the rare one
     */
    public record Description(String source, int rows, List<ColumnSummary> columns, Optional<LabelSummary> label,
                              List<String> notes, List<String> warnings, Optional<ClassCounts> classes) {
        public Description {
            columns = List.copyOf(columns);
            notes = List.copyOf(notes);
            warnings = List.copyOf(warnings);
        }

        /** Without class counts of an unlabelled read. */
        public Description(String source, int rows, List<ColumnSummary> columns, Optional<LabelSummary> label,
                           List<String> notes, List<String> warnings) {
            this(source, rows, columns, label, notes, warnings, Optional.empty());
        }

        /** This description with the label's values counted. */
        public Description withClasses(ClassCounts counts) {
            return new Description(source, rows, columns, label, notes, warnings, Optional.of(counts));
        }
    }

    /**
     * The rows of each value of a label column, rarest first (ties by value), as written; a missing value is not
     * counted. Values that spell one number ({@code 1}, {@code +1}, {@code 1.0}), or one text but for spaces around it
     * (class folders {@code pos} and {@code pos }), are one class, as {@code --positive} matches them
     * ({@link PositiveValues}), named by the spelling most rows use.
     *
     * @param column    the label column
     * @param counts    each value and its rows, rarest first
     * @param spellings for a class written more than one way, its other spellings (most rows first)
     */
    public record ClassCounts(String column, List<Map.Entry<String, Integer>> counts,
                              Map<String, List<String>> spellings) {
        public ClassCounts {
            counts = List.copyOf(counts);
            spellings = Map.copyOf(spellings);
        }

        /** Counts {@code values} (one per row; null where missing). */
        public static ClassCounts of(String column, List<String> values) {
            Map<String, Integer> by = new java.util.HashMap<>();
            for (String v : values) {
                if (v != null) {
                    by.merge(v, 1, Integer::sum);
                }
            }
            // each spelling under its number (or its text), the spelling most rows use first
            Map<Object, List<String>> classes = new java.util.HashMap<>();
            by.keySet().stream()
                    .sorted(java.util.Comparator.comparing((String k) -> -by.get(k))
                            .thenComparing(java.util.Comparator.naturalOrder()))
                    .forEach(v -> {
                        double x = PositiveValues.number(v.trim());
                        classes.computeIfAbsent(Double.isNaN(x) ? v.trim() : (Object) (x + 0.0), k -> new ArrayList<>())
                                .add(v);
                    });
            Map<String, List<String>> spellings = new java.util.HashMap<>();
            List<Map.Entry<String, Integer>> sorted = classes.values().stream()
                    .map(s -> {
                        if (s.size() > 1) {
                            spellings.put(s.getFirst(), s.subList(1, s.size()));
                        }
                        return Map.entry(s.getFirst(), s.stream().mapToInt(by::get).sum());
                    })
                    .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            return new ClassCounts(column, sorted, spellings);
        }

        /** The rows counted. */
        public int total() {
            return counts.stream().mapToInt(Map.Entry::getValue).sum();
        }
    }

    /**
     * @param column        the label column
     * @param positiveValue its positive value
     * @param positives     positive rows
     * @param negatives     negative rows
     */
    public record LabelSummary(String column, String positiveValue, int positives, int negatives) {
        public double positiveRate() {
            return (double) positives / (positives + negatives);
        }
    }

    public static final int DISTINCT_CAP = 100_000;

    /** A column whose best single rule reaches this balanced accuracy on the label is flagged as leakage. */
    public static final double LEAKAGE_BALANCED_ACCURACY = 0.99;

    /** ID-like needs at least this many rows (with 5 rows, 5 distinct values mean nothing). */
    static final int ID_MIN_ROWS = 20;

    private TableProfile() {
    }

    public static Description describe(Table table) {
        List<Column> all = table.columns();
        int width = all.size();
        // every column on its own (in parallel: a million rows of 30 columns take a while), the warnings in order
        ColumnSummary[] summaries = new ColumnSummary[width];
        @SuppressWarnings("unchecked")
        Optional<String>[] leaks = new Optional[width];
        Labels both = table.labels().filter(Labels::hasBothClasses).orElse(null);
        ThreadLocal<DistinctFloats> sets = ThreadLocal.withInitial(DistinctFloats::new);
        IntStream.range(0, width).parallel().forEach(i -> {
            summaries[i] = summarise(all.get(i), table.rows(), sets.get());
            leaks[i] = both != null && !summaries[i].idLike() ? leakage(all.get(i), summaries[i], both)
                    : Optional.empty();
        });
        List<ColumnSummary> columns = List.of(summaries);
        List<String> warnings = columnWarnings(columns, table.rows());
        Optional<LabelSummary> label = table.labels().map((Labels y) -> new LabelSummary(
                table.labelMapping().orElseThrow().column(), table.labelMapping().orElseThrow().positiveValue(),
                y.positives(), y.negatives()));
        warnings.addAll(copies(all));
        for (Optional<String> leak : leaks) {
            leak.ifPresent(warnings::add);
        }
        return new Description(table.source(), table.rows(), columns, label, table.notes(), warnings);
    }

    /** Copies warned about one by one; the rest are counted in one line. */
    static final int COPIES_NAMED = 10;

    /**
     * A warning for each column that holds the same value as an earlier one in every row (missing where it is
     * missing): nasa.csv's {@code Name} repeats {@code Neo Reference ID}. A copy adds nothing but weight, and in
     * {@code inspect}'s importances and {@code explain}'s reasons it splits its credit with the original. Numbers are
     * compared as the float32 they are held as, categories by their text; constant columns are left to their own
     * warning. Columns are compared only when a hash of their values agrees.
     */
    static List<String> copies(List<Column> columns) {
        Map<Long, List<Integer>> byHash = new java.util.HashMap<>();
        List<String> warnings = new ArrayList<>();
        int more = 0;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c instanceof TextColumn) {
                continue;
            }
            List<Integer> same = byHash.computeIfAbsent(contentHash(c), k -> new ArrayList<>());
            Integer original = same.stream().filter(j -> sameValues(columns.get(j), c)).findFirst().orElse(null);
            if (original == null) {
                same.add(i);
            } else if (!isConstant(c)) {
                if (warnings.size() < COPIES_NAMED) {
                    warnings.add("column '" + c.name() + "' holds the same value as column '"
                            + columns.get(original).name() + "' in every row; one of them is enough (--drop "
                            + dev.rareclass.domain.error.Quoting.asOptionValue(c.name()) + ")");
                } else {
                    more++;
                }
            }
        }
        if (more > 0) {
            warnings.add(more + " more column" + (more == 1 ? " copies" : "s copy") + " an earlier one value for value");
        }
        return warnings;
    }

    private static long contentHash(Column c) {
        long h = c instanceof NumericColumn ? 17 : 31;
        for (int r = 0; r < c.size(); r++) {
            h = h * 1_000_003L + rowHash(c, r);
        }
        return h;
    }

    private static int rowHash(Column c, int r) {
        return switch (c) {
            case NumericColumn n -> Float.floatToIntBits(n.get(r)); // every NaN is the one canonical NaN
            case CategoricalColumn k -> k.code(r) < 0 ? -1 : k.value(r).hashCode();
            default -> 0;
        };
    }

    private static boolean sameValues(Column a, Column b) {
        if (a.size() != b.size() || a.getClass() != b.getClass()) {
            return false;
        }
        for (int r = 0; r < a.size(); r++) {
            if (!same(a, r, b, r)) {
                return false;
            }
        }
        return true;
    }

    /** Whether row {@code r} of {@code a} holds what row {@code q} of {@code b} (of the same type) holds. */
    private static boolean same(Column a, int r, Column b, int q) {
        return switch (a) {
            case NumericColumn n -> Float.floatToIntBits(n.get(r)) == Float.floatToIntBits(((NumericColumn) b).get(q));
            case CategoricalColumn k -> {
                CategoricalColumn o = (CategoricalColumn) b;
                yield k.code(r) < 0 ? o.code(q) < 0 : o.code(q) >= 0 && k.value(r).equals(o.value(q));
            }
            default -> false;
        };
    }

    private static boolean isConstant(Column c) {
        for (int r = 1; r < c.size(); r++) {
            if (!same(c, r, c, 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #describe}'s leakage warnings alone: each column that equals the label, or whose one simple rule separates
     * the classes with at least {@value #LEAKAGE_BALANCED_ACCURACY} balanced accuracy (ID-like columns left out, as
     * there); empty for a table without both classes. {@code train} asks when its validation scores are near perfect.
     */
    public static List<String> leakageWarnings(Table table) {
        Labels both = table.labels().filter(Labels::hasBothClasses).orElse(null);
        if (both == null) {
            return List.of();
        }
        List<Column> all = table.columns();
        @SuppressWarnings("unchecked")
        Optional<String>[] leaks = new Optional[all.size()];
        ThreadLocal<DistinctFloats> sets = ThreadLocal.withInitial(DistinctFloats::new);
        IntStream.range(0, all.size()).parallel().forEach(i -> {
            ColumnSummary summary = summarise(all.get(i), table.rows(), sets.get());
            leaks[i] = summary.idLike() ? Optional.empty() : leakage(all.get(i), summary, both);
        });
        return java.util.Arrays.stream(leaks).flatMap(Optional::stream).toList();
    }

    /**
     * What a user should look at in the columns' summaries, whoever computed them (the Spark engine summarises where
     * its rows are): constant columns, columns with no values, ID-like columns, missing values.
     */
    public static List<String> columnWarnings(List<ColumnSummary> columns, long rows) {
        List<String> warnings = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        for (ColumnSummary s : columns) {
            if (s.constant()) {
                constant.add(s.name());
                if (constant.size() <= CONSTANT_COLUMNS_NAMED) {
                    warnings.add("column '" + s.name() + "' is constant; it carries no information (--drop it)");
                }
            } else if (s.distinct() == 0 && rows > 0) {
                warnings.add("column '" + s.name() + "' has no values at all (--drop it)");
            }
            if (s.idLike()) {
                warnings.add("column '" + s.name() + "' looks like an ID (every row differs); a model can only "
                        + "memorise it (--drop it)");
            }
        }
        if (constant.size() > CONSTANT_COLUMNS_NAMED) {
            warnings.add((constant.size() - CONSTANT_COLUMNS_NAMED) + " more columns are constant ("
                    + constant.size() + " in all, up to '" + constant.get(constant.size() - 1) + "')");
        }
        missingValues(columns).ifPresent(warnings::add);
        return warnings;
    }

    /** Constant columns warned about one by one; the rest are counted in one line. */
    static final int CONSTANT_COLUMNS_NAMED = 20;

    /** Columns shown by name in the missing-values warning; the rest are counted. */
    private static final int MISSING_COLUMNS_NAMED = 5;

    /**
     * A warning when some columns have missing values: which (with their counts), and that training refuses them
     * unless told what to do (the default {@code --missing error}).
     */
    static Optional<String> missingValues(List<ColumnSummary> columns) {
        List<ColumnSummary> with = columns.stream().filter(c -> c.missing() > 0).toList();
        if (with.isEmpty()) {
            return Optional.empty();
        }
        long total = with.stream().mapToLong(ColumnSummary::missing).sum();
        StringBuilder which = new StringBuilder();
        for (int i = 0; i < Math.min(with.size(), MISSING_COLUMNS_NAMED); i++) {
            which.append(i == 0 ? "" : ", ").append('\'').append(with.get(i).name()).append("' ")
                    .append(with.get(i).missing());
        }
        if (with.size() > MISSING_COLUMNS_NAMED) {
            which.append(", ...");
        }
        return Optional.of(total + " missing value" + (total == 1 ? "" : "s") + " in " + with.size() + " column"
                + (with.size() == 1 ? "" : "s") + " (" + which + "); training refuses them unless --missing drop, "
                + "mean, median or most-frequent");
    }

    /**
     * A warning when one simple rule on this column alone (a threshold on a number, or one category)
     * separates the classes with at least {@value #LEAKAGE_BALANCED_ACCURACY} balanced accuracy on the rows
     * where the column has a value: such a column is usually the label in disguise, or recorded after it.
     */
    static Optional<String> leakage(Column column, ColumnSummary summary, Labels y) {
        return switch (column) {
            case NumericColumn n -> numericLeakage(n, summary, y);
            case CategoricalColumn k -> categoricalLeakage(k, y);
            case TextColumn t -> Optional.empty();
        };
    }

    /** @param summary the column's summary (its missing values, its smallest and largest value) */
    private static Optional<String> numericLeakage(NumericColumn column, ColumnSummary summary, Labels y) {
        float[] v = column.values();
        int p = y.positives();
        int q = y.negatives();
        boolean equalsLabel = summary.missing() == 0;
        for (int r = 0; r < v.length && equalsLabel; r++) {
            equalsLabel = v[r] == y.get(r);
        }
        if (summary.missing() > 0) { // the classes among the rows with a value
            p = 0;
            q = 0;
            for (int r = 0; r < v.length; r++) {
                if (!Float.isNaN(v[r])) {
                    if (y.get(r) == 1) {
                        p++;
                    } else {
                        q++;
                    }
                }
            }
        }
        if (equalsLabel) {
            return Optional.of("column '" + column.name() + "' equals the label (leakage: --drop it)");
        }
        if (p == 0 || q == 0 || !mayReach(v, y, p, q, (float) summary.min(), (float) summary.max())) {
            return Optional.empty();
        }
        float[] pos = new float[p];
        float[] neg = new float[q];
        p = 0;
        q = 0;
        for (int r = 0; r < v.length; r++) {
            if (Float.isNaN(v[r])) {
                continue;
            }
            if (y.get(r) == 1) {
                pos[p++] = v[r];
            } else {
                neg[q++] = v[r];
            }
        }
        java.util.Arrays.sort(pos);
        java.util.Arrays.sort(neg);
        // sweep every threshold t between distinct values: rule "x > t => positive" (or its reverse)
        double best = 0;
        double bestT = Double.NaN;
        boolean above = true;
        int i = 0;
        int j = 0;
        while (i < p || j < q) {
            float t = i < p && (j >= q || pos[i] <= neg[j]) ? pos[i] : neg[j];
            while (i < p && pos[i] == t) {
                i++;
            }
            while (j < q && neg[j] == t) {
                j++;
            }
            if (i == p && j == q) {
                break;
            }
            double ba = ((double) (p - i) / p + (double) j / q) / 2;
            double reverse = 1 - ba;
            if (Math.max(ba, reverse) > best) {
                best = Math.max(ba, reverse);
                above = ba >= reverse;
                float next = i < p && (j >= q || pos[i] <= neg[j]) ? pos[i] : neg[j];
                bestT = ((double) t + next) / 2;
            }
        }
        if (best < LEAKAGE_BALANCED_ACCURACY) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT,
                "column '%s' nearly determines the label: %s %s %.6g -> positive has %.2f%% balanced accuracy "
                        + "(leakage? check how it was recorded, or --drop it)",
                column.name(), column.name(), above ? ">" : "<=", bestT, 100 * best));
    }

    /** Bins of {@link #mayReach}. */
    private static final int LEAKAGE_BINS = 1024;

    /**
     * False when no threshold on the column can reach {@value #LEAKAGE_BALANCED_ACCURACY} balanced accuracy, told
     * from a histogram of each class in one pass, so that most columns skip sorting their values. A value's bin
     * grows with the value, so at a threshold t in bin k the positives above t are at most those in bins k and
     * up, the negatives at or below t at most those in bins up to k (and the other way round for the reverse
     * rule): the balanced accuracy at any t is at most that of its bin counted so. True means "maybe": the exact
     * sweep decides.
     */
    private static boolean mayReach(float[] v, Labels y, int p, int q, float min, float max) {
        double scale = max > min ? LEAKAGE_BINS / ((double) max - min) : 0;
        int[] posBins = new int[LEAKAGE_BINS];
        int[] negBins = new int[LEAKAGE_BINS];
        for (int r = 0; r < v.length; r++) {
            if (Float.isNaN(v[r])) {
                continue;
            }
            int bin = Math.min(LEAKAGE_BINS - 1, (int) (((double) v[r] - min) * scale));
            if (y.get(r) == 1) {
                posBins[bin]++;
            } else {
                negBins[bin]++;
            }
        }
        int posBelow = 0; // positives in the bins before k
        int negBelow = 0;
        for (int k = 0; k < LEAKAGE_BINS; k++) {
            int posUpTo = posBelow + posBins[k];
            int negUpTo = negBelow + negBins[k];
            double above = ((double) (p - posBelow) / p + (double) negUpTo / q) / 2;   // rule x > t
            double reverse = ((double) posUpTo / p + (double) (q - negBelow) / q) / 2; // rule x <= t
            if (Math.max(above, reverse) >= LEAKAGE_BALANCED_ACCURACY - 1e-9) {
                return true;
            }
            posBelow = posUpTo;
            negBelow = negUpTo;
        }
        return false;
    }

    private static Optional<String> categoricalLeakage(CategoricalColumn column, Labels y) {
        int levels = column.levels().size();
        int[] posCount = new int[levels];
        int[] negCount = new int[levels];
        int p = 0;
        int q = 0;
        for (int r = 0; r < column.size(); r++) {
            int c = column.code(r);
            if (c < 0) {
                continue;
            }
            if (y.get(r) == 1) {
                posCount[c]++;
                p++;
            } else {
                negCount[c]++;
                q++;
            }
        }
        if (p == 0 || q == 0) {
            return Optional.empty();
        }
        double best = 0;
        int bestLevel = -1;
        boolean isPositive = true;
        for (int c = 0; c < levels; c++) {
            double ba = ((double) posCount[c] / p + (double) (q - negCount[c]) / q) / 2;
            if (Math.max(ba, 1 - ba) > best) {
                best = Math.max(ba, 1 - ba);
                bestLevel = c;
                isPositive = ba >= 1 - ba;
            }
        }
        if (best < LEAKAGE_BALANCED_ACCURACY) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT,
                "column '%s' nearly determines the label: %s %s '%s' -> positive has %.2f%% balanced accuracy "
                        + "(leakage? check how it was recorded, or --drop it)",
                column.name(), column.name(), isPositive ? "=" : "!=", column.levels().get(bestLevel), 100 * best));
    }

    private static ColumnSummary summarise(Column column, int rows, DistinctFloats floats) {
        return switch (column) {
            case NumericColumn n -> numericSummary(n, rows, floats);
            case CategoricalColumn k -> {
                boolean[] met = new boolean[k.levels().size()];
                int codes = 0;
                for (int r = 0; r < k.size(); r++) {
                    int code = k.code(r);
                    if (code >= 0 && !met[code]) {
                        met[code] = true;
                        codes++;
                    }
                }
                yield new ColumnSummary(k.name(), k.type(), k.missing(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        codes, rows >= ID_MIN_ROWS && codes == rows);
            }
            case TextColumn t -> {
                Set<String> distinct = new HashSet<>();
                for (int r = 0; r < t.size() && distinct.size() < DISTINCT_CAP; r++) {
                    if (t.get(r) != null) {
                        distinct.add(t.get(r));
                    }
                }
                yield new ColumnSummary(t.name(), t.type(), t.missing(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        distinct.size(), false); // documents differ; that makes no ID
            }
        };
    }

    /**
     * Each statistic in a loop of its own, in a method of its own: small loops the JIT compiles once for every
     * column, where one loop doing everything was compiled, thrown away and compiled again (its code assumed the
     * distinct values stay under the cap until they reached it).
     */
    private static ColumnSummary numericSummary(NumericColumn n, int rows, DistinctFloats floats) {
        float[] values = n.values();
        Moments m = moments(values);
        int present = m.present();
        double mean = present == 0 ? Double.NaN : m.sum() / present;
        double sq = squaredDeviations(values, mean);
        return new ColumnSummary(n.name(), n.type(), n.size() - present, present == 0 ? Double.NaN : m.min(),
                present == 0 ? Double.NaN : m.max(), mean, present < 2 ? Double.NaN : Math.sqrt(sq / (present - 1)),
                floats.count(values, DISTINCT_CAP), rows >= ID_MIN_ROWS && present == rows && wholeAndDistinct(values));
    }

    /** The smallest, largest and sum (in row order) of the present values, and how many there are. */
    private record Moments(double min, double max, double sum, int present) {
    }

    private static Moments moments(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int present = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                present++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
        }
        return new Moments(min, max, sum, present);
    }

    private static double squaredDeviations(float[] values, double mean) {
        double sq = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                sq += (v - mean) * (v - mean);
            }
        }
        return sq;
    }

    /**
     * Distinct float values as {@link Float#equals} tells them apart (by their bits: 0.0 and -0.0 differ), NaN
     * never added: a {@code HashSet<Float>} without a box per value. Open addressing; one table serves every
     * column of a table in turn ({@link #clear}), grown up to what {@value #DISTINCT_CAP} values need.
     */
    static final class DistinctFloats {
        /** Marks an empty slot: a NaN's bits, which no added value has. */
        private static final int EMPTY = 0x7fc00000;
        private int[] slots;
        /** Slot of a value: the top bits of its bits times the golden ratio (Fibonacci hashing). */
        private int shift;
        private int size;

        DistinctFloats() {
            allocate(1024);
        }

        private void allocate(int length) {
            slots = new int[length];
            java.util.Arrays.fill(slots, EMPTY);
            shift = 32 - Integer.numberOfTrailingZeros(length);
            size = 0;
        }

        /** The distinct present values among {@code values}, added in row order until there are {@code cap}. */
        int count(float[] values, int cap) {
            if (size > 0) {
                java.util.Arrays.fill(slots, EMPTY);
                size = 0;
            }
            for (int r = 0; r < values.length && size < cap; r++) {
                if (!Float.isNaN(values[r])) {
                    add(values[r]);
                }
            }
            return size;
        }

        private void add(float v) {
            int bits = Float.floatToRawIntBits(v);
            int mask = slots.length - 1;
            int i = (bits * 0x9E3779B9) >>> shift;
            while (slots[i] != EMPTY) {
                if (slots[i] == bits) {
                    return;
                }
                i = (i + 1) & mask;
            }
            slots[i] = bits;
            if (++size * 2 > slots.length) {
                int[] old = slots;
                allocate(old.length * 2);
                for (int b : old) {
                    if (b != EMPTY) {
                        add(Float.intBitsToFloat(b));
                    }
                }
            }
        }
    }

    /** True when every value is a whole number and no two are equal (an integer ID). */
    private static boolean wholeAndDistinct(float[] values) {
        for (float v : values) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        float[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
