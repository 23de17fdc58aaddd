package dev.rareclass.smile;

import java.util.Arrays;
import java.util.Locale;
import smile.classification.GradientTreeBoost;
import smile.regression.RegressionTree;

/**
 * A trained Smile gradient tree boosting model. The score is Smile's posterior of class 1,
 * {@code 1 / (1 + exp(-2F))}, where {@code F} is the boosted sum: Smile codes the classes as -1 and +1 as in
 * Friedman's paper, where scikit-learn codes them 0 and 1 and uses {@code 1 / (1 + exp(-F))} for its own
 * {@code F}; both are the fitted model's estimate of the same probability.
 *
 * <p>Smile maps each row through the model's formula, whose schema binding is per thread in Smile 6.3, so
 * scoring from several threads at once is safe.
 */
public final class SmileGradientBoostingClassifier
        extends SmileBoostedClassifier<GradientBoostingParams, GradientTreeBoost> {

    SmileGradientBoostingClassifier(GradientTreeBoost model, GradientBoostingParams params) {
        super(SmileKind.GRADIENT_BOOSTING.kind, params, model, require(model.trees().length == 1,
                "a binary model (one tree per round) was expected, got " + model.trees().length, model.schema()));
    }

    @Override
    public String summary() {
        RegressionTree[] trees = model().trees()[0];
        double meanLeaves = Arrays.stream(trees).mapToInt(t -> t.root().leaves()).average().orElse(0);
        return String.format(Locale.ROOT,
                "gradient boosting (Smile), %d trees, max depth %d, mean leaves %.1f, learning rate %s, subsample %s, %d features",
                trees.length, params.maxDepth(), meanLeaves, params.learningRate(), params.subsample(), featureCount());
    }
}
