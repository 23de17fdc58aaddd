package dev.rareclass.smile;

import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.ClassifierTrainer;
import smile.classification.LogisticRegression;

/**
 * {@code logistic@smile}: Smile's binomial logistic regression with an L2 penalty, fitted by L-BFGS
 * (pure Java, no BLAS). Deterministic: the fit uses no randomness, so the seed is not needed.
 *
 * <p>Class weights are not supported: Smile 6.3's logistic regression has no sample or class weights,
 * and a trainer that silently ignored them would mislead, so non-uniform weights are refused.
 */
public final class LogisticRegressionFactory extends SmileTrainerFactory {

    static final String KIND = "logistic";
    static final String MODEL = ModelId.of(KIND, SmileModule.NAME).toString();

    public LogisticRegressionFactory() {
        super(KIND, LogisticParams.NAMES, false, p -> trainer(LogisticParams.of(p)));
    }

    private static ClassifierTrainer trainer(LogisticParams params) {
        return (x, y, ctx) -> {
            LogisticRegression.Binomial fitted = LogisticRegression.binomial(Features.rows(x), y.toArray(), params.toOptions());
            return new SmileLogisticClassifier(fitted.coefficients().clone(), params, fitted.loglikelihood());
        };
    }
}
