package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.DataException;

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
