package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.DataException;
import smile.data.DataFrame;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.data.vector.ValueVector;

/** Conversions between the domain's row-major float matrix and the double rows Smile takes. */
final class Features {

    private Features() {
    }

    /** One double[] per row: Smile's classifiers take {@code double[][]} (or a DataFrame built from it). */
    static double[][] rows(FeatureMatrix x) {
        int cols = x.cols();
        float[] data = x.data();
        double[][] out = new double[x.rows()][cols];
        for (int r = 0; r < out.length; r++) {
            double[] row = out[r];
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                row[c] = data[base + c];
            }
        }
        return out;
    }

    /**
     * The features as a Smile data frame for its trees, columns named {@code V1..Vd}. A column with exactly
     * two distinct values (a one-hot or other binary indicator) goes in as a two-level nominal column
     * whose levels are its two values (lower first, as float text) and whose codes are 0 and 1.
     *
     * <p>Why: Smile 6.3's CART only evaluates an ordinal split between two neighbouring rows, in sorted
     * order, whose labels differ. Among tied values that order is arbitrary, so on a 0/1 column the one
     * possible split is usually never evaluated: on the all-one-hot car data a tree did not split at all.
     * Its nominal split counts the classes per level instead and finds the same split (x == high is
     * x > midpoint). {@link #forestRow} maps new rows the same way.
     */
    static DataFrame forestFrame(FeatureMatrix x) {
        int rows = x.rows();
        int cols = x.cols();
        float[] data = x.data();
        ValueVector[] columns = new ValueVector[cols];
        for (int c = 0; c < cols; c++) {
            float lowest = Float.NaN;
            float highest = Float.NaN;
            boolean binary = true;
            for (int r = 0; r < rows && binary; r++) {
                float v = data[r * cols + c];
                if (Float.isNaN(lowest)) {
                    lowest = v;
                } else if (v != lowest) {
                    if (Float.isNaN(highest)) {
                        highest = v;
                    } else if (v != highest) {
                        binary = false;
                    }
                }
            }
            String name = "V" + (c + 1);
            if (binary && !Float.isNaN(highest)) {
                float lo = Math.min(lowest, highest);
                float hi = Math.max(lowest, highest);
                int[] codes = new int[rows];
                for (int r = 0; r < rows; r++) {
                    codes[r] = data[r * cols + c] == hi ? 1 : 0;
                }
                NominalScale levels = new NominalScale(Float.toString(lo), Float.toString(hi));
                columns[c] = new IntVector(new StructField(name, DataTypes.IntType, levels), codes);
            } else {
                double[] values = new double[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = data[r * cols + c];
                }
                columns[c] = new DoubleVector(name, values);
            }
        }
        return new DataFrame(columns);
    }

    /**
     * For each column of a forest's schema, the midpoint between the two levels of a binary column made
     * nominal by {@link #forestFrame}, or NaN for a numeric column (models saved before binary columns
     * went in as nominal have none).
     */
    static double[] nominalMidpoints(StructType schema) {
        double[] mid = new double[schema.length()];
        for (int c = 0; c < mid.length; c++) {
            mid[c] = Double.NaN;
            if (schema.field(c).measure() instanceof NominalScale scale && scale.size() == 2) {
                mid[c] = (Double.parseDouble(scale.level(0)) + Double.parseDouble(scale.level(1))) / 2;
            }
        }
        return mid;
    }

    /** Row {@code r} of {@code x} as a forest reads it: binary columns as their 0/1 code (above the midpoint is 1). */
    static void forestRow(FeatureMatrix x, int r, double[] midpoints, double[] row) {
        int cols = x.cols();
        float[] data = x.data();
        for (int c = 0; c < cols; c++) {
            double v = data[r * cols + c];
            row[c] = Double.isNaN(midpoints[c]) ? v : (v > midpoints[c] ? 1 : 0);
        }
    }

    /** Checks what every Smile binary trainer needs, with a message a user can act on. */
    static void requireTrainable(FeatureMatrix x, Labels y, String model) {
        if (x.rows() != y.size()) {
            throw new IllegalArgumentException(x.rows() + " feature rows but " + y.size() + " labels");
        }
        if (x.cols() == 0) {
            throw new DataException(model + " needs at least one feature column");
        }
        if (!y.hasBothClasses()) {
            throw new DataException(model + " needs both classes in the training data; it has "
                    + y.positives() + " positive and " + y.negatives() + " negative rows");
        }
    }

    /** Fails when a matrix to score does not have the columns the model was trained on. */
    static void requireColumns(FeatureMatrix x, int expected, String model) {
        if (x.cols() != expected) {
            throw new DataException(model + " was trained on " + expected + " feature columns, got " + x.cols());
        }
    }
}
