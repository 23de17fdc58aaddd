package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.SparseRows;
import dev.rareclass.domain.error.DataException;
import smile.data.DataFrame;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.data.vector.ValueVector;
import smile.util.SparseArray;

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
     * Below this share of non-zero values a matrix without a sparse companion is fitted as sparse rows by the kinds
     * that can ({@code logistic}): its fit then visits the non-zero values only. Measured on generated 0/1 columns
     * (see {@code SparseFitTest}'s note): the sparse fit was 2 to 4 times faster up to a quarter of non-zeros, as fast
     * at half, slower above, and gave the same fit to the last bit at every share.
     */
    static final double SPARSE_SHARE = 0.25;

    /** The total number of columns: the dense ones and the sparse companion's. */
    static int width(FeatureMatrix x) {
        return x.cols() + x.sparse().map(SparseRows::width).orElse(0);
    }

    /**
     * True when the matrix is better fitted from its non-zero values: it has a sparse companion (a bag of words,
     * which only the sparse form holds without a rows × words matrix), or at most {@link #SPARSE_SHARE} of its
     * values are non-zero (one-hot columns, counts).
     */
    static boolean mostlyZeros(FeatureMatrix x) {
        if (x.sparse().isPresent()) {
            return true;
        }
        float[] data = x.data();
        long limit = (long) (SPARSE_SHARE * data.length);
        long nonZero = 0;
        for (float v : data) {
            if (v != 0 && ++nonZero > limit) {
                return false;
            }
        }
        return data.length > 0;
    }

    /**
     * Each row as Smile's sparse array: its non-zero dense values (NaN included) at their column, then its sparse
     * companion's ones at {@code cols() + id}, in increasing column order. Smile's sparse logistic regression sums
     * these in that order, as its dense one sums every column in order, so a zero's skipped term changes no sum.
     */
    static SparseArray[] sparseRows(FeatureMatrix x) {
        int cols = x.cols();
        float[] data = x.data();
        SparseRows words = x.sparse().orElse(null);
        SparseArray[] out = new SparseArray[x.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = sparseRow(data, r, cols, words);
        }
        return out;
    }

    /** Row {@code r} as {@link #sparseRows} makes it. */
    static SparseArray sparseRow(float[] data, int r, int cols, SparseRows words) {
        int from = words == null ? 0 : words.offsets()[r];
        int to = words == null ? 0 : words.offsets()[r + 1];
        SparseArray row = new SparseArray(Math.max(1, to - from + Math.min(cols, 16)));
        int base = r * cols;
        for (int c = 0; c < cols; c++) {
            float v = data[base + c];
            if (v != 0) {
                row.append(c, v);
            }
        }
        if (words != null) {
            int[] ids = words.ids();
            for (int k = from; k < to; k++) {
                row.append(cols + ids[k], 1.0);
            }
        }
        return row;
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
     * x > midpoint). {@link #forestRow} maps new rows the same way. Other columns keep their values, with
     * tied values ordered for Smile by {@link #tieOrdered}.
     */
    static DataFrame forestFrame(FeatureMatrix x, Labels y) {
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
                columns[c] = new DoubleVector(name, tieOrdered(data, cols, c, y));
            }
        }
        return new DataFrame(columns);
    }

    /** Below Smile's tie tolerance (1e-7, {@code MathEx.isZero}): nudged values still count as one value. */
    static final double NUDGE = 3e-8;

    /**
     * Column {@code c} as doubles, with some rows of each group of tied values nudged up by {@link #NUDGE} so
     * that Smile's sort puts the group's rows of one class before those of the other. Smile's CART tries a
     * threshold between two distinct values only where the rows next to each other in its sorted order have
     * different labels, and among tied values that order is otherwise arbitrary: with 5% positives, about
     * one boundary in ten between distinct values would be tried. Each group of tied rows with both
     * classes is laid out negatives-then-positives or the reverse, chosen over the whole column (Viterbi)
     * to maximise the boundaries whose two sides differ in label; only two pure groups of the same class
     * (where no best split lies) stay untried. Nudged values are below Smile's tolerance, so no split falls
     * inside a group, and thresholds (midpoints) move by at most {@code NUDGE / 2}. Bootstrap samples and
     * deeper nodes see subsets, where the layout is close to, not exactly, the best one.
     */
    static double[] tieOrdered(float[] data, int cols, int c, Labels y) {
        int n = y.size();
        double[] values = new double[n];
        long[] keyed = new long[n];
        for (int r = 0; r < n; r++) {
            float v = data[r * cols + c];
            values[r] = v;
            int bits = Float.floatToIntBits(v);
            int sortable = bits ^ ((bits >> 31) & 0x7fffffff); // order-preserving for finite floats
            keyed[r] = ((long) sortable << 32) | r;
        }
        java.util.Arrays.sort(keyed);
        // groups of equal values, in ascending order: [start[g], start[g+1]) of keyed; label mix of each
        int[] start = new int[n + 1];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || (int) (keyed[i] >> 32) != (int) (keyed[i - 1] >> 32)) {
                start[groups++] = i;
            }
        }
        start[groups] = n;
        // kind: 0 all negative, 1 all positive, 2 both. A mixed group's layout: state 0 = negatives first
        // (first label 0, last 1), state 1 = positives first (first 1, last 0).
        byte[] kind = new byte[groups];
        for (int g = 0; g < groups; g++) {
            boolean pos = false;
            boolean neg = false;
            for (int i = start[g]; i < start[g + 1]; i++) {
                if (y.get((int) keyed[i]) == 1) {
                    pos = true;
                } else {
                    neg = true;
                }
            }
            kind[g] = (byte) (pos && neg ? 2 : pos ? 1 : 0);
        }
        int[] score = new int[2];
        byte[][] from = new byte[groups][2];
        for (int g = 1; g < groups; g++) {
            int[] next = new int[2];
            for (int s = 0; s < 2; s++) {
                int first = kind[g] == 2 ? s : kind[g];
                int best = -1;
                for (int p = 0; p < (kind[g - 1] == 2 ? 2 : 1); p++) {
                    int last = kind[g - 1] == 2 ? 1 - p : kind[g - 1];
                    int total = score[p] + (last != first ? 1 : 0);
                    if (total > best) {
                        best = total;
                        from[g][s] = (byte) p;
                    }
                }
                next[s] = best;
            }
            score = next;
        }
        int state = kind[groups - 1] == 2 && score[1] > score[0] ? 1 : 0;
        for (int g = groups - 1; g >= 0; g--) {
            if (kind[g] == 2) {
                int later = state == 0 ? 1 : 0; // the label laid out second gets the nudge
                for (int i = start[g]; i < start[g + 1]; i++) {
                    int r = (int) keyed[i];
                    double v = values[r];
                    if (y.get(r) == later && Math.abs(v) < 1e8) {
                        values[r] = v + NUDGE;
                    }
                }
            }
            if (g > 0) {
                state = from[g][state];
            }
        }
        return values;
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
        if (width(x) == 0) {
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
