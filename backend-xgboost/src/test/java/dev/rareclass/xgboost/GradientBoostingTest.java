package dev.rareclass.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GradientBoostingTest {

    static final Synthetic.Set TRAIN = Synthetic.rare(1500, 8, 1);
    static final Synthetic.Set VALID = Synthetic.rare(500, 8, 2);
    static final Synthetic.Set TEST = Synthetic.rare(1000, 8, 3);

    static TrainedClassifier train(TrainingContext ctx, String... params) {
        return new GradientBoostingFactory().create(Hyperparameters.parse(List.of(params))).train(TRAIN.x(), TRAIN.y(), ctx);
    }

    static double[] scores(TrainingContext ctx, String... params) {
        return train(ctx, params).scores(TEST.x());
    }

    @Test
    void maxNodesBoundsEveryTreesLeavesWhateverItsDepth() throws Exception {
        XgboostClassifier leafWise = (XgboostClassifier) train(TrainingContext.ofSeed(7), "trees=10", "max-nodes=5",
                "max-depth=0");
        String[] trees = ml.dmlc.xgboost4j.java.XGBoost.loadModel(leafWise.boosterBytes()).getModelDump((String) null, false);
        assertThat(trees).hasSize(10).allSatisfy(tree -> assertThat(tree.split("leaf=", -1).length - 1).isBetween(2, 5));
        // some tree is deeper than a level-wise tree of 5 leaves could be (depth 3 holds up to 8 leaves)
        assertThat(Arrays.stream(trees).mapToInt(GradientBoostingTest::depth).max().orElseThrow()).isGreaterThanOrEqualTo(3);
        assertThat(leafWise.scores(TEST.x())).isNotEqualTo(train(TrainingContext.ofSeed(7), "trees=10").scores(TEST.x()));
        // inspect's structure line says so: max-depth=0 is no limit, not a depth of 0
        assertThat(leafWise.summary()).contains("no depth limit, at most 5 leaves per tree").doesNotContain("max depth 0");
    }

    /** A dumped tree's depth: its lines are indented by one tab per level. */
    private static int depth(String dump) {
        return dump.lines().mapToInt(line -> (int) line.chars().takeWhile(c -> c == '\t').count()).max().orElse(0);
    }

    @Test
    void scoresAreProbabilitiesThatRankTheRareClass() {
        TrainedClassifier model = train(TrainingContext.ofSeed(7));
        double[] p = model.scores(TEST.x());
        assertThat(model.scoreKind()).isEqualTo(ScoreKind.PROBABILITY);
        assertThat(model.id().toString()).isEqualTo("gradient-boosting@xgboost");
        assertThat(p).hasSize(TEST.y().size());
        assertThat(Arrays.stream(p).allMatch(v -> v >= 0 && v <= 1)).isTrue();
        assertThat(rocAuc(p, TEST.y())).isGreaterThan(0.85);
        assertThat(model.history()).get().extracting(h -> h.epochs().size()).isEqualTo(100);
        assertThat(model.summary()).contains("100 rounds").contains("8 features");
    }

    /**
     * Rows and columns are drawn at random (subsample and colsample below 1) so that the seed matters: the same
     * seed gives the same scores, bit for bit, with 1, 2 or 4 threads (tree_method=hist); another seed other ones.
     */
    /**
     * With the default threads a fit takes its share of the cores anew before every round; here another fit
     * "starts" after round 10 and "ends" after round 30 (as compare's folds do), so the share changes twice in the
     * middle of the fit, and the model is the one a fit alone makes.
     */
    @Test
    void aFitWhoseShareOfTheCoresChangesMidwayMakesTheSameModel() {
        String[] sampled = {"subsample=0.7", "colsample=0.6", "trees=60"};
        double[] alone = scores(TrainingContext.ofSeed(11), sampled);
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> shares = new CopyOnWriteArrayList<>();
        TrainingContext ctx = TrainingContext.ofSeed(11).withProgress((task, done, total) -> {
            if (done == 10) {
                XgboostRuntime.fitStarted(0); // another fit beside this one
                shares.add(XgboostRuntime.threadsNow(0));
            } else if (done == 30) {
                XgboostRuntime.fitDone();
                shares.add(XgboostRuntime.threadsNow(0));
            }
        });
        assertThat(scores(ctx, sampled)).containsExactly(alone);
        assertThat(shares).containsExactly(Math.max(1, cores / 2), cores);
    }

    @Test
    void theSameSeedGivesTheSameScoresWhateverTheThreads() {
        String[] sampled = {"subsample=0.7", "colsample=0.6", "trees=60"};
        double[] one = scores(TrainingContext.ofSeed(11), with(sampled, "threads=1"));
        assertThat(scores(TrainingContext.ofSeed(11), with(sampled, "threads=1"))).containsExactly(one);
        assertThat(scores(TrainingContext.ofSeed(11), with(sampled, "threads=2"))).containsExactly(one);
        assertThat(scores(TrainingContext.ofSeed(11), with(sampled, "threads=4"))).containsExactly(one);
        assertThat(scores(TrainingContext.ofSeed(12), with(sampled, "threads=1"))).isNotEqualTo(one);
        // the seed parameter wins over the run's seed
        assertThat(scores(TrainingContext.ofSeed(99), with(sampled, "seed=11"))).containsExactly(one);
        // negative seeds (fold seeds can be) are seeds like any other
        assertThat(scores(TrainingContext.ofSeed(-5), sampled)).containsExactly(scores(TrainingContext.ofSeed(-5), sampled));
    }

    @Test
    void withValidationRowsTheSameSeedAndThreadsStillAgree() {
        TrainingContext ctx = TrainingContext.ofSeed(3).withValidation(VALID.x(), VALID.y());
        TrainedClassifier a = train(ctx, "subsample=0.8", "threads=1", "early-stopping=5");
        TrainedClassifier b = train(ctx, "subsample=0.8", "threads=3", "early-stopping=5");
        assertThat(b.scores(TEST.x())).containsExactly(a.scores(TEST.x()));
        assertThat(b.history()).isEqualTo(a.history());
    }

    @Test
    void classWeightsMoveScoresTowardsTheWeightedClass() {
        double[] plain = scores(TrainingContext.ofSeed(5));
        double[] weighted = scores(TrainingContext.ofSeed(5).withClassWeights(new ClassWeights(9, 1)));
        assertThat(mean(weighted)).isGreaterThan(mean(plain) * 1.1);
        assertThat(positivesAtHalf(weighted)).isGreaterThan(positivesAtHalf(plain));
        // only the ratio matters: scale_pos_weight = positive / negative
        assertThat(scores(TrainingContext.ofSeed(5).withClassWeights(new ClassWeights(18, 2)))).containsExactly(weighted);
        assertThat(GradientBoostingFactory.scalePosWeight(new ClassWeights(3, 0.5))).isEqualTo(6.0);
        assertThat(new GradientBoostingFactory().supportsClassWeights()).isTrue();
    }

    @Test
    void earlyStoppingStopsAndScoresWithTheBestRound() {
        TrainingContext ctx = TrainingContext.ofSeed(4).withValidation(VALID.x(), VALID.y());
        TrainedClassifier stopped = train(ctx, "trees=500", "learning-rate=0.3", "early-stopping=10");
        TrainingHistory h = stopped.history().orElseThrow();
        assertThat(h.epochs().size()).isLessThan(500);
        assertThat(h.bestEpoch()).isEqualTo(h.epochs().size() - 10);
        double best = h.epochs().get(h.bestEpoch() - 1).values().get("val_loss");
        assertThat(h.epochs()).allSatisfy(e -> assertThat(e.values().get("val_loss")).isGreaterThanOrEqualTo(best));
        assertThat(stopped.summary()).contains(h.bestEpoch() + " rounds of " + h.epochs().size());
        // the kept rounds score as a model trained for exactly that many rounds
        double[] exact = train(ctx, "trees=" + h.bestEpoch()).scores(TEST.x());
        assertThat(stopped.scores(TEST.x())).containsExactly(exact);
    }

    @Test
    void theHistoryHasXgboostsValidationNumbersForLearningCurves() {
        List<String> progress = new CopyOnWriteArrayList<>();
        TrainingContext ctx = TrainingContext.ofSeed(4).withValidation(VALID.x(), VALID.y())
                .withProgress((task, done, total) -> progress.add(task + " " + done + "/" + total));
        TrainingHistory h = train(ctx, "trees=20").history().orElseThrow();
        assertThat(h.epochs()).hasSize(20);
        assertThat(h.bestEpoch()).isEqualTo(20);
        EpochRecord last = h.epochs().get(19);
        assertThat(last.epoch()).isEqualTo(20);
        assertThat(last.values()).containsOnlyKeys("loss", "val_loss", "val_pr_auc");
        assertThat(last.values().get("loss")).isLessThan(h.epochs().get(0).values().get("loss"));
        assertThat(last.values().get("val_pr_auc")).isBetween(0.3, 1.0);
        // val_pr_auc is average precision, as every rareclass PR-AUC, of the model as it was after that round
        int[] yValid = VALID.y().toArray();
        assertThat(last.values().get("val_pr_auc")).isCloseTo(Curves.averagePrecision(yValid,
                train(TrainingContext.ofSeed(4), "trees=20").scores(VALID.x())), within(1e-12));
        assertThat(h.epochs().get(4).values().get("val_pr_auc")).isCloseTo(Curves.averagePrecision(yValid,
                train(TrainingContext.ofSeed(4), "trees=5").scores(VALID.x())), within(1e-12));
        assertThat(progress).first().isEqualTo("gradient-boosting@xgboost rounds 0/20");
        assertThat(progress).last().isEqualTo("gradient-boosting@xgboost rounds 20/20");
        // without validation rows early stopping has nothing to watch: refused, as mlp@dl4j refuses it (it trained
        // every round without a word); a refit, which trains a fixed number of rounds, needs none
        assertThatThrownBy(() -> train(TrainingContext.ofSeed(4), "trees=20", "early-stopping=2"))
                .isInstanceOf(dev.rareclass.domain.error.UsageException.class)
                .hasMessageContaining("early-stopping=val_loss needs validation rows");
        assertThat(train(TrainingContext.ofSeed(4).withFixedEpochs(20), "trees=20", "early-stopping=2").history()
                .orElseThrow().epochs()).hasSize(20).allSatisfy(e -> assertThat(e.values()).containsKey("loss"));
    }

    @Test
    void theTrainingLossIsRecordedOnAboutTwentyRoundsOfALongFitAndAlwaysOnTheLast() {
        TrainingHistory h = train(TrainingContext.ofSeed(4), "trees=100").history().orElseThrow();
        assertThat(h.epochs()).hasSize(100);
        List<Integer> withLoss = h.epochs().stream().filter(e -> e.values().containsKey("loss"))
                .map(EpochRecord::epoch).toList();
        assertThat(withLoss).hasSize(21).startsWith(1, 5, 10).endsWith(95, 100);
        assertThat(h.epochs().get(1).values()).isEmpty();
        // the loss recorded after round 10 is the one a 10-round fit ends with
        assertThat(h.epochs().get(9).values().get("loss")).isEqualTo(
                train(TrainingContext.ofSeed(4), "trees=10").history().orElseThrow().epochs().get(9).values().get("loss"));
        assertThat(GradientBoostingFactory.lossStride(20)).isEqualTo(1);
        assertThat(GradientBoostingFactory.lossStride(1000)).isEqualTo(50);
        // validation loss is on every round (early stopping watches it), the validation PR-AUC on the training loss's
        // rounds; a fit stopped between two of them still ends with both
        TrainingContext ctx = TrainingContext.ofSeed(4).withValidation(VALID.x(), VALID.y());
        TrainingHistory stopped = train(ctx, "trees=400", "early-stopping=3", "learning-rate=0.5").history().orElseThrow();
        assertThat(stopped.epochs()).hasSizeLessThan(400)
                .allSatisfy(e -> assertThat(e.values()).containsKey("val_loss"))
                .allSatisfy(e -> assertThat(e.values().containsKey("val_pr_auc")).isEqualTo(e.values().containsKey("loss")));
        assertThat(stopped.epochs().getLast().values()).containsOnlyKeys("loss", "val_loss", "val_pr_auc");
        TrainingHistory long100 = train(ctx, "trees=100").history().orElseThrow();
        assertThat(long100.epochs().stream().filter(e -> e.values().containsKey("val_pr_auc")).map(EpochRecord::epoch)
                .toList()).hasSize(21).startsWith(1, 5, 10).endsWith(95, 100);
    }

    @Test
    void evaluationLinesAreReadUnderTheHistorysNames() {
        assertThat(GradientBoostingFactory.evaluation("[3]\ttrain-logloss:0.25\ttrain-aucpr:0.9\tval-logloss:0.5\tval-aucpr:nan"))
                .isEqualTo(Map.of("loss", 0.25, "pr_auc", 0.9, "val_loss", 0.5));
    }

    @Test
    void missingValuesAreNaNAndScored() {
        TrainedClassifier model = train(TrainingContext.ofSeed(1), "trees=10");
        float[] row = new float[8];
        Arrays.fill(row, Float.NaN);
        assertThat(model.scores(FeatureMatrix.wrap(1, 8, row))[0]).isBetween(0.0, 1.0);
        assertThat(model.scores(FeatureMatrix.wrap(0, 8, new float[0]))).isEmpty();
        assertThatThrownBy(() -> model.scores(FeatureMatrix.wrap(1, 3, new float[3])))
                .isInstanceOf(DataException.class).hasMessageContaining("trained on 8 feature columns, got 3");
    }

    @Test
    void oneClassIsRefused() {
        Labels none = Labels.wrap(new int[TRAIN.y().size()]);
        assertThatThrownBy(() -> new GradientBoostingFactory().create(Hyperparameters.empty())
                .train(TRAIN.x(), none, TrainingContext.ofSeed(1)))
                .isInstanceOf(DataException.class).hasMessageContaining("needs both classes");
    }

    static String[] with(String[] base, String... more) {
        List<String> out = new ArrayList<>(List.of(base));
        out.addAll(List.of(more));
        return out.toArray(String[]::new);
    }

    static long positivesAtHalf(double[] p) {
        return Arrays.stream(p).filter(v -> v >= 0.5).count();
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    /** ROC AUC by counting pairs: enough for a test. */
    static double rocAuc(double[] s, Labels y) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            if (y.get(i) != 1) {
                continue;
            }
            for (int j = 0; j < s.length; j++) {
                if (y.get(j) == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
