package dev.rareclass.xgboost;

import dev.rareclass.domain.error.Quoting;
import java.util.List;
import java.util.Map;

/**
 * Checks that a booster read by {@link UbjsonReader} is what {@code gradient-boosting@xgboost} saves, before
 * XGBoost's native code loads it: a {@code gbtree} of {@code binary:logistic} with one tree per round, on the
 * recorded number of features, without categorical splits, and every tree a proper binary tree (each node's
 * children come after it, within the tree, each node but the root the child of exactly one node, which its
 * {@code parents} entry names; every split on an existing feature). XGBoost 3.4 walks trees by these indices
 * without checking them, so a forged one would read outside the tree.
 */
final class BoosterCheck {

    private BoosterCheck() {
    }

    /** Thrown with what does not fit. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The deepest tree a model file may hold. XGBoost's batch prediction walks a tree recursively, level by level,
     * on its OpenMP threads' stacks: a forged tree of 100,001 levels (a chain, 0.3 MB of file) crashed the JVM
     * (SIGSEGV, and a running server with it). Depth-wise trees stop at {@code max-depth} (64 at most); a loss-guided
     * one ({@code max-nodes} without {@code max-depth}) would need thousands of nested splits, each leaving rows on
     * both sides, to come near this.
     */
    static final int MAX_DEPTH = 4_096;

    /** XGBoost's parent of the root: its invalid node id, -1, stored in 31 bits. */
    static final long ROOT_PARENT = Integer.MAX_VALUE;

    private static final List<String> NODE_ARRAYS = List.of("left_children", "right_children", "parents",
            "split_indices", "split_conditions", "default_left", "split_type", "base_weights", "loss_changes",
            "sum_hessian");
    private static final List<String> CATEGORY_ARRAYS = List.of("categories", "categories_nodes",
            "categories_segments", "categories_sizes");

    /**
     * @param root     the booster as read
     * @param features the feature count the model records
     * @return the number of rounds (trees) in the booster
     */
    static int check(Map<?, ?> root, int features) throws Invalid {
        Map<?, ?> learner = map(root, "learner");
        Map<?, ?> objective = map(learner, "objective");
        if (!"binary:logistic".equals(objective.get("name"))) {
            throw new Invalid("its objective is " + objective.get("name") + ", not binary:logistic");
        }
        Map<?, ?> modelParam = map(learner, "learner_model_param");
        requireNumber(modelParam, "num_feature", features);
        // a num_target of -1 or 10^9 made XGBoost allocate without end (8.7 GB in 40 s) while loading
        requireNumber(modelParam, "num_target", 1);
        requireNumber(modelParam, "num_class", 0);
        baseScore(modelParam.get("base_score"));
        for (String names : List.of("feature_names", "feature_types")) {
            Object v = learner.get(names);
            if (v != null && length(v) != 0 && length(v) != features) {
                throw new Invalid("it has " + length(v) + " " + names + " for " + features + " features");
            }
        }
        Map<?, ?> booster = map(learner, "gradient_booster");
        if (!"gbtree".equals(booster.get("name"))) {
            throw new Invalid("its booster is " + booster.get("name") + ", not gbtree");
        }
        Map<?, ?> model = map(booster, "model");
        Object treesValue = model.get("trees");
        if (!(treesValue instanceof List<?> trees) || trees.isEmpty()) {
            throw new Invalid("it has no trees");
        }
        Map<?, ?> gbtreeParam = map(model, "gbtree_model_param");
        requireNumber(gbtreeParam, "num_trees", trees.size());
        requireNumber(gbtreeParam, "num_parallel_tree", 1);
        long[] info = ints(model, "tree_info");
        long[] indptr = ints(model, "iteration_indptr");
        if (info.length != trees.size() || indptr.length != trees.size() + 1) {
            throw new Invalid("its tree_info or iteration_indptr does not match its " + trees.size() + " trees");
        }
        for (int t = 0; t < info.length; t++) {
            if (info[t] != 0 || indptr[t] != t || indptr[t + 1] != t + 1) {
                throw new Invalid("its round " + t + " is not one tree of class 0");
            }
        }
        Object cats = model.get("cats");
        if (cats instanceof Map<?, ?> c) {
            for (Object v : c.values()) {
                if (length(v) != 0) {
                    throw new Invalid("it has categorical features");
                }
            }
        }
        for (int t = 0; t < trees.size(); t++) {
            if (!(trees.get(t) instanceof Map<?, ?> tree)) {
                throw new Invalid("its tree " + t + " is not an object");
            }
            tree(tree, t, features);
        }
        return trees.size();
    }

