package dev.rareclass.smile;

import smile.classification.DecisionTree;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.model.cart.DecisionNode;
import dev.rareclass.domain.data.FeatureMatrix;

/**
 * What Smile's tree models share (decision tree, random forest, gradient boosting, AdaBoost): the columns named
 * by the model's schema, binary ones nominal, each row mapped as in training ({@link Features#forestRow}) and
 * scored as a {@link Tuple} of that schema.
 *
 * @param <P> the kind's validated parameters
 */
abstract sealed class SmileTreeClassifier<P extends SmileParams> extends SmileClassifier<P>
        permits SmileDecisionTreeClassifier, SmileForestClassifier, SmileBoostedClassifier {

    private final StructType schema;
    private final double[] midpoints;

    SmileTreeClassifier(String kind, P params, StructType schema) {
        super(kind, params, schema.length());
        this.schema = schema;
        this.midpoints = Features.nominalMidpoints(schema);
    }

    @Override
    final double[] row(FeatureMatrix x, int r) {
        double[] row = new double[x.cols()];
        Features.forestRow(x, r, midpoints, row);
        return row;
    }

    @Override
    final double scoreRow(double[] row) {
        return scoreTuple(Tuple.of(schema, row));
    }

    /** The probability of class 1 for one row in the model's schema. */
    abstract double scoreTuple(Tuple row);

    /**
     * scikit-learn's {@code predict_proba} of one tree: the positive share of the (weighted) training rows in
     * the leaf the row reaches, without Smile's Laplace smoothing. Walking the tree only reads immutable nodes.
     */
    static double leafShare(DecisionTree tree, Tuple row) {
        return leafShare((DecisionNode) tree.root().predict(row));
    }

    /** The positive share of the (weighted) training rows in a leaf. */
    static double leafShare(DecisionNode leaf) {
        int[] count = leaf.count();
        return (double) count[1] / (count[0] + count[1]);
    }
}
