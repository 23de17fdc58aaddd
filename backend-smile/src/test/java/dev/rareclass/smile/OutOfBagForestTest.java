package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainingContext;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.model.cart.DecisionNode;

class OutOfBagForestTest {

    private static final TestData.Set TRAIN = TestData.xor(400, 5, 21);
    private static final TestData.Set TEST = TestData.xor(300, 5, 22);

    /** The options the trainer gives Smile, for these parameters, seed and class weights. */
    private static RandomForest.Options options(Map<String, String> params, TestData.Set data, TrainingContext ctx) {
        RandomForestParams resolved = RandomForestParams.of(Hyperparameters.of(params)).resolvedFor(data.x().cols());
        return SmileTrainers.forestOptions(resolved, ctx, data.y());
    }

    private static SmileRandomForestClassifier classifier(RandomForest forest, Map<String, String> params, int d) {
        return new SmileRandomForestClassifier(forest, RandomForestParams.of(Hyperparameters.of(params)).resolvedFor(d));
    }

    @Test
    void growsTheTreesAndScoresOfSmilesRandomForestFitFromTheSameOptions() {
        TestData.Set rare = rare(TRAIN, 15);
        record Case(String name, TestData.Set data, Map<String, String> params, ClassWeights weights) {
        }
        for (Case c : new Case[] {
                new Case("bootstrap", TRAIN, Map.of("trees", "40"), ClassWeights.NONE),
                new Case("class weights", rare, Map.of("trees", "40"), ClassWeights.balanced(rare.y())),
                new Case("subsample without replacement, best-first", TRAIN,
                        Map.of("trees", "30", "subsample", "0.6", "max-nodes", "12", "node-size", "3"), ClassWeights.NONE),
                new Case("one-hot columns", TestData.oneHotConjunction(500, 31, 0f), Map.of("trees", "30"),
                        ClassWeights.NONE)}) {
            TrainingContext ctx = TrainingContext.ofSeed(11).withClassWeights(c.weights());
            RandomForest.Options options = options(c.params(), c.data(), ctx);
            DataFrame frame = SmileTrainerFactory.labelledFrame(c.data().x(), c.data().y());

            RandomForest smile = RandomForest.fit(Formula.lhs(SmileTrainerFactory.LABEL), frame, options);
            RandomForest ours = OutOfBagForest.grow(frame, SmileTrainerFactory.LABEL, options).forest();

            assertThat(ours.size()).as(c.name()).isEqualTo(smile.size());
            for (int t = 0; t < smile.size(); t++) {
                assertThat(ours.models()[t].tree().toString()).as("%s: tree %d", c.name(), t)
                        .isEqualTo(smile.models()[t].tree().toString());
                // the same out-of-bag rows, votes and posteriors: the same metrics, and so the same tree weights
                assertThat(ours.models()[t].metrics().size()).isEqualTo(smile.models()[t].metrics().size());
                assertThat(ours.models()[t].metrics().accuracy()).isEqualTo(smile.models()[t].metrics().accuracy());
                assertThat(ours.models()[t].metrics().auc()).isEqualTo(smile.models()[t].metrics().auc());
                assertThat(ours.models()[t].weight()).isEqualTo(smile.models()[t].weight());
            }
            assertThat(ours.importance()).as(c.name()).containsExactly(smile.importance());
            assertThat(ours.schema()).isEqualTo(smile.schema());
            assertThat(ours.formula().toString()).isEqualTo(smile.formula().toString());
            assertThat(ours.numClasses()).isEqualTo(2);
            FeatureMatrix test = c.data() == TRAIN || c.data() == rare ? TEST.x() : c.data().x();
            int d = c.data().x().cols();
            assertThat(classifier(ours, c.params(), d).scores(test)).as(c.name())
                    .containsExactly(classifier(smile, c.params(), d).scores(test));
        }
    }

    @Test
    void theTrainerGivesTheSameScoresAsAForestFittedBySmile() {
        Map<String, String> params = Map.of("trees", "25");
        TrainingContext ctx = TrainingContext.ofSeed(3);
        SmileRandomForestClassifier trained = (SmileRandomForestClassifier) SmileTrainers.randomForest()
                .create(Hyperparameters.of(params)).train(TRAIN.x(), TRAIN.y(), ctx);
        RandomForest smile = RandomForest.fit(Formula.lhs(SmileTrainerFactory.LABEL),
                SmileTrainerFactory.labelledFrame(TRAIN.x(), TRAIN.y()), options(params, TRAIN, ctx));

        assertThat(trained.scores(TEST.x())).containsExactly(classifier(smile, params, 5).scores(TEST.x()));
        assertThat(trained.outOfBagScores()).get().satisfies(s -> assertThat(s).hasSize(TRAIN.x().rows()));
    }

