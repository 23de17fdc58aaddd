package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a table holds ({@code rareclass describe}): rows, typed columns with simple statistics, the class balance, and warnings for constant, ID-like and leaking columns. */
public final class TableProfile {

    /**
     * @param name     column name
     * @param type     numeric, categorical or text
     * @param missing  missing values
     * @param min      smallest value (numeric; NaN otherwise)
     * @param max      largest value (numeric)
     * @param mean     mean (numeric)
     * @param std      population standard deviation (numeric)
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
     */
    public record Description(String source, int rows, List<ColumnSummary> columns, Optional<LabelSummary> label,
                              List<String> notes, List<String> warnings) {
        public Description {
            columns = List.copyOf(columns);
            notes = List.copyOf(notes);
            warnings = List.copyOf(warnings);
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
        List<ColumnSummary> columns = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        for (Column c : table.columns()) {
            ColumnSummary s = summarise(c, table.rows());
            columns.add(s);
            if (s.constant()) {
                constant.add(c.name());
                if (constant.size() <= CONSTANT_COLUMNS_NAMED) {
                    warnings.add("column '" + c.name() + "' is constant; it carries no information (--drop it)");
                }
            } else if (s.distinct() == 0 && table.rows() > 0) {
                warnings.add("column '" + c.name() + "' has no values at all (--drop it)");
            }
            if (s.idLike()) {
                warnings.add("column '" + c.name() + "' looks like an ID (every row differs); a model can only "
                        + "memorise it (--drop it)");
            }
        }
        if (constant.size() > CONSTANT_COLUMNS_NAMED) {
            warnings.add((constant.size() - CONSTANT_COLUMNS_NAMED) + " more columns are constant ("
                    + constant.size() + " in all, up to '" + constant.get(constant.size() - 1) + "')");
        }
        missingValues(columns).ifPresent(warnings::add);
        Optional<LabelSummary> label = table.labels().map((Labels y) -> new LabelSummary(
                table.labelMapping().orElseThrow().column(), table.labelMapping().orElseThrow().positiveValue(),
                y.positives(), y.negatives()));
        table.labels().filter(Labels::hasBothClasses).ifPresent(y -> {
            for (int i = 0; i < table.columns().size(); i++) {
                if (!columns.get(i).idLike()) {
                    leakage(table.columns().get(i), y).ifPresent(warnings::add);
                }
            }
        });
        return new Description(table.source(), table.rows(), columns, label, table.notes(), warnings);
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
    static Optional<String> leakage(Column column, Labels y) {
        return switch (column) {
            case NumericColumn n -> numericLeakage(n, y);
            case CategoricalColumn k -> categoricalLeakage(k, y);
            case TextColumn t -> Optional.empty();
        };
    }

    private static Optional<String> numericLeakage(NumericColumn column, Labels y) {
        float[] v = column.values();
        float[] pos = new float[y.positives()];
        float[] neg = new float[y.negatives()];
        int p = 0;
        int q = 0;
        boolean equalsLabel = true;
        for (int r = 0; r < v.length; r++) {
            if (Float.isNaN(v[r])) {
                equalsLabel = false;
                continue;
            }
            if (v[r] != y.get(r)) {
                equalsLabel = false;
            }
            if (y.get(r) == 1) {
                pos[p++] = v[r];
            } else {
                neg[q++] = v[r];
            }
        }
        if (equalsLabel) {
            return Optional.of("column '" + column.name() + "' equals the label (leakage: --drop it)");
        }
        if (p == 0 || q == 0) {
            return Optional.empty();
        }
        pos = java.util.Arrays.copyOf(pos, p);
        neg = java.util.Arrays.copyOf(neg, q);
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

    private static ColumnSummary summarise(Column column, int rows) {
        return switch (column) {
            case NumericColumn n -> {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                double sum = 0;
                int present = 0;
                Set<Float> distinct = new HashSet<>();
                for (float v : n.values()) {
                    if (Float.isNaN(v)) {
                        continue;
                    }
                    present++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    if (distinct.size() < DISTINCT_CAP) {
                        distinct.add(v);
                    }
                }
                double mean = present == 0 ? Double.NaN : sum / present;
                double sq = 0;
                for (float v : n.values()) {
                    if (!Float.isNaN(v)) {
                        sq += (v - mean) * (v - mean);
                    }
                }
                yield new ColumnSummary(n.name(), n.type(), n.size() - present, present == 0 ? Double.NaN : min,
                        present == 0 ? Double.NaN : max, mean, present == 0 ? Double.NaN : Math.sqrt(sq / present),
                        distinct.size(), rows >= ID_MIN_ROWS && present == rows && wholeAndDistinct(n.values()));
            }
            case CategoricalColumn k -> {
                Set<Integer> codes = new HashSet<>();
                for (int r = 0; r < k.size(); r++) {
                    if (k.code(r) >= 0) {
                        codes.add(k.code(r));
                    }
                }
                yield new ColumnSummary(k.name(), k.type(), k.missing(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        codes.size(), rows >= ID_MIN_ROWS && codes.size() == rows);
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
