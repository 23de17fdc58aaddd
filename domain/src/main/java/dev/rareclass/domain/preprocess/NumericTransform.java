package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.error.DataException;
import java.util.List;

/**
 * A numeric column: fill missing values with {@code impute} (NaN: refuse them), then
 * {@code x' = (x - offset) / scale}.
 *
 * @param input  the column's name
 * @param impute the value that replaces a missing one, or NaN when missing values are refused
 * @param offset subtracted first (mean for standard scaling, minimum for min-max, 0 for none)
 * @param scale  divided by next (standard deviation, range, or 1); never 0
 */
public record NumericTransform(String input, double impute, double offset, double scale) implements ColumnTransform {

    public NumericTransform {
        if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("column " + input + ": invalid scale " + scale + " or offset " + offset);
        }
    }

    @Override
    public String inputType() {
        return "numeric";
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public List<String> outputNames() {
        return List.of(input);
    }

    /**
     * A missing value where the model imputes none (trained under {@code --missing error} or {@code drop}): said for
     * whoever scores, on the command line, through the server or embedded, so it names no option of one of them.
     */
    static final String MISSING = "missing value, and this model puts nothing in its place (it was trained without "
            + "imputing: --missing error or drop); fill it in or leave the row out, or train the model with --missing "
            + "mean, median or most-frequent";

    @Override
    public void write(Column column, float[] out, int stride, int offset, String source, int[] rowNumbers) {
        float[] values = ((NumericColumn) column).values();
        double inverse = 1.0 / scale;
        for (int r = 0; r < values.length; r++) {
            double x = values[r];
            if (Double.isNaN(x)) {
                if (Double.isNaN(impute)) {
                    throw new DataException(source + ", data row " + rowNumbers[r] + ", column '" + input
                            + "': " + MISSING);
                }
                x = impute;
            }
            out[r * stride + offset] = (float) ((x - this.offset) * inverse);
        }
    }
}
