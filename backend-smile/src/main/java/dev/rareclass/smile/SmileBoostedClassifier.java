package dev.rareclass.smile;

import smile.classification.Classifier;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * A Smile boosted tree model (gradient boosting, AdaBoost) scored by Smile itself: the score is the model's own
 * posterior of class 1. Smile maps each row through the model's formula, whose schema binding is per thread in
 * Smile 6.3, so scoring from several threads at once is safe.
 *
 * @param <P> the kind's validated parameters
 * @param <M> Smile's model
 */
abstract sealed class SmileBoostedClassifier<P extends SmileParams, M extends Classifier<Tuple>>
        extends SmileTreeClassifier<P> permits SmileGradientBoostingClassifier, SmileAdaBoostClassifier {

    private final M model;

    SmileBoostedClassifier(String kind, P params, M model, StructType schema) {
        super(kind, params, schema);
        this.model = model;
    }

    /** The Smile model, for the codec. */
    final M model() {
        return model;
    }

    @Override
    final double scoreTuple(Tuple row) {
        return positivePosterior(model, row);
    }
}
