package dev.rareclass.smile;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;
import smile.classification.ClassLabels;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;
import smile.math.MathEx;
import smile.model.cart.CART;
import smile.model.cart.DecisionNode;
import smile.validation.ClassificationMetrics;
import smile.validation.metric.Accuracy;
import smile.validation.metric.Error;

/**
 * Smile 6.3's {@code RandomForest.fit} grown tree by tree here, so that each tree's bootstrap is known and every
 * training row gets its <b>out-of-bag score</b> (Breiman 2001, section 3.1; scikit-learn's
 * {@code oob_decision_function_}): the forest's soft vote ({@link SmileForestClassifier}: the mean of the leaf shares
 * of class 1) over the trees whose sample did not draw the row. No tree that votes on it had seen it, so these scores
 * can choose a threshold with no hold-out and no refit; NaN for a row every tree drew.
 *
 * <p>Each tree is the one {@code RandomForest.fit} grows from the same options: the same frame ({@code y ~ .} expanded
 * on the data), the same stratified draw of its {@code samples} from the tree's seed (per class, {@code count / weight}
 * rows with replacement, or {@code round(subsample · count / weight)} without when {@code subsample < 1}), the same
 * public {@code DecisionTree} constructor with the same sort orders, and the forest goes together with Smile's public
 * {@code RandomForest} constructor, with the same out-of-bag metrics per tree and overall and the same importance. So a
 * forest and its scores are identical to {@code RandomForest.fit}'s (asserted in {@code OutOfBagForestTest}); only the
 * fit and score times in the metrics differ, as they do between two runs. One difference: Smile counts each row's
 * out-of-bag votes from the parallel trees into a shared array without synchronisation, so its overall out-of-bag
 * accuracy can lose a vote; here the votes are counted after the trees are grown, in tree order.
 *
 * <p>The out-of-bag pass costs what Smile's own already did (it scores each tree's out-of-bag rows for its metrics):
 * the leaf reached gives both Smile's posterior and the leaf share. Sums run in tree order, so the scores do not
 * depend on threads.
 */
final class OutOfBagForest {

    private OutOfBagForest() {
    }

    /**
     * A grown forest and its training rows' out-of-bag scores.
     *
     * @param forest    the forest, as {@code RandomForest.fit} would have grown it
     * @param outOfBag  one score per training row, in row order; NaN where every tree drew the row
     */
    record Grown(RandomForest forest, double[] outOfBag) {
    }

    /** What one tree leaves: the tree, its out-of-bag metrics, and its out-of-bag rows with their leaf shares and votes. */
    private record Tree(RandomForest.Model model, int[] oobRows, double[] oobShares, int[] oobVotes) {
    }

    /** {@link #grow(DataFrame, String, RandomForest.Options, ObjIntConsumer)} without looking at the samples. */
    static Grown grow(DataFrame data, String label, RandomForest.Options options) {
        return grow(data, label, options, (samples, tree) -> { });
    }

    /**
     * Grows the forest {@code RandomForest.fit(Formula.lhs(label), data, options)} grows.
     *
     * @param data           the features and the label column
     * @param label          the label column's name
     * @param options        Smile's options (its training controller is not called)
     * @param samplesOfTrees told each tree's sample counts and index, from the thread that grew it (for tests)
     */
    static Grown grow(DataFrame data, String label, RandomForest.Options options, ObjIntConsumer<int[]> samplesOfTrees) {
        Formula formula = Formula.lhs(label).expand(data.schema());
        DataFrame x = formula.x(data);
        ValueVector y = formula.y(data);
        int ncol = x.ncol();
        if (options.mtry() > ncol) {
            throw new IllegalArgumentException("Invalid number of variables to split on at a node of the tree: "
                    + options.mtry());
        }
        int mtry = options.mtry() > 0 ? options.mtry() : (int) Math.sqrt(ncol);
        int maxNodes = options.maxNodes() > 0 ? options.maxNodes() : Math.max(2, data.size() / 5);
        ClassLabels codec = ClassLabels.fit(y);
        int k = codec.k;
        int n = x.size();
        int[] weight = options.classWeight() != null ? options.classWeight() : ones(k);
        int[][] order = CART.order(x);

        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            count[codec.y[i]]++;
        }
        if (options.subsample() < 1.0) {
            long drawn = 0;
            for (int c = 0; c < k; c++) {
                drawn += Math.round(options.subsample() * count[c] / weight[c]);
            }
            if (drawn == 0) {
                // a tree of no row has leaves of no count, whose share 0/0 scored every row NaN, and the error blamed
                // an ordinary data row ("a value far outside the training rows' range")
                throw new dev.rareclass.domain.error.UsageException("parameter subsample=" + options.subsample()
                        + " draws no row for a tree from these " + n + " training rows; give a larger subsample");
            }
        }
        int[][] rowsOf = new int[k][];
        for (int c = 0; c < k; c++) {
            rowsOf[c] = new int[count[c]];
        }
        int[] filled = new int[k];
        for (int i = 0; i < n; i++) {
            int c = codec.y[i];
            rowsOf[c][filled[c]++] = i;
        }

