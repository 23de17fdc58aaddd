package dev.rareclass.smile;

import java.util.Locale;
import smile.classification.AdaBoost;
import smile.data.Tuple;

/**
 * A trained Smile AdaBoost model. The score is Smile's posterior of class 1: the share of the trees' weighted
 * votes ({@code alpha_t}) that go to class 1, which is scikit-learn's SAMME {@code predict_proba} before its
 * softmax; both rank rows alike. Smile maps each row through the model's formula, whose schema binding is
 * per thread in Smile 6.3, so scoring from several threads at once is safe.
 */
public final class SmileAdaBoostClassifier extends SmileTreeClassifier<AdaBoostParams> {

    private final AdaBoost model;

    SmileAdaBoostClassifier(AdaBoost model, AdaBoostParams params) {
        super(AdaBoostFactory.KIND, params, binary(model).schema());
        this.model = model;
    }

    private static AdaBoost binary(AdaBoost model) {
        if (model.numClasses() != 2) {
            throw new IllegalArgumentException("a binary model was expected, got " + model.numClasses() + " classes");
        }
        return model;
    }

    /** The Smile model, for the codec. */
    AdaBoost model() {
        return model;
    }

    @Override
    double scoreTuple(Tuple row) {
        return positivePosterior(model, row);
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "adaboost (Smile, SAMME), %d trees of max depth %d, %d features",
                model.size(), params.maxDepth(), featureCount());
    }
}
