package dev.rareclass.smile;

import java.util.Arrays;
import java.util.Locale;
import smile.classification.DecisionTree;

/**
 * A trained {@code balanced-random-forest} or {@code balanced-bagging}: Smile CART trees, one per member, each grown on
 * its own balanced sample ({@link ImbalanceEnsembles}). The score is imbalanced-learn's {@code predict_proba} for class
 * 1: the mean over trees of the positive share of the (multiplicity-weighted) training rows in the leaf a row reaches
 * ({@link SmileForestClassifier}).
 *
 * @param <P> the kind's validated parameters
 */
public final class SmileImbalanceEnsembleClassifier<P extends SmileTreeParams> extends SmileForestClassifier<P> {

    private final SmileKind smileKind;

    SmileImbalanceEnsembleClassifier(SmileKind kind, P params, DecisionTree[] trees) {
        super(kind.kind, params, require(valid(trees), "binary trees over one schema were expected", trees)[0].schema(),
                trees);
        this.smileKind = kind;
    }

    /** Whether {@code trees} is a non-empty list of binary trees over one schema (a file's trees are checked here). */
    static boolean valid(DecisionTree[] trees) {
        if (trees == null || trees.length == 0) {
            return false;
        }
        for (DecisionTree tree : trees) {
            if (tree == null || tree.schema() == null || !tree.schema().equals(trees[0].schema())
                    || !SmileDecisionTreeClassifier.binaryLeaves(tree.root(), 0)) {
                return false;
            }
        }
        return true;
    }

    SmileKind smileKind() {
        return smileKind;
    }

    @Override
    public String summary() {
        DecisionTree[] trees = trees();
        double meanDepth = Arrays.stream(trees).mapToInt(t -> t.root().depth() - 1).average().orElse(0);
        int deepest = Arrays.stream(trees).mapToInt(t -> t.root().depth() - 1).max().orElse(0);
        double meanLeaves = Arrays.stream(trees).mapToInt(t -> t.root().leaves()).average().orElse(0);
        String shape = String.format(Locale.ROOT, "mean depth %.1f (deepest %d, splits from the root), mean leaves %.1f, %d features",
                meanDepth, deepest, meanLeaves, featureCount());
        return switch (params) {
            case BalancedForestParams p -> String.format(Locale.ROOT,
                    "balanced random forest (Smile trees), %d trees, each on a bootstrap of a balanced random under-sample, %s, mtry=%d, split rule %s",
                    trees.length, shape, p.mtry(), p.splitRule().name().toLowerCase(Locale.ROOT));
            case BalancedBaggingParams p -> String.format(Locale.ROOT,
                    "balanced bagging (Smile trees), %d bags, each a tree on a randomly under-sampled bootstrap, %s, split rule %s",
                    trees.length, shape, p.splitRule().name().toLowerCase(Locale.ROOT));
            default -> throw new IllegalStateException(smileKind.toString());
        };
    }
}
