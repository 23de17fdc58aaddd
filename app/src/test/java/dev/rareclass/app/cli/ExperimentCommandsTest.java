package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare, tune and run on a small generated table with fast Smile models. */
class ExperimentCommandsTest {

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void writeTable() throws IOException {
        data = GeneratedCsv.write(dir.resolve("events.csv"), 800, 6, 4, 0.08, 5, "a,b,c,d,e,f,event", "yes", "no");
    }

    @Test
    void compareWritesALeaderboardWithSignificanceAndIsTheSameForAnyNumberOfJobs() throws IOException {
        Path one = dir.resolve("cmp1");
        Path two = dir.resolve("cmp2");
        String[] base = {"compare", data.toString(), "--label", "event", "--positive", "yes", "--models",
            "logistic,random-forest", "--param", "random-forest.trees=30", "--class-weights", "none,balanced",
            "--folds", "4"};
        CliRun a = CliRun.of(concat(base, "--jobs", "1", "--report", one.toString()));
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(a.out()).contains("stratified 4-fold").contains("random-forest@smile w=balanced");
        CliRun b = CliRun.of(concat(base, "--jobs", "2", "--report", two.toString()));
        assertThat(b.exitCode()).as(b.err()).isZero();
        List<String> csv = Files.readAllLines(one.resolve("leaderboard.csv"));
        assertThat(csv.get(0)).startsWith("rank,model,backend,params,sampler,class_weight,pr_auc_mean,pr_auc_std,roc_auc_mean,roc_auc_std,mcc_mean")
                .contains("fit_seconds_mean,worse_than_best");
        // logistic@smile takes no class weights: that combination is skipped with a warning, three run; the results
        // file and the report say so too (they carried no trace of it)
        assertThat(csv).hasSize(1 + 3);
        String skip = "skipped logistic with sampler none and class weight balanced";
        assertThat(new ObjectMapper().readTree(one.resolve("results.json").toFile()).path("warnings").toString())
                .contains(skip);
        assertThat(Files.readString(one.resolve("summary.md"))).contains("**Warning:** " + skip);
        assertThat(Files.readString(one.resolve("report.html"))).contains("Warning: " + skip);
        assertThat(a.err()).contains("warning: " + skip)
                // the same kind on the backend that takes them, named
                .contains("logistic@smile cannot take class weights; use the class weight 'none', or a sampler; "
                        + "logistic@dl4j takes them");
        JsonNode r1 = new ObjectMapper().readTree(one.resolve("results.json").toFile());
        JsonNode r2 = new ObjectMapper().readTree(two.resolve("results.json").toFile());
        for (int i = 0; i < 3; i++) {
            assertThat(r2.path("rows").get(i).path("pr_auc_mean").asDouble()).isEqualTo(r1.path("rows").get(i).path("pr_auc_mean").asDouble());
            assertThat(r2.path("rows").get(i).path("folds").get(2).path("metrics").path("mcc").asDouble())
                    .isEqualTo(r1.path("rows").get(i).path("folds").get(2).path("metrics").path("mcc").asDouble());
        }
        assertThat(r1.path("rows").get(0).path("folds")).hasSize(4);
        assertThat(r1.path("rows").get(1).has("p_value")).isTrue();
    }

