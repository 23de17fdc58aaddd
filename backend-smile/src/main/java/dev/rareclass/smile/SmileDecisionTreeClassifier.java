package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.Locale;
import smile.classification.DecisionTree;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.model.cart.DecisionNode;

/**
 * A trained Smile decision tree. Scores are scikit-learn's {@code predict_proba}: the positive share of the
 * (weighted) training rows in the leaf a row reaches, without Smile's Laplace smoothing. The tree is walked
 * from its root, which only reads immutable nodes, so scoring is thread-safe.
 */
public final class SmileDecisionTreeClassifier implements SmileTrainedClassifier {

    private final DecisionTree tree;
    private final DecisionTreeParams params;
    private final StructType schema;
    private final double[] midpoints;

    SmileDecisionTreeClassifier(DecisionTree tree, DecisionTreeParams params) {
        if (!binaryLeaves(tree.root(), 0)) {
            throw new IllegalArgumentException("a binary classification tree was expected");
        }
        this.tree = tree;
        this.params = params;
        this.schema = tree.schema();
        this.midpoints = Features.nominalMidpoints(schema);
    }

    /** Whether every leaf below {@code node} counts two classes (a tree read from a file is checked once here). */
    static boolean binaryLeaves(smile.model.cart.Node node, int depth) {
        return switch (node) {
            case DecisionNode leaf -> leaf.count().length == 2;
            case smile.model.cart.InternalNode inner -> depth < RandomForestParams.MAX_TREE_DEPTH
                    && binaryLeaves(inner.trueChild(), depth + 1) && binaryLeaves(inner.falseChild(), depth + 1);
            case null, default -> false;
        };
    }

    /** The Smile model, for the codec. */
    DecisionTree tree() {
        return tree;
    }

    @Override
    public String kind() {
        return DecisionTreeFactory.KIND;
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
        Features.requireColumns(x, featureCount(), DecisionTreeFactory.MODEL);
        double[] out = new double[x.rows()];
        double[] row = new double[x.cols()];
        for (int r = 0; r < out.length; r++) {
            Features.forestRow(x, r, midpoints, row);
            int[] count = ((DecisionNode) tree.root().predict(Tuple.of(schema, row.clone()))).count();
            out[r] = (double) count[1] / (count[0] + count[1]);
        }
        return out;
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "decision tree (Smile), depth %d, %d leaves, %d features, split rule %s",
                tree.root().depth() - 1, tree.root().leaves(), featureCount(), params.splitRule().name().toLowerCase(Locale.ROOT));
    }
}
