package dev.rareclass.smile;

import java.util.Locale;
import smile.classification.DecisionTree;
import smile.data.Tuple;
import smile.model.cart.DecisionNode;

/**
 * A trained Smile decision tree. Scores are scikit-learn's {@code predict_proba}: the positive share of the
 * (weighted) training rows in the leaf a row reaches, without Smile's Laplace smoothing. The tree is walked
 * from its root, which only reads immutable nodes, so scoring is thread-safe.
 */
public final class SmileDecisionTreeClassifier extends SmileTreeClassifier<DecisionTreeParams> {

    private final DecisionTree tree;

    SmileDecisionTreeClassifier(DecisionTree tree, DecisionTreeParams params) {
        super(SmileKind.DECISION_TREE.kind, params,
                require(binaryLeaves(tree.root(), 0), "a binary classification tree was expected", tree).schema());
        this.tree = tree;
    }

    /**
     * Whether the tree under {@code node} is a tree (no node reached twice, at most {@link RandomForestParams#MAX_TREE_DEPTH}
     * deep) whose every leaf counts two classes (a tree read from a file is checked once here, see {@link SmileTrees}).
     */
    static boolean binaryLeaves(smile.model.cart.Node node, int depth) {
        return depth == 0 && SmileTrees.problem(node, Integer.MAX_VALUE, SmileTrees.Leaves.BINARY) == null;
    }

    /** The Smile model, for the codec. */
    DecisionTree tree() {
        return tree;
    }

    @Override
    double scoreTuple(Tuple row) {
        return leafShare(tree, row);
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "decision tree (Smile), depth %d, %d leaves, %d features, split rule %s",
                tree.root().depth() - 1, tree.root().leaves(), featureCount(), params.splitRule().name().toLowerCase(Locale.ROOT));
    }
}
