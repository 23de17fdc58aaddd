package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;
import smile.math.MathEx;

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
        super(KIND, GradientBoostingParams.NAMES, false);
    }

    @Override
    public ClassifierTrainer create(Hyperparameters params) {
        return new Trainer(GradientBoostingParams.of(params));
    }

    /** Refuses non-uniform class weights for a model that cannot take them, naming one that can. */
    static void refuseClassWeights(TrainingContext ctx, String model) {
        if (!ctx.classWeights().isUniform()) {
            throw new UsageException(model + " does not support class weights; use --class-weight none "
                    + "or a model that supports them, such as random-forest@smile");
        }
    }

    /** The features as Smile's trees take them ({@link Features#forestFrame}) with the label last, for {@code y ~ .}. */
    static DataFrame labelledFrame(FeatureMatrix x, Labels y) {
        return Features.forestFrame(x, y).add(ValueVector.of(RandomForestFactory.LABEL, y.toArray()));
    }

    private record Trainer(GradientBoostingParams params) implements ClassifierTrainer {
        @Override
        public TrainedClassifier train(FeatureMatrix x, Labels y, TrainingContext ctx) {
            Features.requireTrainable(x, y, MODEL);
            refuseClassWeights(ctx, MODEL);
            DataFrame frame = labelledFrame(x, y);
            ctx.progress().update(MODEL + " trees", 0, params.trees());
            MathEx.setSeed(ctx.seed());
            GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs(RandomForestFactory.LABEL), frame, params.toOptions());
            ctx.progress().update(MODEL + " trees", params.trees(), params.trees());
            return new SmileGradientBoostingClassifier(model, params);
        }
    }
}
