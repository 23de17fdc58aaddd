package dev.rareclass.smile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;

/**
 * A trained Smile random forest. Scores are scikit-learn's {@code predict_proba}: the mean over trees of
 * the positive fraction of the (bootstrap-weighted) training rows in the leaf a row reaches. Smile's own
 * soft vote ({@code RandomForest.predict(Tuple, double[])}) differs twice: it smooths each leaf's fraction
 * (Laplace, {@code (count + 1) / (n + 2)}) and weights trees by their out-of-bag accuracy; both shade the
 * ranking of rare positives by leaf size rather than by votes.
 *
 * <p>We walk the trees ourselves ({@link SmileForestClassifier}) rather than calling the forest, because the
 * forest first maps each row through its {@code Formula}, whose schema binding is mutable shared state (not
 * safe for concurrent scoring). The trees of a forest have no formula and read features by index, so scoring
 * here only reads immutable state and is thread-safe.
 */
public final class SmileRandomForestClassifier extends SmileForestClassifier<RandomForestParams> {

    private final RandomForest forest;
    /** The training rows' out-of-bag scores, or null (a forest read from a model file): never written to one. */
    private final double[] outOfBag;

    /** A forest read back from a model file: it has no out-of-bag scores. */
    SmileRandomForestClassifier(RandomForest forest, RandomForestParams params) {
        this(forest, params, null);
    }

    /** A forest just grown, with its training rows' out-of-bag scores ({@link OutOfBagForest}). */
    SmileRandomForestClassifier(RandomForest forest, RandomForestParams params, double[] outOfBag) {
        super(SmileKind.RANDOM_FOREST.kind, params, require(forest.numClasses() == 2,
                "a binary forest was expected, got " + forest.numClasses() + " classes", forest).schema(),
                treesOf(forest));
        this.forest = forest;
        this.outOfBag = outOfBag;
    }

    /**
     * Each training row's out-of-bag score: the mean leaf share over the trees whose bootstrap did not draw it (NaN
     * where every tree drew it), as {@link #scores} would give it from those trees alone. Only a forest just grown has
     * them; the model file does not keep them.
     */
    @Override
    public Optional<double[]> outOfBagScores() {
        return Optional.ofNullable(outOfBag).map(double[]::clone);
    }

    private static DecisionTree[] treesOf(RandomForest forest) {
        RandomForest.Model[] models = forest.models();
        DecisionTree[] trees = new DecisionTree[models.length];
        for (int t = 0; t < models.length; t++) {
            trees[t] = models[t].tree();
        }
        return trees;
    }

    /** The Smile model, for the codec. */
    RandomForest forest() {
        return forest;
    }

    RandomForestParams forestParams() {
        return params;
    }

    @Override
    public String summary() {
        DecisionTree[] trees = trees();
        // Smile's depth counts the root as level 1; max-depth, as scikit-learn, counts splits from the root
        double meanDepth = Arrays.stream(trees).mapToInt(t -> t.root().depth() - 1).average().orElse(0);
        double meanLeaves = Arrays.stream(trees).mapToInt(t -> t.root().leaves()).average().orElse(0);
        return String.format(Locale.ROOT,
                "random forest (Smile), %d trees, mean depth %.1f (splits from the root), mean leaves %.1f, mtry=%d of %d features, split rule %s",
                trees.length, meanDepth, meanLeaves, params.mtry(), featureCount(),
                params.splitRule().name().toLowerCase(Locale.ROOT));
    }
}
