package dev.rareclass.smile;

import smile.classification.DecisionTree;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * A forest of Smile CART trees (random forest, balanced random forest, balanced bagging) scored as scikit-learn's
 * forests are: the mean over trees of the positive share of the (weighted) training rows in the leaf a row reaches
 * ({@link #leafShare}). The trees have no formula and read features by index; walking them only reads immutable
 * nodes, so scoring is thread-safe.
 *
 * @param <P> the kind's validated parameters
 */
abstract sealed class SmileForestClassifier<P extends SmileParams> extends SmileTreeClassifier<P>
        permits SmileRandomForestClassifier, SmileImbalanceEnsembleClassifier {

    private final DecisionTree[] trees;

    SmileForestClassifier(String kind, P params, StructType schema, DecisionTree[] trees) {
        super(kind, params, schema);
        this.trees = trees;
    }

    /** The trees. */
    final DecisionTree[] trees() {
        return trees;
    }

    /** Number of trees. */
    public final int size() {
        return trees.length;
    }

    @Override
    final double scoreTuple(Tuple row) {
        double sum = 0;
        for (DecisionTree tree : trees) {
            sum += leafShare(tree, row);
        }
        return sum / trees.length;
    }
}
