package dev.rareclass.smile;

import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainingContext;
import smile.classification.GradientTreeBoost;

/**
 * {@code gradient-boosting@smile}: Smile's gradient tree boosting with the binomial deviance (Friedman 2001,
 * algorithm "LK_TreeBoost" for two classes), pure Java. The columns go in as for {@code random-forest@smile}.
 *
 * <p><b>Reproducibility.</b> Smile grows the trees one after another on the calling thread; its only random
 * draw is the row subsample of each round, from its thread-local generator, which is seeded from
 * {@link TrainingContext#seed()} just before fitting. With {@code subsample=1} nothing is random.
 *
 * <p><b>Class weights</b> are refused: Smile 6.3's boosting takes no row or class weights.
 */
public final class GradientBoostingFactory extends SmileTrainerFactory {

    static final String KIND = "gradient-boosting";
    static final String MODEL = ModelId.of(KIND, SmileModule.NAME).toString();

    public GradientBoostingFactory() {
        super(KIND, GradientBoostingParams.NAMES, false, p -> trainer(GradientBoostingParams.of(p)));
    }

    private static ClassifierTrainer trainer(GradientBoostingParams params) {
        return (x, y, ctx) -> new SmileGradientBoostingClassifier(boost(x, y, ctx, MODEL, params.trees(),
                (formula, frame) -> GradientTreeBoost.fit(formula, frame, params.toOptions())), params);
    }
}
