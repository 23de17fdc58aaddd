package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdenticalRowsTest {

    private static final LabelMapping LABEL = new LabelMapping("y", "1", "0");

    /** Two splits of scores drawn from {@code seed}: the same seed gives the same scores. */
    private static LeaderboardRow row(String model, Map<String, String> params, String sampler, String weight, long seed) {
        List<FoldOutcome> folds = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            SplittableRandom rng = new SplittableRandom(seed * 10 + f);
            int[] y = new int[100];
            double[] s = new double[100];
            for (int i = 0; i < 100; i++) {
                y[i] = i % 10 == 0 ? 1 : 0;
                s[i] = rng.nextDouble() * 0.7 + 0.3 * y[i];
            }
            folds.add(new FoldOutcome(0, f, 200, 100, 10, 0.5, 0.1, BinaryMetrics.compute(y, s, 0.5, true),
                    new LabelledScores("t.csv", LABEL, y, s)));
        }
        return new LeaderboardRow(model, "smile", Hyperparameters.of(params), sampler, weight, folds, false, Double.NaN);
    }

    private static Leaderboard board(LeaderboardRow... rows) {
        return new Leaderboard("t.csv", "stratified 2-fold", 1, MetricName.PR_AUC, List.of(rows));
    }

    @Test
    void rowsWithIdenticalScoresAfterABalancingSamplerAreNamedWithTheReason() {
        Leaderboard b = board(row("random-forest", Map.of(), "none", "none", 1),
                row("random-forest", Map.of(), "smote", "none", 2), row("random-forest", Map.of(), "smote", "balanced", 2));
        assertThat(IdenticalRows.warnings(b)).containsExactly("warning: leaderboard rows #2 random-forest@smile +smote "
                + "and #3 random-forest@smile +smote w=balanced gave identical scores on every split: sampler smote "
                + "balances the classes of every training part (ratio 1), so balanced class weights come out 1:1, the "
                + "same as none; they are one configuration counted twice");
    }

    @Test
    void aUniformFixedWeightAndASamplerThatChangedNothingAreExplainedToo() {
        List<String> uniform = IdenticalRows.warnings(board(row("decision-tree", Map.of(), "none", "none", 3),
                row("decision-tree", Map.of(), "none", "2:2", 3)));
        assertThat(uniform).singleElement().asString().contains("class weight 2:2 weighs both classes alike");
        List<String> unchanged = IdenticalRows.warnings(board(row("decision-tree", Map.of(), "none", "none", 4),
                row("decision-tree", Map.of(), "tomek", "none", 4), row("decision-tree", Map.of(), "enn", "none", 4)));
        assertThat(unchanged).singleElement().asString()
                .startsWith("warning: leaderboard rows #1 decision-tree@smile, #2 decision-tree@smile +tomek and "
                        + "#3 decision-tree@smile +enn gave identical scores")
                .contains("samplers tomek and enn left the training rows as they were, the same as none")
                .endsWith("one configuration counted 3 times");
    }

    @Test
    void theSameConfigurationListedTwiceSaysSoInsteadOfAnEmptyReason() {
        // compare --models random-forest,random-forest: before, "gave identical scores on every split: ; they are ..."
        assertThat(IdenticalRows.warnings(board(row("random-forest", Map.of(), "none", "none", 5),
                row("random-forest", Map.of(), "none", "none", 5)))).containsExactly("warning: leaderboard rows "
                + "#1 random-forest@smile and #2 random-forest@smile gave identical scores on every split: the same "
                + "model, sampler and class weight were listed more than once; they are one configuration counted twice");
    }

    @Test
    void differentScoresDifferentModelsOrDifferentParametersAreNotFlagged() {
        assertThat(IdenticalRows.warnings(board(row("random-forest", Map.of(), "smote", "none", 5),
                row("random-forest", Map.of(), "smote", "balanced", 6)))).isEmpty();
        // the same scores from another model, or from another tuning trial, are a coincidence worth no warning here
        assertThat(IdenticalRows.warnings(board(row("random-forest", Map.of(), "none", "none", 7),
                row("decision-tree", Map.of(), "none", "balanced", 7)))).isEmpty();
        assertThat(IdenticalRows.warnings(board(row("random-forest", Map.of("trees", "10"), "none", "none", 8),
                row("random-forest", Map.of("trees", "20"), "none", "none", 8)))).isEmpty();
    }
}
