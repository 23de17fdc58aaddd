package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.SparseRows;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smile.classification.LogisticRegression;

/**
 * {@code logistic@smile} on sparse rows: a bag of words (a matrix's sparse companion) and dense matrices mostly of
 * zeros are fitted by Smile's sparse logistic regression, which must give what the dense fit of the same values gives,
 * to the last bit, and score them alike.
 *
 * <p>Speed, measured once (not tested: no timed tests), one dense fit against one sparse fit of generated 0/1 columns
 * on 2 cores shared with other work (load 5 to 7): on 4,000 rows × 2,000 columns 1.2 s and 0.5 s with 1% of ones,
 * 4.3 s and 1.0 s with 10%, 7.2 s and 3.8 s with 25%, 19.0 s and 15.9 s with 50%; on 3,000 × 1,000, 2.8 s and 2.9 s
 * with 50%, 7.9 s and 10.3 s with 75%. Hence {@link Features#SPARSE_SHARE}, well below where they cross; the
 * coefficients were the same to the last bit at every share.
 */
class SparseFitTest {

    private final SmileTrainerFactory factory = SmileTrainers.logistic();

    /** {@code dense} numeric columns (Gaussian) and a bag of {@code words} words, each present with probability 0.05. */
    private static FeatureMatrix text(int n, int dense, int words, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][dense];
        int[][] ids = new int[n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dense; j++) {
                x[i][j] = rng.nextGaussian();
            }
            ids[i] = java.util.stream.IntStream.range(0, words).filter(w -> rng.nextDouble() < 0.05).toArray();
        }
        return FeatureMatrix.ofRows(x).withSparse(SparseRows.ofRows(words, ids));
    }

    /** Positive when the first three words outweigh the next three, with noise: learnable, not separable. */
    private static Labels labels(FeatureMatrix x, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        FeatureMatrix dense = x.densified();
        int first = x.cols();
        int[] y = new int[x.rows()];
        for (int i = 0; i < y.length; i++) {
            double z = 0;
            for (int k = 0; k < 3; k++) {
                z += dense.get(i, first + k) - dense.get(i, first + 3 + k);
            }
            z += first > 0 ? 0.5 * dense.get(i, 0) : 0;
            y[i] = z + rng.nextGaussian() * 0.5 > 0.2 ? 1 : 0;
        }
        return Labels.wrap(y);
    }

    private SmileLogisticClassifier train(FeatureMatrix x, Labels y) {
        return (SmileLogisticClassifier) factory.create(Hyperparameters.empty()).train(x, y, TrainingContext.ofSeed(1));
    }

    private static double[] denseFit(FeatureMatrix x, Labels y) {
        return LogisticRegression.binomial(Features.rows(x.densified()), y.toArray(), LogisticParams.DEFAULTS.toOptions())
                .coefficients();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void aBagOfWordsFitsAsTheDenseMatrixOfItsWordsToTheLastBit(int dense) {
        FeatureMatrix x = text(400, dense, 120, 7 + dense);
        Labels y = labels(x, 3);

        SmileLogisticClassifier sparse = train(x, y);

        assertThat(factory.readsSparseFeatures()).isTrue();
        assertThat(sparse.readsSparseFeatures()).isTrue();
        assertThat(sparse.featureCount()).isEqualTo(dense + 120);
        assertThat(sparse.coefficients()).containsExactly(denseFit(x, y));
        // the words carry the label: the fit is no row of zeros
        assertThat(sparse.coefficients()[dense]).isGreaterThan(0.5);
        assertThat(sparse.coefficients()[dense + 3]).isLessThan(-0.5);
    }

    @Test
    void rowsScoreTheSameFromTheirWordsAsFromTheirDenseColumns() {
        FeatureMatrix x = text(300, 2, 80, 11);
        Labels y = labels(x, 4);
        SmileLogisticClassifier model = train(x, y);
        FeatureMatrix fresh = text(200, 2, 80, 12);

        double[] fromWords = model.scores(fresh);
        double[] fromDense = model.scores(fresh.densified());

        assertThat(fromWords).containsExactly(fromDense);
        assertThat(Arrays.stream(fromWords).distinct().count()).isGreaterThan(100);
        // Smile's dense posterior on the dense rows, as a model read back from its file gives it
        LogisticRegression.Binomial dense = new LogisticRegression.Binomial(model.coefficients(), 0, 1,
                smile.util.IntSet.of(2));
        double[][] rows = Features.rows(fresh.densified());
        for (int i = 0; i < rows.length; i++) {
            assertThat(fromWords[i]).isEqualTo(dense.score(rows[i]));
        }
    }

    @Test
    void aWordNoTrainingRowHoldsKeepsAZeroWeight() {
        // the vocabulary is fitted on other rows than these (a fold): its last word never occurs here
        FeatureMatrix x = text(200, 1, 30, 5);
        SparseRows words = x.sparse().orElseThrow();
        int[][] kept = new int[x.rows()][];
        for (int r = 0; r < kept.length; r++) {
            kept[r] = Arrays.stream(words.row(r)).filter(w -> w != 29).toArray();
        }
        FeatureMatrix without = x.withSparse(SparseRows.ofRows(30, kept));
        Labels y = labels(without, 6);

        SmileLogisticClassifier model = train(without, y);

        assertThat(model.featureCount()).isEqualTo(31);
        assertThat(model.coefficients()).hasSize(32).containsExactly(denseFit(without, y));
        assertThat(model.coefficients()[30]).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.2, 0.6})
    void aDenseMatrixFitsAsBeforeWhateverItsShareOfZeros(double share) {
        // below Features.SPARSE_SHARE the fit goes sparse, above it stays dense: either way the dense fit's numbers
        SplittableRandom rng = new SplittableRandom(9);
        double[][] rows = new double[300][40];
        int[] y = new int[300];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 40; j++) {
                rows[i][j] = rng.nextDouble() < share ? rng.nextGaussian() + 1 : 0;
            }
            y[i] = rows[i][0] + rows[i][1] - rows[i][2] + rng.nextGaussian() > 0.3 ? 1 : 0;
        }
        FeatureMatrix x = FeatureMatrix.ofRows(rows);
        Labels labels = Labels.wrap(y);

        assertThat(Features.mostlyZeros(x)).isEqualTo(share < Features.SPARSE_SHARE);
        assertThat(train(x, labels).coefficients()).containsExactly(denseFit(x, labels));
    }

    @Test
    void aBagOfWordsOfTheWrongWidthIsRefusedNamingBothCounts() {
        FeatureMatrix x = text(100, 1, 20, 2);
        SmileLogisticClassifier model = train(x, labels(x, 1));
        assertThatThrownBy(() -> model.scores(text(5, 1, 21, 3)))
                .isInstanceOf(DataException.class)
                .hasMessage("logistic@smile was trained on 21 feature columns, got 1 and 21 words");
    }

    @Test
    void aModelReadBackScoresABagOfWordsAsTheOneFitted() {
        FeatureMatrix x = text(300, 1, 50, 21);
        Labels y = labels(x, 2);
        TrainedClassifier model = factory.create(Hyperparameters.of(Map.of("lambda", "0.5"))).train(x, y,
                TrainingContext.ofSeed(1));
        SmileModelCodec codec = new SmileModelCodec();
        TrainedClassifier back = codec.decode(codec.encode(model), "logistic", model.params(), null);

        assertThat(back.readsSparseFeatures()).isTrue();
        assertThat(back.scores(x)).containsExactly(model.scores(x));
    }
}