    @Test
    void tuneRanksTrialsAndRefitsTheBest() throws IOException {
        Path space = dir.resolve("space.yaml");
        Files.writeString(space, "trees: [10, 40]\nmax-depth: {int: [2, 12]}\n");
        Path model = dir.resolve("tuned.model");
        CliRun r = CliRun.of("tune", data.toString(), "--label", "event", "--positive", "yes", "--model", "random-forest",
                "--space", space.toString(), "--trials", "4", "--folds", "3", "--out", model.toString(),
                "--report", dir.resolve("tune").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Best parameters: {trees=").contains("saved " + model);
        assertThat(model).exists();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("tune").resolve("results.json").toFile());
        assertThat(results.path("rows")).hasSize(4);
        assertThat(results.path("rows").get(0).path("params").has("max-depth")).isTrue();
    }

    /**
     * mlp@smile refuses learning-rate × l2 of 0.1 or more (Smile's network would refuse it mid-fit): a grid whose values
     * are each fine beside others skips the pairs refused together, with a note, where Smile's refusal ended the whole
     * search as an internal error (exit 70); a value no trial can take is a mistake in the space, refused before any work.
     */
    @Test
    void tuneSkipsTrialsWhoseValuesAreRefusedOnlyTogetherAndRefusesAValueNoTrialCanTake() throws IOException {
        Path space = dir.resolve("decay.yaml");
        Files.writeString(space, "learning-rate: [0.01, 0.3]\nl2: [0.1, 0.5]\n");
        String[] tune = {"tune", data.toString(), "--label", "event", "--positive", "yes", "--model", "mlp@smile",
            "--param", "epochs=2", "--param", "hidden=4", "--space", space.toString(), "--search", "grid", "--folds", "2",
            "--jobs", "1", "--report", dir.resolve("decay").toString()};
        CliRun r = CliRun.of(tune);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: skipped 1 of 4 trials whose values are each taken beside others but refused "
                + "together; the first, learning-rate=0.3 l2=0.5: parameters l2=0.5 and learning-rate=0.3 are too large "
                + "together for mlp@smile");
        JsonNode results = new ObjectMapper().readTree(dir.resolve("decay").resolve("results.json").toFile());
        assertThat(results.path("rows")).hasSize(3);
        // the results file and the report say it too: the leaderboard holds fewer trials than the space asked for
        List<String> skipped = new java.util.ArrayList<>();
        results.path("warnings").forEach(w -> skipped.add(w.asText()));
        assertThat(skipped).filteredOn(w -> w.startsWith("skipped 1 of 4 trials")).hasSize(1);
        assertThat(Files.readString(dir.resolve("decay").resolve("report.html"))).contains("Warning: skipped 1 of 4");
        assertThat(Files.readString(dir.resolve("decay").resolve("summary.md"))).contains("**Warning:** skipped 1 of 4");

        Files.writeString(space, "learning-rate: [0.2, 0.3]\nl2: [0.1, 1]\n");
        CliRun refused = CliRun.of(tune);
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).startsWith("rareclass: " + space + ": parameters l2=1 and learning-rate=0.2 are too "
                + "large together for mlp@smile").contains("; no trial of the search can take l2=1");
        assertThat(refused.err().lines().count()).isEqualTo(1);
    }

    /**
     * A value refused only once a fold's rows are known (knn's k above a fold's training rows) ended the whole search
     * with exit 2; the trial is now left out with a warning, as scikit-learn's searches score such a fit NaN and go
     * on, and a search whose every trial is refused so still ends with the first refusal.
     */
    @Test
    void tuneLeavesOutATrialWhoseFitRefusesItsValuesOnTheFoldsRows() throws IOException {
        Path small = GeneratedCsv.write(dir.resolve("small.csv"), 60, 3, 2, 0.3, 7, "a,b,c,event", "yes", "no");
        Path space = dir.resolve("k.yaml");
        Files.writeString(space, "k: [3, 500, 5]\n");
        String[] tune = {"tune", small.toString(), "--label", "event", "--positive", "yes", "--model", "knn",
            "--space", space.toString(), "--search", "grid", "--folds", "2", "--report", dir.resolve("k").toString()};
        CliRun r = CliRun.of(tune);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> warned = r.err().lines().filter(l -> l.startsWith("warning: left out")).toList();
        assertThat(warned).hasSize(1);
        assertThat(warned.get(0)).startsWith("warning: left out 1 of 3 trials whose fit refused their values on these "
                + "rows (scikit-learn's searches score such a fit NaN); the first, k=500: parameter k=500 ");
        JsonNode results = new ObjectMapper().readTree(dir.resolve("k").resolve("results.json").toFile());
        assertThat(results.path("rows")).hasSize(2);
        List<String> ks = new java.util.ArrayList<>();
        results.path("rows").forEach(row -> ks.add(row.path("params").path("k").asText()));
        assertThat(ks).containsExactlyInAnyOrder("3", "5");
        // every warning said, as said without its prefix, in results.json: the left-out trial among them
        List<String> said = r.err().lines().filter(l -> l.startsWith("warning: ")).map(l -> l.substring(9)).toList();
        List<String> written = new java.util.ArrayList<>();
        results.path("warnings").forEach(w -> written.add(w.asText()));
        assertThat(written).isEqualTo(said).anyMatch(w -> w.startsWith("left out 1 of 3 trials"));

        Files.writeString(space, "k: [400, 500]\n");
        CliRun none = CliRun.of(tune);
        assertThat(none.exitCode()).as(none.err()).isEqualTo(2);
        assertThat(none.err().lines().filter(l -> l.startsWith("rareclass: ")).toList())
                .singleElement().asString().startsWith("rareclass: parameter k=400 exceeds the ");
        assertThat(none.err()).doesNotContain("Exception").doesNotContain("left out");

        // a comparison's model is the user's own: its refusal ends the comparison
        CliRun compare = CliRun.of("compare", small.toString(), "--label", "event", "--positive", "yes", "--models",
                "knn,logistic", "--param", "knn.k=500", "--folds", "2");
        assertThat(compare.exitCode()).as(compare.err()).isEqualTo(2);
        assertThat(compare.err()).contains("parameter k=500 ");
    }

    @Test
    void aRecipeRunsAndItsManifestReproducesTheSameNumbers() throws IOException {
        Path recipe = dir.resolve("events.yaml");
        Files.writeString(recipe, """
                data:
                  file: events.csv
                  label: event
                  positive: "yes"
                split: {kind: kfold, folds: 3, repeats: 2}
                models:
                  - logistic
                  - model: random-forest
                    params: {trees: 25}
                samplers: [none]
                threshold: max-mcc
                metric: mcc
                seed: 9
                report: out/events
                """);
        CliRun first = CliRun.of("run", recipe.toString(), "--jobs", "2");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path report = dir.resolve("out/events");
        JsonNode manifest = new ObjectMapper().readTree(report.resolve("manifest.json").toFile());
        assertThat(manifest.path("format").asText()).isEqualTo("rareclass-run-manifest");
        assertThat(manifest.path("data_sha256").asText()).hasSize(64);
        assertThat(manifest.path("recipe").path("split").path("repeats").asInt()).isEqualTo(2);
        assertThat(manifest.path("versions").has("rareclass")).isTrue();
        byte[] firstResults = Files.readAllBytes(report.resolve("results.json"));

        Path again = dir.resolve("again");
        CliRun second = CliRun.of("run", report.resolve("manifest.json").toString(), "--report", again.toString(), "--jobs", "1");
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(firstResults);
        JsonNode b = new ObjectMapper().readTree(again.resolve("results.json").toFile());
        for (int i = 0; i < 2; i++) {
            for (int f = 0; f < 6; f++) {
                assertThat(b.path("rows").get(i).path("folds").get(f).path("metrics"))
                        .isEqualTo(a.path("rows").get(i).path("folds").get(f).path("metrics"));
            }
        }
    }

    @Test
    void aTuningRecipeRefitsTheBestIntoItsNewReportFolder() throws IOException {
        Path recipe = dir.resolve("tuning.yaml");
        Files.writeString(recipe, """
                data: {file: events.csv, label: event, positive: "yes"}
                split: {folds: 3}
                tune:
                  model: random-forest
                  trials: 2
                  refit: true
                  space: {trees: [10, 20]}
                report: out/fresh/tuning
                """);
        CliRun r = CliRun.of("run", recipe.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("out/fresh/tuning/model.rareclass")).exists();
        assertThat(dir.resolve("out/fresh/tuning/manifest.json")).exists();
    }

    @Test
    void aSearchSpaceMayTryListValuedParametersAsFixedParamsTakeThem() throws IOException {
        // hidden: [[4], [4, 4]] tries two layouts (as hidden: [4, 4] fixes one); it was refused as not a single value
        Path space = dir.resolve("layouts.yaml");
        Files.writeString(space, "hidden: [[4], [4, 4]]\n");
        CliRun r = CliRun.of("tune", data.toString(), "--label", "event", "--positive", "yes", "--model", "mlp@dl4j",
                "--param", "epochs=2", "--space", space.toString(), "--search", "grid", "--folds", "2", "--jobs", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("hidden=4,4").contains("hidden=4 ");
    }

    @Test
    void aManifestWhoseDataChangedIsRefused() throws IOException {
        Path copy = dir.resolve("copy.csv");
        Files.copy(data, copy);
        Path recipe = dir.resolve("copy.yaml");
        Files.writeString(recipe, "data: {file: copy.csv, label: event, positive: 'yes'}\nmodels: [logistic]\nsplit: {folds: 3}\nreport: out/copy\n");
        assertThat(CliRun.of("run", recipe.toString()).exitCode()).isZero();
        Files.writeString(copy, Files.readString(copy).replaceFirst("\n", "\n0,0,0,0,0,0,no\n"));
        CliRun r = CliRun.of("run", dir.resolve("out/copy/manifest.json").toString());
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("the data changed since the manifest was written");
    }

    @Test
    void aManifestWithoutAUsableDataChecksumIsRefusedNamingIt() throws IOException {
        Path recipe = dir.resolve("sum.yaml");
        Files.writeString(recipe, "data: {file: events.csv, label: event, positive: 'yes'}\nmodels: [logistic]\nsplit: {folds: 3}\nreport: out/sum\n");
        assertThat(CliRun.of("run", recipe.toString()).exitCode()).isZero();
        String manifest = Files.readString(dir.resolve("out/sum/manifest.json"));
        // the "data changed" message cut the recorded checksum to 12 characters and crashed on a shorter one
        for (String sum : new String[] {"", "abc", "null", "42", "\"zz\""}) {
            Path edited = dir.resolve("out/sum/edited.json");
            Files.writeString(edited, manifest.replaceFirst("\"data_sha256\" : \"[0-9a-f]+\"",
                    "\"data_sha256\" : " + (sum.equals("null") || sum.equals("42") || sum.startsWith("\"") ? sum
                            : "\"" + sum + "\"")));
            assertThat(Files.readString(edited)).isNotEqualTo(manifest);
            CliRun r = CliRun.of("run", edited.toString());
            assertThat(r.exitCode()).as(sum + ": " + r.err()).isEqualTo(65);
            assertThat(r.err()).contains("edited.json").contains("data_sha256").doesNotContain("internal error");
            assertThat(r.err().strip().lines().count()).isEqualTo(1);
        }
        String removed = manifest.replaceFirst("\"data_sha256\" : \"[0-9a-f]+\",?", "");
        Path edited = dir.resolve("out/sum/edited.json");
        Files.writeString(edited, removed);
        CliRun r = CliRun.of("run", edited.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(65);
        assertThat(r.err()).contains("data_sha256").doesNotContain("internal error");
    }

    @Test
    void recipeMistakesNameTheFileAndTheKey() throws IOException {
        Path recipe = dir.resolve("bad.yaml");
        Files.writeString(recipe, "data: {file: events.csv, label: event, positive: 'yes'}\nmodles: [logistic]\n");
        CliRun r = CliRun.of("run", recipe.toString());
        // a mistaken key is a usage error (exit 2), as a mistaken option is; an unreadable file stays a data error
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml").contains("unknown key 'modles'").contains("models");
    }

    @Test
    void leaderboardCsvHoldsTheMetricItIsRankedBy() throws IOException {
        // ranked by brier (or accuracy, as recipes/ionosphere.yaml ranks), leaderboard.csv held neither that metric
        // nor, ranked by f1, f1's std, while the printed board, report.html and summary.md lead with both
        for (String metric : List.of("brier", "f1", "pr_auc")) {
            Path out = dir.resolve("ranked-" + metric);
            CliRun r = CliRun.of("compare", data.toString(), "--label", "event", "--positive", "yes", "--models",
                    "logistic,knn", "--folds", "3", "--metric", metric, "--report", out.toString(), "--quiet");
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> csv = Files.readAllLines(out.resolve("leaderboard.csv"));
            List<String> header = List.of(csv.get(0).split(","));
            assertThat(header).containsOnlyOnce(metric + "_mean", metric + "_std");
            assertThat(header.indexOf(metric + "_std")).isEqualTo(header.indexOf(metric + "_mean") + 1);
            JsonNode rows = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("rows");
            for (int i = 0; i < 2; i++) {
                List<String> cells = List.of(csv.get(1 + i).split(","));
                assertThat(Double.parseDouble(cells.get(header.indexOf(metric + "_mean"))))
                        .isEqualTo(rows.get(i).path(metric + "_mean").asDouble());
                assertThat(Double.parseDouble(cells.get(header.indexOf(metric + "_std"))))
                        .isEqualTo(rows.get(i).path(metric + "_std").asDouble());
            }
        }
        List<String> brier = Files.readAllLines(dir.resolve("ranked-brier").resolve("leaderboard.csv"));
        assertThat(brier.get(0)).startsWith("rank,model,backend,params,sampler,class_weight,brier_mean,brier_std,pr_auc_mean");
        List<String> prAuc = Files.readAllLines(dir.resolve("ranked-pr_auc").resolve("leaderboard.csv"));
        assertThat(prAuc.get(0)).isEqualTo("rank,model,backend,params,sampler,class_weight,pr_auc_mean,pr_auc_std,"
                + "roc_auc_mean,roc_auc_std,mcc_mean,mcc_std,f1_mean,recall_mean,precision_mean,balanced_accuracy_mean,"
                + "fit_seconds_mean,worse_than_best,p_value");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
