package dev.rareclass.smile;

import java.util.Arrays;
import java.util.Locale;

/**
 * A trained {@code easy-ensemble} or {@code rus-boost}: members, each a SAMME.R ensemble of {@link WeightedTree}s
 * (RUSBoost has one member). A member's probability of class 1 is scikit-learn 1.2's {@code AdaBoostClassifier
 * .predict_proba} for two classes with SAMME.R: the sigmoid of the mean over its trees of {@code log p1 - log p0}, the
 * leaf's class shares floored at machine epsilon; the score is the members' mean, as imbalanced-learn's bagging of
 * them averages. Scoring reads the raw feature values and immutable arrays only, so it is thread-safe.
 *
 * @param <P> the kind's validated parameters
 */
public final class SmileImbalanceBoostClassifier<P extends SmileTreeParams> extends SmileClassifier<P> {

    private final SmileKind smileKind;
    private final WeightedTree[][] members;

    SmileImbalanceBoostClassifier(SmileKind kind, P params, int featureCount, WeightedTree[][] members) {
        super(kind.kind, params, featureCount);
        if (members.length == 0 || Arrays.stream(members).anyMatch(m -> m.length == 0)) {
            throw new IllegalArgumentException("every member needs a tree");
        }
        this.smileKind = kind;
        this.members = members;
    }

    SmileKind smileKind() {
        return smileKind;
    }

    /** The members' trees, for the codec. */
    WeightedTree[][] members() {
        return members;
    }

    @Override
    double scoreRow(double[] row) {
        double sum = 0;
        for (WeightedTree[] member : members) {
            sum += sammeR(member, row);
        }
        return sum / members.length;
    }

    /** One SAMME.R ensemble's probability of class 1 for {@code row}. */
    static double sammeR(WeightedTree[] trees, double[] row) {
        double sum = 0;
        for (WeightedTree tree : trees) {
            int leaf = tree.leaf(row);
            sum += Math.log(Math.max(tree.p1(leaf), ImbalanceEnsembles.EPS)) - Math.log(Math.max(tree.p0(leaf), ImbalanceEnsembles.EPS));
        }
        return 1 / (1 + Math.exp(-sum / trees.length));
    }

    @Override
    public String summary() {
        WeightedTree[] trees = Arrays.stream(members).flatMap(Arrays::stream).toArray(WeightedTree[]::new);
        double meanDepth = Arrays.stream(trees).mapToInt(WeightedTree::depth).average().orElse(0);
        double meanLeaves = Arrays.stream(trees).mapToInt(WeightedTree::leaves).average().orElse(0);
        String shape = String.format(Locale.ROOT, "mean depth %.1f, mean leaves %.1f, %d features", meanDepth, meanLeaves,
                featureCount());
        int min = Arrays.stream(members).mapToInt(m -> m.length).min().orElse(0);
        int max = Arrays.stream(members).mapToInt(m -> m.length).max().orElse(0);
        return switch (params) {
            case EasyEnsembleParams p -> String.format(Locale.ROOT,
                    "easy ensemble (weighted CART trees), %d members, each SAMME.R on a balanced random under-sample, "
                            + "%d trees in all (%s rounds per member), learning rate %s, %s",
                    members.length, trees.length, min == max ? Integer.toString(min) : min + "-" + max, p.learningRate(), shape);
            case RusBoostParams p -> String.format(Locale.ROOT,
                    "rus-boost (weighted CART trees), SAMME.R with random under-sampling each round, %d rounds, learning rate %s, %s",
                    trees.length, p.learningRate(), shape);
            default -> throw new IllegalStateException(smileKind.toString());
        };
    }
}
