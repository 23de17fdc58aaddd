package dev.rareclass.smile;

import smile.classification.KNN;

/**
 * A trained k-nearest-neighbour classifier, kept as its training rows (float32, as the features arrive) and
 * labels, so that the codec stores plain numbers and rebuilds Smile's search structure from them: a decoded
 * model finds the same neighbours. The score is the share of positive rows among the {@code k} nearest,
 * scikit-learn's {@code predict_proba} with uniform weights (Smile's posterior, counts over {@code k}).
 */
public final class SmileKnnClassifier extends SmileClassifier<KnnParams> {

    private final float[] rows;
    private final int cols;
    private final int[] labels;
    private final KNN<double[]> model;

    /**
     * @param rows   the training rows, row-major, {@code labels.length × cols}; not copied
     * @param labels 0 or 1 per row, both present; not copied
     */
    SmileKnnClassifier(float[] rows, int cols, int[] labels, KnnParams params) {
        super(SmileKind.KNN.kind, params, cols);
        if (cols < 1 || rows.length != (long) labels.length * cols || params.k() > labels.length) {
            throw new IllegalArgumentException("inconsistent knn model: " + rows.length + " values, " + cols
                    + " columns, " + labels.length + " labels, k=" + params.k());
        }
        this.rows = rows;
        this.cols = cols;
        this.labels = labels;
        double[][] x = new double[labels.length][cols];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < cols; c++) {
                x[r][c] = rows[r * cols + c];
            }
        }
        this.model = KNN.fit(x, labels, params.k());
    }

    float[] rows() {
        return rows;
    }

    int[] labels() {
        return labels;
    }

    KnnParams knnParams() {
        return params;
    }

    @Override
    double scoreRow(double[] row) {
        return positivePosterior(model, row);
    }

    @Override
    public String summary() {
        int positives = 0;
        for (int label : labels) {
            positives += label;
        }
        return "k-nearest neighbours (Smile), k=" + params.k() + ", Euclidean distance, " + labels.length
                + " training rows (" + positives + " positive), " + cols + " features";
    }
}
