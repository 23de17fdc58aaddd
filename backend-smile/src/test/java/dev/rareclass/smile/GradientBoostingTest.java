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
