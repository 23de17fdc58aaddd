package dev.rareclass.smile.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.sampling.SamplingInput;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rows NearMiss, Tomek and ENN keep on a fixed 40 × 2 table equal imbalanced-learn 0.10's
 * {@code sample_indices_} (sorted). Computed with:
 * <pre>
 * import numpy as np
 * from imblearn.under_sampling import NearMiss, TomekLinks, EditedNearestNeighbours
 * rng = np.random.default_rng(7)
 * n = 40
 * y = np.zeros(n, dtype=int); y[rng.choice(n, 10, replace=False)] = 1
 * X = rng.normal(size=(n, 2)); X[y == 1] += 0.8
 * X = np.round(X, 3).astype(np.float32).astype(np.float64)
 * for s in [NearMiss(version=1), NearMiss(version=2), NearMiss(version=3), TomekLinks(), EditedNearestNeighbours()]:
 *     s.fit_resample(X, y); print(sorted(s.sample_indices_.tolist()))
 * </pre>
 */
class ImblearnCrossCheckTest {

    private static final double[][] X = {{0.490, 0.357}, {0.105, -0.930}, {0.771, 1.495}, {-1.344, -0.458}, {-1.901, -1.290},
        {-1.842, -0.235}, {-1.267, 0.271}, {0.157, -0.187}, {-1.717, 0.261}, {-0.049, 0.113}, {-1.530, -0.478},
        {-0.979, -0.809}, {1.861, -0.008}, {-0.033, 0.884}, {-0.584, -0.112}, {0.110, 0.064}, {-1.225, 0.076},
        {1.359, -1.547}, {0.859, 0.119}, {-0.641, 2.000}, {1.562, -0.399}, {0.075, 0.577}, {0.611, 1.483},
        {-0.067, 0.667}, {1.439, -0.676}, {0.203, -0.463}, {0.127, -1.187}, {0.221, 0.604}, {0.899, 1.145},
        {-0.524, 0.005}, {1.447, -1.192}, {-0.463, -0.097}, {1.257, 0.689}, {-0.327, -0.369}, {0.550, 2.324},
        {-0.428, -0.304}, {1.153, 0.679}, {-0.197, -1.114}, {-0.012, -0.444}, {1.166, 0.653}};
    private static final int[] Y = {0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1,
        1, 0, 0, 0, 1, 0, 1, 0, 0, 0};
    private static final SamplingInput IN = SamplingInput.numeric(FeatureMatrix.ofRows(X), Labels.of(Y));

    /** Each sampler's {@code sorted(s.sample_indices_.tolist())} from the script above. */
    static Stream<Arguments> keptRows() {
        return Stream.of(
                Arguments.of("near-miss-1",
                        new int[] {0, 2, 8, 9, 12, 13, 18, 20, 21, 22, 23, 24, 27, 28, 29, 30, 32, 34, 36, 39}),
                Arguments.of("near-miss-2",
                        new int[] {0, 2, 7, 8, 9, 12, 13, 15, 18, 20, 21, 22, 23, 27, 29, 30, 32, 34, 36, 39}),
                Arguments.of("near-miss-3",
                        new int[] {2, 5, 6, 8, 12, 14, 16, 17, 18, 19, 20, 22, 26, 27, 29, 30, 31, 34, 35, 36}),
                Arguments.of("tomek",
                        new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 22, 23, 25, 26, 27,
                            28, 29, 30, 32, 33, 34, 35, 36, 37, 38}),
                Arguments.of("enn",
                        new int[] {1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 15, 20, 22, 25, 26, 27, 29, 30, 33, 34, 35, 36, 37, 38}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keptRows")
    void keepsTheRowsImblearnKeeps(String sampler, int[] kept) {
        assertThat(SamplerFixtures.run(sampler, IN, 0).origin()).containsExactly(kept);
    }
}
