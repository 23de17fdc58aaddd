package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.smile.sampling.RandomUnderSampling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.stream.IntStream;
import smile.classification.DecisionTree;
import smile.data.DataFrame;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.math.MathEx;
import smile.model.cart.CART;
import smile.model.cart.SplitRule;

/**
 * The fits of the imbalance ensembles, after imbalanced-learn 0.10 on scikit-learn 1.2: random under-sampling inside
 * the ensemble ({@link RandomUnderSampling}, the {@code random-under} sampler's draw), then the members.
 *
 * <p><b>Bagged kinds</b> ({@code balanced-random-forest}, {@code balanced-bagging}): Smile's CART trees. The training
 * rows become one Smile frame ({@link Features#forestFrame}) with its sort orders computed once; a member's sample
 * (an under-sample and a bootstrap, in either order) is the count of each row in it, which Smile's
 * {@code DecisionTree} takes as its {@code samples}, as Smile's own random forest does. A row drawn twice counts twice
 * in impurities, leaf sizes and leaf class counts, as scikit-learn's bootstrap counts do.
 *
 * <p><b>Boosted kinds</b> ({@code easy-ensemble}, {@code rus-boost}): SAMME.R over {@link WeightedTree}s, trees fitted
 * on the real boosting weights (why not Smile's tree: see there).
 *
 * <p><b>Reproducibility.</b> One seed per member is drawn from {@link TrainingContext#seed()} (a
 * {@link SplittableRandom}); every draw of a member (its samples and, through Smile's thread-local generator reseeded
 * just before each forest tree, the features it tries) depends on its own seed only. Members are grown in parallel and
 * collected in order, so the same seed gives the same model whatever the number of threads. (Smile tries the features
 * of a node in parallel only when a tree tries all of them, which draws no random numbers.)
 */
final class ImbalanceEnsembles {

    private ImbalanceEnsembles() {
    }

    /** Machine epsilon of a double, scikit-learn's floor for boosting weights and SAMME.R's probabilities. */
    static final double EPS = Math.ulp(1.0);

    /** The training rows once, as every bagged member's Smile trees are grown on them. */
    static final class Data {
        final DataFrame frame;
        final int[] y;
        final int[][] order;
        final StructField response = new StructField(SmileTrainerFactory.LABEL, DataTypes.IntType);
        final int n;
        final int cols;

        Data(FeatureMatrix x, Labels labels) {
            this.frame = Features.forestFrame(x, labels);
            this.y = labels.toArray();
            this.order = CART.order(frame);
            this.n = y.length;
            this.cols = x.cols();
        }

        /** A CART tree on the rows counted by {@code samples}, its feature draws seeded by {@code seed}. */
        DecisionTree tree(int[] samples, SplitRule rule, int smileMaxDepth, int maxNodes, int nodeSize, int mtry, long seed) {
            MathEx.setSeed(seed);
            return new DecisionTree(frame, y, response, 2, rule, smileMaxDepth, maxNodes == 0 ? Integer.MAX_VALUE : maxNodes,
                    nodeSize, mtry, samples, order);
        }
    }

    /**
     * Grows {@code members} members in parallel, member {@code m} from the {@code m}-th seed drawn from
     * {@code ctx.seed()}, collected in order, reporting progress as the other tree kinds do.
     */
    static <T> T[] grow(TrainingContext ctx, String model, int members, LongFunction<T> member, IntFunction<T[]> array) {
        SplittableRandom rng = new SplittableRandom(ctx.seed());
        long[] seeds = new long[members];
        for (int m = 0; m < members; m++) {
            seeds[m] = rng.nextLong();
        }
        return SmileTrainerFactory.growTrees(ctx, model, members, () -> IntStream.range(0, members).parallel()
                .mapToObj(m -> member.apply(seeds[m])).toArray(array));
    }

    /** How many times each row occurs among {@code rows}. */
    static int[] counts(int n, int[] rows) {
        int[] samples = new int[n];
        for (int r : rows) {
            samples[r]++;
        }
        return samples;
    }

