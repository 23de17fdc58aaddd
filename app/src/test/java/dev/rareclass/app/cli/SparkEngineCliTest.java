package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rareclass.app.wiring.InstalledEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare}, {@code train}, {@code evaluate} and {@code predict} with {@code --engine spark} as a user runs them,
 * in {@code local[2]}: the leaderboard and the report folder as the in-memory engine writes them, a model file that
 * only the Spark engine reads and that says so to the other, and the usage errors the Spark engine adds. The Spark engine is on the test class
 * path only with {@code -Pspark} ({@code ./scripts/test} sets it); without it the engine-dependent tests are skipped
 * and the "not installed" message is checked instead.
 */
class SparkEngineCliTest {

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void table() throws Exception {
        data = GeneratedCsv.write(dir.resolve("events.csv"), 1_500, 6, 4, 0.08, 11,
                "a,b,c,d,e,f,label", "yes", "no");
    }

    /** A model train --engine spark wrote, trained on first use (once for the class). */
    private static Path sparkModel;
    private static CliRun sparkTraining;

    static synchronized Path sparkModel() {
        if (sparkModel == null) {
            Path model = dir.resolve("events.spark-model");
            sparkTraining = CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes",
                    "--model", "logistic", "--engine", "spark", "--master", "local[2]", "--conf",
                    "spark.sql.shuffle.partitions=2", "--out", model.toString());
            assertThat(sparkTraining.exitCode()).as(sparkTraining.err()).isZero();
            sparkModel = model;
        }
        return sparkModel;
    }

    static boolean sparkInstalled() {
        return new InstalledEngines().installed().contains("spark");
    }

    @Test
    void comparesOnSparkAndWritesTheReportAsInMemory() throws Exception {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        Path report = dir.resolve("report");
        CliRun run = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "spark", "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=4",
                "--models", "logistic,random-forest", "--param", "random-forest.trees=15", "--folds", "3",
                "--report", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("logistic@spark").contains("random-forest@spark")
                .contains("stratified 3-fold");
        assertThat(run.err()).contains("1,500 rows").doesNotContain("Exception");
        assertThat(report.resolve("leaderboard.csv")).exists();
        assertThat(report.resolve("report.html")).exists();
        assertThat(Files.readString(report.resolve("results.json"))).contains("\"spark\"");
        assertThat(Files.readString(report.resolve("report.html"))).contains("Spark 4.2.0, master local[2]");
    }

    @Test
    void refusesWhatTheSparkEngineDoesNotDoInOneLine() {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        CliRun inMemoryModel = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "spark", "--master", "local[1]", "--models", "logistic@smile");
        assertThat(inMemoryModel.exitCode()).isEqualTo(2);
        assertThat(inMemoryModel.err().strip()).contains("logistic@smile runs in memory").doesNotContain("\n");
        CliRun smote = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "spark", "--master", "local[1]", "--models", "logistic", "--samplers", "smote");
        assertThat(smote.exitCode()).isEqualTo(2);
        assertThat(smote.err()).contains("smote").contains("random-under, random-over");
        CliRun missing = CliRun.of("compare", dir.resolve("absent.csv").toString(), "--label", "label",
                "--positive", "yes", "--engine", "spark", "--master", "local[1]", "--models", "logistic");
        assertThat(missing.exitCode()).isEqualTo(66);
        assertThat(missing.err()).contains("absent.csv").doesNotContain("Exception");
    }

    @Test
    void trainsEvaluatesAndPredictsOnSparkAsInMemory() throws Exception {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        Path model = sparkModel();
        assertThat(sparkTraining.out()).containsPattern("Trained logistic@spark on 1500 rows; threshold \\S+ by max-f1 "
                        + "\\(threshold on \\d+ rows held out from a first fit on [\\d,]+; then refit on all 1,500 rows\\)")
                .contains("Validation: pr_auc ").contains("Saved " + model);
        assertThat(sparkTraining.err()).contains("1,500 rows").doesNotContain("Exception");
        assertThat(model).isRegularFile();

        Path json = dir.resolve("evaluation.json");
        // the model's label column and positive value, as trained
        CliRun evaluate = CliRun.of("evaluate", model.toString(), data.toString(), "--engine", "spark", "--master",
                "local[2]", "--conf", "spark.sql.shuffle.partitions=2", "--json", json.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("logistic@spark on " + data).contains("pr_auc")
                .contains("Confusion matrix").contains("support");
        assertThat(evaluate.err()).contains("the file this model was trained on");
        assertThat(Files.readString(json)).contains("\"pr_auc\"").contains("\"model\" : \"logistic@spark\"")
                .contains("\"pr_curve\"");
        // the warning goes with the numbers, as on the in-memory engine
        var warnings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(evaluate.err()).contains("warning: " + warnings.get(0).asText());
        assertThat(warnings.get(0).asText()).contains("the file this model was trained on");

        Path out = dir.resolve("predictions.csv");
        CliRun predict = CliRun.of("predict", model.toString(), data.toString(), "--engine", "spark", "--master",
                "local[2]", "--conf", "spark.sql.shuffle.partitions=2", "--out", out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.out()).containsPattern("Wrote 1500 predictions \\(\\d+ predicted positive at threshold "
                + "\\S+\\) to " + java.util.regex.Pattern.quote(out.toString()));
        java.util.List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1_501);
        assertThat(lines.get(0)).isEqualTo("a,b,c,d,e,f,label,p,predicted");
    }

    /**
     * evaluate --engine spark of a table without positive rows (a month of negatives: a check of false alarms) prints
     * what the in-memory evaluate prints of the same scores, to the character, less the top shares (which need every
     * row in one place), with the in-memory engine's one warning and exit 0; and its output has the in-memory engine's
     * lines, metric names, n/a value and JSON null on the same table (the two engines' models differ, so their numbers
     * do).
     */
    @Test
    void evaluatesATableOfNegativesAsTheInMemoryEngineDoes() throws Exception {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        Path negatives = oneClass("month.csv", "no");
        OneClassRuns runs = evaluateOnBothEngines(negatives);
        String rows = String.format(java.util.Locale.ROOT, "%,d", Files.readAllLines(negatives).size() - 1);
        for (CliRun run : List.of(runs.spark(), runs.local())) {
            List<String> warnings = run.err().lines().filter(l -> l.startsWith("warning: ")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).matches(java.util.regex.Pattern.quote("warning: " + negatives
                    + " holds no positive row ('yes' never occurs in column 'label'): roc_auc is n/a, and ")
                    + "(recall, f1, f_beta, mcc, g_mean|precision, recall, f1, f_beta, mcc)"
                    + java.util.regex.Pattern.quote(" and pr_auc are 0 only by scikit-learn's and imbalanced-learn's "
                    + "convention for a ratio without a denominator (zero_division); every flagged row is a false "
                    + "alarm: ") + "[\\d,]+ of " + rows + " flagged \\(false-positive rate 0\\.\\d{4}\\)");
            assertThat(run.out()).containsPattern("recall +0\\.0000").containsPattern("pr_auc +0\\.0000")
                    .containsPattern("roc_auc +n/a")
                    .containsPattern("flagged +[\\d,]+ of " + rows + " rows, all false alarms");
        }
        // the Spark run's flagged count is its confusion matrix's false positives
        var fp = java.util.regex.Pattern.compile("flagged +([\\d,]+) of").matcher(runs.spark().out());
        assertThat(fp.find()).isTrue();
        assertThat(runs.spark().err()).contains("false alarm: " + fp.group(1) + " of " + rows + " flagged");
    }

    /**
     * The opposite table, positives only (last month's confirmed frauds: how many are caught?), the mirror image: on
     * either engine the one warning with the caught count, specificity 0, pr_auc 1 (for any scores) and roc_auc n/a,
     * the caught line, the same lines, the negative class named alike with its recall 0.
     */
    @Test
    void evaluatesATableOfPositivesAsTheInMemoryEngineDoes() throws Exception {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        Path positives = oneClass("alarms.csv", "yes");
        OneClassRuns runs = evaluateOnBothEngines(positives);
        String rows = String.format(java.util.Locale.ROOT, "%,d", Files.readAllLines(positives).size() - 1);
        for (CliRun run : List.of(runs.spark(), runs.local())) {
            List<String> warnings = run.err().lines().filter(l -> l.startsWith("warning: ")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).matches(java.util.regex.Pattern.quote("warning: " + positives
                    + " holds no negative row ('yes' in column 'label' on every row): roc_auc is n/a, ")
                    + "(precision, f1, f_beta, )?specificity(, mcc and g_mean| and mcc)" + java.util.regex.Pattern.quote(
                    " are 0 only by scikit-learn's and imbalanced-learn's convention for a ratio without a denominator "
                    + "(zero_division), and pr_auc is 1 for any scores; every row is a positive to catch: caught ")
                    + "[\\d,]+ of " + rows + " positives \\(recall [01]\\.\\d{4}\\)");
            assertThat(run.out()).containsPattern("specificity +0\\.0000").containsPattern("pr_auc +1\\.0000")
                    .containsPattern("roc_auc +n/a")
                    .containsPattern("caught +[\\d,]+ of " + rows + " positives \\(recall [01]\\.\\d{4}\\)")
                    .containsPattern("\\n +no +0\\.00 +0\\.00 +0\\.00 +0\\n")
                    .doesNotContain("flagged");
        }
        // the Spark run's caught count is its confusion matrix's true positives
        var tp = java.util.regex.Pattern.compile("caught +([\\d,]+) of").matcher(runs.spark().out());
        assertThat(tp.find()).isTrue();
        assertThat(runs.spark().err()).contains("caught " + tp.group(1) + " of " + rows + " positives");
    }

    /** Training needs both classes, on Spark as in memory: a table of one class is refused as bad data. */
    @Test
    void trainingOnSparkStillRefusesATableOfOneClass() throws Exception {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        Path negatives = oneClass("month.csv", "no");
        Path model = dir.resolve("never.spark-model");
        CliRun train = CliRun.of("train", negatives.toString(), "--label", "label", "--positive", "yes", "--model",
                "logistic", "--engine", "spark", "--master", "local[1]", "--out", model.toString());
        assertThat(train.exitCode()).isEqualTo(65);
        assertThat(train.err()).contains("the positive value 'yes' never occurs").doesNotContain("Exception");
        assertThat(model).doesNotExist();
    }

    /** The rows of {@link #data} labelled {@code label}, alone in a file of the same columns. */
    private static Path oneClass(String name, String label) throws Exception {
        List<String> lines = Files.readAllLines(data);
        List<String> kept = new java.util.ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.endsWith("," + label)).forEach(kept::add);
        return Files.write(dir.resolve(name), kept);
    }

    /** A table of one class evaluated by the Spark model on Spark and by an in-memory model without --engine. */
    private record OneClassRuns(CliRun spark, CliRun local) {
    }

    /**
     * Evaluates {@code table} on both engines (each with its own model of {@link #data}) and checks that they say the
     * same: exit 0; the Spark output exactly the in-memory rendering of the scores predict --engine spark gives its
     * rows; both outputs line for line alike but for the numbers and the in-memory top shares; the same JSON fields,
     * null where the other's are.
     */
    private static OneClassRuns evaluateOnBothEngines(Path table) throws Exception {
        String name = table.getFileName().toString();
        Path sparkJson = dir.resolve(name + ".spark.json");
        CliRun spark = CliRun.of("evaluate", sparkModel().toString(), table.toString(), "--engine", "spark", "--master",
                "local[2]", "--conf", "spark.sql.shuffle.partitions=2", "--json", sparkJson.toString());
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(spark.err()).doesNotContain("Exception");

        // the same scores rendered by the in-memory evaluation (without the top shares, as on Spark)
        Path scored = dir.resolve(name + ".scored.csv");
        CliRun predict = CliRun.of("predict", sparkModel().toString(), table.toString(), "--engine", "spark",
                "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=2", "--out", scored.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(scored);
        int n = lines.size() - 1;
        int[] y = new int[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            y[i] = f[6].equals("yes") ? 1 : 0;
            p[i] = Double.parseDouble(f[7]);
        }
        var header = java.util.regex.Pattern.compile("\\(threshold (\\S+), max-f1\\)").matcher(spark.out());
        assertThat(header.find()).as(spark.out()).isTrue();
        double threshold = Double.parseDouble(header.group(1));
        var metrics = dev.rareclass.domain.metrics.BinaryMetrics.compute(y, p, threshold, true);
        var inMemory = new dev.rareclass.domain.experiment.Evaluation(table.toString(), "logistic@spark", "max-f1",
                metrics, dev.rareclass.domain.metrics.ClassificationReport.of(metrics.counts(), "no", "yes"),
                dev.rareclass.domain.metrics.Curves.roc(y, p),
                dev.rareclass.domain.metrics.Curves.precisionRecall(y, p));
        java.io.StringWriter rendered = new java.io.StringWriter();
        Show.evaluation(new java.io.PrintWriter(rendered), inMemory);
        assertThat(spark.out()).isEqualTo(rendered.toString());

        Path localModel = localModel();
        Path localJson = dir.resolve(name + ".local.json");
        CliRun local = CliRun.of("evaluate", localModel.toString(), table.toString(), "--json", localJson.toString());
        assertThat(local.exitCode()).as(local.err()).isZero();
        String localWithoutTop = local.out().replaceAll("(?s)\nTop of the ranking.*?\n\n", "\n")
                .replace("logistic@smile", "logistic@spark");
        assertThat(shape(spark.out())).isEqualTo(shape(localWithoutTop));

        com.fasterxml.jackson.databind.JsonNode s = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sparkJson.toFile());
        com.fasterxml.jackson.databind.JsonNode l = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(localJson.toFile());
        assertThat(fields(s)).isEqualTo(fields(l));
        for (String f : fields(l)) {
            assertThat(s.get(f).isNull()).as(f).isEqualTo(l.get(f).isNull());
        }
        for (int row = 0; row < 4; row++) {
            for (String f : List.of("class", "precision", "recall", "f1", "support")) {
                assertThat(s.get("classification_report").get(row).get(f).isNull()).as(row + " " + f)
                        .isEqualTo(l.get("classification_report").get(row).get(f).isNull());
            }
            assertThat(s.get("classification_report").get(row).get("class"))
                    .isEqualTo(l.get("classification_report").get(row).get("class"));
        }
        assertThat(Files.readString(sparkJson)).doesNotContain("NaN");
        // the one warning in the JSON of both engines, as each console says it (each model flags its own rows)
        for (var run : List.of(java.util.Map.entry(spark, s), java.util.Map.entry(local, l))) {
            String said = run.getKey().err().lines().filter(line -> line.startsWith("warning: ")
                    && line.contains(" holds no ")).findFirst().orElseThrow().substring("warning: ".length());
            assertThat(run.getValue().get("warnings")).hasSize(1);
            assertThat(run.getValue().get("warnings").get(0).asText()).isEqualTo(said);
        }
        return new OneClassRuns(spark, local);
    }

    private static Path localModel;

    /** An in-memory logistic regression of {@link #data}, trained on first use. */
    static synchronized Path localModel() {
        if (localModel == null) {
            Path model = dir.resolve("events-local.rareclass");
            CliRun train = CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model",
                    "logistic", "--out", model.toString());
            assertThat(train.exitCode()).as(train.err()).isZero();
            localModel = model;
        }
        return localModel;
    }

    /** An output with its numbers left out: the lines, the names, the n/a values. */
    private static List<String> shape(String out) {
        return out.lines().map(line -> line.replaceAll("\\d[\\d.,]*", "#").replaceAll(" +", " ")).toList();
    }

    private static List<String> fields(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aModelFileOfTheOtherEngineSaysWhichEngineReadsIt() throws Exception {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        Path sparkModel = sparkModel();
        CliRun withoutEngine = CliRun.of("evaluate", sparkModel.toString(), data.toString());
        assertThat(withoutEngine.exitCode()).isEqualTo(65);
        assertThat(withoutEngine.err().strip()).isEqualTo("rareclass: " + sparkModel + ": a Spark engine model "
                + "(train --engine spark wrote it): add --engine spark to evaluate or predict with it");

        // inspect needs no --engine: the engine reads its own file, with no session started
        CliRun inspect = CliRun.of("inspect", sparkModel.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("logistic@spark").contains("Structure:")
                .contains("LogisticRegressionModel").contains("pr_auc").contains("threshold chosen");
        CliRun inspectJson = CliRun.of("inspect", sparkModel.toString(), "--json");
        assertThat(inspectJson.exitCode()).as(inspectJson.err()).isZero();
        assertThat(inspectJson.out()).contains("\"format\" : \"rareclass-spark-model\"");

        Path inMemory = dir.resolve("events.rareclass");
        CliRun train = CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model",
                "logistic", "--out", inMemory.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        CliRun inspectInMemory = CliRun.of("inspect", inMemory.toString());
        assertThat(inspectInMemory.exitCode()).as(inspectInMemory.err()).isZero();
        assertThat(inspectInMemory.out()).contains("logistic@smile");
        CliRun withEngine = CliRun.of("predict", inMemory.toString(), data.toString(), "--engine", "spark",
                "--master", "local[1]", "--out", dir.resolve("never.csv").toString());
        assertThat(withEngine.exitCode()).isEqualTo(65);
        assertThat(withEngine.err().strip()).isEqualTo("rareclass: " + inMemory + ": refused: an in-memory rareclass "
                + "model, not a Spark engine one: evaluate or predict with it without --engine spark");
        assertThat(dir.resolve("never.csv")).doesNotExist();
    }

    @Test
    void optionsTheSparkPathsDoNotTakeAreRefusedInOneLine() {
        // refused before any engine starts, so these need no Spark
        Path model = dir.resolve("any.model");
        CliRun report = CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model",
                "logistic", "--engine", "spark", "--out", model.toString(), "--report", dir.resolve("r.html").toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err().strip()).isEqualTo("rareclass: --report is not available with --engine spark");
        CliRun reasons = CliRun.of("predict", model.toString(), data.toString(), "--engine", "spark", "--out",
                dir.resolve("p.csv").toString(), "--reasons", "2");
        assertThat(reasons.exitCode()).isEqualTo(2);
        assertThat(reasons.err().strip()).isEqualTo("rareclass: --reasons is not available with --engine spark");
        CliRun id = CliRun.of("predict", model.toString(), data.toString(), "--engine", "spark", "--out",
                dir.resolve("p.csv").toString(), "--id", "a");
        assertThat(id.exitCode()).isEqualTo(2);
        assertThat(id.err().strip()).isEqualTo("rareclass: --id is not available with --engine spark");
        CliRun evaluate = CliRun.of("evaluate", model.toString(), data.toString(), "--engine", "spark", "--report",
                dir.resolve("e.html").toString());
        assertThat(evaluate.exitCode()).isEqualTo(2);
        assertThat(evaluate.err().strip()).isEqualTo("rareclass: --report is not available with --engine spark");
        CliRun master = CliRun.of("evaluate", model.toString(), data.toString(), "--master", "local[2]");
        assertThat(master.exitCode()).isEqualTo(2);
        assertThat(master.err()).contains("--master local[2] needs --engine spark");
    }

    @Test
    void sparkOptionsWithoutTheSparkEngineAreUsageErrors() {
        CliRun master = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--master", "local[2]");
        assertThat(master.exitCode()).isEqualTo(2);
        assertThat(master.err()).contains("--master local[2] needs --engine spark");
        CliRun unknown = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "dask");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--engine dask: engines are local and spark");
        // local names the in-memory engine, as PRODUCT.md's --engine local|spark does
        CliRun local = CliRun.of("describe", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "local");
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(local.out()).contains("label");
    }

    @Test
    void withoutTheSparkEngineTheMessageSaysHowToGetIt() {
        assumeTrue(!sparkInstalled(), "the Spark engine is installed here");
        CliRun run = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "spark");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the Spark engine is not installed here").contains("--engine spark");
    }

    /** describe --engine spark: the same rows, class balance and column statistics as in memory. */
    @Test
    void describesOnSparkAsInMemory() {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        CliRun memory = CliRun.of("describe", data.toString(), "--label", "label", "--positive", "yes");
        CliRun spark = CliRun.of("describe", data.toString(), "--label", "label", "--positive", "yes",
                "--engine", "spark", "--master", "local[1]");
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(spark.err()).contains("distinct values are estimates").doesNotContain("WARN");
        String[] m = memory.out().split("\n");
        String[] s = spark.out().split("\n");
        // the header lines (rows, feature columns, class balance) are the same
        assertThat(s[0]).isEqualTo(m[0]);
        assertThat(s[1]).isEqualTo(m[1]);
        // each column's type, missing count, min, max, mean and std are the same; distinct is an estimate on Spark
        for (int i = 4; i < m.length && !m[i].isBlank(); i++) {
            assertThat(s[i].substring(0, 98)).isEqualTo(m[i].substring(0, 98));
        }
    }

    /**
     * breast-cancer-wisconsin, numbers with {@code ?} for the 16 missing values of column 6, reads alike on both
     * engines: Spark's reader took {@code ?} for a value and read column 6 as categorical.
     */
    @Test
    void aQuestionMarkIsMissingOnSparkAsInMemory() {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        Path bc = Path.of("..", "..", "shared", "datasets", "breast_cancer_wisconsin_original",
                "breast-cancer-wisconsin.data");
        assumeTrue(Files.exists(bc), "shared datasets not beside the checkout");
        String[] options = {bc.toString(), "--no-header", "--label", "10", "--positive", "4", "--drop", "0"};
        CliRun memory = CliRun.of(concat("describe", options));
        CliRun spark = CliRun.of(concat("describe", options, "--engine", "spark", "--master", "local[1]"));
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        String[] m = memory.out().split("\n");
        String[] s = spark.out().split("\n");
        assertThat(s[0]).isEqualTo(m[0]);
        for (int i = 4; i < m.length && !m[i].isBlank(); i++) {
            assertThat(s[i].substring(0, 98)).isEqualTo(m[i].substring(0, 98));
        }
        assertThat(spark.out()).containsPattern("\\n6 +numeric +16 ");
        assertThat(spark.out()).contains("16 missing values in 1 column ('6' 16)");
    }

    /** A Spark setting Spark refuses is the user's --conf (exit 2), not the file's (it was exit 65, "could not read"). */
    @Test
    void aSettingSparkRefusesIsAUsageErrorNamingConf() {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        CliRun run = CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model", "logistic",
                "--engine", "spark", "--master", "local[1]", "--conf", "spark.sql.shuffle.partitions=-1", "--out",
                dir.resolve("never.model").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("--conf: Spark refuses a setting: The value '-1' in the config "
                + "\"spark.sql.shuffle.partitions\" is invalid").doesNotContain("events.csv").doesNotContain("Exception");
        assertThat(dir.resolve("never.model")).doesNotExist();
    }

    private static String[] concat(String first, String[] middle, String... last) {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(java.util.List.of(middle));
        all.addAll(java.util.List.of(last));
        return all.toArray(String[]::new);
    }

    /** resample --engine spark: random-under keeps every positive and about as many negatives, rows as written. */
    @Test
    void resamplesOnSparkKeepingRowsAsWritten() throws Exception {
        assumeTrue(sparkInstalled(), "the Spark engine is built only with -Pspark");
        Path out = dir.resolve("under.csv");
        CliRun run = CliRun.of("resample", data.toString(), "--label", "label", "--positive", "yes",
                "--sampler", "random-under", "--seed", "3", "--engine", "spark", "--master", "local[1]",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        java.util.List<String> lines = Files.readAllLines(out);
        java.util.List<String> input = Files.readAllLines(data);
        assertThat(lines.get(0)).isEqualTo(input.get(0));
        long positivesIn = input.stream().filter(l -> l.endsWith(",yes")).count();
        long positivesOut = lines.stream().filter(l -> l.endsWith(",yes")).count();
        long negativesOut = lines.size() - 1 - positivesOut;
        assertThat(positivesOut).isEqualTo(positivesIn);
        // Bernoulli with p = positives / negatives: within 5 standard deviations of as many negatives as positives
        assertThat(Math.abs(negativesOut - positivesIn)).isLessThan((long) (5 * Math.sqrt(positivesIn)) + 1);
        // every written row is an input row, as written
        assertThat(new java.util.HashSet<>(input)).containsAll(lines);
        assertThat(run.out()).contains("random-under: 1500 rows -> " + (lines.size() - 1) + " rows");
        CliRun smote = CliRun.of("resample", data.toString(), "--label", "label", "--positive", "yes",
                "--sampler", "smote", "--engine", "spark", "--master", "local[1]", "--out",
                dir.resolve("smote.csv").toString());
        assertThat(smote.exitCode()).isEqualTo(2);
        assertThat(smote.err()).contains("not available with --engine spark");
        assertThat(dir.resolve("smote.csv")).doesNotExist();
    }
}
