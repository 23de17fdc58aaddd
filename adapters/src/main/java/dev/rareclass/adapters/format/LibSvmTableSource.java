package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads LibSVM / SVMlight files ({@code .libsvm}, {@code .svm}, {@code .svmlight}, optionally
 * {@code .gz}): one row a line, {@code LABEL INDEX:VALUE ...} with 1-based, strictly increasing indices.
 * The label is a finite number (as {@code load_svmlight_file} reads it: {@code yes} or a multi-label {@code 1,2} is
 * refused naming the line). The columns are {@code label} (index 0) then {@code f1 .. fD}, D the largest index in the
 * file; an index a row leaves out is 0. The label is always present, so {@code --label} defaults to
 * {@code label}; {@code --positive} says which value is the rare class and matches numerically
 * ({@code 1} matches {@code +1}). {@code #} starts a comment; SVMlight's {@code qid:N} tokens are ignored.
 */
public final class LibSvmTableSource extends ParsedTableSource {

    /** The label column's name. */
    public static final String LABEL = "label";

    /** Refuse tables whose dense form would exceed this many cells (2^31 - 1 floats is Java's array limit). */
    static final long MAX_CELLS = 1L << 30;
    /**
     * Every feature becomes a dense column (an object, a name and an array), so a tiny file naming feature
     * 20,000,000 would otherwise allocate gigabytes and run for minutes (found by fuzzing); at 1,048,576 a 4-line file
     * still took 20 s and 1.7 GB to describe. The limit every reader shares ({@link ColumnLimit}).
     */
    static final int MAX_FEATURES = ColumnLimit.MAX_COLUMNS;

    public LibSvmTableSource() {
        super("LibSVM", Optional.of(LABEL));
    }

    @Override
    protected RawTable parse(DataOptions options, TextRows.Start rows) {
        String file = options.file().toString();
        try (InputStream in = Inputs.openText(options.file());
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return parse(file, reader);
        } catch (IOException | UncheckedIOException e) {
            throw Inputs.failure(file, e);
        }
    }

    static RawTable parse(String file, BufferedReader reader) throws IOException {
        List<String> labels = new ArrayList<>();
        long[] lines = new long[1024];
        int[] rowStart = new int[1025];
        int[] indices = new int[4096];
        float[] values = new float[4096];
        int nnz = 0;
        int rows = 0;
        int maxIndex = 0;
        boolean qid = false;
        long lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            int hash = line.indexOf('#');
            String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (s.isEmpty()) {
                continue;
            }
            String[] tokens = s.split("\\s+");
            String label = tokens[0];
            if (label.indexOf(':') >= 0) {
                throw DataException.at(file, lineNo, null, "the line starts with '" + abbreviate(label)
                        + "' where the label should be (LABEL INDEX:VALUE ...)");
            }
            if (!dev.rareclass.domain.data.Decimals.isFinite(label)) {
                // as load_svmlight_file: "yes" or "1,2" counted as a negative row under --positive 1, without a word
                throw DataException.at(file, lineNo, "'" + LABEL + "'", "'" + abbreviate(label) + "' is not a number; "
                        + "a LibSVM label is one, such as 1, -1 or 0");
            }
            int last = 0;
            for (int t = 1; t < tokens.length; t++) {
                String token = tokens[t];
                int colon = token.indexOf(':');
                if (colon <= 0 || colon == token.length() - 1) {
                    throw DataException.at(file, lineNo, null, "'" + abbreviate(token) + "' is not INDEX:VALUE");
                }
                String indexText = token.substring(0, colon);
                if (indexText.equals("qid")) {
                    qid = true;
                    continue;
                }
                int index;
                try {
                    index = Integer.parseInt(indexText);
                } catch (NumberFormatException e) {
                    throw DataException.at(file, lineNo, null, "'" + abbreviate(token) + "': '" + abbreviate(indexText)
                            + "' is not a feature index");
                }
                if (index < 1) {
                    throw DataException.at(file, lineNo, null, "'" + abbreviate(token)
                            + "': feature indices start at 1");
                }
                if (index > MAX_FEATURES) {
                    throw ColumnLimit.exceeded(file, lineNo);
                }
                if (index <= last) {
                    throw DataException.at(file, lineNo, "'f" + index + "'", "feature indices must increase ("
                            + index + " after " + last + ")");
                }
                last = index;
                double v;
                try {
                    v = dev.rareclass.domain.data.Decimals.parse(token.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw DataException.at(file, lineNo, "'f" + index + "'", "'" + abbreviate(token.substring(colon + 1))
                            + "' is not a number");
                }
                if (Double.isNaN(v) || Float.isInfinite((float) v)) {
                    throw DataException.at(file, lineNo, "'f" + index + "'", "'" + abbreviate(token.substring(colon + 1))
                            + "' is not a finite float32 number");
                }
                if (nnz == indices.length) {
                    indices = Arrays.copyOf(indices, nnz * 2);
                    values = Arrays.copyOf(values, nnz * 2);
                }
                indices[nnz] = index;
                values[nnz] = (float) v;
                nnz++;
            }
            maxIndex = Math.max(maxIndex, last);
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows * 2);
                rowStart = Arrays.copyOf(rowStart, rows * 2 + 1);
            }
            lines[rows] = lineNo;
            labels.add(label);
            rows++;
            rowStart[rows] = nnz;
        }
        if (rows == 0) {
            throw new DataException(file + ": the file has no data rows");
        }
        if (maxIndex == 0) {
            throw new DataException(file + ": no row has any INDEX:VALUE feature");
        }
        if ((long) rows * maxIndex > MAX_CELLS) {
            throw new DataException(file + ": " + rows + " rows x " + maxIndex + " features is too large to hold densely");
        }
        float[][] dense = new float[maxIndex][rows];
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                dense[indices[k] - 1][r] = values[k];
            }
        }
        List<Column> columns = new ArrayList<>(maxIndex + 1);
        columns.add(new TextColumn(LABEL, labels.toArray(String[]::new)));
        for (int f = 0; f < maxIndex; f++) {
            columns.add(new NumericColumn("f" + (f + 1), dense[f]));
            dense[f] = null;
        }
        List<String> notes = qid ? List.of("qid: tokens ignored") : List.of();
        return new RawTable(file, columns, Arrays.copyOf(lines, rows), notes);
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
    }
}
