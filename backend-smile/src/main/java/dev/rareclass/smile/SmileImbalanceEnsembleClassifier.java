package dev.rareclass.smile;

import java.util.Arrays;
import java.util.Locale;
import smile.classification.DecisionTree;
import smile.data.Tuple;

/**
 * A trained imbalance ensemble ({@code balanced-random-forest}, {@code balanced-bagging}, {@code easy-ensemble},
 * {@code rus-boost}): its members, each a list of Smile CART trees, and how they vote. Scores are imbalanced-learn's
 * {@code predict_proba} for class 1:
 * <ul>
 * <li>{@link Vote#MEAN} (balanced random forest, balanced bagging: one tree per member): the mean over trees of the
 *     positive share of the (multiplicity-weighted) training rows in the leaf a row reaches;
 * <li>{@link Vote#SAMME_R} (EasyEnsemble, RUSBoost): each member is a SAMME.R ensemble scored by
 *     {@link ImbalanceEnsembles#sammeR}; the score is the members' mean (RUSBoost has one member).
 * </ul>
 * The trees have no formula and read features by index; walking them only reads immutable nodes, so scoring is
 * thread-safe.
 *
 * @param <P> the kind's validated parameters
 */
public final class SmileImbalanceEnsembleClassifier<P extends SmileTreeParams> extends SmileTreeClassifier<P> {

    /** How the members' trees make a score. */
    enum Vote { MEAN, SAMME_R }

    private final SmileKind smileKind;
    private final Vote vote;
    private final DecisionTree[][] members;

    SmileImbalanceEnsembleClassifier(SmileKind kind, P params, Vote vote, DecisionTree[][] members) {
        super(kind.kind, params, require(valid(members), "an ensemble of binary trees of one schema was expected",
                members)[0][0].schema());
        this.smileKind = kind;
        this.vote = vote;
        this.members = members;
    }

    /** Whether {@code members} is a non-empty list of non-empty lists of binary trees over one schema. */
    static boolean valid(DecisionTree[][] members) {
        if (members == null || members.length == 0) {
            return false;
        }
        smile.data.type.StructType schema = null;
        for (DecisionTree[] member : members) {
            if (member == null || member.length == 0) {
                return false;
            }
            for (DecisionTree tree : member) {
                if (tree == null || tree.schema() == null
                        || !SmileDecisionTreeClassifier.binaryLeaves(tree.root(), 0)) {
                    return false;
                }
                if (schema == null) {
                    schema = tree.schema();
                } else if (!schema.equals(tree.schema())) {
                    return false;
                }
            }
        }
        return true;
    }

    SmileKind smileKind() {
        return smileKind;
    }

    /** The members' trees, for the codec. */
    DecisionTree[][] members() {
        return members;
    }

    /** Number of members. */
    public int size() {
        return members.length;
    }

    @Override
    double scoreTuple(Tuple row) {
        double sum = 0;
        int votes = 0;
        for (DecisionTree[] member : members) {
            if (vote == Vote.MEAN) {
                for (DecisionTree tree : member) {
                    sum += leafShare(tree, row);
                    votes++;
                }
            } else {
                sum += ImbalanceEnsembles.sammeR(member, row);
                votes++;
            }
        }
        return sum / votes;
    }

    @Override
    public String summary() {
        DecisionTree[] trees = Arrays.stream(members).flatMap(Arrays::stream).toArray(DecisionTree[]::new);
        double meanDepth = Arrays.stream(trees).mapToInt(t -> t.root().depth() - 1).average().orElse(0);
        int maxDepth = Arrays.stream(trees).mapToInt(t -> t.root().depth() - 1).max().orElse(0);
        double meanLeaves = Arrays.stream(trees).mapToInt(t -> t.root().leaves()).average().orElse(0);
        String shape = String.format(Locale.ROOT, "mean depth %.1f (deepest %d, as scikit-learn counts), mean leaves %.1f, %d features",
                meanDepth, maxDepth, meanLeaves, featureCount());
        return switch (smileKind) {
            case BALANCED_RANDOM_FOREST -> String.format(Locale.ROOT,
                    "balanced random forest (Smile trees), %d trees, each on a bootstrap of a balanced under-sample, %s, mtry=%d, split rule %s",
                    trees.length, shape, ((BalancedForestParams) params).mtry(),
                    ((BalancedForestParams) params).splitRule().name().toLowerCase(Locale.ROOT));
            case BALANCED_BAGGING -> String.format(Locale.ROOT,
                    "balanced bagging (Smile trees), %d bags, each a tree on an under-sampled bootstrap, %s, split rule %s",
                    trees.length, shape, ((BalancedBaggingParams) params).splitRule().name().toLowerCase(Locale.ROOT));
            case EASY_ENSEMBLE -> String.format(Locale.ROOT,
                    "easy ensemble (Smile trees), %d members, each SAMME.R on a balanced under-sample, %d trees in all (rounds per member %s), %s",
                    members.length, trees.length, rounds(), shape);
            case RUS_BOOST -> String.format(Locale.ROOT,
                    "rus-boost (Smile trees), SAMME.R with random under-sampling each round, %d rounds, %s",
                    trees.length, shape);
            default -> throw new IllegalStateException(smileKind.toString());
        };
    }

    /** The members' round counts, {@code "50"} when they are all the same or {@code "min-max"}. */
    private String rounds() {
        int min = Arrays.stream(members).mapToInt(m -> m.length).min().orElse(0);
        int max = Arrays.stream(members).mapToInt(m -> m.length).max().orElse(0);
        return min == max ? Integer.toString(min) : min + "-" + max;
    }
}