        Tree[] trees = IntStream.range(0, options.ntrees()).parallel().mapToObj(t -> {
            if (options.seeds() != null) {
                MathEx.setSeed(options.seeds()[t]); // Smile's thread-local generator: samples, then the tree's draws
            }
            int[] samples = draw(n, k, count, rowsOf, weight, options.subsample());
            long start = System.nanoTime();
            DecisionTree tree = new DecisionTree(x, codec.y, y.field(), k, options.rule(), options.maxDepth(), maxNodes,
                    options.nodeSize(), mtry, samples, order);
            double fitTime = (System.nanoTime() - start) / 1E6;
            samplesOfTrees.accept(samples, t);
            return outOfBag(tree, fitTime, x, codec.y, samples, k);
        }).toArray(Tree[]::new);

        RandomForest.Model[] models = new RandomForest.Model[trees.length];
        double fitTime = 0;
        double scoreTime = 0;
        int[][] votes = new int[n][k];
        double[] sum = new double[n];
        int[] scoredBy = new int[n];
        for (int t = 0; t < trees.length; t++) {
            Tree tree = trees[t];
            models[t] = tree.model();
            fitTime += tree.model().metrics().fitTime();
            scoreTime += tree.model().metrics().scoreTime();
            for (int j = 0; j < tree.oobRows().length; j++) {
                int i = tree.oobRows()[j];
                votes[i][tree.oobVotes()[j]]++;
                sum[i] += tree.oobShares()[j];
                scoredBy[i]++;
            }
        }
        int[] vote = new int[n];
        double[] oob = new double[n];
        for (int i = 0; i < n; i++) {
            vote[i] = MathEx.whichMax(votes[i]);
            oob[i] = scoredBy[i] == 0 ? Double.NaN : sum[i] / scoredBy[i];
        }
        ClassificationMetrics metrics = new ClassificationMetrics(fitTime, scoreTime, n, Error.of(codec.y, vote),
                Accuracy.of(codec.y, vote));
        RandomForest forest = new RandomForest(formula, k, models, metrics, importance(models), codec.classes);
        return new Grown(forest, oob);
    }

    /**
     * One tree's sample counts, drawn as {@code RandomForest.fit} draws them from Smile's thread-local generator:
     * stratified, each class down-sampled by its weight.
     */
    private static int[] draw(int n, int k, int[] count, int[][] rowsOf, int[] weight, double subsample) {
        int[] samples = new int[n];
        if (subsample == 1.0) {
            for (int c = 0; c < k; c++) { // with replacement
                int size = count[c] / weight[c];
                for (int j = 0; j < size; j++) {
                    samples[rowsOf[c][MathEx.randomInt(count[c])]] += 1;
                }
            }
        } else {
            for (int c = 0; c < k; c++) { // without replacement
                int size = (int) Math.round(subsample * count[c] / weight[c]);
                int[] permutation = MathEx.permutate(count[c]);
                for (int j = 0; j < size; j++) {
                    samples[rowsOf[c][permutation[j]]] += 1;
                }
            }
        }
        return samples;
    }

    /**
     * The tree's out-of-bag pass: Smile's metrics of the tree on its out-of-bag rows (its smoothed posterior and its
     * vote, as {@code RandomForest.fit} computes them) and each of those rows' leaf share, from the same leaf.
     */
    private static Tree outOfBag(DecisionTree tree, double fitTime, DataFrame x, int[] y, int[] samples, int k) {
        long start = System.nanoTime();
        int noob = 0;
        for (int s : samples) {
            if (s == 0) {
                noob++;
            }
        }
        int[] rows = new int[noob];
        int[] truth = new int[noob];
        int[] predicted = new int[noob];
        double[] shares = new double[noob];
        double[][] posteriori = new double[noob][k];
        for (int i = 0, j = 0; i < samples.length; i++) {
            if (samples[i] == 0) {
                Tuple row = x.get(i);
                // the tree has no formula and no class encoder of its own, so this is DecisionTree.predict(row, p)
                DecisionNode leaf = (DecisionNode) tree.root().predict(row);
                leaf.posteriori(posteriori[j]);
                rows[j] = i;
                truth[j] = y[i];
                predicted[j] = leaf.output();
                shares[j] = SmileTreeClassifier.leafShare(leaf);
                j++;
            }
        }
        double scoreTime = (System.nanoTime() - start) / 1E6;
        ClassificationMetrics metrics; // when data is very small, out-of-bag rows may miss a class
        if (MathEx.unique(truth).length == 2) {
            double[] probability = Arrays.stream(posteriori).mapToDouble(p -> p[1]).toArray();
            metrics = ClassificationMetrics.binary(fitTime, scoreTime, truth, predicted, probability);
        } else {
            metrics = ClassificationMetrics.of(fitTime, scoreTime, truth, predicted);
        }
        return new Tree(new RandomForest.Model(tree, metrics), rows, shares, predicted);
    }

    private static double[] importance(RandomForest.Model[] models) {
        double[] importance = new double[models[0].tree().importance().length];
        for (RandomForest.Model model : models) {
            double[] imp = model.tree().importance();
            for (int i = 0; i < importance.length; i++) {
                importance[i] += imp[i];
            }
        }
        return importance;
    }

    private static int[] ones(int k) {
        int[] w = new int[k];
        Arrays.fill(w, 1);
        return w;
    }
}
