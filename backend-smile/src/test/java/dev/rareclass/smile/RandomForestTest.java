package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smile.data.Tuple;

class RandomForestTest {

    /** The end of the rounding warning: the models that take any ratio, checked against the bindings in the app. */
    private static final String ANY_RATIO = "(a whole-number ratio weighs as asked, as any ratio does on "
            + "gradient-boosting@xgboost, logistic@dl4j, mlp@dl4j and svm@smile)";

    private static final TestData.Set TRAIN = TestData.xor(800, 5, 21);
    private static final TestData.Set TEST = TestData.xor(400, 5, 22);

    private final SmileTrainerFactory factory = SmileTrainers.randomForest();

    private SmileRandomForestClassifier train(Hyperparameters p, TestData.Set data, TrainingContext ctx) {
        return (SmileRandomForestClassifier) factory.create(p).train(data.x(), data.y(), ctx);
    }

    private SmileRandomForestClassifier train(long seed) {
        return train(Hyperparameters.of(Map.of("trees", "60")), TRAIN, TrainingContext.ofSeed(seed));
    }

    @Test
    void learnsANonlinearXorSetWithHighRocAucOnHeldOutRows() {
        SmileRandomForestClassifier model = train(Hyperparameters.empty(), TRAIN, TrainingContext.ofSeed(7));
        double[] scores = model.scores(TEST.x());

        assertThat(TestData.auc(scores, TEST.y())).isGreaterThan(0.9);
        assertThat(java.util.Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1)).isTrue();
        assertThat(model.scoreKind()).isEqualTo(ScoreKind.PROBABILITY);
        assertThat(model.size()).isEqualTo(100);
        assertThat(model.params().asMap()).containsEntry("mtry", "2").containsEntry("trees", "100");
        assertThat(model.summary()).startsWith("random forest (Smile), 100 trees, mean depth ");
    }

    @Test
    void learnsAConjunctionOfOneHotColumnsAndScoresTheSameAfterTheModelFile() {
        // Smile's ordinal split skips most 0/1 boundaries (see Features.forestFrame); before binary columns
        // went in as nominal, a tree on this data did not split at all and held-out ROC-AUC was about 0.5.
        for (float offset : new float[] {0f, -1.25f}) {
            TestData.Set train = TestData.oneHotConjunction(1500, 31, offset);
            TestData.Set test = TestData.oneHotConjunction(600, 32, offset);
            SmileRandomForestClassifier model = train(Hyperparameters.of(Map.of("trees", "50")), train,
                    TrainingContext.ofSeed(5));
            double[] scores = model.scores(test.x());
            assertThat(TestData.auc(scores, test.y())).as("offset %s", offset).isGreaterThan(0.99);

            SmileModelCodec codec = new SmileModelCodec();
            double[] back = codec.decode(codec.encode(model), "random-forest", model.params(), null).scores(test.x());
            assertThat(back).containsExactly(scores);
        }
    }

    @Test
    void theSameSeedGivesIdenticalScoresAlthoughTreesGrowInParallel() {
        double[] first = train(42).scores(TEST.x());
        for (int repeat = 0; repeat < 3; repeat++) {
            assertThat(train(42).scores(TEST.x())).containsExactly(first);
        }
    }

    @Test
    void theSameSeedGivesIdenticalScoresWhenEveryFeatureIsTriedAtEachSplit() {
        // mtry = d makes Smile search splits in a nested parallel stream; the bootstrap is still per-tree seeded.
        Hyperparameters all = Hyperparameters.of(Map.of("trees", "30", "mtry", "5"));
        double[] first = train(all, TRAIN, TrainingContext.ofSeed(9)).scores(TEST.x());
        assertThat(train(all, TRAIN, TrainingContext.ofSeed(9)).scores(TEST.x())).containsExactly(first);
    }

    @Test
    void aDifferentSeedGivesADifferentForest() {
        assertThat(train(2).scores(TEST.x())).isNotEqualTo(train(1).scores(TEST.x()));
    }

    @Test
    void scoresAreTheMeanLeafFractionAsInScikitLearnNotSmilesSmoothedWeightedVote() {
        // Fully grown trees on distinct values end in pure leaves, so each tree says 0 or 1 and a score
        // is (trees voting positive) / 60: scikit-learn's predict_proba. Smile's own vote smooths leaves
        // ((count + 1) / (n + 2)) and weights trees by out-of-bag accuracy, which gives other values.
        SmileRandomForestClassifier model = train(3);
        double[] scores = model.scores(TEST.x());
        double[] posteriori = new double[2];
        int differ = 0;
        for (int i = 0; i < scores.length; i++) {
            double votes = scores[i] * 60;
            assertThat(Math.abs(votes - Math.rint(votes))).isLessThan(1e-9);
            float[] row = TEST.x().row(i);
            double[] values = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                values[j] = row[j];
            }
            model.forest().predict(Tuple.of(model.forest().schema(), values), posteriori);
            if (Math.abs(posteriori[1] - scores[i]) > 1e-6) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(scores.length / 2);
    }

    @Test
    void scoringFromManyThreadsAtOnceGivesTheSameScores() throws Exception {
        SmileRandomForestClassifier model = train(4);
        TestData.assertScoresTheSameFromManyThreads(model, TEST.x(), 8, 16);
    }

    @Test
    void classWeightsFavouringTheRareClassRaiseItsScores() {
        // 5% positives: the rare-class setting the weights are for
        TestData.Set rare = rareSubset(TRAIN, 20);
        Hyperparameters p = Hyperparameters.of(Map.of("trees", "50"));
        double[] plain = train(p, rare, TrainingContext.ofSeed(5)).scores(TEST.x());
        double[] weighted = train(p, rare, TrainingContext.ofSeed(5)
                .withClassWeights(ClassWeights.balanced(rare.y()))).scores(TEST.x());

        assertThat(factory.supportsClassWeights()).isTrue();
        assertThat(mean(weighted)).isGreaterThan(mean(plain) + 0.1);
    }

    @Test
    void classWeightsBecomeSmilesDownSamplingDivisors() {
        Labels y = Labels.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        java.util.List<String> notes = new java.util.ArrayList<>();
        ProgressListener progress = ProgressListener.notesTo(notes::add);
        assertThat(SmileTrainers.smileClassWeight(ClassWeights.NONE, y, progress)).isNull();
        // balanced: positive 5, negative 10/18; negatives are thinned 9:1, capped at their count
        assertThat(SmileTrainers.smileClassWeight(ClassWeights.balanced(y), y, progress)).containsExactly(9, 1);
        assertThat(notes).isEmpty();
        // what cannot be had is said: 1:4 would thin the one positive 4 times, 100:1 the 9 negatives 100 times
        assertThat(SmileTrainers.smileClassWeight(new ClassWeights(1, 4), y, progress)).containsExactly(1, 1);
        assertThat(SmileTrainers.smileClassWeight(new ClassWeights(100, 1), y, progress)).containsExactly(9, 1);
        assertThat(notes).containsExactly(
                "warning: random-forest@smile down-samples a class a whole number of times (at most its rows), so "
                        + "class weight 1:4 acts as 1:1 " + ANY_RATIO,
                "warning: random-forest@smile down-samples a class a whole number of times (at most its rows), so "
                        + "class weight 100:1 acts as 9:1 " + ANY_RATIO);
        // 1.4:1 was silently the unweighted forest, 3:2 the 2:1 one
        Labels many = Labels.of(new int[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        notes.clear();
        assertThat(SmileTrainers.smileClassWeight(new ClassWeights(1.4, 1), many, progress)).containsExactly(1, 1);
        assertThat(SmileTrainers.smileClassWeight(new ClassWeights(3, 2), many, progress)).containsExactly(2, 1);
        assertThat(SmileTrainers.smileClassWeight(new ClassWeights(3, 1), many, progress)).containsExactly(3, 1);
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).contains("class weight 1.4:1 acts as 1:1");
        assertThat(notes.get(1)).contains("class weight 3:2 acts as 2:1");
    }

    @Test
    void aDecisionTreesRoundedMultiplicitiesAreSaid() {
        Labels y = Labels.of(1, 1, 0, 0, 0, 0);
        java.util.List<String> notes = new java.util.ArrayList<>();
        ProgressListener progress = ProgressListener.notesTo(notes::add);
        assertThat(SmileTrainers.multiplicities(new ClassWeights(2, 1), y, progress)).containsExactly(2, 2, 1, 1, 1, 1);
        assertThat(notes).isEmpty();
        // 3:2 counts each positive twice; 1.4:1 and 0.6:0.4 (1.4999... in binary) count every row once, as no weights
        assertThat(SmileTrainers.multiplicities(new ClassWeights(3, 2), y, progress)).containsExactly(2, 2, 1, 1, 1, 1);
        assertThat(SmileTrainers.multiplicities(new ClassWeights(1.4, 1), y, progress)).containsExactly(1, 1, 1, 1, 1, 1);
        assertThat(SmileTrainers.multiplicities(new ClassWeights(0.6, 0.4), y, progress)).containsExactly(1, 1, 1, 1, 1, 1);
        assertThat(notes).containsExactly(
                "warning: decision-tree@smile counts a row a whole number of times, so class weight 3:2 acts as 2:1 "
                        + ANY_RATIO,
                "warning: decision-tree@smile counts a row a whole number of times, so class weight 1.4:1 acts as 1:1 "
                        + ANY_RATIO,
                "warning: decision-tree@smile counts a row a whole number of times, so class weight 0.6:0.4 acts as "
                        + "1:1 " + ANY_RATIO);
    }

    /** A subsample that draws no row grew trees of no row, whose 0/0 leaf shares scored every row NaN (exit 65). */
    @Test
    void aSubsampleThatDrawsNoRowIsAUsageError() {
        int n = TRAIN.y().size();
        assertThatThrownBy(() -> train(Hyperparameters.of(Map.of("trees", "5", "subsample", "0.0001")), TRAIN,
                TrainingContext.ofSeed(1))).isInstanceOf(UsageException.class)
                .hasMessage("parameter subsample=1.0E-4 draws no row for a tree from these " + n + " training rows; "
                        + "give a larger subsample");
        // one row is enough: the trees it grows score every row
        String one = Double.toString(1.0 / n);
        double[] p = train(Hyperparameters.of(Map.of("trees", "5", "subsample", one)), TRAIN, TrainingContext.ofSeed(1))
                .scores(TRAIN.x());
        assertThat(java.util.Arrays.stream(p).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void anMtryAboveTheColumnCountIsAUsageError() {
        assertThatThrownBy(() -> train(Hyperparameters.of(Map.of("mtry", "6")), TRAIN, TrainingContext.ofSeed(1)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("mtry=6 exceeds the 5 feature columns");
    }

    private static TestData.Set rareSubset(TestData.Set data, int positives) {
        int[] negatives = data.y().indicesOf(0);
        int[] pos = data.y().indicesOf(1);
        int[] keep = new int[negatives.length + positives];
        System.arraycopy(negatives, 0, keep, 0, negatives.length);
        System.arraycopy(pos, 0, keep, negatives.length, positives);
        FeatureMatrix x = data.x().selectRows(keep);
        return new TestData.Set(x, data.y().select(keep));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
