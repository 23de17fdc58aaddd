package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.Tokens;
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

    /** What a value holding bytes the reader decoded as U+FFFD is told (a category, a label, a copied column). */
    private static final String NOT_UTF8 = " holds bytes that are not UTF-8 text (shown as \uFFFD); save the file as UTF-8";

    /** Starts the rows of a table once its column names (in file order) are known. */
    @FunctionalInterface
    public interface Start {
        TextRows columns(List<String> names);
    }

    private final String file;
    private final List<String> names;
    private final DataOptionsStep.Layout layout;
    private final ColumnBuilder[] builders;
    /** The label's values as written, or null; apart from the features so their calls see only their own types. */
    private final ColumnBuilder.Categorical labels;
    /** The copied column's values as written (see {@link DataOptionsStep.Layout#copied}), or null. */
    private String[] copied;
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
        labels = layout.label >= 0 ? new ColumnBuilder.Categorical(names.get(layout.label), false) : null;
        if (labels != null) {
            builders[layout.label] = labels;
        }
        copied = layout.copied >= 0 ? new String[16] : null;
    }

    /**
     * One row's fields, for a format that can hand over a number without making a String of it first (the CSV
     * reader: most of a numeric table's fields then cost no object at all).
     */
    public interface Fields {
        /** The field's text as written (trimmed by the caller), or null for an absent value. */
        String text(int c);

        /**
         * The field as {@link Tokens#plainDecimal(char[], int, int)} reads it (trimmed), or NaN when it is none
         * (absent, missing, or any other way of writing a value): then {@link #text} is asked for.
         */
        double plainNumber(int c);
    }

    /**
     * Adds one row.
     *
     * @param line  the 1-based line where the row starts, for messages
     * @param field column index → the field's text as written (trimmed here; null for an absent value); only
     *              the columns read (and the copied one, see {@link DataOptionsStep#readWithColumn}) are asked for
     * @return false when reading should stop (see the class comment)
     */
    public boolean row(long line, IntFunction<String> field) {
        return row(line, new Fields() {
            @Override
            public String text(int c) {
                return field.apply(c);
            }

            @Override
            public double plainNumber(int c) {
                return Double.NaN;
            }
        });
    }

    /** Adds one row, as {@link #row(long, IntFunction)} does, taking plain numbers without their text. */
    public boolean row(long line, Fields field) {
        if (stopped) {
            return false;
        }
        for (int c : layout.features) {
            ColumnBuilder b = builders[c];
            if (b instanceof ColumnBuilder.Numeric number) {
                double v = field.plainNumber(c);
                if (v == v && number.addPlain(v)) {
                    continue;
                }
            }
            String token = token(field, c);
            if (Tokens.isMissing(token)) {
                if (refused(b, c, token, line)) {
                    return false;
                }
            } else {
                try {
                    builders[c] = b.add(token, line);
                } catch (ColumnBuilder.NotANumber | ColumnBuilder.NotFinite | ColumnBuilder.NotUtf8 e) {
                    fail(badValue(b.name, token, line, e));
                    return false;
                }
            }
        }
        if (labels != null) {
            String token = token(field, layout.label);
            if (Tokens.isMissing(token)) {
                if (refused(labels, layout.label, token, line)) {
                    return false;
                }
            } else {
                try {
                    labels.add(token, line);
                } catch (ColumnBuilder.NotUtf8 e) {
                    fail(badValue(labels.name, token, line, e));
                    return false;
                }
            }
        }
        if (copied != null) {
            String value;
            if (layout.copied == layout.label) { // the label as its mapping reads it, trimmed (resample writes it back)
                String token = token(field, layout.copied);
                value = Tokens.isMissing(token) ? null : token;
            } else {
                // as written: not trimmed, and no missing-value token read as missing (NA is Namibia's country code):
                // the column is only copied, never read as a value
                value = field.text(layout.copied);
                if (value != null && value.indexOf('\uFFFD') >= 0) { // as for a category: copied, it would change
                    fail(DataException.at(file, line, "'" + names.get(layout.copied) + "'", "'"
                            + Tokens.abbreviate(value) + "'" + NOT_UTF8));
                    return false;
                }
                value = value == null || value.isEmpty() ? null : value;
            }
            if (n == copied.length) {
                copied = Arrays.copyOf(copied, n * 2);
            }
            copied[n] = value;
        }
        n++;
        return true;
    }

    private DataException badValue(String column, String token, long line, RuntimeException e) {
        // the options to give, with the column's name where it is one shell word (car.data's '5more' in column 2)
        String col = column.matches("[A-Za-z0-9_.-]+") ? " " + column : "";
        String problem = e instanceof ColumnBuilder.NotANumber
                ? " is not a number in a numeric column; --drop" + (col.isEmpty() ? " it" : col) + ", or --categorical"
                        + col + " if it holds categories"
                : e instanceof ColumnBuilder.NotUtf8 ? NOT_UTF8
                : " is not a finite float32 number (infinities and values beyond 3.4e38 are refused)";
        return DataException.at(file, line, "'" + column + "'", "'" + Tokens.abbreviate(token) + "'" + problem);
    }

    private static String token(Fields field, int c) {
        String raw = field.text(c);
        return raw == null ? "" : raw.trim();
    }

    /** Records a missing value; true when the policy refuses it, which stops the rows here. */
    private boolean refused(ColumnBuilder b, int c, String token, long line) {
        b.addMissing(token, line);
        if (layout.refusesMissing(c)) {
            stopped = true;
        }
        return stopped;
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
        long[] missingLines = new long[width];
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
            missingLines[c] = b.missingLine;
            missingTokens[c] = b.missingToken;
            if (columns != null) {
                columns[c] = b.build();
            }
            if (b instanceof ColumnBuilder.Numeric number && !Double.isNaN(number.firstRounded)) {
                // numbers are held as float32, as XGBoost and scikit-learn's trees hold them: whole numbers past 2^24
                // (seconds since 1970, long IDs) lose their last digits, and values one apart can become one
                allNotes.add("warning: column '" + b.name + "' has whole numbers above 16,777,216 (such as "
                        + Tokens.canonical(number.firstRounded) + ") that 32-bit floats, which rareclass reads numbers "
                        + "into, keep to 7 significant digits: nearby values may read as one (subtract an offset, such as "
                        + "the first timestamp, or --drop it if it is an ID)");
            } else if (b instanceof ColumnBuilder.Numeric number && number.heldAsOne()) {
                // 1.000000001 ... 1.000000059 read as constant, and describe advised dropping it, where pandas sees
                // 60 values; float32 keeps the same relative precision at every scale, so only an offset helps
                allNotes.add("warning: column '" + b.name + "' reads as one value, " + (float) number.least()
                        + ", where its values as written run from " + number.least() + " to " + number.most()
                        + ": they differ only past the 7 significant digits of the 32-bit floats rareclass reads "
                        + "numbers into (subtract an offset, such as " + number.least() + ")");
            }
            if (b instanceof ColumnBuilder.Categorical cat && cat.inferredFrom != null) {
                allNotes.add("column '" + b.name + "' read as categorical (first value " + cat.inferredFrom + ")");
                // above the one-hot cap, fitting refuses the column with the same hint: say it once
                if (cat.levelCount() <= dev.rareclass.domain.preprocess.PreprocessingSpec.DEFAULT_MAX_CATEGORIES) {
                    dev.rareclass.domain.preprocess.FittedPreprocessor.manyCategoriesWarning(b.name, cat.levelCount(),
                            cat.levels(), true).ifPresent(allNotes::add);
                }
            }
        }
        return new RawTable(file, names, columns, n, null, allNotes, layout, firstMissing, missingLines, missingTokens,
                failure, copied == null ? null : Arrays.copyOf(copied, n));
    }
}
