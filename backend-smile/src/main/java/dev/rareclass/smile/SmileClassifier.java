package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import smile.classification.Classifier;

/**
 * What every Smile classifier shares: its kind, backend and score kind (posterior of class 1, from
 * {@link SmileTrainedClassifier}), its validated parameters, and scoring as a loop over the rows that checks the
 * columns first. Each kind only says how one row (as doubles, from {@link #row}) is scored and describes itself.
 *
 * <p><b>Thread safety.</b> {@link #scores} allocates its working arrays per call and per row and reads only
 * final fields; a kind's {@link #scoreRow} must be safe to call from several threads at once (each kind says
 * why it is).
 *
 * @param <P> the kind's validated parameters
 */
abstract sealed class SmileClassifier<P extends SmileParams> implements SmileTrainedClassifier
        permits SmileTreeClassifier, SmileLogisticClassifier, SmileKnnClassifier, SmileSvmClassifier,
        SmileMlpClassifier, SmileImbalanceBoostClassifier {

    private final String kind;
    private final String model;
    private final int featureCount;
    final P params;

    SmileClassifier(String kind, P params, int featureCount) {
        this.kind = kind;
        this.model = ModelId.of(kind, SmileModule.NAME).toString();
        this.params = params;
        this.featureCount = featureCount;
    }

    /** {@code value}, or an {@link IllegalArgumentException} with {@code message} when the model is not {@code ok}. */
    static <T> T require(boolean ok, String message, T value) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    @Override
    public final int featureCount() {
        return featureCount;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final Hyperparameters params() {
        return params.toHyperparameters();
    }

    /** Scores every row; a kind that reads a sparse companion ({@code logistic}) overrides this to take it too. */
    @Override
    public double[] scores(FeatureMatrix x) {
        Features.requireColumns(x, featureCount(), model);
        double[] out = new double[x.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = scoreRow(row(x, r));
        }
        return out;
    }

    /** Row {@code r} of {@code x} as a fresh array of doubles, as {@link #scoreRow} takes it (here: the values as they are). */
    double[] row(FeatureMatrix x, int r) {
        int cols = x.cols();
        float[] data = x.data();
        double[] row = new double[cols];
        int base = r * cols;
        for (int c = 0; c < cols; c++) {
            row[c] = data[base + c];
        }
        return row;
    }

    /** The probability of class 1 for one row. */
    abstract double scoreRow(double[] row);

    /** Smile's posterior of class 1 for one input of a binary classifier. */
    static <T> double positivePosterior(Classifier<T> classifier, T input) {
        double[] posteriori = new double[2];
        classifier.predict(input, posteriori);
        return posteriori[1];
    }
}
