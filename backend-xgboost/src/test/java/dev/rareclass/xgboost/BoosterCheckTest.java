package dev.rareclass.xgboost;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoosterCheckTest {

    /**
     * A tree that is a chain: node i splits into a leaf (i + 1, for odd ids) and the next split, {@code splits}
     * levels deep, in XGBoost's arrays.
     */
    private static Map<String, Object> chain(int splits) {
        int n = 2 * splits + 1;
        long[] left = new long[n];
        long[] right = new long[n];
        long[] parents = new long[n];
        java.util.Arrays.fill(left, -1);
        java.util.Arrays.fill(right, -1);
        parents[0] = BoosterCheck.ROOT_PARENT;
        for (int level = 0; level < splits; level++) {
            int node = 2 * level; // the split of this level; its leaf is node + 1, the next split node + 2
            left[node] = node + 1;
            right[node] = node + 2;
            parents[node + 1] = node;
            parents[node + 2] = node;
        }
        Map<String, Object> tree = new HashMap<>();
        tree.put("id", 0L);
        tree.put("tree_param", Map.of("num_feature", "3", "num_deleted", "0", "num_nodes", Integer.toString(n),
                "size_leaf_vector", "1"));
        tree.put("left_children", left);
        tree.put("right_children", right);
        tree.put("parents", parents);
        for (String a : new String[] {"split_indices", "split_type"}) {
            tree.put(a, new long[n]);
        }
        for (String a : new String[] {"split_conditions", "base_weights", "loss_changes", "sum_hessian"}) {
            tree.put(a, new double[n]);
        }
        tree.put("default_left", new long[n]);
        for (String a : new String[] {"categories", "categories_nodes", "categories_segments", "categories_sizes"}) {
            tree.put(a, new long[0]);
        }
        return tree;
    }

    @Test
    void aTreeDeeperThanXgboostsPredictorCanWalkIsRefused() {
        // 100,001 levels crashed the JVM in XGBoost's batch prediction (its recursion ran off a thread's stack)
        assertThatCode(() -> BoosterCheck.tree(chain(BoosterCheck.MAX_DEPTH), 0, 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BoosterCheck.tree(chain(BoosterCheck.MAX_DEPTH + 1), 0, 3))
                .isInstanceOf(BoosterCheck.Invalid.class).hasMessage("tree 0 is deeper than 4096 levels");
        assertThatThrownBy(() -> BoosterCheck.tree(chain(100_000), 0, 3))
                .isInstanceOf(BoosterCheck.Invalid.class).hasMessage("tree 0 is deeper than 4096 levels");
    }

    @Test
    void aLeafWithoutAFiniteValueIsRefused() {
        // a NaN leaf off the zero row's path passed the load and blamed the data of every row reaching it
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            Map<String, Object> tree = chain(3);
            ((double[]) tree.get("split_conditions"))[3] = bad; // node 3: the second level's leaf
            assertThatThrownBy(() -> BoosterCheck.tree(tree, 0, 3)).isInstanceOf(BoosterCheck.Invalid.class)
                    .hasMessage("tree 0's leaf 3 has the value " + bad);
        }
        Map<String, Object> split = chain(3);
        ((double[]) split.get("split_conditions"))[2] = Double.NaN; // a split's condition is not a leaf's value
        assertThatCode(() -> BoosterCheck.tree(split, 0, 3)).doesNotThrowAnyException();
    }
}
