package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.model.TrainerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings a careful colleague would give: a model no better than chance, an evaluation on its training file, test
 * parts with few positives, leaderboard rows that are one configuration counted twice; and the note that a
 * SMOTE-family sampler had fewer positives than its k asked for.
 */
class ColleagueWarningsTest {

    @TempDir
    Path dir;

    private Path table(String name, long seed, boolean informative) throws Exception {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 800; i++) {
            boolean positive = r.nextDouble() < 0.15;
            double a = r.nextGaussian() + (informative && positive ? 2.5 : 0);
            sb.append(a).append(',').append(r.nextGaussian()).append(',').append(positive ? 1 : 0).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    /**
     * An autoencoder flags what it reconstructs badly; positives that sit in the middle of the negatives reconstruct
     * better than the negatives' own wide spread, so the detector ranks the classes the wrong way round.
     */
    @Test
    void aModelThatRanksTheClassesTheWrongWayRoundIsPointedOut() throws Exception {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < 1000; i++) {
            boolean positive = r.nextDouble() < 0.1;
            double spread = positive ? 0.05 : 1.5;
            sb.append(r.nextGaussian() * spread).append(',').append(r.nextGaussian() * spread).append(',')
                    .append(r.nextGaussian() * spread).append(',').append(positive ? 1 : 0).append('\n');
        }
        Path inverted = Files.writeString(dir.resolve("inverted.csv"), sb);
        CliRun run = CliRun.of("train", inverted.toString(), "--label", "y", "--positive", "1", "--model", "autoencoder",
                "--param", "epochs=5", "--out", dir.resolve("inverted.model").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: validation ROC-AUC 0.").contains("is below 0.5")
                .contains("less unusual, to this anomaly detector, than the negatives");
    }

    /**
     * precision>=P that no threshold reaches on the validation rows keeps the threshold of the highest precision
     * found; train said nothing, so a user who asked for 0.99 took the model for one that met it.
     */
    @Test
    void aPrecisionTargetNoThresholdReachedIsPointedOut() throws Exception {
        // three levels of a, each a seventh positive: every threshold's precision is about 0.14
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 840; i++) {
            sb.append(i % 3).append(',').append(i % 5).append(',').append(i % 7 == 0 ? 1 : 0).append('\n');
        }
        Path data = Files.writeString(dir.resolve("weak.csv"), sb);
        CliRun strict = CliRun.of("train", data.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--threshold", "precision>=0.99", "--out", dir.resolve("strict.model").toString());
        assertThat(strict.exitCode()).as(strict.err()).isZero();
        assertThat(strict.err()).contains("warning: precision>=0.99 was not reached: at the threshold chosen the "
                + "validation rows' precision is 0.");
        CliRun reachable = CliRun.of("train", data.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--threshold", "precision>=0.05", "--out", dir.resolve("reachable.model").toString());
        assertThat(reachable.exitCode()).as(reachable.err()).isZero();
        assertThat(reachable.err()).doesNotContain("was not reached");
    }

    /**
     * --deploy-prevalence moves probabilities to another base rate; an autoencoder's anomaly scores have none, and the
     * flag was dropped without a word (where --calibration is refused): train and compare now say so, and compare
     * still fits the autoencoder beside the models that take it.
     */
    @Test
    void aDeployPrevalenceAnAnomalyDetectorCannotTakeIsPointedOut() throws Exception {
        Path data = table("prevalence.csv", 5, true);
        CliRun trained = CliRun.of("train", data.toString(), "--label", "y", "--positive", "1", "--model", "autoencoder",
                "--param", "epochs=2", "--deploy-prevalence", "0.01", "--out", dir.resolve("ae.model").toString(), "-q");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.err()).contains("warning: --deploy-prevalence does not apply to autoencoder@dl4j: its "
                + "anomaly scores are no probabilities");
        Path report = dir.resolve("prevalence-report");
        CliRun compared = CliRun.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models",
                "logistic,autoencoder", "--param", "autoencoder.epochs=2", "--folds", "2", "--deploy-prevalence", "0.01",
                "--report", report.toString(), "-q");
        assertThat(compared.exitCode()).as(compared.err()).isZero();
        assertThat(compared.err()).containsOnlyOnce("warning: --deploy-prevalence does not apply to autoencoder@dl4j");
        assertThat(compared.out()).contains("logistic@smile").contains("autoencoder@dl4j");
        assertThat(Files.readString(report.resolve("results.json"))).contains("--deploy-prevalence does not apply");
        CliRun logistic = CliRun.of("train", data.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--deploy-prevalence", "0.01", "--out", dir.resolve("lr.model").toString(), "-q");
        assertThat(logistic.err()).doesNotContain("--deploy-prevalence does not apply");
    }

    @Test
    void aModelNoBetterThanChanceIsPointedOut() throws Exception {
        Path noise = table("noise.csv", 1, false);
        CliRun run = CliRun.of("train", noise.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", dir.resolve("noise.model").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: validation ROC-AUC").contains("barely tells the classes apart");
        Path signal = table("signal.csv", 1, true);
        CliRun good = CliRun.of("train", signal.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", dir.resolve("signal.model").toString());
        assertThat(good.exitCode()).isZero();
        assertThat(good.err()).doesNotContain("warning");
    }

    @Test
    void classWeightsASmileTreeRoundsAreSaidOnceInAComparison() throws Exception {
        // 1.4:1 trained the unweighted forest on every fold, and the leaderboard's row said 1.4:1
        Path t = table("weights.csv", 2, true);
        CliRun r = CliRun.of("compare", t.toString(), "--label", "y", "--positive", "1", "--models",
                "random-forest,decision-tree", "--class-weights", "1.4:1,2:1", "--folds", "3", "--jobs", "2",
                "--param", "random-forest.trees=20");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> said = r.err().lines().filter(l -> l.contains("acts as")).toList();
        String anyRatio = "(a whole-number ratio weighs as asked, as any ratio does on gradient-boosting@xgboost, "
                + "logistic@dl4j, mlp@dl4j and svm@smile)";
        assertThat(said).containsExactly(
                "warning: random-forest@smile down-samples a class a whole number of times (at most its rows), so class "
                        + "weight 1.4:1 acts as 1:1 " + anyRatio,
                "warning: decision-tree@smile counts a row a whole number of times, so class weight 1.4:1 acts as 1:1 "
                        + anyRatio);
    }

    /**
     * The warning named "gradient-boosting or logistic", which meant gradient-boosting@xgboost but logistic@smile, a
     * model that takes no class weights at all. The models it names are every bound model that takes class weights,
     * less the two Smile trees that round them.
     */
    @Test
    void theModelsTheRoundingWarningOffersAreTheOnesThatTakeAnyRatio() {
        TrainerCatalog catalog = Guice.createInjector(new AppModule()).getInstance(TrainerCatalog.class);
        List<String> anyRatio = catalog.models().stream().map(catalog::find)
                .filter(TrainerFactory::supportsClassWeights).map(f -> f.id().toString())
                .filter(m -> !m.equals("random-forest@smile") && !m.equals("decision-tree@smile")).sorted().toList();
        // as the warning above lists them
        assertThat(anyRatio).containsExactly("gradient-boosting@xgboost", "logistic@dl4j", "mlp@dl4j", "svm@smile");
    }

    @Test
    void aCategoricalColumnOfNothingButUnseenCategoriesIsPointedOut() throws Exception {
        // every colour recoded (or renamed) since training: exit 0 and silence, each row scored as if it had none
        StringBuilder train = new StringBuilder("a,color,y\n");
        StringBuilder renamed = new StringBuilder("a,color,y\n");
        StringBuilder mixed = new StringBuilder("a,color,y\n");
        Random r = new Random(5);
        for (int i = 0; i < 300; i++) {
            int y = r.nextDouble() < 0.2 ? 1 : 0;
            double a = r.nextGaussian() + y;
            String[] colours = {"red", "green", "blue"};
            train.append(a).append(',').append(colours[i % 3]).append(',').append(y).append('\n');
            renamed.append(a).append(',').append(i % 3 + 1).append(',').append(y).append('\n');
            mixed.append(a).append(',').append(i % 2 == 0 ? "purple" : "red").append(',').append(y).append('\n');
        }
        Path t = Files.writeString(dir.resolve("colours.csv"), train);
        Path model = dir.resolve("colours.model");
        assertThat(CliRun.of("train", t.toString(), "--label", "y", "--positive", "1", "--model", "logistic", "--out",
                model.toString()).exitCode()).isZero();
        CliRun numbers = CliRun.of("evaluate", model.toString(), Files.writeString(dir.resolve("numbers.csv"), renamed)
                .toString(), "-q");
        assertThat(numbers.exitCode()).as(numbers.err()).isZero();
        assertThat(numbers.err()).contains("warning: column 'color': none of its 300 values (such as '1', '2', '3') is "
                + "a category the model saw in training (such as 'blue'): every row encodes it as none of them");
        // some rows' categories still known, or the training file itself: no warning
        CliRun some = CliRun.of("evaluate", model.toString(), Files.writeString(dir.resolve("mixed.csv"), mixed)
                .toString());
        assertThat(some.err()).doesNotContain("is a category the model saw");
        CliRun same = CliRun.of("predict", model.toString(), t.toString(), "--out", dir.resolve("p.csv").toString());
        assertThat(same.err()).doesNotContain("is a category the model saw");
    }

    @Test
    void aComparisonInWhichNoModelBeatsChanceIsPointedOut() throws Exception {
        // train warned of a model no better than chance; compare ranked such models without a word
        Path noise = table("noise-compare.csv", 1, false);
        CliRun r = CliRun.of("compare", noise.toString(), "--label", "y", "--positive", "1", "--models", "logistic",
                "--folds", "3", "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("warning: every model's mean ROC-AUC is within 0\\.0[0-5][0-9] of 0\\.5: none "
                + "tells the classes apart better than chance");
        Path signal = table("signal-compare.csv", 1, true);
        CliRun good = CliRun.of("compare", signal.toString(), "--label", "y", "--positive", "1", "--models", "logistic",
                "--folds", "3", "-q");
        assertThat(good.err()).doesNotContain("better than chance");
    }

    @Test
    void aThresholdThatFlagsNoTestRowIsPointedOut() throws Exception {
        // two identical rows repeated, perfectly separable: the max-F1 threshold of the first fit sat above every score
        // of the refit, and the leaderboard showed recall 0.000 on every fold without a word
        Path dups = Files.writeString(dir.resolve("dups.csv"), "a,b,y\n" + "1.0,2.0,0\n".repeat(300)
                + "3.0,4.0,1\n".repeat(20));
        CliRun r = CliRun.of("compare", dups.toString(), "--label", "y", "--positive", "1", "--models",
                "gradient-boosting@smile,logistic", "--folds", "3", "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: gradient-boosting@smile: its threshold flagged no test row on 3 of 3 "
                + "splits, where recall, precision, f1 and mcc are 0").doesNotContain("warning: logistic")
                // the reason holds for a forest's out-of-bag threshold too, which has no refit
                .contains("a threshold chosen on other rows' scores, a first fit's held-out rows or a forest's "
                        + "out-of-bag scores, can sit above every score of a test part");
        assertThat(r.err()).as("the folds' own hold-out warnings stay the comparison's")
                .doesNotContain("--validation-split 0.2 leaves");
        CliRun cv = CliRun.of("compare", dups.toString(), "--label", "y", "--positive", "1", "--models",
                "gradient-boosting@smile", "--folds", "3", "--threshold-cv", "3", "-q");
        assertThat(cv.err()).doesNotContain("flagged no test row");
    }

    @Test
    void aHoldOutThatLeavesAHandfulOfPositivesOnEitherSideIsPointedOut() throws Exception {
        // --validation-split 0.999 chose the threshold with "a first fit on 2" rows, without a word
        Path t = table("split.csv", 4, true);
        for (String fraction : new String[] {"0.999", "0.001"}) {
            CliRun r = CliRun.of("train", t.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                    "--validation-split", fraction, "--out", dir.resolve("split.model").toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.err()).contains("warning: --validation-split " + fraction + " leaves ")
                    .contains("the threshold is noisy; --threshold-cv 5");
        }
    }

    @Test
    void evaluatingOnTheTrainingFileIsPointedOut() throws Exception {
        Path train = table("train.csv", 2, true);
        Path other = table("other.csv", 3, true);
        Path model = dir.resolve("m.model");
        assertThat(CliRun.of("train", train.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", model.toString(), "-q").exitCode()).isZero();
        Path json = dir.resolve("same.json");
        Path html = dir.resolve("same.html");
        CliRun same = CliRun.of("evaluate", model.toString(), train.toString(), "--json", json.toString(), "--report",
                html.toString());
        assertThat(same.exitCode()).isZero();
        assertThat(same.err()).contains("is the very file this model was trained on");
        // the warning goes with the numbers: in the JSON's warnings (as said on the console) and on the report's page
        String said = same.err().lines().filter(l -> l.contains("very file")).findFirst().orElseThrow();
        var warnings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("warnings");
        assertThat(warnings).hasSize(1);
        assertThat("warning: " + warnings.get(0).asText()).isEqualTo(said);
        assertThat(org.jsoup.Jsoup.parse(html.toFile()).select("#summary p.note").text())
                .isEqualTo("Warning: " + warnings.get(0).asText());
        Path freshJson = dir.resolve("fresh.json");
        CliRun fresh = CliRun.of("evaluate", model.toString(), other.toString(), "--json", freshJson.toString());
        assertThat(fresh.exitCode()).isZero();
        assertThat(fresh.err()).doesNotContain("trained on");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(freshJson.toFile()).get("warnings"))
                .isEmpty();
    }

    /** Cross-validation on a table with few positives says so, even under --quiet, and counts them per part. */
    @Test
    void testPartsWithFewPositivesArePointedOut() throws Exception {
        Path data = table("small.csv", 4, true); // about 120 positives
        CliRun ten = CliRun.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models", "logistic",
                "--folds", "20", "-q");
        assertThat(ten.exitCode()).as(ten.err()).isZero();
        assertThat(ten.err()).startsWith("warning: test parts hold few positives (").contains("use fewer folds");
        CliRun three = CliRun.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models", "logistic",
                "--folds", "3");
        assertThat(three.err()).contains("note: positives per test part: ").doesNotContain("warning");
        assertThat(three.err()).containsPattern("note: positives per test part: [0-9]+ parts? with [0-9]+");
        // one split has no spread: every cell read "± 0.000", as if splits had agreed to three decimals
        CliRun one = CliRun.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models", "logistic",
                "--time-split", "0.3");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out()).contains("(one split: no spread to show)").doesNotContain("±");
        // a test part without positives: it was ranked on a PR-AUC of 0.000, exit 0, warning "(1 with 0) ... all of it"
        CliRun none = CliRun.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models", "logistic",
                "--time-split", "0.001");
        assertThat(none.exitCode()).as(none.err()).isEqualTo(65);
        assertThat(none.err()).contains(data + ": the test part holds no positive row (1 rows): PR-AUC, recall and "
                + "precision are undefined there").doesNotContain("\tat ");
        // the other end: the part a split trains on is too small to hold rows out of (it said "the table has 1 positive")
        StringBuilder rows = new StringBuilder("a,y\n1.5,1\n1.4,1\n0.2,0\n");
        for (int i = 0; i < 97; i++) {
            rows.append(i % 3 == 0 ? "1.3,1\n" : "0.1,0\n");
        }
        Path first3 = Files.writeString(dir.resolve("first3.csv"), rows);
        CliRun tiny = CliRun.of("compare", first3.toString(), "--label", "y", "--positive", "1", "--models", "logistic",
                "--time-split", "0.97");
        assertThat(tiny.exitCode()).as(tiny.err()).isEqualTo(65);
        assertThat(tiny.err()).contains("the rows it fits on (in a comparison, a split's training part) have ");
    }

    /**
     * After a sampler that balances the classes (ratio 1), balanced class weights come out 1:1: the rows with and
     * without them are the same configuration, and the warning names both, even under --quiet.
     */
    @Test
    void leaderboardRowsMadeIdenticalByABalancingSamplerArePointedOut() throws Exception {
        Path data = table("weights.csv", 5, true);
        CliRun run = CliRun.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models",
                "decision-tree", "--samplers", "none,smote", "--class-weights", "none,balanced", "--folds", "3", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> warnings = run.err().lines().filter(l -> l.startsWith("warning: leaderboard rows")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).containsPattern("rows #\\d decision-tree@smile \\+smote and #\\d decision-tree@smile "
                        + "\\+smote w=balanced gave identical scores on every split")
                .contains("sampler smote balances the classes of every training part (ratio 1), so balanced class "
                        + "weights come out 1:1, the same as none");
        // without a sampler, balanced weights change the model: no such warning
        CliRun apart = CliRun.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models",
                "decision-tree", "--class-weights", "none,balanced", "--folds", "3", "-q");
        assertThat(apart.exitCode()).as(apart.err()).isZero();
        assertThat(apart.err()).doesNotContain("identical");
    }

    /** A table of 300 rows of which every 25th (12 in all) is positive. */
    private Path fewPositives(String name, int every) throws Exception {
        Random r = new Random(4);
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 300; i++) {
            boolean positive = i % every == 0;
            sb.append(r.nextGaussian() + (positive ? 2.5 : 0)).append(',').append(r.nextGaussian()).append(',')
                    .append(positive ? 1 : 0).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    /**
     * SMOTE with k above the positives of a training part less one caps k there, and says so once per distinct cap,
     * not once per split and model; a single positive is refused with what to do instead.
     */
    @Test
    void smoteCapsKAtThePositivesATrainingPartHoldsAndSaysSoOncePerCap() throws Exception {
        Path data = fewPositives("few.csv", 25);
        CliRun run = CliRun.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models",
                "logistic,decision-tree", "--samplers", "smote", "--k", "8", "--folds", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> notes = run.err().lines().filter(l -> l.contains("capped")).toList();
        // 2 models x 5 splits resampled training parts of 7 or 8 positives: two notes, not ten
        assertThat(notes).containsExactly("note: smote k=8 capped at 7: only 8 positive rows to draw neighbours from",
                "note: smote k=8 capped at 6: only 7 positive rows to draw neighbours from");

        Path single = fewPositives("single.csv", 100); // 3 positives: a training part keeps 1 after validation
        CliRun refused = CliRun.of("compare", single.toString(), "--label", "y", "--positive", "1", "--models",
                "logistic", "--samplers", "smote", "--folds", "3", "-q");
        assertThat(refused.exitCode()).isEqualTo(65);
        assertThat(refused.err()).contains("sampler smote: only 1 positive row to resample, and SMOTE draws new rows "
                + "between two; use random-over").doesNotContain("Exception");
    }

    /**
     * Every evaluation reports 95% bootstrap intervals and the top of the ranking. Reference, scikit-learn 1.2.1 on the
     * same 2,000 rows (y = 1 when i*37 mod 100 < 3, p = round(((i*7919) mod 1000)/1000*0.6 + 0.4*y, 3)):
     * average_precision_score 0.7286173986063159, roc_auc_score 0.945274914089347; the intervals cover both.
     */
    @Test
    void scoreReportsIntervalsCoveringScikitLearnsValuesAndTheTopOfTheRanking() throws Exception {
        StringBuilder sb = new StringBuilder("y,p\n");
        for (int i = 0; i < 2000; i++) {
            int y = (i * 37) % 100 < 3 ? 1 : 0;
            double p = Math.round((((i * 7919) % 1000) / 1000.0 * 0.6 + 0.4 * y) * 1000) / 1000.0;
            sb.append(y).append(',').append(p).append('\n');
        }
        Path file = Files.writeString(dir.resolve("scores.csv"), sb);
        CliRun run = CliRun.of("score", file.toString(), "--label", "y", "--score", "p", "--positive", "1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(json.path("pr_auc").doubleValue()).isCloseTo(0.7286173986063159,
                org.assertj.core.data.Offset.offset(1e-12));
        var pr = json.path("intervals_95").path("pr_auc");
        assertThat(pr.get(0).doubleValue()).isLessThan(0.7286173986063159);
        assertThat(pr.get(1).doubleValue()).isGreaterThan(0.7286173986063159);
        var roc = json.path("intervals_95").path("roc_auc");
        assertThat(roc.get(0).doubleValue()).isLessThan(0.945274914089347);
        assertThat(roc.get(1).doubleValue()).isGreaterThan(0.945274914089347);
        assertThat(json.path("top_shares")).hasSize(3);
        assertThat(json.path("top_shares").get(0).path("rows").intValue()).isGreaterThanOrEqualTo(20);
        CliRun text = CliRun.of("score", file.toString(), "--label", "y", "--score", "p", "--positive", "1");
        assertThat(text.out()).contains("(95% interval ").contains("Top of the ranking").contains("top 5%")
                .contains("(intervals: 1,000 stratified bootstrap resamples of the rows, seeded)");
    }
}