    static void tree(Map<?, ?> tree, int t, int features) throws Invalid {
        Object id = tree.get("id");
        if (!(id instanceof Long idValue) || idValue != t) {
            throw new Invalid("tree " + t + " has id " + id);
        }
        Map<?, ?> param = map(tree, "tree_param");
        requireNumber(param, "num_feature", features);
        requireNumber(param, "num_deleted", 0);
        long n = number(param, "num_nodes");
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new Invalid("tree " + t + " has " + n + " nodes");
        }
        long leafVector = number(param, "size_leaf_vector");
        if (leafVector > 1 || leafVector < 0) {
            throw new Invalid("tree " + t + " has leaf vectors of " + leafVector);
        }
        for (String a : NODE_ARRAYS) {
            if (length(tree.get(a)) != n) {
                throw new Invalid("tree " + t + "'s " + a + " does not have its " + n + " nodes");
            }
        }
        for (String a : CATEGORY_ARRAYS) {
            if (length(tree.get(a)) != 0) {
                throw new Invalid("tree " + t + " has categorical splits");
            }
        }
        long[] left = ints(tree, "left_children");
        long[] right = ints(tree, "right_children");
        long[] parents = ints(tree, "parents");
        long[] split = ints(tree, "split_indices");
        long[] type = ints(tree, "split_type");
        double[] conditions = reals(tree, "split_conditions");
        if (parents[0] != ROOT_PARENT) {
            throw new Invalid("tree " + t + "'s root has a parent");
        }
        int[] referenced = new int[(int) n];
        int[] depth = new int[(int) n]; // children come after their parent: its depth is known first
        for (int i = 0; i < n; i++) {
            long l = left[i];
            long r = right[i];
            if (l == -1 && r == -1) {
                if (!Double.isFinite(conditions[i])) {
                    // a leaf's value is its score: a NaN one made every row reaching it a "data" error at scoring
                    throw new Invalid("tree " + t + "'s leaf " + i + " has the value " + conditions[i]);
                }
                continue;
            }
            if (l <= i || r <= i || l >= n || r >= n || l == r) {
                throw new Invalid("tree " + t + "'s node " + i + " has children " + l + " and " + r);
            }
            if (depth[i] >= MAX_DEPTH) {
                throw new Invalid("tree " + t + " is deeper than " + MAX_DEPTH + " levels");
            }
            depth[(int) l] = depth[i] + 1;
            depth[(int) r] = depth[i] + 1;
            if (parents[(int) l] != i || parents[(int) r] != i) {
                throw new Invalid("tree " + t + "'s node " + i + " is not its children's parent");
            }
            if (split[i] < 0 || split[i] >= features || type[i] != 0) {
                throw new Invalid("tree " + t + "'s node " + i + " splits on feature " + split[i] + " (type " + type[i] + ")");
            }
            referenced[(int) l]++;
            referenced[(int) r]++;
        }
        for (int i = 1; i < n; i++) {
            if (referenced[i] != 1) {
                throw new Invalid("tree " + t + "'s node " + i + " is the child of " + referenced[i] + " nodes");
            }
        }
    }

    private static Map<?, ?> map(Map<?, ?> parent, String key) throws Invalid {
        if (!(parent.get(key) instanceof Map<?, ?> m)) {
            throw new Invalid("it has no object '" + key + "'");
        }
        return m;
    }

    /**
     * The model's starting probability, which XGBoost 3 writes as a one-value vector ({@code "[1.5E-2]"}; a plain
     * number in older files): one number strictly between 0 and 1, as the logistic loss needs. XGBoost refuses
     * anything else only deep in its code, with its log prefix (clock time and C++ source path) in the message.
     */
    private static void baseScore(Object value) throws Invalid {
        String text = String.valueOf(value).strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v > 0 && v < 1)) {
            throw new Invalid("its base_score is " + Quoting.clipped(String.valueOf(value), 40)
                    + ", not one probability between 0 and 1");
        }
    }

    /** XGBoost writes its parameters as decimal strings. */
    private static long number(Map<?, ?> parent, String key) throws Invalid {
        Object v = parent.get(key);
        try {
            return Long.parseLong(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new Invalid("its " + key + " is " + v + ", not a whole number");
        }
    }

    private static void requireNumber(Map<?, ?> parent, String key, long expected) throws Invalid {
        long v = number(parent, key);
        if (v != expected) {
            throw new Invalid("its " + key + " is " + v + ", not " + expected);
        }
    }

    private static int length(Object v) {
        return switch (v) {
            case long[] a -> a.length;
            case double[] a -> a.length;
            case List<?> l -> l.size();
            case null, default -> -1;
        };
    }

    /** An array of whole numbers, typed or not. */
    private static double[] reals(Map<?, ?> parent, String key) throws Invalid {
        Object v = parent.get(key);
        if (v instanceof double[] a) {
            return a;
        }
        if (v instanceof float[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (v instanceof long[] a) {
            return java.util.Arrays.stream(a).asDoubleStream().toArray();
        }
        if (v instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number x)) {
                    throw new Invalid("its " + key + " holds " + list.get(i) + ", not a number");
                }
                out[i] = x.doubleValue();
            }
            return out;
        }
        throw new Invalid("it has no array '" + key + "'");
    }

    private static long[] ints(Map<?, ?> parent, String key) throws Invalid {
        Object v = parent.get(key);
        if (v instanceof long[] a) {
            return a;
        }
        if (v instanceof List<?> list) {
            long[] out = new long[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Long l)) {
                    throw new Invalid("its " + key + " holds " + list.get(i) + ", not a whole number");
                }
                out[i] = l;
            }
            return out;
        }
        throw new Invalid("it has no array '" + key + "'");
    }
}
