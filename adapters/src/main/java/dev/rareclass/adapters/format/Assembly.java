package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.LabelShift;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.PositiveValues;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@link DataOptions} to a parsed {@link RawTable}, the same way for every format: the label
 * (by name or 0-based index, mapped to 0/1 with the explicit positive value), {@code --drop},
 * {@code --categorical}, {@code --text}, the missing-value policy ({@code error} refuses with the line
 * and column, {@code drop} drops rows, the imputing policies keep NaN / -1 / null) and
 * {@code --shift-labels}.
 */
final class Assembly {

    private static final int MAX_VALUES_IN_MESSAGE = 8;

    private Assembly() {
    }

    /**
     * @param labelRequired true for {@code read}: a label must be named (or implicit) and found
     * @param implicitLabel the column that always holds the label in this format (libsvm, text), if any;
     *                      it is never a feature, and is the label when {@code --label} is not given
     */
    static Table finish(RawTable raw, DataOptions options, boolean labelRequired, Optional<String> implicitLabel) {
        String file = raw.file();
        List<String> names = raw.names();
        int width = names.size();
        int n = raw.lines().length;
        int implicit = implicitLabel.map(l -> resolve(names, l)).orElse(-1);

        Optional<String> labelName = options.label().or(() -> implicitLabel);
        int label = -1;
        if (labelName.isPresent()) {
            int found = resolve(names, labelName.get());
            if (found >= 0) {
                label = found;
            } else if (labelRequired || options.label().isPresent() && implicit >= 0) {
                throw new DataException(file + ": label column '" + labelName.get() + "' not found; columns: "
                        + abbreviate(names));
            }
        } else if (labelRequired) {
            throw new UsageException("a label column is needed (--label NAME or 0-based index)");
        }
        if (label >= 0 && options.positive().isEmpty()) {
            if (labelRequired || options.label().isPresent()) {
                throw new UsageException("--positive is needed with --label: which value of '" + names.get(label)
                        + "' marks the rare class?");
            }
            label = -1; // an implicit label without a positive value: read unlabelled
        }

        boolean[] dropped = new boolean[width];
        for (String d : options.drop()) {
            dropped[require(file, names, d, "--drop")] = true;
        }
        if (label >= 0) {
            dropped[label] = true;
        }
        if (implicit >= 0) {
            dropped[implicit] = true;
        }
        List<Column> columns = new ArrayList<>(raw.columns());
        List<String> notes = new ArrayList<>(raw.notes());
        for (String c : options.categorical()) {
            int i = require(file, names, c, "--categorical");
            columns.set(i, asCategorical(columns.get(i)));
        }
        for (String c : options.text()) {
            int i = require(file, names, c, "--text");
            columns.set(i, asText(columns.get(i)));
        }
        List<Integer> features = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (!dropped[c]) {
                features.add(c);
            }
        }
        if (features.isEmpty()) {
            throw new DataException(file + ": no feature columns left after the label and --drop");
        }

        MissingPolicy missing = options.missing();
        boolean[] incomplete = new boolean[n];
        boolean anyIncomplete = false;
        if (missing == MissingPolicy.ERROR) {
            int firstRow = Integer.MAX_VALUE;
            int firstCol = -1;
            for (int c : features) {
                int r = firstMissing(columns.get(c));
                if (r >= 0 && r < firstRow) {
                    firstRow = r;
                    firstCol = c;
                }
            }
            if (firstCol >= 0) {
                throw DataException.at(file, raw.lines()[firstRow], "'" + names.get(firstCol) + "'",
                        "missing value; use --missing drop, mean, median or most-frequent, or --drop the column");
            }
        } else if (missing == MissingPolicy.DROP) {
            for (int c : features) {
                Column col = columns.get(c);
                for (int r = 0; r < n; r++) {
                    if (isMissing(col, r)) {
                        incomplete[r] = true;
                        anyIncomplete = true;
                    }
                }
            }
        }

        int[] y = null;
        String positive = options.positive().map(String::trim).orElse(null);
        Set<String> seen = new LinkedHashSet<>();
        if (label >= 0) {
            PositiveValues positives = PositiveValues.parse(positive);
            y = new int[n];
            Column lc = columns.get(label);
            for (int r = 0; r < n; r++) {
                String value = stringValue(lc, r);
                if (value == null) {
                    if (missing != MissingPolicy.DROP) {
                        throw DataException.at(file, raw.lines()[r], "'" + names.get(label) + "'",
                                "missing label; fix the row or use --missing drop");
                    }
                    incomplete[r] = true;
                    anyIncomplete = true;
                    continue;
                }
                y[r] = positives.test(value) ? 1 : 0;
                if (seen.size() <= MAX_VALUES_IN_MESSAGE) {
                    seen.add(value);
                }
            }
        }

        int[] keep = null;
        if (missing == MissingPolicy.DROP && anyIncomplete) {
            final boolean[] inc = incomplete;
            keep = java.util.stream.IntStream.range(0, n).filter(i -> !inc[i]).toArray();
            if (keep.length == 0) {
                throw new DataException(file + ": every row has a missing value; nothing is left after --missing drop");
            }
            notes.add((n - keep.length) + " rows with missing values dropped (--missing drop)");
        }
        List<Column> out = new ArrayList<>(features.size());
        for (int c : features) {
            out.add(keep == null ? columns.get(c) : columns.get(c).select(keep));
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
            mapping = new LabelMapping(names.get(label), positive);
            if (labelRequired && labels.positives() == 0) {
                throw new DataException(file + ": positive value '" + positive + "' never occurs in label column '"
                        + names.get(label) + "'; values seen: " + abbreviate(new ArrayList<>(seen)));
            }
        }
        Table table = new Table(file, out, labels, mapping, numbers, notes);
        if (options.shiftLabels() > 0) {
            table = LabelShift.shift(table, options.shiftLabels());
        }
        return table;
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
            int index = Integer.parseInt(nameOrIndex.trim());
            return index >= 0 && index < names.size() ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int require(String file, List<String> names, String nameOrIndex, String role) {
        int c = resolve(names, nameOrIndex);
        if (c < 0) {
            throw new DataException(file + ": " + role + " column '" + nameOrIndex + "' not found; columns: "
                    + abbreviate(names));
        }
        return c;
    }

    static boolean isMissing(Column column, int row) {
        return switch (column) {
            case NumericColumn c -> Float.isNaN(c.get(row));
            case CategoricalColumn c -> c.code(row) < 0;
            case TextColumn c -> c.get(row) == null;
        };
    }

    private static int firstMissing(Column column) {
        for (int r = 0; r < column.size(); r++) {
            if (isMissing(column, r)) {
                return r;
            }
        }
        return -1;
    }

    /** A value as text (numbers written canonically: 1.0 → "1"), or null when missing. */
    static String stringValue(Column column, int row) {
        return switch (column) {
            case NumericColumn c -> Float.isNaN(c.get(row)) ? null : canonical(c.get(row));
            case CategoricalColumn c -> c.value(row);
            case TextColumn c -> c.get(row);
        };
    }

    static String canonical(float v) {
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

    static String abbreviate(List<String> values) {
        List<String> head = values.size() <= MAX_VALUES_IN_MESSAGE ? values : values.subList(0, MAX_VALUES_IN_MESSAGE);
        return String.join(", ", head.stream().map(v -> v.length() <= 40 ? v : v.substring(0, 37) + "...").toList())
                + (values.size() > MAX_VALUES_IN_MESSAGE ? ", ..." : "");
    }
}
