package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import smile.classification.AdaBoost;
import smile.data.formula.Formula;
import smile.math.MathEx;

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
        super(KIND, AdaBoostParams.NAMES, false);
    }

    @Override
    public ClassifierTrainer create(Hyperparameters params) {
        return new Trainer(AdaBoostParams.of(params));
    }

    private record Trainer(AdaBoostParams params) implements ClassifierTrainer {
        @Override
        public TrainedClassifier train(FeatureMatrix x, Labels y, TrainingContext ctx) {
            Features.requireTrainable(x, y, MODEL);
            GradientBoostingFactory.refuseClassWeights(ctx, MODEL);
            var frame = GradientBoostingFactory.labelledFrame(x, y);
            ctx.progress().update(MODEL + " trees", 0, params.trees());
            MathEx.setSeed(ctx.seed());
            AdaBoost model = AdaBoost.fit(Formula.lhs(RandomForestFactory.LABEL), frame, params.toOptions());
            ctx.progress().update(MODEL + " trees", params.trees(), params.trees());
            return new SmileAdaBoostClassifier(model, params);
        }
    }
}
