package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.Column;
import java.util.List;

/**
 * A file as its format parsed it, before the data options are applied: every column (the label column
 * included) and where each row starts. {@link DataOptionsStep} turns it into a {@code Table}.
 *
 * <p>A format with typed columns of its own (ARFF, LibSVM) builds one with the public constructor; a format
 * whose fields are text gets one from {@link TextRows#table}, which reads only the columns the options keep
 * and may end early at the first row that fails them.
 */
public final class RawTable {

    final String file;
    final List<String> names;
    /** Parsed columns, in file order; null for a column that was not read. Null as a whole after an early stop. */
    final Column[] columns;
    final int rows;
    /** For each row, the line where it starts; null when only the lines of missing values are kept. */
    final long[] lines;
    final List<String> notes;
    /** The layout the columns were read with, or null when the step decides it from the names. */
    final DataOptionsStep.Layout layout;
    /** Per column, the row of its first missing value (-1: none), or null when unknown. */
    final int[] firstMissing;
    /** Per column, the line of that missing value, or null to look it up in {@link #lines}. */
    final long[] missingLines;
    /** Per column, how that missing value was written, or null when unknown. */
    final String[] missingTokens;
    /** What stopped the parsing, to be reported unless an earlier row fails the data options. */
    final RuntimeException failure;
    /**
     * The layout's copied column ({@link DataOptionsStep.Layout#copied}) as written, one value per row (null where
     * missing); null when there is none, or when the columns hold it (a format with typed columns).
     */
    final String[] copied;

    /**
     * @param file    the source, for messages
     * @param columns typed columns, all of the same length, in file order
     * @param lines   for each row, the 1-based line (or entry) where it starts, for messages
     * @param notes   what the parser decided that a user should hear about
     */
    public RawTable(String file, List<Column> columns, long[] lines, List<String> notes) {
        this(file, columns.stream().map(Column::name).toList(), columns.toArray(Column[]::new), lines.length, lines,
                List.copyOf(notes), null, null, null, null, null, null);
        for (Column c : columns) {
            if (c.size() != lines.length) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " rows, not "
                        + lines.length);
            }
        }
    }

    RawTable(String file, List<String> names, Column[] columns, int rows, long[] lines, List<String> notes,
             DataOptionsStep.Layout layout, int[] firstMissing, long[] missingLines, String[] missingTokens,
             RuntimeException failure, String[] copied) {
        this.file = file;
        this.names = List.copyOf(names);
        this.columns = columns;
        this.rows = rows;
        this.lines = lines;
        this.missingLines = missingLines;
        this.notes = List.copyOf(notes);
        this.layout = layout;
        this.firstMissing = firstMissing;
        this.missingTokens = missingTokens;
        this.failure = failure;
        this.copied = copied;
    }

    /** This table with one more note after its own (a format's word on the file as a whole). */
    public RawTable withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new RawTable(file, names, columns, rows, lines, more, layout, firstMissing, missingLines, missingTokens,
                failure, copied);
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The column names, in file order. */
    public List<String> names() {
        return names;
    }
}
