package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.Arrays;
import java.util.Locale;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.model.cart.DecisionNode;

/**
 * A trained Smile random forest. Scores are scikit-learn's {@code predict_proba}: the mean over trees of
 * the positive fraction of the (bootstrap-weighted) training rows in the leaf a row reaches. Smile's own
 * soft vote ({@code RandomForest.predict(Tuple, double[])}) differs twice: it smooths each leaf's fraction
 * (Laplace, {@code (count + 1) / (n + 2)}) and weights trees by their out-of-bag accuracy; both shade the
 * ranking of rare positives by leaf size rather than by votes.
 *
 * <p>We walk the trees ourselves rather than calling the forest, because the forest first maps each
 * row through its {@code Formula}, whose schema binding is mutable shared state (not safe for concurrent
 * scoring). The trees of a forest have no formula and read features by index, so scoring here only
 * reads immutable state and is thread-safe.
 */
public final class SmileRandomForestClassifier implements SmileTrainedClassifier {

    private final RandomForest forest;
    private final RandomForestParams params;
    private final DecisionTree[] trees;
    private final StructType schema;
    private final double[] midpoints;

    SmileRandomForestClassifier(RandomForest forest, RandomForestParams params) {
        if (forest.numClasses() != 2) {
            throw new IllegalArgumentException("a binary forest was expected, got " + forest.numClasses() + " classes");
        }
        this.forest = forest;
        this.params = params;
        RandomForest.Model[] models = forest.models();
        this.trees = new DecisionTree[models.length];
        for (int t = 0; t < models.length; t++) {
            trees[t] = models[t].tree();
        }
        this.schema = forest.schema();
        this.midpoints = Features.nominalMidpoints(schema);
    }

    /** The Smile model, for the codec. */
    RandomForest forest() {
        return forest;
    }

    RandomForestParams forestParams() {
        return params;
    }

    @Override
    public String kind() {
        return RandomForestFactory.KIND;
    }

    @Override
    public Hyperparameters params() {
        return params.toHyperparameters();
    }

    @Override
    public int featureCount() {
        return schema.length();
    }

    /** Number of trees. */
    public int size() {
        return trees.length;
    }

    @Override
    public double[] scores(FeatureMatrix x) {
        Features.requireColumns(x, featureCount(), RandomForestFactory.MODEL);
        double[] out = new double[x.rows()];
        for (int r = 0; r < out.length; r++) {
            double[] row = new double[x.cols()];
            Features.forestRow(x, r, midpoints, row);
            Tuple tuple = Tuple.of(schema, row);
            double pos = 0;
            for (DecisionTree tree : trees) {
                int[] count = ((DecisionNode) tree.root().predict(tuple)).count();
                pos += (double) count[1] / (count[0] + count[1]);
            }
            out[r] = pos / trees.length;
        }
        return out;
    }

    @Override
    public String summary() {
        double meanDepth = Arrays.stream(trees).mapToInt(t -> t.root().depth()).average().orElse(0);
        double meanLeaves = Arrays.stream(trees).mapToInt(t -> t.root().leaves()).average().orElse(0);
        return String.format(Locale.ROOT,
                "random forest (Smile), %d trees, mean depth %.1f, mean leaves %.1f, mtry=%d of %d features, split rule %s",
                trees.length, meanDepth, meanLeaves, params.mtry(), featureCount(),
                params.splitRule().name().toLowerCase(Locale.ROOT));
    }
}
