package dev.rareclass.smile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A binary classification tree fitted on real row weights, the weak learner of {@code easy-ensemble@smile} and
 * {@code rus-boost@smile}: scikit-learn 1.2's {@code DecisionTreeClassifier(max_depth=D)} as {@code AdaBoostClassifier}
 * fits it with {@code sample_weight}. Gini impurity of the weighted class shares; every feature is tried; a threshold
 * lies halfway between two neighbouring distinct values (values closer than scikit-learn's 1e-7 count as one); the
 * split kept is the first (by feature, then by threshold) with the largest decrease, even a decrease of zero, as
 * scikit-learn's splitter does; a node stays a leaf at depth {@code D}, with fewer than two rows, or when it is pure.
 * A row goes left when its value is {@code <=} the threshold. A leaf holds the weighted share of each class.
 *
 * <p>Why not Smile's {@code DecisionTree}: it counts rows in whole numbers (its {@code samples}), and after growing it
 * merges sister leaves that predict the same class; SAMME.R needs the leaves' weighted probabilities, which that
 * merge (a stump whose two leaves lean the same way becomes a single leaf) and the rounding of weights spanning
 * sixteen orders of magnitude would change.
 *
 * <p>The tree is flat arrays, immutable once fitted; node 0 is the root and children come after their parent, so a
 * walk always ends.
 */
final class WeightedTree {

    /** scikit-learn's {@code FEATURE_THRESHOLD}: values closer than this are not split between. */
    static final double FEATURE_THRESHOLD = 1e-7;

    /** Split feature of each node, -1 for a leaf. */
    final int[] feature;
    /** Split threshold of each node (a row goes left when {@code x <= threshold}); 0 for a leaf. */
    final double[] threshold;
    /** Children of each node (-1 for a leaf). */
    final int[] left;
    final int[] right;
    /** Weighted class shares of each node's fitted rows: class 0 at {@code 2k}, class 1 at {@code 2k + 1}. */
    final double[] proba;

    WeightedTree(int[] feature, double[] threshold, int[] left, int[] right, double[] proba) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.proba = proba;
    }

    int nodes() {
        return feature.length;
    }

    /** The leaf {@code row} reaches. */
    int leaf(double[] row) {
        int k = 0;
        while (feature[k] >= 0) {
            k = row[feature[k]] <= threshold[k] ? left[k] : right[k];
        }
        return k;
    }

    /** Class-0 share of leaf {@code k}. */
    double p0(int k) {
        return proba[2 * k];
    }

    /** Class-1 share of leaf {@code k}. */
    double p1(int k) {
        return proba[2 * k + 1];
    }

    /** Splits from the root to the deepest leaf. */
    int depth() {
        int[] depth = new int[nodes()];
        int max = 0;
        for (int k = 0; k < nodes(); k++) { // children come after their parent
            if (feature[k] >= 0) {
                depth[left[k]] = depth[k] + 1;
                depth[right[k]] = depth[k] + 1;
            }
            max = Math.max(max, depth[k]);
        }
        return max;
    }

    int leaves() {
        return (int) Arrays.stream(feature).filter(f -> f < 0).count();
    }

    /**
     * Fits a tree of at most {@code maxDepth} splits.
     *
     * @param x       row-major values, {@code cols} per row
     * @param y       0/1 label of every row of {@code x}
     * @param rows    the rows fitted on (each at most once)
     * @param weights their weights, positive, parallel to {@code rows}
     */
    static WeightedTree fit(float[] x, int cols, int[] y, int[] rows, double[] weights, int maxDepth) {
        int m = rows.length;
        // per feature, the positions 0..m-1 in ascending order of value (ties by position)
        int[][] sorted = new int[cols][m];
        long[] keyed = new long[m];
        for (int f = 0; f < cols; f++) {
            for (int i = 0; i < m; i++) {
                int bits = Float.floatToIntBits(x[rows[i] * cols + f]);
                int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
                keyed[i] = ((long) sortable << 32) | i;
            }
            Arrays.sort(keyed);
            for (int i = 0; i < m; i++) {
                sorted[f][i] = (int) keyed[i];
            }
        }
        Builder b = new Builder(x, cols, y, rows, weights, sorted, maxDepth);
        int[] all = new int[m];
        for (int i = 0; i < m; i++) {
            all[i] = i;
        }
        b.grow(all, 0);
        return b.tree();
    }

    private static final class Builder {
        final float[] x;
        final int cols;
        final int[] y;
        final int[] rows;
        final double[] w;
        final int[][] sorted;
        final int maxDepth;
        final int[] member; // node id of each position while its node is split; -1 outside
        int marker;
        final List<int[]> links = new ArrayList<>(); // feature, left, right
        final List<Double> thresholds = new ArrayList<>();
        final List<double[]> shares = new ArrayList<>();

        Builder(float[] x, int cols, int[] y, int[] rows, double[] w, int[][] sorted, int maxDepth) {
            this.x = x;
            this.cols = cols;
            this.y = y;
            this.rows = rows;
            this.w = w;
            this.sorted = sorted;
            this.maxDepth = maxDepth;
            this.member = new int[rows.length];
            Arrays.fill(member, -1);
        }

        float value(int position, int f) {
            return x[rows[position] * cols + f];
        }

        /** Adds the node holding {@code positions} at {@code depth} and, if it splits, its subtrees; returns its id. */
        int grow(int[] positions, int depth) {
            int id = links.size();
            double w0 = 0;
            double w1 = 0;
            for (int p : positions) {
                if (y[rows[p]] == 1) {
                    w1 += w[p];
                } else {
                    w0 += w[p];
                }
            }
            double total = w0 + w1;
            links.add(new int[] {-1, -1, -1});
            thresholds.add(0.0);
            shares.add(new double[] {w0 / total, w1 / total});
            double impurity = 1 - (w0 / total) * (w0 / total) - (w1 / total) * (w1 / total);
            if (depth >= maxDepth || positions.length < 2 || impurity <= Math.ulp(1.0)) {
                return id;
            }
            int mark = ++marker;
            for (int p : positions) {
                member[p] = mark;
            }
            int bestFeature = -1;
            double bestThreshold = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int f = 0; f < cols; f++) {
                double l0 = 0;
                double l1 = 0;
                int seen = 0;
                int previous = -1;
                for (int p : sorted[f]) {
                    if (member[p] != mark) {
                        continue;
                    }
                    if (previous >= 0 && value(p, f) > value(previous, f) + FEATURE_THRESHOLD) {
                        double r0 = w0 - l0;
                        double r1 = w1 - l1;
                        double proxy = (l0 * l0 + l1 * l1) / (l0 + l1) + (r0 * r0 + r1 * r1) / (r0 + r1);
                        if (proxy > best) {
                            best = proxy;
                            bestFeature = f;
                            bestThreshold = ((double) value(previous, f) + value(p, f)) / 2;
                        }
                    }
                    if (y[rows[p]] == 1) {
                        l1 += w[p];
                    } else {
                        l0 += w[p];
                    }
                    seen++;
                    previous = p;
                }
                assert seen == positions.length;
            }
            if (bestFeature < 0) {
                return id; // every feature is constant here
            }
            int f = bestFeature;
            double t = bestThreshold;
            int[] goLeft = Arrays.stream(positions).filter(p -> value(p, f) <= t).toArray();
            int[] goRight = Arrays.stream(positions).filter(p -> value(p, f) > t).toArray();
            int l = grow(goLeft, depth + 1);
            int r = grow(goRight, depth + 1);
            links.set(id, new int[] {f, l, r});
            thresholds.set(id, t);
            return id;
        }

        WeightedTree tree() {
            int n = links.size();
            int[] feature = new int[n];
            double[] threshold = new double[n];
            int[] left = new int[n];
            int[] right = new int[n];
            double[] proba = new double[2 * n];
            for (int k = 0; k < n; k++) {
                feature[k] = links.get(k)[0];
                left[k] = links.get(k)[1];
                right[k] = links.get(k)[2];
                threshold[k] = thresholds.get(k);
                proba[2 * k] = shares.get(k)[0];
                proba[2 * k + 1] = shares.get(k)[1];
            }
            return new WeightedTree(feature, threshold, left, right, proba);
        }
    }

    /**
     * Checks a tree read from a file: node arrays of one length, a split's feature below {@code cols} and its children
     * after it and inside the tree, each node some node's child but the root's, shares in [0, 1], thresholds finite,
     * depth at most {@code maxDepth}. Returns null when it holds, else what does not.
     */
    static String problem(int[] feature, double[] threshold, int[] left, int[] right, double[] proba, int cols, int maxDepth) {
        int n = feature.length;
        if (n < 1 || threshold.length != n || left.length != n || right.length != n || proba.length != 2 * n) {
            return "its node arrays do not match";
        }
        int[] parents = new int[n];
        for (int k = 0; k < n; k++) {
            if (feature[k] >= 0) {
                if (feature[k] >= cols || !Double.isFinite(threshold[k]) || left[k] <= k || right[k] <= k
                        || left[k] >= n || right[k] >= n || left[k] == right[k]) {
                    return "node " + k + " is not a valid split";
                }
                parents[left[k]]++;
                parents[right[k]]++;
            } else if (feature[k] != -1 || left[k] != -1 || right[k] != -1) {
                return "node " + k + " is neither a split nor a leaf";
            }
            if (!(proba[2 * k] >= 0 && proba[2 * k] <= 1 && proba[2 * k + 1] >= 0 && proba[2 * k + 1] <= 1)) {
                return "node " + k + " has class shares outside [0, 1]";
            }
        }
        for (int k = 1; k < n; k++) {
            if (parents[k] != 1) {
                return "node " + k + " has " + parents[k] + " parents";
            }
        }
        WeightedTree tree = new WeightedTree(feature, threshold, left, right, proba);
        return tree.depth() > maxDepth ? "it is deeper than " + maxDepth : null;
    }
}
