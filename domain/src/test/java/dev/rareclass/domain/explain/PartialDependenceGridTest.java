package dev.rareclass.domain.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The numeric grid of partial dependence is scikit-learn's. Reference from scikit-learn 1.2.1:
 * <pre>
 * from sklearn.inspection._partial_dependence import _grid_from_X
 * x = np.array([0.5, 3.25, 1, 8, 2.5, 7, 4, 6.5, 0.25, 9.75, 5, 2, 3.5, 11, 1.5])
 * _grid_from_X(x.reshape(-1, 1), (0.05, 0.95), [False], 5)[1][0]
 *   -> [0.29000000000000004, 2.9175000000000004, 5.545000000000001, 8.172500000000001, 10.8]
 * _grid_from_X(x.reshape(-1, 1), (0.05, 0.95), [False], 15)[1][0]   (15 distinct values: linspace, not them)
 *   -> 15 points from 0.29000000000000004, 1.040714285714286, 1.7914285714285716 to 10.8
 * _grid_from_X(x.reshape(-1, 1), (0.05, 0.95), [False], 16)[1][0]   -> the 15 distinct values
 * </pre>
 * numpy.percentile(x, [5, 95]) would give 0.425 and 10.125 instead.
 */
class PartialDependenceGridTest {

    private static final float[] X = {0.5f, 3.25f, 1f, 8f, 2.5f, 7f, 4f, 6.5f, 0.25f, 9.75f, 5f, 2f, 3.5f, 11f, 1.5f};

    @Test
    void numericGridIsScikitLearnsMquantilesLinspace() {
        assertThat(PartialDependence.grid(X, 5)).containsExactly(0.29000000000000004, 2.9175000000000004,
                5.545000000000001, 8.172500000000001, 10.8);
    }

    @Test
    void asManyDistinctValuesAsPointsStillGetTheLinspace() {
        double[] grid = PartialDependence.grid(X, 15);
        assertThat(grid).hasSize(15);
        assertThat(grid[0]).isEqualTo(0.29000000000000004);
        assertThat(grid[1]).isEqualTo(1.040714285714286);
        assertThat(grid[2]).isEqualTo(1.7914285714285716);
        assertThat(grid[14]).isEqualTo(10.8);
    }

    @Test
    void fewerDistinctValuesThanPointsAreTheGrid() {
        assertThat(PartialDependence.grid(X, 16)).containsExactly(0.25, 0.5, 1, 1.5, 2, 2.5, 3.25, 3.5, 4, 5, 6.5, 7,
                8, 9.75, 11);
    }
}
