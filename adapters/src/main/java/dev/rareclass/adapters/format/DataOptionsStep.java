package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.ClosestNames;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.LabelShift;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.PositiveValues;
import dev.rareclass.domain.data.Tokens;
import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TableWithColumn;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where {@link DataOptions} are applied, for every format: a format parses its file into a
 * {@link RawTable} ({@link ParsedTableSource#parse}) and this step makes the {@link Table}:
 * <ul>
 * <li>the label column, by name or 0-based index (or the format's implicit one), mapped to 0/1 with the
 *     explicit positive value(s), and the negative class named after the other value when there is one;</li>
 * <li>{@code --drop}, {@code --categorical} and {@code --text};</li>
 * <li>the missing-value policy: {@code error} refuses the first missing value with its line and column,
 *     {@code drop} drops the rows that have one (label included), the imputing policies keep NaN / -1 / null
 *     (a missing label is refused unless rows are dropped);</li>
 * <li>row numbers (1-based, of the rows kept) and {@code --shift-labels}.</li>
 * </ul>
 * Formats whose fields are text read through {@link TextRows}, which asks this step's {@link Layout} which
 * columns to read and how, before any row is read.
 */
public final class DataOptionsStep {

    private static final int MAX_VALUES_IN_MESSAGE = 8;

    private DataOptionsStep() {
    }

    /** Reads a table with a format: parse, then apply the options. */
    static Table read(ParsedTableSource format, DataOptions options, boolean labelRequired) {
        return read(format, options, labelRequired, labelRequired, Optional.empty()).table();
    }

    /**
     * Reads a labelled table with a format as {@link #read} does, except that the positive value need not occur: a
     * table of negative rows only (see {@code TableSource.readWithoutRequiringPositives}).
     */
    static Table readWithoutRequiringPositives(ParsedTableSource format, DataOptions options) {
        return read(format, options, true, false, Optional.empty()).table();
    }

    /**
     * Reads a table with a format, and copies one more column of the file as written, row for row with the table,
     * whatever the options make of it (feature, label, or dropped).
     *
     * @param role names the column in messages (such as {@code --id}) when the file lacks it
     */
    static TableWithColumn readWithColumn(ParsedTableSource format, DataOptions options, boolean labelRequired,
                                          String column, String role) {
        Finished f = read(format, options, labelRequired, labelRequired, Optional.of(new Copy(column, role)));
        int c = f.layout().copied;
        String[] all = f.raw().copied;
        if (all == null) { // a format with typed columns of its own holds every column
            Column typed = f.raw().columns[c];
            all = new String[typed.size()];
            for (int r = 0; r < all.length; r++) {
                all[r] = stringValue(typed, r);
            }
        }
        Table table = f.table();
        List<String> values = new ArrayList<>(table.rows());
        for (int i = 0; i < table.rows(); i++) {
            values.add(all[table.rowNumber(i) - 1]); // row numbers are the 1-based rows read, whatever was dropped
        }
        return new TableWithColumn(table, f.raw().names.get(c), values);
    }

    /** A column to copy as written, and its role for messages. */
    record Copy(String column, String role) {
    }

    private record Finished(Table table, RawTable raw, Layout layout) {
    }

    /**
     * @param positivesRequired whether a label column in which the positive value never occurs is refused (with
     *                          {@code labelRequired}: every reading but evaluate's)
     */
    private static Finished read(ParsedTableSource format, DataOptions options, boolean labelRequired,
                                 boolean positivesRequired, Optional<Copy> copy) {
        Optional<String> implicit = format.implicitLabel();
        if (labelRequired && options.label().isEmpty() && implicit.isEmpty()) {
            throw new UsageException("a label column is needed (--label NAME or 0-based index)");
        }
        String file = options.file().toString();
        RawTable raw = format.parse(options,
                names -> new TextRows(file, names, layout(file, names, options, labelRequired, implicit, copy,
                        format.rowNames())));
        Layout layout = raw.layout != null ? raw.layout
                : layout(file, raw.names, options, labelRequired, implicit, copy, format.rowNames());
        return new Finished(finish(raw, layout, options, positivesRequired), raw, layout);
    }

    /** How a feature column's values are to be typed. */
    enum Declared { INFERRED, CATEGORICAL, TEXT }

    /** Which columns the options keep, and how: decided from the column names before any row is read. */
    static final class Layout {
        final int label;
        final int[] features;
        final Declared[] declared;
        final MissingPolicy missing;
        /**
         * A column to copy as written whatever its role (see {@link #readWithColumn}), or -1: untrimmed, with no
         * missing-value token read as missing; the label alone is copied as its mapping reads it (trimmed).
         */
        final int copied;

        Layout(int label, int[] features, Declared[] declared, MissingPolicy missing, int copied) {
            this.label = label;
            this.features = features;
            this.declared = declared;
            this.missing = missing;
            this.copied = copied;
        }

        /** True when a missing value in column {@code c} fails the table under the missing-value policy. */
        boolean refusesMissing(int c) {
            return c == label ? missing != MissingPolicy.DROP : missing == MissingPolicy.ERROR;
        }
    }

    /**
     * @param labelRequired true for {@code read}: a label must be named (or implicit) and found
     * @param implicitLabel the column that always holds the label in this format (libsvm, text), if any;
     *                      it is never a feature, and is the label when {@code --label} is not given
     */
    static Layout layout(String file, List<String> names, DataOptions options, boolean labelRequired,
                         Optional<String> implicitLabel, Optional<Copy> copy) {
        return layout(file, names, options, labelRequired, implicitLabel, copy, Optional.empty());
    }

    /**
     * @param rowNames the column that names the rows in this format (a text corpus's {@code document}), if any: never
     *                 a feature, unless {@code --label} names it
     */
    static Layout layout(String file, List<String> names, DataOptions options, boolean labelRequired,
                         Optional<String> implicitLabel, Optional<Copy> copy, Optional<String> rowNames) {
        int width = names.size();
        int implicit = implicitLabel.map(l -> resolve(names, l)).orElse(-1);
        Optional<String> labelName = options.label().or(() -> implicitLabel);
        int label = -1;
        if (labelName.isPresent()) {
            int found = resolve(names, labelName.get());
            if (found >= 0) {
                label = found;
            } else if (labelRequired || options.label().isPresent() && implicit >= 0) {
                throw notFound(file, names, labelName.get(), "label");
            }
        } else if (labelRequired) {
            throw new UsageException("a label column is needed (--label NAME or 0-based index)");
        }
        if (label >= 0 && options.positive().isEmpty()) {
            if (options.label().isPresent()) {
                throw new UsageException("--positive is needed with --label: which value of '" + names.get(label)
                        + "' marks the rare class?");
            }
            if (labelRequired) {
                // the format's own label, which no --label named: "needed with --label" sent users looking for one
                throw new UsageException("--positive is needed: which value of the label (a text corpus's class "
                        + "folder or file suffix, such as pos; a LibSVM line's first field, such as 1) marks the rare "
                        + "class?");
            }
            label = -1; // an implicit label without a positive value: read unlabelled
        }
        // before --drop, which may name the copied column too (predict --id keeps its column out of the features)
        int copied = copy.map(c -> column(file, names, c.column(), c.role())).orElse(-1);
        boolean[] dropped = new boolean[width];
        for (String d : options.drop()) {
            int i = optionColumn(file, names, d, "--drop", options);
            // the label is never a feature: a --drop of it would read as if the table had no label
            refuseLabel(names, label, i, d, "--drop", options);
            if (i >= 0) {
                dropped[i] = true;
            }
        }
        if (label >= 0) {
            dropped[label] = true;
        }
        if (implicit >= 0) {
            dropped[implicit] = true;
        }
        rowNames.map(r -> resolve(names, r)).filter(r -> r >= 0).ifPresent(r -> dropped[r] = true);
        Declared[] declared = new Declared[width];
        Arrays.fill(declared, Declared.INFERRED);
        for (String c : options.categorical()) {
            int i = optionColumn(file, names, c, "--categorical", options);
            // a type for the label was ignored without a word: it is read as the label, whatever these say
            refuseLabel(names, label, i, c, "--categorical", options);
            if (i >= 0) {
                declared[i] = Declared.CATEGORICAL;
            }
        }
        for (String c : options.text()) {
            int i = optionColumn(file, names, c, "--text", options);
            refuseLabel(names, label, i, c, "--text", options);
            if (i < 0) {
                continue;
            }
            if (declared[i] == Declared.CATEGORICAL) { // it was read as text, and the model file kept both names
                throw new dev.rareclass.domain.error.UsageException(file + ": column '" + names.get(i)
                        + "' is named by both --categorical and --text; give it one of them");
            }
            declared[i] = Declared.TEXT;
        }
        int[] features = java.util.stream.IntStream.range(0, width).filter(c -> !dropped[c]).toArray();
        if (features.length == 0) {
            throw new DataException(file + ": no feature columns left after the label and --drop");
        }
        return new Layout(label, features, declared, options.missing(), copied);
    }

    static Table finish(RawTable raw, Layout layout, DataOptions options, boolean positivesRequired) {
        String file = raw.file;
        List<String> names = raw.names;
        refuseMissing(raw, layout, options.imputes());
        if (raw.failure != null) {
            throw raw.failure;
        }
        if (raw.columns == null) {
            throw new IllegalStateException(file + ": reading stopped without a reason");
        }
        if (raw.rows == 0) {
            throw new DataException(file + ": no data rows");
        }
        int n = raw.rows;
        int label = layout.label;
        List<Column> columns = new ArrayList<>(layout.features.length);
        for (int c : layout.features) {
            columns.add(switch (layout.declared[c]) {
                case CATEGORICAL -> asCategorical(raw.columns[c]);
                case TEXT -> asText(raw.columns[c]);
                case INFERRED -> raw.columns[c];
            });
        }

        boolean[] incomplete = new boolean[n];
        boolean anyIncomplete = false;
        if (layout.missing == MissingPolicy.DROP) {
            for (Column c : columns) {
                anyIncomplete |= markMissing(c, incomplete);
            }
            if (label >= 0) {
                anyIncomplete |= markMissing(raw.columns[label], incomplete);
            }
        }
        int[] y = null;
        String positive = options.positive().map(String::trim).orElse(null);
        Set<String> seen = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>(raw.notes);
        if (label >= 0) {
            y = mapLabels(raw.columns[label], PositiveValues.parse(positive), seen, names.get(label), notes);
        }

        int[] keep = null;
        if (anyIncomplete) {
            final boolean[] inc = incomplete;
            keep = java.util.stream.IntStream.range(0, n).filter(i -> !inc[i]).toArray();
            if (keep.length == 0) {
                throw new DataException(file + ": every row has a missing value; nothing is left after --missing drop");
            }
            notes.add(MissingPolicy.droppedNote(n - keep.length));
            for (int i = 0; i < columns.size(); i++) {
                columns.set(i, columns.get(i).select(keep));
            }
        }
        int kept = keep == null ? n : keep.length;
        int[] numbers = new int[kept];
        for (int i = 0; i < kept; i++) {
            numbers[i] = (keep == null ? i : keep[i]) + 1;
        }
        Labels labels = null;
        LabelMapping mapping = null;
        if (y != null) {
            labels = Labels.wrap(y);
            if (keep != null) {
                labels = labels.select(keep);
            }
            mapping = LabelMapping.fromValues(names.get(label), positive, seen);
            if (positivesRequired) {
                requirePositivePresent(file, mapping.column(), positive, labels.positives(), seen);
            }
        }
        Table table = new Table(file, columns, labels, mapping, numbers, notes);
        if (options.shiftLabels() > 0) {
            table = LabelShift.shift(table, options.shiftLabels());
        }
        return table;
    }

    /**
     * Throws for the first missing value the policy refuses, in row order (in a row, the features in column
     * order before the label), naming its line, its column and, when known, how it was written.
     */
    private static void refuseMissing(RawTable raw, Layout layout, boolean imputes) {
        int firstRow = Integer.MAX_VALUE;
        int firstCol = -1;
        int[] order = layout.features;
        for (int k = 0; k <= order.length; k++) {
            int c = k < order.length ? order[k] : layout.label;
            if (c < 0 || !layout.refusesMissing(c)) {
                continue;
            }
            int r = raw.firstMissing != null ? raw.firstMissing[c] : firstMissing(raw.columns[c]);
            if (r >= 0 && r < firstRow) {
                firstRow = r;
                firstCol = c;
            }
        }
        if (firstCol < 0) {
            return;
        }
        String where = "'" + raw.names.get(firstCol) + "'";
        long line = raw.missingLines != null ? raw.missingLines[firstCol] : raw.lines[firstRow];
        if (firstCol == layout.label) {
            throw DataException.at(raw.file, line, where, "missing label; fix the row or use --missing drop");
        }
        String token = raw.missingTokens == null ? null : raw.missingTokens[firstCol];
        throw DataException.at(raw.file, line, where, "missing value"
                + (token == null || token.isEmpty() ? "" : " '" + token + "'")
                + (imputes ? "; use --missing drop, mean, median or most-frequent, or --drop the column"
                        : "; the model puts nothing in its place (it was trained without imputing): use --missing drop "
                                + "to leave such rows out, or train it with --missing mean, median or most-frequent"));
    }

    /**
     * The label column as 0/1 (0 where missing); the first few distinct values go into {@code seen}. A value that
     * differs from a positive one only in case ({@code Yes} for {@code --positive yes}) counts as negative, as
     * scikit-learn's {@code pos_label} would count it, with a warning saying so and how many rows it has.
     */
    private static int[] mapLabels(Column column, PositiveValues positives, Set<String> seen, String name,
                                   List<String> notes) {
        int n = column.size();
        int[] y = new int[n];
        if (column instanceof CategoricalColumn k) {
            List<String> levels = k.levels();
            boolean[] positive = new boolean[levels.size()];
            boolean[] met = new boolean[levels.size()];
            int[] count = new int[levels.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = positives.test(levels.get(i));
            }
            for (int r = 0; r < n; r++) {
                int code = k.code(r);
                if (code >= 0) {
                    y[r] = positive[code] ? 1 : 0;
                    count[code]++;
                    if (!met[code]) {
                        met[code] = true;
                        remember(seen, levels.get(code));
                    }
                }
            }
            for (int i = 0; i < levels.size(); i++) {
                if (count[i] > 0 && positives.differsOnlyInCase(levels.get(i))) {
                    notes.add(String.format(java.util.Locale.ROOT, "warning: label '%s' of column '%s' differs from "
                            + "--positive '%s' only in case; its %,d row%s count%s as negative (name it in --positive "
                            + "to count them as positive)", Quoting.cut(levels.get(i).trim(), 40), name, positives,
                            count[i], count[i] == 1 ? "" : "s", count[i] == 1 ? "s" : ""));
                }
            }
            return y;
        }
        for (int r = 0; r < n; r++) {
            String value = stringValue(column, r);
            if (value != null) {
                y[r] = positives.test(value) ? 1 : 0;
                remember(seen, value);
            }
        }
        return y;
    }

    /** Keeps the first few distinct label values: for messages, and to name a sole negative class. */
    public static void remember(Set<String> seen, String value) {
        if (seen.size() <= MAX_VALUES_IN_MESSAGE) {
            seen.add(value);
        }
    }

    /** Refuses a labelled table in which the positive value never occurs. */
    public static void requirePositivePresent(String file, String column, String positive, int positives,
                                              Set<String> seen) {
        if (positives == 0) {
            throw new DataException(file + ": positive value '" + positive + "' never occurs in label column '"
                    + column + "'; values seen: " + abbreviate(new ArrayList<>(seen)));
        }
    }

    /** Column index by exact name, trimmed name, or 0-based index; -1 when none. */
    static int resolve(List<String> names, String nameOrIndex) {
        int i = names.indexOf(nameOrIndex);
        if (i >= 0) {
            return i;
        }
        i = names.indexOf(nameOrIndex.trim());
        if (i >= 0) {
            return i;
        }
        try {
            int index = dev.rareclass.domain.data.Decimals.parseInt(nameOrIndex);
            return index >= 0 && index < names.size() ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The index of a column named (or given by 0-based index) for a role such as {@code --drop}; a data error when absent. */
    public static int column(String file, List<String> names, String nameOrIndex, String role) {
        int c = resolve(names, nameOrIndex);
        if (c < 0) {
            throw notFound(file, names, nameOrIndex, role);
        }
        return c;
    }

    /**
     * The index of a column an option ({@code role}) names; -1 for one the file lacks that the options may do without
     * ({@link DataOptions#ifPresent}: a model's remembered columns); a data error for any other one the file lacks.
     */
    private static int optionColumn(String file, List<String> names, String nameOrIndex, String role,
                                    DataOptions options) {
        int c = resolve(names, nameOrIndex);
        if (c < 0 && !options.ifPresent().contains(nameOrIndex)) {
            throw notFound(file, names, nameOrIndex, role);
        }
        return c;
    }

    /** True when the names hold the column (by name or 0-based index). */
    public static boolean hasColumn(List<String> names, String nameOrIndex) {
        return resolve(names, nameOrIndex) >= 0;
    }

    /**
     * A column named for a role is not in the file: the closest names when some are close (the same but for case,
     * or a few typing mistakes away), else the first columns and how many there are.
     */
    private static DataException notFound(String file, List<String> names, String nameOrIndex, String role) {
        String what = file + ": " + role + " column '" + nameOrIndex + "' not found; ";
        List<String> close = ClosestNames.closest(nameOrIndex, names);
        if (!close.isEmpty()) {
            return new DataException(what + "did you mean " + ClosestNames.quoted(close) + "?");
        }
        return new DataException(what + "columns: " + abbreviate(names)
                + (names.size() > MAX_VALUES_IN_MESSAGE ? " (" + names.size() + " in all)" : "") + shapeHint(names));
    }

    /**
     * Refuses a feature option ({@code --drop}, {@code --categorical}, {@code --text}) naming the label column, which
     * is never a feature, unless a model remembers the name ({@link DataOptions#ifPresent}).
     */
    private static void refuseLabel(List<String> names, int label, int column, String given, String option,
                                    DataOptions options) {
        if (column >= 0 && column == label && !options.ifPresent().contains(given)) {
            throw new UsageException(option + " " + given + " names the label column '" + names.get(label)
                    + "', which is never a feature: leave it out of " + option);
        }
    }

    /**
     * Why a file's column names may not be what the user expects: a first row of numbers is data, not a header; a
     * single header field holding tabs is a TAB-separated file read as CSV, one holding semicolons a file separated by
     * them (as spreadsheets write CSV where the comma is the decimal mark), one holding commas a CSV file read as TSV.
     * Empty when none of these.
     */
    public static String shapeHint(List<String> names) {
        if (names.size() == 1 && names.get(0).indexOf('\t') >= 0) {
            return "; the header is one field holding tabs: a TAB-separated file reads with --format tab";
        }
        if (names.size() == 1 && names.get(0).indexOf(';') >= 0) {
            return "; the header is one field holding semicolons: a file separated by them reads with --delimiter ';'";
        }
        if (names.size() == 1 && names.get(0).indexOf(',') >= 0) {
            return "; the header is one field holding commas: a comma-separated file reads with --format csv";
        }
        if (names.size() >= 2 && names.stream().allMatch(DataOptionsStep::looksNumeric)) {
            return "; the first row looks like data, not column names (every field is a number): if the file has no "
                    + "header, add --no-header and name columns by 0-based index (such as --label " + (names.size() - 1)
                    + ")";
        }
        return "";
    }

    /**
     * A warning when a header row reads like data: every column name but at most one (a label such as {@code cp}) is a
     * number, two or more of them other than the column's own index (pandas writes 0, 1, 2, ... for unnamed columns).
     * The catalog's headerless files (ecoli, sonar, haberman) read so without {@code --no-header} lost their first row
     * to the column names without a word. Empty when the names read as names.
     */
    public static Optional<String> headerLooksLikeData(List<String> names) {
        long numbers = names.stream().filter(DataOptionsStep::looksNumeric).count();
        long notIndices = java.util.stream.IntStream.range(0, names.size())
                .filter(c -> looksNumeric(names.get(c)) && !names.get(c).trim().equals(String.valueOf(c))).count();
        if (notIndices < 2 || numbers < names.size() - 1) {
            return Optional.empty();
        }
        String example = names.stream().filter(DataOptionsStep::looksNumeric).findFirst().orElseThrow();
        return Optional.of("warning: " + numbers + " of the " + names.size() + " column names are numbers (such as '"
                + example + "'): the first row looks like data, read as the header; if the file has no header, add "
                + "--no-header and name columns by 0-based index");
    }

    private static boolean looksNumeric(String s) {
        String t = s.trim();
        if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"') && t.charAt(t.length() - 1) == t.charAt(0)) {
            t = t.substring(1, t.length() - 1);
        }
        try {
            dev.rareclass.domain.data.Decimals.parse(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Marks the rows where the column has no value; true if there is one. */
    private static boolean markMissing(Column column, boolean[] incomplete) {
        boolean any = false;
        for (int r = 0; r < incomplete.length; r++) {
            if (isMissing(column, r)) {
                incomplete[r] = true;
                any = true;
            }
        }
        return any;
    }

    private static int firstMissing(Column column) {
        if (column.missing() == 0) {
            return -1;
        }
        for (int r = 0; r < column.size(); r++) {
            if (isMissing(column, r)) {
                return r;
            }
        }
        return -1;
    }

    static boolean isMissing(Column column, int row) {
        return switch (column) {
            case NumericColumn c -> Float.isNaN(c.get(row));
            case CategoricalColumn c -> c.code(row) < 0;
            case TextColumn c -> c.get(row) == null;
        };
    }

    /** A value as text (numbers written canonically: 1.0 → "1"), or null when missing. */
    static String stringValue(Column column, int row) {
        return switch (column) {
            case NumericColumn c -> Float.isNaN(c.get(row)) ? null : canonical(c.get(row));
            case CategoricalColumn c -> c.value(row);
            case TextColumn c -> c.get(row);
        };
    }

    private static String canonical(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Float.toString(v);
    }

    static CategoricalColumn asCategorical(Column column) {
        if (column instanceof CategoricalColumn k) {
            return k;
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> levels = new ArrayList<>();
        int[] codes = new int[column.size()];
        for (int r = 0; r < codes.length; r++) {
            String v = stringValue(column, r);
            if (v == null) {
                codes[r] = -1;
                continue;
            }
            Integer code = index.get(v);
            if (code == null) {
                code = levels.size();
                index.put(v, code);
                levels.add(v);
            }
            codes[r] = code;
        }
        return new CategoricalColumn(column.name(), levels, codes);
    }

    static TextColumn asText(Column column) {
        if (column instanceof TextColumn t) {
            return t;
        }
        String[] values = new String[column.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = stringValue(column, r);
        }
        return new TextColumn(column.name(), values);
    }

    /** The first few values of a list for a message, each at most 40 characters. */
    public static String abbreviate(List<String> values) {
        List<String> head = values.size() <= MAX_VALUES_IN_MESSAGE ? values : values.subList(0, MAX_VALUES_IN_MESSAGE);
        return String.join(", ", head.stream().map(Tokens::abbreviate).toList())
                + (values.size() > MAX_VALUES_IN_MESSAGE ? ", ..." : "");
    }
}
