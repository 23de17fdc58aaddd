package dev.rareclass.smile;

import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainingContext;
import smile.classification.AdaBoost;

/**
 * {@code adaboost@smile}: Smile's AdaBoost (SAMME) over CART trees, pure Java. The columns go in as for
 * {@code random-forest@smile}.
 *
 * <p><b>Reproducibility.</b> Smile grows each round's tree on a sample of the rows drawn by their boosting
 * weights (where scikit-learn passes the weights to the tree), from its thread-local generator on the calling
 * thread, which is seeded from {@link TrainingContext#seed()} just before fitting.
 *
 * <p><b>Class weights</b> are refused: Smile 6.3's AdaBoost takes no initial row or class weights.
 */
public final class AdaBoostFactory extends SmileTrainerFactory {

    static final String KIND = "adaboost";
    static final String MODEL = ModelId.of(KIND, SmileModule.NAME).toString();

    public AdaBoostFactory() {
        super(KIND, AdaBoostParams.NAMES, false, p -> trainer(AdaBoostParams.of(p)));
    }

    private static ClassifierTrainer trainer(AdaBoostParams params) {
        return (x, y, ctx) -> new SmileAdaBoostClassifier(boost(x, y, ctx, MODEL, params.trees(),
                (formula, frame) -> AdaBoost.fit(formula, frame, params.toOptions())), params);
    }
}
