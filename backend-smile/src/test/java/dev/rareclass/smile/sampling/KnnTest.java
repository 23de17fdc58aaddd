package dev.rareclass.smile.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnnTest {

    @Test
    void aTreeOfManyLeavesFindsExactlyTheBruteForceNeighbours() {
        int n = 3 * Knn.LEAF + 123; // several leaves and a partial one
        int cols = 6;
        SplittableRandom rng = new SplittableRandom(11);
        float[] x = new float[n * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.rint(rng.nextGaussian() * 4) / 2; // coarse values: many ties and duplicates
        }
        int[] indexed = IntStream.range(0, n).filter(i -> i % 3 != 0).toArray();
        int[] queries = IntStream.range(0, n).filter(i -> i % 7 == 0).toArray();
        int k = 5;
        for (boolean exclude : new boolean[] {false, true}) {
            Knn.Result got = new Knn(x, cols, indexed).query(x, queries, k, exclude);
            for (int q = 0; q < queries.length; q++) {
                int self = queries[q];
                Integer[] expected = Arrays.stream(indexed).filter(r -> !exclude || r != self).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(r -> dist2(x, cols, self, r)).thenComparing(r -> r))
                        .limit(k).toArray(Integer[]::new);
                for (int j = 0; j < k; j++) {
                    assertThat(got.neighbour(q, j)).as("query %d, neighbour %d", self, j).isEqualTo(expected[j]);
                }
            }
        }
    }

    private static float dist2(float[] x, int cols, int a, int b) {
        float s = 0;
        for (int d = 0; d < cols; d++) {
            float t = x[b * cols + d] - x[a * cols + d];
            s += t * t;
        }
        return s;
    }
}
