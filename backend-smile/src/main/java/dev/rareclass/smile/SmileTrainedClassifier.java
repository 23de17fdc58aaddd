package dev.rareclass.smile;

import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;

/**
 * A classifier trained by this backend. Sealed so that {@link SmileModelCodec} knows every shape it
 * has to write; scores are posterior probabilities of class 1.
 */
public sealed interface SmileTrainedClassifier extends TrainedClassifier
        permits SmileClassifier {

    @Override
    default String backend() {
        return SmileModule.NAME;
    }

    @Override
    default ScoreKind scoreKind() {
        return ScoreKind.PROBABILITY;
    }

    /** Number of feature columns the model was trained on. */
    int featureCount();
}
