package dev.rareclass.smile;

import java.util.Locale;
import smile.classification.AdaBoost;

/**
 * A trained Smile AdaBoost model. The score is Smile's posterior of class 1: the share of the trees' weighted
 * votes ({@code alpha_t}) that go to class 1, which is scikit-learn's SAMME {@code predict_proba} before its
 * softmax; both rank rows alike. Smile maps each row through the model's formula, whose schema binding is
 * per thread in Smile 6.3, so scoring from several threads at once is safe.
 */
public final class SmileAdaBoostClassifier extends SmileBoostedClassifier<AdaBoostParams, AdaBoost> {

    SmileAdaBoostClassifier(AdaBoost model, AdaBoostParams params) {
        super(SmileKind.ADABOOST.kind, params, model, require(model.numClasses() == 2,
                "a binary model was expected, got " + model.numClasses() + " classes", model.schema()));
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "adaboost (Smile, SAMME), %d trees of max depth %d, %d features",
                model().size(), params.maxDepth(), featureCount());
    }
}
