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

    /**
     * A table of categories only (car evaluation): the minority rows form two groups, six (a, a) rows then four (b, b),
     * so each row's three nearest minority rows are its own group's and synthetic rows of both groups appear, none mixed. Scaling the one-hot columns
     * by the median std of no continuous column put every row at distance 0 from every other: the neighbours were
     * arbitrary, and synthetic rows mixed the groups or copied a few rows (car: 1,598 rows, 7 distinct).
     */
    @ParameterizedTest
    @ValueSource(strings = {"smote", "smote-tomek", "smote-enn"})
    void withCategoriesOnlyNeighboursAreTheRowsSharingTheMostCategories(String name) {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 80;
        int cols = 4; // two 2-wide blocks
        float[] x = new float[n * cols];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 8 == 0 ? 1 : 0;
            int first = y[i] == 1 ? (i < 48 ? 0 : 1) : rng.nextInt(2); // six (a, a) rows, then four (b, b)
            int second = y[i] == 1 ? first : 1 - first;
            x[i * cols + first] = 1f;
            x[i * cols + 2 + second] = 1f;
        }
        SamplingInput in = new SamplingInput(FeatureMatrix.wrap(n, cols, x), Labels.wrap(y),
                List.of(new CategoricalBlock("a", 0, 2), new CategoricalBlock("b", 2, 2)));
        Resampled r = sampler(name, Map.of("k", "3")).resample(in, 4);
        int[] origin = r.origin();
        int[] groups = new int[2];
        for (int i = 0; i < origin.length; i++) {
            if (origin[i] == -1) {
                float[] row = r.x().row(i);
                assertThat(row[0] == row[2]).as("synthetic row %d mixes the groups", i).isTrue();
                groups[row[0] == 1f ? 0 : 1]++;
            }
        }
        assertThat(groups[0]).as("(a, a) rows").isPositive();
        assertThat(groups[1]).as("(b, b) rows").isPositive();
    }

    /** 40 rows along a line; every third one, from the first, is positive until there are {@code positives}. */
    private static SamplingInput fewPositives(int positives) {
        double[][] x = new double[40][];
        int[] y = new int[40];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 40; i++) {
            x[i] = new double[] {i + rng.nextDouble(), rng.nextGaussian()};
            y[i] = i % 3 == 0 && i / 3 < positives ? 1 : 0;
        }
        return SamplingInput.numeric(FeatureMatrix.ofRows(x), Labels.wrap(y));
    }

    /**
     * imbalanced-learn refuses a k of more neighbours than the minority rows less one ("Expected n_neighbors <=
     * n_samples_fit"); a training part of a cross-validation is not the user's to size, so the SMOTE family caps k
     * there instead, resamples exactly as with that k given, and says so once per distinct cap.
     */
    @ParameterizedTest
    @ValueSource(strings = {"smote", "borderline-smote-1", "borderline-smote-2", "adasyn", "svm-smote", "smote-tomek",
            "smote-enn"})
    void smoteFamilySamplersCapKAtTheMinorityRowsLessOneAndSaySoOnce(String name) {
        var sampler = sampler(name, Map.of());
        Resampled capped = sampler.resample(fewPositives(3), 1);
        Resampled asked = sampler(name, Map.of("k", "2")).resample(fewPositives(3), 1);
        assertThat(capped.x().data()).isEqualTo(asked.x().data());
        assertThat(capped.origin()).isEqualTo(asked.origin());
        assertThat(sampler.notes()).containsExactly(name + " k=5 capped at 2: only 3 positive rows to draw neighbours from");
        sampler.resample(fewPositives(3), 2);
        sampler.resample(fewPositives(4), 3);
        sampler.resample(fewPositives(12), 4); // k=5 fits: no cap
        assertThat(sampler.notes()).containsExactly(
                name + " k=5 capped at 3: only 4 positive rows to draw neighbours from",
                name + " k=5 capped at 2: only 3 positive rows to draw neighbours from");
    }

    @Test
    void aSinglePositiveRowIsRefusedBecauseSmoteHasNothingToInterpolateTowards() {
        assertThatThrownBy(() -> sampler("smote", Map.of()).resample(fewPositives(1), 1))
                .isInstanceOf(DataException.class)
                .hasMessage("sampler smote: only 1 positive row to resample, and SMOTE draws new rows between two; use "
                        + "random-over (in cross-validation, fewer folds can leave each training part 2 or more positive "
                        + "rows)");
        assertThat(sampler("random-over", Map.of()).resample(fewPositives(1), 1).y().positives()).isEqualTo(39);
    }

    @Test
    void samplersThatDoNotInterpolateStillRefuseTooManyNeighbours() {
        SamplingInput rare = fewPositives(3);
        assertThatThrownBy(() -> sampler("near-miss-1", Map.of("k", "4")).resample(rare, 1))
                .isInstanceOf(UsageException.class).hasMessageContaining("k=4").hasMessageContaining("3 minority rows");
        assertThat(sampler("near-miss-1", Map.of("k", "3")).notes()).isEmpty();
    }

    @Test
    void tooFewRowsForTheDefaultNeighboursAreTheDatasFaultNotTheUsers() {
        // near-miss-1 with its default k=3 on 2 positive rows was a usage error (exit 2), though the user chose no k;
        // SMOTE's equivalent (a single positive row) was already a data error
        SamplingInput rare = fewPositives(2);
        for (String name : List.of("near-miss-1", "near-miss-2", "near-miss-3")) {
            assertThatThrownBy(() -> sampler(name, Map.of()).resample(rare, 1)).isInstanceOf(DataException.class)
                    .hasMessage("sampler " + name + ": k=3 neighbours needs more rows, but there are 2 minority rows; lower k");
            assertThatThrownBy(() -> sampler(name, Map.of("k", "3")).resample(rare, 1)).isInstanceOf(UsageException.class)
                    .hasMessage("sampler " + name + ": k=3 neighbours needs more rows, but there are 2 minority rows; lower k");
        }
        SamplingInput tiny = SamplingInput.numeric(FeatureMatrix.ofRows(new double[][] {{0}, {1}, {2}}), Labels.of(0, 0, 1));
        assertThatThrownBy(() -> sampler("enn", Map.of()).resample(tiny, 1)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("sampler enn: k=3 neighbours needs more rows, but there are 3 rows");
        assertThatThrownBy(() -> sampler("enn", Map.of("k", "3")).resample(tiny, 1)).isInstanceOf(UsageException.class);
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
        for (String bad : List.of("0", "-0.5", "1.5", "inf")) {
            assertThatThrownBy(() -> sampler("smote", Map.of("ratio", bad)))
                    .isInstanceOf(UsageException.class).hasMessageContaining("ratio=" + bad).hasMessageContaining("(0, 1]");
        }
        // what only Java reads as a number is none here, as in a table (Decimals)
        for (String bad : List.of("NaN", "0x1p-1", "0.5d")) {
            assertThatThrownBy(() -> sampler("smote", Map.of("ratio", bad)))
                    .isInstanceOf(UsageException.class).hasMessage("parameter ratio=" + bad + " is not a number");
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