    @Test
    void eachRowsOutOfBagScoreIsTheMeanLeafShareOfTheTreesWhoseSampleLeftItOut() {
        for (Map<String, String> params : java.util.List.of(Map.of("trees", "15"),
                Map.of("trees", "15", "subsample", "0.5"))) {
            TrainingContext ctx = TrainingContext.ofSeed(5);
            RandomForest.Options options = options(params, TRAIN, ctx);
            int n = TRAIN.x().rows();
            int[][] samples = new int[options.ntrees()][];
            OutOfBagForest.Grown grown = OutOfBagForest.grow(SmileTrainerFactory.labelledFrame(TRAIN.x(), TRAIN.y()),
                    SmileTrainerFactory.LABEL, options, (s, t) -> samples[t] = s.clone());
            SmileRandomForestClassifier model = classifier(grown.forest(), params, 5);
            DecisionTree[] trees = grown.forest().trees();

            for (int t = 0; t < trees.length; t++) {
                assertSamplesAreTheTreesTrainingRows(trees[t], samples[t], model, TRAIN);
            }
            double[] expected = new double[n];
            int scored = 0;
            for (int i = 0; i < n; i++) {
                Tuple row = Tuple.of(grown.forest().schema(), model.row(TRAIN.x(), i));
                double sum = 0;
                int count = 0;
                for (int t = 0; t < trees.length; t++) {
                    if (samples[t][i] == 0) {
                        sum += SmileTreeClassifier.leafShare(trees[t], row);
                        count++;
                    }
                }
                expected[i] = count == 0 ? Double.NaN : sum / count;
                scored += count > 0 ? 1 : 0;
            }
            assertThat(grown.outOfBag()).as("%s", params).containsExactly(expected);
            // 15 bootstraps leave a row out of all of them with probability (1 - 1/e)^15 ≈ 0.1%; halves, 2^-15
            assertThat(scored).isGreaterThan(n * 95 / 100);
            assertThat(model.outOfBagScores()).isEmpty(); // built from a forest alone, as read from a model file
        }
    }

    @Test
    void aRowThatEveryTreeDrewHasNoOutOfBagScore() {
        Map<String, String> params = Map.of("trees", "2");
        RandomForest.Options options = options(params, TRAIN, TrainingContext.ofSeed(8));
        int[][] samples = new int[2][];
        double[] oob = OutOfBagForest.grow(SmileTrainerFactory.labelledFrame(TRAIN.x(), TRAIN.y()),
                SmileTrainerFactory.LABEL, options, (s, t) -> samples[t] = s.clone()).outOfBag();
        int inEvery = 0;
        for (int i = 0; i < oob.length; i++) {
            boolean drawnByAll = samples[0][i] > 0 && samples[1][i] > 0;
            assertThat(Double.isNaN(oob[i])).as("row %d", i).isEqualTo(drawnByAll);
            inEvery += drawnByAll ? 1 : 0;
            if (!drawnByAll) {
                assertThat(oob[i]).isBetween(0.0, 1.0);
            }
        }
        assertThat(inEvery).isBetween(oob.length / 4, oob.length / 2); // (1 - 1/e)^2 ≈ 40%
    }

    @Test
    void theModelFileDoesNotKeepTheOutOfBagScores() {
        SmileRandomForestClassifier trained = (SmileRandomForestClassifier) SmileTrainers.randomForest()
                .create(Hyperparameters.of(Map.of("trees", "10"))).train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(1));
        SmileModelCodec codec = new SmileModelCodec();
        var back = codec.decode(codec.encode(trained), "random-forest", trained.params(), null);

        assertThat(trained.outOfBagScores()).isPresent();
        assertThat(back.outOfBagScores()).isEmpty();
        assertThat(back.scores(TEST.x())).containsExactly(trained.scores(TEST.x()));
        assertThat(SmileTrainers.randomForest().offersOutOfBagScores()).isTrue();
        assertThat(SmileTrainers.balancedRandomForest().offersOutOfBagScores()).isFalse();
    }

    @Test
    void outOfBagScoresAreACopy() {
        SmileRandomForestClassifier trained = (SmileRandomForestClassifier) SmileTrainers.randomForest()
                .create(Hyperparameters.of(Map.of("trees", "10"))).train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(1));
        double[] first = trained.outOfBagScores().orElseThrow();
        double kept = first[0];
        first[0] = 42;
        assertThat(trained.outOfBagScores().orElseThrow()[0]).isEqualTo(kept);
    }

    /**
     * The sample counts are the tree's own: routing every drawn row to its leaf, weighted by its count, gives back
     * each leaf's class counts, and they add up to the sample's size.
     */
    private static void assertSamplesAreTheTreesTrainingRows(DecisionTree tree, int[] samples,
                                                             SmileRandomForestClassifier model, TestData.Set data) {
        Map<DecisionNode, int[]> routed = new IdentityHashMap<>();
        long drawn = 0;
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] > 0) {
                Tuple row = Tuple.of(tree.schema(), model.row(data.x(), i));
                DecisionNode leaf = (DecisionNode) tree.root().predict(row);
                routed.computeIfAbsent(leaf, l -> new int[2])[data.y().get(i)] += samples[i];
                drawn += samples[i];
            }
        }
        long inLeaves = 0;
        for (Map.Entry<DecisionNode, int[]> e : routed.entrySet()) {
            assertThat(e.getValue()).containsExactly(e.getKey().count());
            inLeaves += Arrays.stream(e.getKey().count()).sum();
        }
        assertThat(inLeaves).isEqualTo(drawn).isEqualTo(Arrays.stream(samples).sum());
    }

    /** The negatives of {@code data} and its first {@code positives} positives. */
    private static TestData.Set rare(TestData.Set data, int positives) {
        int[] negatives = data.y().indicesOf(0);
        int[] keep = Arrays.copyOf(negatives, negatives.length + positives);
        System.arraycopy(data.y().indicesOf(1), 0, keep, negatives.length, positives);
        Labels y = data.y().select(keep);
        return new TestData.Set(data.x().selectRows(keep), y);
    }
}