    /** {@code size} rows drawn uniformly with replacement from {@code from} (scikit-learn's bootstrap indices). */
    static int[] bootstrap(int[] from, int size, SplittableRandom rng) {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = from[rng.nextInt(from.length)];
        }
        return out;
    }

    /** Every row index {@code 0..n-1}. */
    static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    /**
     * One balanced random forest tree (Chen, Liaw and Breiman 2004, as imblearn's): the training rows randomly
     * under-sampled to a balanced set without replacement, a bootstrap of that set's size drawn from it, and a tree
     * trying {@code mtry} features at each split.
     */
    static DecisionTree balancedForestTree(Data d, BalancedForestParams p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] balanced = RandomUnderSampling.balance(all(d.n), d.y, rng);
        int[] drawn = bootstrap(balanced, balanced.length, rng);
        return d.tree(counts(d.n, drawn), p.splitRule(), p.maxDepth() + 1, p.maxNodes(), p.nodeSize(), p.mtry(), rng.nextLong());
    }

    /**
     * One balanced bag (imblearn's {@code BalancedBaggingClassifier}): a bootstrap of {@code n} rows, that bootstrap
     * randomly under-sampled (a row drawn twice is two candidates), and a tree on every feature.
     */
    static DecisionTree balancedBag(Data d, BalancedBaggingParams p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] drawn = bootstrap(all(d.n), d.n, rng);
        if (bothClasses(drawn, d.y)) {
            drawn = RandomUnderSampling.balance(drawn, d.y, rng);
        } // else (a few rows only) imblearn's under-sampler would fail on the one-class bag; it is fitted as drawn
        return d.tree(counts(d.n, drawn), p.splitRule(), p.maxDepth() + 1, p.maxNodes(), p.nodeSize(), d.cols, rng.nextLong());
    }

    private static boolean bothClasses(int[] rows, int[] y) {
        int pos = 0;
        for (int r : rows) {
            pos += y[r];
        }
        return pos > 0 && pos < rows.length;
    }

    /**
     * One EasyEnsemble member (Liu, Wu and Zhou 2009, as imblearn's): the training rows randomly under-sampled
     * without replacement, then boosted with SAMME.R on that subset.
     */
    static WeightedTree[] easyMember(FeatureMatrix x, int[] y, EasyEnsembleParams p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] subset = RandomUnderSampling.balance(all(y.length), y, rng);
        return boostReal(x, y, subset, p.trees(), p.learningRate(), p.maxDepth(), false, rng);
    }

    /** RUSBoost (Seiffert et al. 2010, as imblearn's): SAMME.R on all rows, each round's tree on an under-sample. */
    static WeightedTree[] rusBoost(FeatureMatrix x, int[] y, RusBoostParams p, long seed) {
        return boostReal(x, y, all(y.length), p.trees(), p.learningRate(), p.maxDepth(), true, new SplittableRandom(seed));
    }

    /**
     * SAMME.R (Zhu, Zou, Rosset and Hastie, "Multi-class AdaBoost", 2009) for two classes as scikit-learn 1.2's
     * {@code AdaBoostClassifier.fit} and {@code _boost_real} do it, with imblearn's RUSBoost variant when
     * {@code underSample}: weights start uniform over {@code rows}; each round floors them at {@link #EPS}, fits a
     * weighted tree (on an under-sample of the rows keeping their weights, for RUSBoost), predicts the class
     * probabilities {@code p} of every row, stops after this tree if its weighted error is 0, else multiplies each
     * weight by {@code exp(-lr · (log p_true - log p_other) / 2)} (probabilities floored at {@link #EPS}) and, unless it
     * is the last round, normalises them; it stops when their sum is not finite or not positive.
     *
     * @param rows the rows boosted on (each once)
     * @return the trees, one per round done; each votes equally
     */
    static WeightedTree[] boostReal(FeatureMatrix x, int[] y, int[] rows, int rounds, double learningRate, int maxDepth,
                                    boolean underSample, SplittableRandom rng) {
        int m = rows.length;
        int cols = x.cols();
        float[] data = x.data();
        double[] w = new double[m];
        Arrays.fill(w, 1.0 / m);
        int[] positions = all(m);
        int[] labels = new int[m];
        double[][] values = new double[m][];
        for (int i = 0; i < m; i++) {
            labels[i] = y[rows[i]];
            values[i] = new double[cols];
            for (int c = 0; c < cols; c++) {
                values[i][c] = data[rows[i] * cols + c];
            }
        }
        List<WeightedTree> trees = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < m; i++) {
                w[i] = Math.max(w[i], EPS);
            }
            int[] fitted = underSample ? RandomUnderSampling.balance(positions, labels, rng) : positions;
            int[] fittedRows = new int[fitted.length];
            double[] fittedWeights = new double[fitted.length];
            for (int j = 0; j < fitted.length; j++) {
                fittedRows[j] = rows[fitted[j]];
                fittedWeights[j] = w[fitted[j]];
            }
            WeightedTree tree = WeightedTree.fit(data, cols, y, fittedRows, fittedWeights, maxDepth);
            trees.add(tree);

            double[] logRatio = new double[m]; // log p_true - log p_other, both floored at EPS
            double wrong = 0;
            double total = 0;
            for (int i = 0; i < m; i++) {
                int leaf = tree.leaf(values[i]);
                double p0 = tree.p0(leaf);
                double p1 = tree.p1(leaf);
                int predicted = p1 > p0 ? 1 : 0; // argmax: a tie goes to the first class
                total += w[i];
                if (predicted != labels[i]) {
                    wrong += w[i];
                }
                double lp1 = Math.log(Math.max(p1, EPS));
                double lp0 = Math.log(Math.max(p0, EPS));
                logRatio[i] = labels[i] == 1 ? lp1 - lp0 : lp0 - lp1;
            }
            if (wrong / total <= 0 || round == rounds - 1) {
                break; // a perfect tree ends boosting (it is kept); the last round's weights are not needed
            }
            double sum = 0;
            for (int i = 0; i < m; i++) {
                double step = -learningRate * 0.5 * logRatio[i];
                if (w[i] > 0 || step < 0) {
                    w[i] *= Math.exp(step);
                }
                sum += w[i];
            }
            if (!Double.isFinite(sum) || sum <= 0) {
                break;
            }
            for (int i = 0; i < m; i++) {
                w[i] /= sum;
            }
        }
        return trees.toArray(WeightedTree[]::new);
    }
}
