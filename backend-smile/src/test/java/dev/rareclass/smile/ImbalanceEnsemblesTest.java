package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.smile.sampling.RandomUnderSampling;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import smile.model.cart.DecisionNode;
import smile.model.cart.InternalNode;
import smile.model.cart.Node;

/** The imbalance ensembles' own semantics: what each member is fitted on, SAMME.R's numbers, thread independence. */
class ImbalanceEnsemblesTest {

    /** 1,000 rows, 60 positive, 5 features: positives shifted on the first two. */
    private static final TestData.Set SKEWED = skewed(1000, 60, 5, 3);

    private static TestData.Set skewed(int n, int positives, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < positives ? 1 : 0;
            for (int c = 0; c < d; c++) {
                x[i * d + c] = (float) (rng.nextGaussian() + (c < 2 && y[i] == 1 ? 1.5 : 0));
            }
        }
        return new TestData.Set(FeatureMatrix.wrap(n, d, x), Labels.wrap(y));
    }

    @Test
    void underSamplingKeepsEveryMinorityPositionAndAsManyDistinctMajorityPositions() {
        int[] labels = {1, 0, 0, 0, 0, 1, 0, 0};
        int[] positions = {0, 0, 1, 2, 3, 3, 4, 5, 6, 7, 7}; // a bootstrap: rows 0, 3 and 7 twice
        int[] kept = RandomUnderSampling.balance(positions, labels, new SplittableRandom(1));

        assertThat(kept).hasSize(6); // minority: rows 0, 0, 5 (three positions)
        assertThat(Arrays.copyOf(kept, 3)).containsExactly(0, 0, 5);
        int[] majority = Arrays.copyOfRange(kept, 3, 6);
        assertThat(Arrays.stream(majority).allMatch(r -> labels[r] == 0)).isTrue();
        // three of the eight majority positions {1, 2, 3, 3, 4, 6, 7, 7}: a row appears at most as often as it was drawn
        assertThat(Arrays.stream(majority).filter(r -> r == 1).count()).isLessThanOrEqualTo(1);
        assertThat(Arrays.stream(majority).filter(r -> r == 3).count()).isLessThanOrEqualTo(2);
        // every majority position is drawn at some seed
        boolean[] seen = new boolean[8];
        for (long seed = 0; seed < 200; seed++) {
            int[] k = RandomUnderSampling.balance(positions, labels, new SplittableRandom(seed));
            for (int i = 3; i < 6; i++) {
                seen[k[i]] = true;
            }
        }
        assertThat(IntStream.of(1, 2, 3, 4, 6, 7).allMatch(r -> seen[r])).isTrue();
    }

    /** Class counts summed over a tree's leaves: the (multiplicity-weighted) rows it was grown on. */
    private static int[] grownOn(Node node) {
        if (node instanceof DecisionNode leaf) {
            return leaf.count().clone();
        }
        InternalNode inner = (InternalNode) node;
        int[] a = grownOn(inner.trueChild());
        int[] b = grownOn(inner.falseChild());
        return new int[] {a[0] + b[0], a[1] + b[1]};
    }

    @Test
    void aBalancedForestTreeIsGrownOnABootstrapOfTwiceTheMinority() {
        ImbalanceEnsembles.Data data = new ImbalanceEnsembles.Data(SKEWED.x(), SKEWED.y());
        BalancedForestParams params = BalancedForestParams.DEFAULTS.resolvedFor(5);
        assertThat(params.mtry()).isEqualTo(2);
        int positivesSeen = 0;
        for (long seed = 0; seed < 20; seed++) {
            int[] counts = grownOn(ImbalanceEnsembles.balancedForestTree(data, params, seed).root());
            assertThat(counts[0] + counts[1]).isEqualTo(120); // a bootstrap of the 60 + 60 balanced rows
            positivesSeen += counts[1];
        }
        assertThat(positivesSeen / 20.0).isCloseTo(60, within(8.0)); // half of each bootstrap, on average
    }

    @Test
    void aBalancedBagIsAnUnderSampledBootstrapWithBothClassesEqual() {
        ImbalanceEnsembles.Data data = new ImbalanceEnsembles.Data(SKEWED.x(), SKEWED.y());
        int[] sizes = new int[10];
        for (int seed = 0; seed < 10; seed++) {
            int[] counts = grownOn(ImbalanceEnsembles.balancedBag(data, BalancedBaggingParams.DEFAULTS, seed).root());
            assertThat(counts[0]).isEqualTo(counts[1]);
            sizes[seed] = counts[1];
        }
        // the bootstrap's positives vary around 60 (binomial, sd ~7.5): not always the 60 of the whole set
        assertThat(Arrays.stream(sizes).distinct().count()).isGreaterThan(1);
        assertThat(Arrays.stream(sizes).average().orElseThrow()).isCloseTo(60, within(10.0));
    }

    @Test
    void sammeRMatchesScikitLearnsAdaBoostOnStumps() {
        // sklearn 1.2.1: AdaBoostClassifier(n_estimators=6, learning_rate=LR, random_state=0).fit(x, y) with
        // x = 0..23, y below; its stumps' thresholds, and predict_proba(...)[:, 1] at x = 0, 5, 10, 14.5, 20, 23. With
        // LR=0.5 the third stump (20.5) has two leaves leaning to class 1, 0.504 and 1.0, which Smile's tree would merge.
        int[] y = {0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1};
        float[] x = new float[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        FeatureMatrix matrix = FeatureMatrix.wrap(y.length, 1, x);
        double[] at = {0, 5, 10, 14.5, 20, 23};
        Map<Double, double[]> expected = Map.of(
                1.0, new double[] {0.03722805, 0.43404034, 0.54350411, 0.54350411, 0.21305015, 0.99130157},
                0.5, new double[] {0.00805751, 0.45843217, 0.56787512, 0.56787512, 0.31907062, 0.99476325});
        Map<Double, double[]> thresholds = Map.of(1.0, new double[] {8.5, 2.5, 3.5, 20.5, 19.5, 15.5},
                0.5, new double[] {8.5, 2.5, 20.5, 19.5, 15.5, 3.5});
        for (double lr : new double[] {1.0, 0.5}) {
            WeightedTree[] trees = ImbalanceEnsembles.boostReal(matrix, y, ImbalanceEnsembles.all(y.length), 6, lr, 1, false,
                    new SplittableRandom(0));
            assertThat(Arrays.stream(trees).mapToDouble(t -> t.threshold[0]).toArray()).containsExactly(thresholds.get(lr));
            for (int i = 0; i < at.length; i++) {
                assertThat(SmileImbalanceBoostClassifier.sammeR(trees, new double[] {at[i]})).as("lr %s at %s", lr, at[i])
                        .isCloseTo(expected.get(lr)[i], within(1e-7));
            }
        }
    }

    @Test
    void sammeRStopsAfterAPerfectRound() {
        int[] y = {0, 0, 0, 1, 1, 1};
        FeatureMatrix x = FeatureMatrix.wrap(6, 1, new float[] {0, 1, 2, 3, 4, 5});
        WeightedTree[] trees = ImbalanceEnsembles.boostReal(x, y, ImbalanceEnsembles.all(6), 50, 1.0, 1, false,
                new SplittableRandom(0));
        assertThat(trees).hasSize(1); // as scikit-learn: the perfect stump is kept, then boosting stops
        // a pure leaf: p0 = 0 floored at machine epsilon, so the sigmoid of log(1 / eps)
        assertThat(SmileImbalanceBoostClassifier.sammeR(trees, new double[] {5}))
                .isCloseTo(1 / (1 + ImbalanceEnsembles.EPS), within(1e-15));
    }

    @Test
    void aWeightedTreeMatchesScikitLearnsOnWeightedRows() {
        // sklearn 1.2.1: DecisionTreeClassifier(max_depth=2).fit(X, y, sample_weight=w) on these rows splits feature 0
        // at 0.5, then at 4.5, and predict_proba(X)[:, 1] is 0, 12/13 four times, 0
        float[] x = {0, 0, 1, 3, 2, 1, 3, 2, 4, 0, 5, 3};
        int[] y = {0, 1, 0, 1, 1, 0};
        double[] w = {1, 2, 0.5, 3, 1, 0.25};
        WeightedTree tree = WeightedTree.fit(x, 2, y, new int[] {0, 1, 2, 3, 4, 5}, w, 2);
        assertThat(tree.feature).containsExactly(0, -1, 0, -1, -1);
        assertThat(tree.threshold[0]).isEqualTo(0.5);
        assertThat(tree.threshold[2]).isEqualTo(4.5);
        double[] p1 = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            p1[i] = tree.p1(tree.leaf(new double[] {x[2 * i], x[2 * i + 1]}));
        }
        assertThat(p1).containsExactly(new double[] {0, 12.0 / 13, 12.0 / 13, 12.0 / 13, 12.0 / 13, 0}, within(1e-12));
        assertThat(tree.depth()).isEqualTo(2);
        assertThat(tree.leaves()).isEqualTo(3);
    }

    @Test
    void aStoredWeightedTreeMustBeATree() {
        double[] shares = {0.5, 0.5, 1, 0, 0, 1};
        assertThat(WeightedTree.problem(new int[] {0, -1, -1}, new double[] {1, 0, 0}, new int[] {1, -1, -1},
                new int[] {2, -1, -1}, shares, 1, 1)).isNull();
        assertThat(WeightedTree.problem(new int[] {0, -1, -1}, new double[] {1, 0, 0}, new int[] {0, -1, -1},
                new int[] {2, -1, -1}, shares, 1, 1)).contains("not a valid split"); // a loop to itself
        assertThat(WeightedTree.problem(new int[] {1, -1, -1}, new double[] {1, 0, 0}, new int[] {1, -1, -1},
                new int[] {2, -1, -1}, shares, 1, 1)).contains("not a valid split"); // feature 1 of 1 column
        assertThat(WeightedTree.problem(new int[] {0, -1, -1}, new double[] {Double.NaN, 0, 0}, new int[] {1, -1, -1},
                new int[] {2, -1, -1}, shares, 1, 1)).contains("not a valid split");
        assertThat(WeightedTree.problem(new int[] {0, -1, -1}, new double[] {1, 0, 0}, new int[] {1, -1, -1},
                new int[] {2, -1, -1}, new double[] {0.5, 0.5, 1.5, 0, 0, 1}, 1, 1)).contains("outside [0, 1]");
        assertThat(WeightedTree.problem(new int[] {0, 0, -1, -1}, new double[] {1, 2, 0, 0}, new int[] {1, 2, -1, -1},
                new int[] {2, 3, -1, -1}, new double[8], 1, 2)).contains("node 2 has 2 parents");
        assertThat(WeightedTree.problem(new int[] {0, 0, -1, -1, -1}, new double[] {1, 2, 0, 0, 0}, new int[] {1, 3, -1, -1, -1},
                new int[] {2, 4, -1, -1, -1}, new double[10], 1, 1)).contains("deeper than 1");
    }

    @Test
    void theSameSeedGivesTheSameModelOnOneThreadAsOnMany() throws Exception {
        Map<String, TrainerFactory> kinds = Map.of(
                "balanced-random-forest", SmileTrainers.balancedRandomForest(),
                "balanced-bagging", SmileTrainers.balancedBagging(),
                "easy-ensemble", SmileTrainers.easyEnsemble(),
                "rus-boost", SmileTrainers.rusBoost());
        Map<String, Map<String, String>> params = Map.of(
                "balanced-random-forest", Map.of("trees", "24"), "balanced-bagging", Map.of("trees", "12"),
                "easy-ensemble", Map.of("estimators", "6", "trees", "10"), "rus-boost", Map.of("trees", "20"));
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            for (var e : kinds.entrySet()) {
                var trainer = e.getValue().create(Hyperparameters.of(params.get(e.getKey())));
                TrainedClassifier many = trainer.train(SKEWED.x(), SKEWED.y(), TrainingContext.ofSeed(9));
                // parallel streams started from a pool's worker run in that pool: here, on one thread
                TrainedClassifier one = single.submit(() -> trainer.train(SKEWED.x(), SKEWED.y(), TrainingContext.ofSeed(9))).get();
                assertThat(one.scores(SKEWED.x())).as(e.getKey()).containsExactly(many.scores(SKEWED.x()));
                TrainedClassifier other = trainer.train(SKEWED.x(), SKEWED.y(), TrainingContext.ofSeed(10));
                assertThat(other.scores(SKEWED.x())).as(e.getKey()).isNotEqualTo(many.scores(SKEWED.x()));
            }
        } finally {
            single.shutdown();
        }
    }

    @Test
    void summariesCountMembersAndTrees() {
        TrainedClassifier easy = SmileTrainers.easyEnsemble().create(Hyperparameters.of(Map.of("estimators", "3", "trees", "7")))
                .train(SKEWED.x(), SKEWED.y(), TrainingContext.ofSeed(1));
        assertThat(easy.summary()).contains("3 members").contains("SAMME.R").contains("mean depth 1.0");
        TrainedClassifier forest = SmileTrainers.balancedRandomForest().create(Hyperparameters.of(Map.of("trees", "5")))
                .train(SKEWED.x(), SKEWED.y(), TrainingContext.ofSeed(1));
        assertThat(forest.summary()).contains("5 trees").contains("mtry=2");
        assertThat(forest.params().asMap()).containsEntry("mtry", "2").containsEntry("trees", "5");
    }
}
