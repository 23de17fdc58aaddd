package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smile.regression.RegressionTree;

class GradientBoostingTest {

    private static final TestData.Set TRAIN = TestData.xor(600, 4, 41);

    private static RegressionTree[] trees(String maxDepth) {
        var model = (SmileGradientBoostingClassifier) SmileTrainers.gradientBoosting()
                .create(Hyperparameters.of(Map.of("trees", "20", "max-depth", maxDepth)))
                .train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(1));
        return model.model().trees()[0];
    }

    @Test
    void maxDepthCountsSplitsBelowTheRootAsScikitLearnDoes() {
        // scikit-learn's max_depth=1 is a stump (two leaves); Smile counts the root as depth 1, so we pass depth + 1
        assertThat(trees("1")).allSatisfy(t -> assertThat(t.root().leaves()).isEqualTo(2));
        assertThat(trees("2")).allSatisfy(t -> assertThat(t.root().leaves()).isBetween(2, 4));
        assertThat(Arrays.stream(trees("3")).mapToInt(t -> t.root().leaves()).max().orElseThrow()).isBetween(5, 8);
    }

    @Test
    void aDecisionTreesMaxDepthCountsTheSameWay() {
        var stump = (SmileDecisionTreeClassifier) SmileTrainers.decisionTree()
                .create(Hyperparameters.of(Map.of("max-depth", "1"))).train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(1));
        assertThat(stump.tree().root().leaves()).isEqualTo(2);
        assertThat(stump.summary()).contains("depth 1, 2 leaves");
    }

    /**
     * A small subsample fits rounds whose rows are all fitted with certainty, where Smile's leaf value divides by a zero
     * sum: the leaf was NaN and every row reaching it had "no finite score", blamed on the data row (exit 65). Each fit
     * now either scores every row finitely or is refused naming subsample, as a parameter error; some are refused.
     */
    @Test
    void aRoundWithANonFiniteLeafIsRefusedNamingSubsample() {
        TestData.Set small = TestData.xor(150, 3, 5);
        int refused = 0;
        for (String subsample : new String[] {"0.02", "0.05", "0.1"}) {
            for (long seed = 1; seed <= 4; seed++) {
                var trainer = SmileTrainers.gradientBoosting().create(Hyperparameters.of(Map.of("trees", "100",
                        "subsample", subsample)));
                try {
                    double[] p = trainer.train(small.x(), small.y(), TrainingContext.ofSeed(seed)).scores(small.x());
                    assertThat(Arrays.stream(p).allMatch(Double::isFinite)).as("finite scores").isTrue();
                } catch (dev.rareclass.domain.error.UsageException e) {
                    assertThat(e).hasMessageContaining("fitted a leaf without a finite value")
                            .hasMessageContaining("give a larger subsample than " + subsample);
                    refused++;
                }
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void aDifferentSeedDrawsOtherSubsamples() {
        var factory = SmileTrainers.gradientBoosting();
        var trainer = factory.create(Hyperparameters.of(Map.of("trees", "20", "subsample", "0.5")));
        double[] a = trainer.train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(1)).scores(TRAIN.x());
        double[] b = trainer.train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(2)).scores(TRAIN.x());
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aSeedParameterFixesTheSubsamplesWhateverTheRunsSeed() {
        var trainer = SmileTrainers.gradientBoosting()
                .create(Hyperparameters.of(Map.of("trees", "20", "subsample", "0.5", "seed", "7")));
        var one = trainer.train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(1));
        double[] two = trainer.train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(2)).scores(TRAIN.x());
        assertThat(one.scores(TRAIN.x())).containsExactly(two);
        // the run's seed 7 draws the same subsamples, and the model records its seed
        double[] run7 = SmileTrainers.gradientBoosting().create(Hyperparameters.of(Map.of("trees", "20", "subsample", "0.5")))
                .train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(7)).scores(TRAIN.x());
        assertThat(two).containsExactly(run7);
        assertThat(one.params().asMap()).containsEntry("seed", "7");
        SmileModelCodec codec = new SmileModelCodec();
        assertThat(codec.decode(codec.encode(one), "gradient-boosting", one.params(), null).params()).isEqualTo(one.params());
    }
}
