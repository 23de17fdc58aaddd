package dev.rareclass.smile;

import java.util.Arrays;
import smile.classification.LogisticRegression;
import smile.util.IntSet;

/**
 * A trained binomial logistic regression, kept as its coefficients so that the codec can store plain
 * numbers. Scoring goes through Smile's own {@link LogisticRegression.Binomial} rebuilt from those
 * coefficients, so a decoded model scores exactly like the one Smile fitted.
 */
public final class SmileLogisticClassifier extends SmileClassifier<LogisticParams> {

    private static final IntSet BINARY = IntSet.of(2);

    private final double[] coefficients;
    private final double logLikelihood;
    private final LogisticRegression.Binomial model;

    /**
     * @param coefficients  {@code d} feature weights followed by the intercept (Smile's layout); copied
     * @param params        the parameters it was trained with
     * @param logLikelihood the training log-likelihood Smile reported (for the summary)
     */
    SmileLogisticClassifier(double[] coefficients, LogisticParams params, double logLikelihood) {
        super(SmileKind.LOGISTIC.kind, params, coefficients.length - 1);
        if (coefficients.length < 2) {
            throw new IllegalArgumentException("a logistic regression needs at least one weight and an intercept");
        }
        this.coefficients = coefficients.clone();
        this.logLikelihood = logLikelihood;
        // Binomial.score only reads its weights; our copy is never handed out, so sharing it is safe.
        this.model = new LogisticRegression.Binomial(this.coefficients, logLikelihood, params.lambda(), BINARY);
    }

    LogisticParams logisticParams() {
        return params;
    }

    double logLikelihood() {
        return logLikelihood;
    }

    /** The weights followed by the intercept (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    double scoreRow(double[] row) {
        return model.score(row); // sigmoid(w·x + b), the posterior of class 1
    }

    @Override
    public String summary() {
        return "logistic regression (Smile), " + coefficients.length + " coefficients ("
                + featureCount() + " weights + intercept), lambda=" + params.lambda()
                + ", training log-likelihood " + String.format(java.util.Locale.ROOT, "%.4f", logLikelihood)
                + "\nlargest |weight| " + String.format(java.util.Locale.ROOT, "%.4g",
                Arrays.stream(coefficients, 0, featureCount()).map(Math::abs).max().orElse(0));
    }
}
