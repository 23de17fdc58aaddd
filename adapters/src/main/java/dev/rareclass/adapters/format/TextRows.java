package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.error.DataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Rows of text fields turned into typed columns, for formats whose values are written as text (CSV, TSV,
 * JSON Lines, ...). A format names its columns ({@link Start#columns}), hands over each row's fields
 * ({@link #row}) and then {@link #table}; {@link DataOptionsStep} has already decided which columns are read
 * (not the label or {@code --drop}ped ones as features, never anything dropped) and how: declared
 * {@code --categorical} and {@code --text} columns as asked, every other column by its values (see
 * {@link Tokens}; a first value that is no number makes a column categorical, with a note). The label is
 * kept as written.
 *
 * <p>Reading stops at the first row that cannot be kept: a value that is not a number in a numeric column,
 * a missing value the {@code --missing} policy refuses, or a problem the format reports with {@link #fail};
 * the step then reports the first of them, with its file, line and column.
 */
public final class TextRows {

    /** Starts the rows of a table once its column names (in file order) are known. */
    @FunctionalInterface
    public interface Start {
        TextRows columns(List<String> names);
    }

    private final String file;
    private final List<String> names;
    private final DataOptionsStep.Layout layout;
    private final ColumnBuilder[] builders;
    /** Columns in the order their values are taken from a row: the features, then the label. */
    private final int[] order;
    private long[] lines = new long[1024];
    private int n;
    private boolean stopped;
    private RuntimeException failure;

    TextRows(String file, List<String> names, DataOptionsStep.Layout layout) {
        this.file = file;
        this.names = List.copyOf(names);
        this.layout = layout;
        this.builders = new ColumnBuilder[names.size()];
        for (int c : layout.features) {
            builders[c] = switch (layout.declared[c]) {
                case CATEGORICAL -> new ColumnBuilder.Categorical(names.get(c), true);
                case TEXT -> new ColumnBuilder.Text(names.get(c));
                case INFERRED -> new ColumnBuilder.Numeric(names.get(c));
            };
        }
        if (layout.label >= 0) {
            builders[layout.label] = new ColumnBuilder.Categorical(names.get(layout.label), false);
            order = Arrays.copyOf(layout.features, layout.features.length + 1);
            order[layout.features.length] = layout.label;
        } else {
            order = layout.features;
        }
    }

    /**
     * Adds one row.
     *
     * @param line  the 1-based line where the row starts, for messages
     * @param field column index → the field's text as written (trimmed here; null for an absent value); only
     *              the columns read are asked for
     * @return false when reading should stop (see the class comment)
     */
    public boolean row(long line, IntFunction<String> field) {
        if (stopped) {
            return false;
        }
        if (n == lines.length) {
            lines = Arrays.copyOf(lines, n * 2);
        }
        lines[n] = line;
        for (int c : order) {
            String raw = field.apply(c);
            String token = raw == null ? "" : raw.trim();
            ColumnBuilder b = builders[c];
            if (Tokens.isMissing(token)) {
                b.addMissing(token);
                if (layout.refusesMissing(c)) {
                    stopped = true;
                    return false;
                }
            } else {
                try {
                    builders[c] = b.add(token, line);
                } catch (ColumnBuilder.NotANumber e) {
                    fail(DataException.at(file, line, "'" + b.name + "'", "'" + Tokens.abbreviate(token)
                            + "' is not a number in a numeric column; --drop it, or --categorical if it holds categories"));
                    return false;
                } catch (ColumnBuilder.NotFinite e) {
                    fail(DataException.at(file, line, "'" + b.name + "'", "'" + Tokens.abbreviate(token)
                            + "' is not a finite float32 number (infinities and values beyond 3.4e38 are refused)"));
                    return false;
                }
            }
        }
        n++;
        return true;
    }

    /**
     * Ends the rows with a problem the format found before the next row (a malformed line, a read error):
     * it is reported unless a row before it already fails the data options.
     */
    public void fail(RuntimeException problem) {
        if (!stopped) {
            stopped = true;
            failure = problem;
        }
    }

    /** True when reading stopped early (so the format need not check for a file without rows). */
    public boolean stopped() {
        return stopped;
    }

    /** The rows read, as a raw table for {@link DataOptionsStep}, with the format's own notes. */
    public RawTable table(List<String> notes) {
        int width = names.size();
        int[] firstMissing = new int[width];
        String[] missingTokens = new String[width];
        Arrays.fill(firstMissing, -1);
        Column[] columns = stopped ? null : new Column[width];
        List<String> allNotes = new ArrayList<>(notes);
        for (int c = 0; c < width; c++) {
            ColumnBuilder b = builders[c];
            if (b == null) {
                continue;
            }
            firstMissing[c] = b.firstMissing;
            missingTokens[c] = b.missingToken;
            if (columns != null) {
                columns[c] = b.build();
            }
            if (b instanceof ColumnBuilder.Categorical cat && cat.inferredFrom != null) {
                allNotes.add("column '" + b.name + "' read as categorical (first value " + cat.inferredFrom + ")");
            }
        }
        long[] rowLines = Arrays.copyOf(lines, stopped ? n + 1 : n);
        return new RawTable(file, names, columns, rowLines, allNotes, layout, firstMissing, missingTokens, failure);
    }
}
