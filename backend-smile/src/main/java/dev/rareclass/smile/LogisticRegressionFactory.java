package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Set;
import smile.classification.LogisticRegression;

/**
 * {@code logistic@smile}: Smile's binomial logistic regression with an L2 penalty, fitted by L-BFGS
 * (pure Java, no BLAS). Deterministic: the fit uses no randomness, so the seed is not needed.
 *
 * <p>Class weights are not supported: Smile 6.3's logistic regression has no sample or class weights,
 * and a trainer that silently ignored them would mislead, so non-uniform weights are refused.
 */
public final class LogisticRegressionFactory implements TrainerFactory {

    static final String KIND = "logistic";
    static final String MODEL = KIND + "@" + SmileModule.NAME;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String backend() {
        return SmileModule.NAME;
    }

    @Override
    public Set<String> parameterNames() {
        return LogisticParams.NAMES;
    }

    @Override
    public boolean supportsClassWeights() {
        return false;
    }

    @Override
    public ClassifierTrainer create(Hyperparameters params) {
        return new Trainer(LogisticParams.of(params));
    }

    private record Trainer(LogisticParams params) implements ClassifierTrainer {
        @Override
        public TrainedClassifier train(FeatureMatrix x, Labels y, TrainingContext ctx) {
            Features.requireTrainable(x, y, MODEL);
            if (!ctx.classWeights().isUniform()) {
                throw new UsageException(MODEL + " does not support class weights; use --class-weight none "
                        + "or a model that supports them, such as random-forest@smile");
            }
            LogisticRegression.Binomial fitted = LogisticRegression.binomial(Features.rows(x), y.toArray(), params.toOptions());
            return new SmileLogisticClassifier(fitted.coefficients().clone(), params, fitted.loglikelihood());
        }
    }
}
