package dev.rareclass.adapters.report;

import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.Decimals;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * Writes a labelled table as LibSVM / SVMlight, as scikit-learn's {@code dump_svmlight_file} does: one row a line,
 * the label, then {@code INDEX:VALUE} for each non-zero feature, indices 1-based in column order. The format has
 * numbers only and no missing value (a feature left out is 0), so a table with another kind of column or a missing
 * value is refused ({@link #refusal}); column names are not kept (they read back as {@code f1 .. fD}).
 *
 * <p>Labels: the values as written when every one is a finite number by the project's rule ({@link Decimals}: no NaN,
 * infinity, hex or suffix, as {@code load_svmlight_file} and our reader both read a label; a LibSVM input's
 * {@code +1}/{@code -1}, abalone's ring counts), so that {@code --positive} names the same value as for the input;
 * otherwise (ionosphere's {@code g}/{@code b}) {@code 1} for a positive row and {@code 0} for a negative one, as
 * scikit-learn's 0/1 targets, to be read back with {@code --positive 1}. One departure from scikit-learn: when the
 * last feature is 0 in every row, the first row says so ({@code D:0}), else the file would read back one feature
 * short.
 */
final class LibSvmWriter {

    private LibSvmWriter() {
    }

    /**
     * Why the table cannot be written as LibSVM, naming the first column it cannot hold, or empty when it can.
     *
     * @param missing whether missing values are looked for (not before an imputation that fills them)
     */
    static Optional<String> refusal(Table table, boolean missing) {
        for (Column column : table.columns()) { // the kind first: no --missing option makes a category a number
            if (!(column instanceof NumericColumn)) {
                return Optional.of("column '" + column.name() + "' is " + column.type() + ", and LibSVM holds numbers "
                        + "only (--drop it, or name the output .csv, .tsv or .arff)");
            }
        }
        for (Column column : missing ? table.columns() : List.<Column>of()) {
            NumericColumn n = (NumericColumn) column;
            for (int r = 0; r < n.size(); r++) {
                if (Float.isNaN(n.get(r))) {
                    return Optional.of("column '" + column.name() + "' has missing values, which LibSVM cannot "
                            + "hold (a value left out reads as 0): fill them (--missing mean, median or "
                            + "most-frequent) or drop their rows (--missing drop), or name the output .csv, .tsv "
                            + "or .arff");
                }
            }
        }
        return Optional.empty();
    }

    static void write(Table table, List<String> labels, Writer out) throws IOException {
        List<Column> columns = table.columns();
        int width = columns.size();
        NumericColumn[] features = new NumericColumn[width];
        for (int c = 0; c < width; c++) {
            features[c] = (NumericColumn) columns.get(c);
        }
        boolean asWritten = labels.stream().allMatch(l -> l != null && Decimals.isFinite(l.strip())); // as written
        Labels y = table.requireLabels();
        boolean lastAllZero = width > 0;
        for (int r = 0; r < table.rows() && lastAllZero; r++) {
            lastAllZero = features[width - 1].get(r) == 0;
        }
        StringBuilder b = new StringBuilder(256);
        for (int r = 0; r < table.rows(); r++) {
            b.setLength(0);
            b.append(asWritten ? labels.get(r).strip() : y.get(r) == 1 ? "1" : "0").append(' ');
            int start = b.length(); // scikit-learn's "label features": a row of zeros ends in that space
            for (int c = 0; c < width; c++) {
                float v = features[c].get(r);
                if (v != 0 || r == 0 && c == width - 1 && lastAllZero) {
                    b.append(b.length() == start ? "" : " ").append(c + 1).append(':').append(FileResultSink.plain(v));
                }
            }
            b.append('\n');
            out.write(b.toString());
        }
    }
}
