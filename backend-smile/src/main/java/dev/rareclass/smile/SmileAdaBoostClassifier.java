package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.Locale;
import smile.classification.AdaBoost;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * A trained Smile AdaBoost model. The score is Smile's posterior of class 1: the share of the trees' weighted
 * votes ({@code alpha_t}) that go to class 1, which is scikit-learn's SAMME {@code predict_proba} before its
 * softmax; both rank rows alike. Smile maps each row through the model's formula, whose schema binding is
 * per thread in Smile 6.3, so scoring from several threads at once is safe.
 */
public final class SmileAdaBoostClassifier implements SmileTrainedClassifier {

    private final AdaBoost model;
    private final AdaBoostParams params;
    private final StructType schema;
    private final double[] midpoints;

    SmileAdaBoostClassifier(AdaBoost model, AdaBoostParams params) {
        if (model.numClasses() != 2) {
            throw new IllegalArgumentException("a binary model was expected, got " + model.numClasses() + " classes");
        }
        this.model = model;
        this.params = params;
        this.schema = model.schema();
        this.midpoints = Features.nominalMidpoints(schema);
    }

    /** The Smile model, for the codec. */
    AdaBoost model() {
        return model;
    }

    @Override
    public String kind() {
        return AdaBoostFactory.KIND;
    }

    @Override
    public Hyperparameters params() {
        return params.toHyperparameters();
    }

    @Override
    public int featureCount() {
        return schema.length();
    }

    @Override
    public double[] scores(FeatureMatrix x) {
        Features.requireColumns(x, featureCount(), AdaBoostFactory.MODEL);
        double[] out = new double[x.rows()];
        double[] posteriori = new double[2];
        for (int r = 0; r < out.length; r++) {
            double[] row = new double[x.cols()];
            Features.forestRow(x, r, midpoints, row);
            model.predict(Tuple.of(schema, row), posteriori);
            out[r] = posteriori[1];
        }
        return out;
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "adaboost (Smile, SAMME), %d trees of max depth %d, %d features",
                model.size(), params.maxDepth(), featureCount());
    }
}
