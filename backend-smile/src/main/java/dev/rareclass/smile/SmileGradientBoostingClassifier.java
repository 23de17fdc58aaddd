package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.Arrays;
import java.util.Locale;
import smile.classification.GradientTreeBoost;
import smile.data.Tuple;
import smile.data.type.StructType;
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
public final class SmileGradientBoostingClassifier implements SmileTrainedClassifier {

    private final GradientTreeBoost model;
    private final GradientBoostingParams params;
    private final StructType schema;
    private final double[] midpoints;

    SmileGradientBoostingClassifier(GradientTreeBoost model, GradientBoostingParams params) {
        RegressionTree[][] trees = model.trees();
        if (trees.length != 1) {
            throw new IllegalArgumentException("a binary model (one tree per round) was expected, got " + trees.length);
        }
        this.model = model;
        this.params = params;
        this.schema = model.schema();
        this.midpoints = Features.nominalMidpoints(schema);
    }

    /** The Smile model, for the codec. */
    GradientTreeBoost model() {
        return model;
    }

    @Override
    public String kind() {
        return GradientBoostingFactory.KIND;
    }

    @Override
    public Hyperparameters params() {
        return params.toHyperparameters();
    }

    @Override
    public int featureCount() {
        return schema.length();
    }

    @Override
    public double[] scores(FeatureMatrix x) {
        Features.requireColumns(x, featureCount(), GradientBoostingFactory.MODEL);
        double[] out = new double[x.rows()];
        double[] posteriori = new double[2];
        for (int r = 0; r < out.length; r++) {
            double[] row = new double[x.cols()];
            Features.forestRow(x, r, midpoints, row);
            model.predict(Tuple.of(schema, row), posteriori);
            out[r] = posteriori[1];
        }
        return out;
    }

    @Override
    public String summary() {
        RegressionTree[] trees = model.trees()[0];
        double meanLeaves = Arrays.stream(trees).mapToInt(t -> t.root().leaves()).average().orElse(0);
        return String.format(Locale.ROOT,
                "gradient boosting (Smile), %d trees, max depth %d, mean leaves %.1f, learning rate %s, subsample %s, %d features",
                trees.length, params.maxDepth(), meanLeaves, params.learningRate(), params.subsample(), featureCount());
    }
}
