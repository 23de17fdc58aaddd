package dev.rareclass.smile;

import java.util.Arrays;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.SparseRows;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.ModelId;
import smile.classification.LogisticRegression;
import smile.classification.SparseLogisticRegression;
import smile.util.IntSet;

/**
 * A trained binomial logistic regression, kept as its coefficients so that the codec can store plain
 * numbers. Scoring goes through Smile's own {@link LogisticRegression.Binomial} rebuilt from those
 * coefficients, so a decoded model scores exactly like the one Smile fitted; a bag of words is scored from its sparse
 * rows through Smile's {@link SparseLogisticRegression.Binomial} on the same coefficients.
 */
public final class SmileLogisticClassifier extends SmileClassifier<LogisticParams> {

    private static final IntSet BINARY = IntSet.of(2);

    private final double[] coefficients;
    private final double logLikelihood;
    private final LogisticRegression.Binomial model;
    /** The same coefficients as Smile's sparse model, for rows that come as a bag of words. */
    private final SparseLogisticRegression.Binomial sparseModel;

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
        this.sparseModel = new SparseLogisticRegression.Binomial(this.coefficients, logLikelihood, params.lambda(), BINARY);
    }

    /** It scores a bag of words from its sparse rows, as it was fitted on them. */
    @Override
    public boolean readsSparseFeatures() {
        return true;
    }

    /**
     * Scores dense rows as Smile's dense model does, and rows with a sparse companion (a bag of words after the dense
     * columns) as its sparse model does: the same sum of the non-zero terms, in the same order, so a row scores the
     * same to the last bit whichever way it comes.
     */
    @Override
    public double[] scores(FeatureMatrix x) {
        if (x.sparse().isEmpty()) {
            return super.scores(x);
        }
        SparseRows words = x.sparse().get();
        if (x.cols() + words.width() != featureCount()) {
            throw new DataException(ModelId.of(kind(), backend()) + " was trained on " + featureCount()
                    + " feature columns, got " + x.cols() + " and " + words.width() + " words");
        }
        double[] out = new double[x.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = sparseModel.score(Features.sparseRow(x.data(), r, x.cols(), words));
        }
        return out;
    }

    LogisticParams logisticParams() {
        return params;
    }

    double logLikelihood() {
        return logLikelihood;
    }

    /** Its weights, without the intercept: {@code coef_}. */
    @Override
    public java.util.Optional<double[]> linearWeights() {
        return java.util.Optional.of(Arrays.copyOf(coefficients, featureCount()));
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
