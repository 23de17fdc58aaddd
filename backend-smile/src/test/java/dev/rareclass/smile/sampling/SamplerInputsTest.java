package dev.rareclass.smile.sampling;

import static dev.rareclass.smile.sampling.SamplerFixtures.gaussian;
import static dev.rareclass.smile.sampling.SamplerFixtures.sampler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.sampling.CategoricalBlock;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.SamplerFactory;
import dev.rareclass.domain.sampling.SamplingInput;
import dev.rareclass.smile.SmileModule;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplerInputsTest {

    @Test
    void theModuleRegistersEverySamplerUnderItsName() {
        Map<String, SamplerFactory> samplers = Guice.createInjector(new SmileModule())
                .getInstance(Key.get(new TypeLiteral<Map<String, SamplerFactory>>() { }));
        assertThat(samplers).containsOnlyKeys("random-over", "random-under", "smote", "borderline-smote-1",
                "borderline-smote-2", "adasyn", "svm-smote", "near-miss-1", "near-miss-2", "near-miss-3", "tomek", "enn",
                "smote-tomek", "smote-enn");
        samplers.forEach((name, f) -> assertThat(f.name()).isEqualTo(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"smote", "borderline-smote-1", "borderline-smote-2", "adasyn", "svm-smote", "smote-tomek", "smote-enn"})
    void syntheticRowsHoldExactlyOneCategoryPerOneHotBlock(String name) {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 300;
        int cols = 5; // 2 continuous, then a 3-wide block
        float[] x = new float[n * cols];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 8 == 0 ? 1 : 0;
            x[i * cols] = (float) (rng.nextGaussian() + y[i]);
            x[i * cols + 1] = (float) rng.nextGaussian();
            x[i * cols + 2 + rng.nextInt(3)] = 1f;
        }
        SamplingInput in = new SamplingInput(FeatureMatrix.wrap(n, cols, x), Labels.wrap(y),
                List.of(new CategoricalBlock("colour", 2, 3)));
        Resampled r = sampler(name, Map.of()).resample(in, 9);
        assertThat(r.syntheticRows()).isPositive();
        int[] origin = r.origin();
        for (int i = 0; i < origin.length; i++) {
            if (origin[i] == -1) {
                float[] row = r.x().row(i);
                assertThat(new float[] {row[2], row[3], row[4]}).containsExactlyInAnyOrder(0f, 0f, 1f);
            }
        }
    }

    @Test
    void kAboveTheMinorityCountMinusOneIsAUsageErrorNamingBoth() {
        SamplingInput in = SamplingInput.numeric(FeatureMatrix.ofRows(new double[][] {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}}),
                Labels.of(1, 1, 1, 1, 0, 0, 0, 0));
        SamplingInput rare = SamplingInput.numeric(in.x(), Labels.of(1, 1, 1, 0, 0, 0, 0, 0));
        for (String name : List.of("smote", "borderline-smote-1", "adasyn", "smote-tomek")) {
            assertThatThrownBy(() -> sampler(name, Map.of()).resample(rare, 1))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("k=5").hasMessageContaining("3 minority rows").hasMessageNotContaining("\n");
        }
        assertThat(sampler("smote", Map.of("k", "2")).resample(rare, 1).y().positives()).isEqualTo(5);
        assertThatThrownBy(() -> sampler("near-miss-1", Map.of("k", "4")).resample(rare, 1))
                .isInstanceOf(UsageException.class).hasMessageContaining("k=4").hasMessageContaining("3 minority rows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"random-over", "random-under", "smote", "borderline-smote-1", "adasyn", "svm-smote",
            "near-miss-1", "near-miss-3", "tomek", "enn", "smote-enn"})
    void oneClassOnlyIsADataErrorNamingTheSampler(String name) {
        SamplingInput in = SamplingInput.numeric(FeatureMatrix.ofRows(new double[][] {{0}, {1}, {2}}), Labels.of(0, 0, 0));
        assertThatThrownBy(() -> sampler(name, Map.of()).resample(in, 1))
                .isInstanceOf(DataException.class).hasMessageContaining("sampler " + name + " needs both classes");
    }

    @Test
    void ratioOutsideZeroToOneIsAUsageError() {
        for (String bad : List.of("0", "-0.5", "1.5", "NaN")) {
            assertThatThrownBy(() -> sampler("smote", Map.of("ratio", bad)))
                    .isInstanceOf(UsageException.class).hasMessageContaining("ratio=" + bad).hasMessageContaining("(0, 1]");
        }
    }

    @Test
    void aRatioBelowTheCurrentBalanceIsAUsageErrorForOverAndUnderSamplers() {
        SamplingInput in = gaussian(200, 2, 0.3, 1);
        assertThatThrownBy(() -> sampler("smote", Map.of("ratio", "0.05")).resample(in, 1))
                .isInstanceOf(UsageException.class).hasMessageContaining("raise ratio");
        assertThatThrownBy(() -> sampler("random-under", Map.of("ratio", "0.05")).resample(in, 1))
                .isInstanceOf(UsageException.class).hasMessageContaining("raise ratio");
    }

    @Test
    void unknownParametersAreRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> sampler("smote", Map.of("neighbours", "3")))
                .isInstanceOf(UsageException.class).hasMessage("unknown parameter 'neighbours' for sampler smote; known: k, ratio");
        assertThatThrownBy(() -> sampler("tomek", Map.of("ratio", "0.5")))
                .isInstanceOf(UsageException.class).hasMessageContaining("for sampler tomek");
    }
}
