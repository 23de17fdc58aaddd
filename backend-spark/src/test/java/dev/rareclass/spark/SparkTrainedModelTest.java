package dev.rareclass.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.EvaluatedOnCluster;
import dev.rareclass.domain.experiment.ModelDescription;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.experiment.PredictedOnCluster;
import dev.rareclass.domain.experiment.TrainedOnCluster;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train}, {@code evaluate} and {@code predict} on the Spark engine in {@code local[2]}: a logistic regression
 * trained on a generated table, evaluated and scored on another; its metrics equal the in-memory definitions on the
 * scores it wrote; the same seed gives the same forest; and a corpus of altered and foreign model files, each refused
 * in one line naming the file before Spark reads any of it.
 */
class SparkTrainedModelTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark();

    private static final int TRAIN_ROWS = 3_000;
    private static final int TRAIN_POSITIVES = 150;
    private static final int TEST_ROWS = 2_000;
    private static final int TEST_POSITIVES = 100;

    @TempDir
    static Path dir;

    private static SparkEngine engine;
    private static Path trainFile;
    private static Path testFile;
    private static Path model;
    private static TrainedOnCluster trained;

    @BeforeAll
    static void trainOnce() {
        trainFile = SyntheticCsv.write(dir.resolve("train.csv"), TRAIN_ROWS, TRAIN_POSITIVES, 1.5, 5);
        testFile = SyntheticCsv.write(dir.resolve("test.csv"), TEST_ROWS, TEST_POSITIVES, 1.5, 6);
        engine = new SparkEngine(SPARK.session());
        model = dir.resolve("logistic.zip");
        trained = engine.train(DataOptions.labelled(trainFile, SyntheticCsv.LABEL, SyntheticCsv.POSITIVE),
                spec("logistic", Map.of(), 42), model, ProgressListener.NONE);
    }

    private static PipelineSpec spec(String kind, Map<String, String> params, long seed) {
        return PipelineSpec.of(ModelId.parse(kind), Hyperparameters.of(params)).withSeed(seed);
    }

    @Test
    void trainingHoldsOutAStratifiedFifthToChooseTheThresholdAndSavesOneFile() throws IOException {
        assertThat(trained.model()).isEqualTo("logistic@spark");
        assertThat(trained.rows()).isEqualTo(TRAIN_ROWS);
        assertThat(trained.positives()).isEqualTo(TRAIN_POSITIVES);
        // 20% of each class, exactly, held out from a first fit; the model saved is refit on every row
        assertThat(trained.validationRows()).isEqualTo(TRAIN_ROWS / 5);
        assertThat(trained.refit()).isTrue();
        assertThat(trained.fittedRows()).isEqualTo(TRAIN_ROWS);
        assertThat(trained.selection()).isEqualTo("threshold on 600 rows held out from a first fit on 2,400; then "
                + "refit on all 3,000 rows");
        assertThat(trained.policy()).isEqualTo("max-f1");
        BinaryMetrics validation = trained.validation().orElseThrow();
        assertThat(validation.counts().tp() + validation.counts().fn()).isEqualTo(TRAIN_POSITIVES / 5);
        assertThat(validation.get(MetricName.PR_AUC)).isGreaterThan(5.0 * TRAIN_POSITIVES / TRAIN_ROWS);
        assertThat(validation.threshold()).isEqualTo(trained.threshold());

        Map<String, byte[]> entries = entries(model);
        assertThat(entries).containsKeys(SparkModelFile.MANIFEST, SparkModelFile.MANIFEST_SUM);
        assertThat(entries.keySet()).allMatch(n -> n.startsWith("pipeline/") || n.startsWith("rareclass-spark."));
        SparkModelManifest manifest = SparkModelManifest.parse(entries.get(SparkModelFile.MANIFEST));
        assertThat(manifest.threshold()).isEqualTo(trained.threshold());
        assertThat(manifest.refit()).isTrue();
        assertThat(manifest.features()).extracting(SparkTables.Feature::name)
                .containsExactly("x1", "x2", "noise", "colour");
        assertThat(manifest.label().negativeValue()).isEqualTo("no");
        assertThat(manifest.validationMetrics().get("pr_auc")).isEqualTo(validation.get(MetricName.PR_AUC));
        assertThat(manifest.checksums().keySet()).isEqualTo(entries.keySet().stream()
                .filter(n -> n.startsWith("pipeline/")).collect(java.util.stream.Collectors.toSet()));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".rareclass"));
    }

    @Test
    void evaluateGivesTheInMemoryMetricsOfTheScoresPredictWrites() throws IOException {
        // the model's label column and positive value, as trained
        EvaluatedOnCluster evaluated = engine.evaluate(model, DataOptions.of(testFile), ReadingOptions.NONE,
                ProgressListener.NONE);
        Path out = dir.resolve("scored.csv");
        PredictedOnCluster predicted = engine.predict(model, DataOptions.of(testFile), ReadingOptions.NONE, out,
                ProgressListener.NONE);

        assertThat(evaluated.rows()).isEqualTo(TEST_ROWS);
        assertThat(evaluated.positives()).isEqualTo(TEST_POSITIVES);
        assertThat(predicted.rows()).isEqualTo(TEST_ROWS);
        assertThat(predicted.oneFile()).isTrue();
        List<String> lines = Files.readAllLines(out);
        List<String> input = Files.readAllLines(testFile);
        assertThat(lines.get(0)).isEqualTo(SyntheticCsv.HEADER + ",p,predicted");
        assertThat(lines).hasSize(TEST_ROWS + 1);
        int[] y = new int[TEST_ROWS];
        double[] p = new double[TEST_ROWS];
        int positivesPredicted = 0;
        for (int i = 0; i < TEST_ROWS; i++) {
            String[] f = lines.get(i + 1).split(",");
            // every input row once, in the file's order, its values as written
            assertThat(String.join(",", List.of(f).subList(0, 5))).isEqualTo(input.get(i + 1));
            y[i] = f[4].equals("yes") ? 1 : 0;
            p[i] = Double.parseDouble(f[5]);
            assertThat(f[6]).isEqualTo(p[i] >= trained.threshold() ? "1" : "0");
            positivesPredicted += Integer.parseInt(f[6]);
        }
        assertThat(predicted.predictedPositive()).isEqualTo(positivesPredicted);

        BinaryMetrics inMemory = BinaryMetrics.compute(y, p, trained.threshold(), true);
        BinaryMetrics onSpark = evaluated.evaluation().metrics();
        for (MetricName m : MetricName.values()) {
            assertThat(onSpark.get(m)).as(m.key()).isCloseTo(inMemory.get(m), within(1e-9));
        }
        assertThat(onSpark.counts()).isEqualTo(inMemory.counts());
        assertThat(evaluated.evaluation().model()).isEqualTo("logistic@spark");
        assertThat(evaluated.evaluation().report().positive().support()).isEqualTo(TEST_POSITIVES);
    }

    @Test
    void aGzNameGetsGzipCompressedRowsAsOneFileOrAsParts() throws IOException {
        // --out p.csv.gz was a folder of uncompressed part files under that name, which no reader of .gz could open
        Path plain = dir.resolve("plain.csv");
        engine.predict(model, DataOptions.of(testFile), ReadingOptions.NONE, plain, ProgressListener.NONE);
        Path one = dir.resolve("scored.csv.gz");
        PredictedOnCluster predicted = engine.predict(model, DataOptions.of(testFile), ReadingOptions.NONE, one,
                ProgressListener.NONE);
        assertThat(predicted.oneFile()).isTrue();
        assertThat(one).isRegularFile();
        assertThat(gunzipped(one)).isEqualTo(Files.readString(plain));

        Path folder = dir.resolve("parts.gz");
        assertThat(engine.predict(model, DataOptions.of(testFile), ReadingOptions.NONE, folder,
                ProgressListener.NONE).oneFile()).isFalse();
        List<Path> parts;
        try (var files = Files.list(folder)) {
            parts = files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        }
        assertThat(parts).isNotEmpty().allMatch(f -> f.getFileName().toString().endsWith(".csv.gz"));
        List<String> rows = new java.util.ArrayList<>();
        for (Path part : parts) {
            List<String> lines = gunzipped(part).lines().toList();
            assertThat(lines.get(0)).isEqualTo(SyntheticCsv.HEADER + ",p,predicted");
            rows.addAll(lines.subList(1, lines.size()));
        }
        List<String> expected = Files.readAllLines(plain);
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected.subList(1, expected.size()));
    }

    private static String gunzipped(Path file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * A table of negatives only (a month without positives: a fair check of false alarms) is evaluated as the in-memory
     * engine evaluates it: every metric as {@link BinaryMetrics#compute} gives it on the scores predict writes (recall,
     * g_mean and pr_auc 0 by zero_division, roc_auc undefined), the same classification report and curves, and the
     * in-memory engine's one warning with the flagged count.
     */
    @Test
    void aTableOfNegativesIsEvaluatedAsInMemoryWithItsWarning() throws IOException {
        Path negatives = SyntheticCsv.write(dir.resolve("negatives.csv"), 400, 0, 1.5, 7);
        OneClass e = evaluateOneClass(negatives);
        BinaryMetrics onSpark = e.evaluated().evaluation().metrics();
        assertThat(e.evaluated().positives()).isZero();
        assertThat(onSpark.counts().tp() + onSpark.counts().fn()).isZero();
        long flagged = onSpark.counts().fp();
        assertThat(flagged).as("a threshold that flags some negatives, so g_mean is a convention too").isPositive();
        // scikit-learn's: 0 for the ratios without a denominator (zero_division), roc_auc refused
        for (MetricName m : List.of(MetricName.RECALL, MetricName.G_MEAN, MetricName.PR_AUC)) {
            assertThat(onSpark.get(m)).as(m.key()).isZero();
        }
        assertThat(onSpark.get(MetricName.ROC_AUC)).isNaN();
        assertThat(onSpark.get(MetricName.SPECIFICITY)).isEqualTo(1 - flagged / 400.0);
        // the in-memory engine's words (EvaluateService), once
        assertThat(e.warnings()).containsExactly(String.format(java.util.Locale.ROOT, "warning: %s holds no positive "
                + "row ('yes' never occurs in column 'label'): roc_auc is n/a, and recall, f1, f_beta, mcc, g_mean and "
                + "pr_auc are 0 only by scikit-learn's and imbalanced-learn's convention for a ratio without a "
                + "denominator (zero_division); every flagged row is a false alarm: %d of 400 flagged (false-positive "
                + "rate %.4f)", negatives, flagged, flagged / 400.0));
        assertThat(e.evaluated().evaluation().report().positive().recall()).isZero();
        assertThat(e.evaluated().evaluation().report().negative().support()).isEqualTo(400);
    }

    /**
     * The opposite table, positives only (last month's confirmed frauds: how many are caught?), is evaluated as in
     * memory too, the mirror image: specificity 0 (and g_mean, as rows are left unflagged) by imbalanced-learn's
     * zero_division, pr_auc 1 for any scores, roc_auc n/a, the negative class named as the model knows it, and the
     * in-memory engine's one warning with the caught count.
     */
    @Test
    void aTableOfPositivesIsEvaluatedAsInMemoryWithItsWarning() throws IOException {
        Path positives = SyntheticCsv.write(dir.resolve("positives.csv"), 120, 120, 1.5, 8);
        OneClass e = evaluateOneClass(positives);
        BinaryMetrics onSpark = e.evaluated().evaluation().metrics();
        assertThat(e.evaluated().positives()).isEqualTo(120);
        long caught = onSpark.counts().tp();
        assertThat(onSpark.counts().fn()).as("a threshold that misses some positives, so g_mean is a convention too")
                .isPositive();
        assertThat(onSpark.get(MetricName.SPECIFICITY)).isZero();
        assertThat(onSpark.get(MetricName.G_MEAN)).isZero();
        assertThat(onSpark.get(MetricName.PR_AUC)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(onSpark.get(MetricName.ROC_AUC)).isNaN();
        assertThat(onSpark.get(MetricName.RECALL)).isEqualTo(caught / 120.0);
        assertThat(onSpark.get(MetricName.BALANCED_ACCURACY)).isEqualTo(caught / 120.0);
        assertThat(e.warnings()).containsExactly(String.format(java.util.Locale.ROOT, "warning: %s holds no negative "
                + "row ('yes' in column 'label' on every row): roc_auc is n/a, specificity, mcc and g_mean are 0 only "
                + "by scikit-learn's and imbalanced-learn's convention for a ratio without a denominator "
                + "(zero_division), and pr_auc is 1 for any scores; every row is a positive to catch: caught %d of 120 "
                + "positives (recall %.4f)", positives, caught, caught / 120.0));
        assertThat(e.evaluated().evaluation().report().negative().label()).isEqualTo("no");
        assertThat(e.evaluated().evaluation().report().negative().support()).isZero();
        assertThat(e.evaluated().evaluation().report().negative().recall()).isZero();
    }

    /**
     * A table of negatives evaluated with --positive naming the model's negative class would read as all positives
     * with every metric turned over: refused as the in-memory engine refuses it, in evaluate and predict alike.
     */
    @Test
    void aPositiveValueNamingTheModelsNegativeClassIsRefusedAsInMemory() {
        Path negatives = SyntheticCsv.write(dir.resolve("turned.csv"), 100, 0, 1.5, 10);
        String refusal = "--positive no names the negative class of this model, trained with 'yes' as positive against "
                + "'no': its scores rank 'yes' higher; give --positive yes, or leave it out";
        assertThatThrownBy(() -> engine.evaluate(model, DataOptions.labelled(negatives, SyntheticCsv.LABEL, "no"),
                ReadingOptions.NONE, ProgressListener.NONE)).isInstanceOf(UsageException.class).hasMessage(refusal);
        Path out = dir.resolve("turned-scored.csv");
        assertThatThrownBy(() -> engine.predict(model, DataOptions.labelled(negatives, SyntheticCsv.LABEL, "no"),
                ReadingOptions.NONE, out, ProgressListener.NONE)).isInstanceOf(UsageException.class)
                .hasMessage(refusal);
        assertThat(out).doesNotExist();
    }

    /** Training needs both classes: a table of one is still refused, naming the label column. */
    @Test
    void trainingStillRefusesATableOfOneClass() {
        Path negatives = SyntheticCsv.write(dir.resolve("train-negatives.csv"), 200, 0, 1.5, 9);
        Path positives = SyntheticCsv.write(dir.resolve("train-positives.csv"), 200, 200, 1.5, 9);
        Path never = dir.resolve("never.zip");
        assertThatThrownBy(() -> engine.train(DataOptions.labelled(negatives, SyntheticCsv.LABEL,
                SyntheticCsv.POSITIVE), spec("logistic", Map.of(), 42), never, ProgressListener.NONE))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(negatives + ", column 'label': the positive value 'yes' never occurs");
        assertThatThrownBy(() -> engine.train(DataOptions.labelled(positives, SyntheticCsv.LABEL,
                SyntheticCsv.POSITIVE), spec("logistic", Map.of(), 42), never, ProgressListener.NONE))
                .isInstanceOf(DataException.class)
                .hasMessage(positives + ", column 'label': every row is 'yes'; the table needs both classes");
        assertThat(never).doesNotExist();
    }

    /**
     * A numeric column without a value cannot be imputed: refused naming it, as in memory. On Spark this was an internal
     * error (exit 70) naming the engine's own column (__f2), with Spark ML's stack trace on standard error.
     */
    @Test
    void aColumnWithNothingToImputeFromIsRefusedNamingIt() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,empty,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i).append(',').append(i % 7).append(",,").append(i % 5 == 0 ? "yes" : "no").append('\n');
        }
        Path file = Files.writeString(dir.resolve("nothing-to-impute.csv"), csv);
        Path never = dir.resolve("never-imputed.zip");
        for (var policy : List.of(dev.rareclass.domain.preprocess.MissingPolicy.MEAN,
                dev.rareclass.domain.preprocess.MissingPolicy.MEDIAN)) {
            assertThatThrownBy(() -> engine.train(DataOptions.labelled(file, SyntheticCsv.LABEL, SyntheticCsv.POSITIVE)
                    .withMissing(policy), spec("logistic", Map.of(), 42), never, ProgressListener.NONE))
                    .as("%s", policy).isInstanceOf(DataException.class).hasMessage(file + ": column 'empty' has no "
                            + "values in the training rows to impute from; leave it out with --drop");
        }
        assertThat(never).doesNotExist();
    }

    /** An evaluation on Spark and the warnings it gave, checked against the in-memory numbers of the same scores. */
    private record OneClass(EvaluatedOnCluster evaluated, List<String> warnings) {
    }

    /**
     * Evaluates a table of one class on Spark, predicts it, and checks every metric, the confusion counts, the
     * classification report and the curves against the in-memory computation on the scores predict wrote.
     */
    private static OneClass evaluateOneClass(Path table) throws IOException {
        List<String> notes = new ArrayList<>();
        ProgressListener listener = ProgressListener.notesTo(notes::add);
        EvaluatedOnCluster evaluated = engine.evaluate(model, DataOptions.of(table), ReadingOptions.NONE, listener);
        Path out = dir.resolve(table.getFileName() + ".scored.csv");
        engine.predict(model, DataOptions.of(table), ReadingOptions.NONE, out, ProgressListener.NONE);
        List<String> lines = Files.readAllLines(out);
        int n = lines.size() - 1;
        int[] y = new int[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            y[i] = f[4].equals("yes") ? 1 : 0;
            p[i] = Double.parseDouble(f[5]);
        }
        assertThat(evaluated.rows()).isEqualTo(n);
        BinaryMetrics inMemory = BinaryMetrics.compute(y, p, trained.threshold(), true);
        var evaluation = evaluated.evaluation();
        for (MetricName m : MetricName.values()) {
            double expected = inMemory.get(m);
            if (Double.isNaN(expected)) {
                assertThat(evaluation.metrics().get(m)).as(m.key()).isNaN();
            } else {
                assertThat(evaluation.metrics().get(m)).as(m.key()).isCloseTo(expected, within(1e-9));
            }
        }
        assertThat(evaluation.metrics().counts()).isEqualTo(inMemory.counts());
        assertThat(evaluation.report().toText()).isEqualTo(dev.rareclass.domain.metrics.ClassificationReport
                .of(inMemory.counts(), "no", "yes").toText());
        assertSameCurve(evaluation.roc(), dev.rareclass.domain.metrics.Curves.roc(y, p));
        assertSameCurve(evaluation.precisionRecall(), dev.rareclass.domain.metrics.Curves.precisionRecall(y, p));
        return new OneClass(evaluated, notes.stream().filter(t -> t.startsWith("warning: ")).toList());
    }

    /** The same points, NaN where the in-memory curve has NaN (a true positive rate without positives). */
    private static void assertSameCurve(dev.rareclass.domain.metrics.Curve onSpark,
                                        dev.rareclass.domain.metrics.Curve inMemory) {
        assertThat(onSpark.size()).isEqualTo(inMemory.size());
        double[][] spark = {onSpark.x(), onSpark.y(), onSpark.thresholds()};
        double[][] memory = {inMemory.x(), inMemory.y(), inMemory.thresholds()};
        for (int a = 0; a < spark.length; a++) {
            assertThat(spark[a]).hasSameSizeAs(memory[a]);
            for (int i = 0; i < spark[a].length; i++) {
                if (Double.isNaN(memory[a][i])) {
                    assertThat(spark[a][i]).isNaN();
                } else if (Double.isInfinite(memory[a][i])) {
                    assertThat(spark[a][i]).isEqualTo(memory[a][i]);
                } else {
                    assertThat(spark[a][i]).isCloseTo(memory[a][i], within(1e-9));
                }
            }
        }
    }

    @Test
    void predictionsToAFolderAreSparksPartFilesAndReplaceOnlyAnEarlierOutput() throws IOException {
        Path out = dir.resolve("scored-folder");
        engine.predict(model, DataOptions.of(testFile), ReadingOptions.NONE, out, ProgressListener.NONE);
        PredictedOnCluster again = engine.predict(model, DataOptions.of(testFile), ReadingOptions.NONE, out,
                ProgressListener.NONE);
        assertThat(again.oneFile()).isFalse();
        long rows = 0;
        try (var parts = Files.list(out)) {
            for (Path part : parts.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                List<String> lines = Files.readAllLines(part);
                assertThat(lines.get(0)).endsWith(",p,predicted");
                rows += lines.size() - 1;
            }
        }
        assertThat(rows).isEqualTo(TEST_ROWS);

        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> engine.predict(model, DataOptions.of(testFile), ReadingOptions.NONE, mine,
                ProgressListener.NONE)).isInstanceOf(OutputException.class).hasMessageContaining("other files");
        assertThat(mine.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    @Tag("slow") // two more fits and two more predictions, about 40 s on two busy cores
    void theSameSeedGrowsTheSameForest() throws IOException {
        Map<String, String> params = Map.of("trees", "5", "max-depth", "4");
        DataOptions data = DataOptions.labelled(trainFile, SyntheticCsv.LABEL, SyntheticCsv.POSITIVE);
        Path first = dir.resolve("forest-1.zip");
        Path second = dir.resolve("forest-2.zip");
        TrainedOnCluster a = engine.train(data, spec("random-forest", params, 9), first, ProgressListener.NONE);
        TrainedOnCluster b = engine.train(data, spec("random-forest", params, 9), second, ProgressListener.NONE);
        assertThat(b.threshold()).isEqualTo(a.threshold());
        assertThat(b.validation().orElseThrow().asMap()).isEqualTo(a.validation().orElseThrow().asMap());
        Path outA = dir.resolve("forest-1.csv");
        Path outB = dir.resolve("forest-2.csv");
        engine.predict(first, DataOptions.of(testFile), ReadingOptions.NONE, outA, ProgressListener.NONE);
        engine.predict(second, DataOptions.of(testFile), ReadingOptions.NONE, outB, ProgressListener.NONE);
        assertThat(Files.readAllLines(outB)).isEqualTo(Files.readAllLines(outA));
    }

    @Test
    void aModelThatCannotBeWrittenLeavesNothingBehind() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("occupied"));
        Path target = Files.createDirectories(folder.resolve("model.zip"));
        Files.writeString(target.resolve("inside"), "a folder where the model would go");
        assertThatThrownBy(() -> engine.train(DataOptions.labelled(trainFile, SyntheticCsv.LABEL,
                        SyntheticCsv.POSITIVE), spec("logistic", Map.of(), 42).withFit(spec("logistic", Map.of(), 42)
                        .fit().withThreshold(dev.rareclass.domain.experiment.FitSettings.threshold("0.5"), 0)),
                target, ProgressListener.NONE)).isInstanceOf(OutputException.class);
        try (var left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("model.zip");
        }
    }

    @Test
    void whatTheModelCannotReadIsRefusedInOneLine() {
        Path shifted = SyntheticCsv.write(dir.resolve("renamed.csv"), 200, 10, 1.5, 3, "x1,x9,noise,colour,label");
        assertThatThrownBy(() -> engine.evaluate(model, DataOptions.of(shifted), ReadingOptions.NONE,
                ProgressListener.NONE)).isInstanceOf(DataException.class)
                .hasMessage(shifted + ": no column 'x2'; the model reads x1, x2, noise, colour");
        ReadingOptions imputing = new ReadingOptions(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(dev.rareclass.domain.preprocess.MissingPolicy.MEAN));
        assertThatThrownBy(() -> engine.evaluate(model, DataOptions.of(testFile), imputing, ProgressListener.NONE))
                .isInstanceOf(UsageException.class).hasMessageContaining("trained without imputation");
        ReadingOptions dropping = new ReadingOptions(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(List.of("x2")), Optional.empty(), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> engine.evaluate(model, DataOptions.of(testFile), dropping, ProgressListener.NONE))
                .isInstanceOf(UsageException.class)
                .hasMessage("--drop x2: the model reads column x2; it cannot do without it");
    }

    /**
     * A format the model remembers that this engine does not read (an altered file) is refused naming the model file,
     * not blamed on a --format never given; one it reads is taken in any case, and a format the user gives wins.
     */
    @Test
    void aRememberedFormatTheEngineDoesNotReadIsRefusedNamingTheModel() throws IOException {
        java.util.function.Function<String, java.util.function.UnaryOperator<String>> rememberedAs = f -> json ->
                json.replaceFirst("(\"read_with\"\\s*:\\s*\\{\\s*\"format\"\\s*:\\s*)(null|\"[^\"]*\")",
                        "$1\"" + f + "\"");
        Path arff = rewritten("arff.zip", resigned(rememberedAs.apply("arff")));
        assertThatThrownBy(() -> engine.evaluate(arff, DataOptions.of(testFile), ReadingOptions.NONE,
                ProgressListener.NONE)).isInstanceOf(DataException.class)
                .hasMessage(arff + ": refused: its training data was read as 'arff', a format the Spark engine does "
                        + "not read (known: csv, tsv, parquet); give the table's --format");
        ReadingOptions csv = new ReadingOptions(Optional.of("CSV"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        EvaluatedOnCluster given = engine.evaluate(arff, DataOptions.of(testFile), csv, ProgressListener.NONE);
        Path upper = rewritten("upper.zip", resigned(rememberedAs.apply("CSV")));
        EvaluatedOnCluster remembered = engine.evaluate(upper, DataOptions.of(testFile), ReadingOptions.NONE,
                ProgressListener.NONE);
        EvaluatedOnCluster asTrained = engine.evaluate(model, DataOptions.of(testFile), ReadingOptions.NONE,
                ProgressListener.NONE);
        // every metric, the counts and the threshold, as printed in full
        assertThat(given.evaluation().metrics()).hasToString(asTrained.evaluation().metrics().toString());
        assertThat(remembered.evaluation().metrics()).hasToString(asTrained.evaluation().metrics().toString());
    }

    // ---- the hostile corpus: every file refused as bad data, in one line naming it, before Spark reads it

    /** Refused by predict's and evaluate's load and by inspect's description alike. */
    private static void assertRefused(Path file, String why) {
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable reading : List.<org.assertj.core.api.ThrowableAssert
                .ThrowingCallable>of(() -> SparkModelFile.read(file, SPARK.session()),
                () -> SparkModelFile.describe(file))) {
            assertThatThrownBy(reading)
                    .isInstanceOf(DataException.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).startsWith(file + ": ").contains(why).doesNotContain("\n");
                        assertThat(((DataException) e).exitCode()).isEqualTo(65);
                    });
        }
    }

    @Test
    void inspectDescribesTheModelFromItsFileWithoutSpark() {
        ModelDescription d = new SparkProvider().describeModel(model).orElseThrow();
        assertThat(d.facts()).containsEntry("model", "logistic@spark").containsEntry("threshold policy", "max-f1")
                .containsEntry("label", SyntheticCsv.LABEL + " (positive: " + SyntheticCsv.POSITIVE + ", negative: no)")
                .containsEntry("input columns", "4")
                .containsEntry("threshold", dev.rareclass.domain.threshold.ThresholdPolicies.text(trained.threshold()));
        assertThat(d.structure()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(d.structure().getLast()).startsWith("LogisticRegressionModel: ").contains("maxIter=");
        assertThat(d.validationMetrics().get("pr_auc"))
                .isEqualTo(trained.validation().orElseThrow().get(MetricName.PR_AUC));
        assertThat(d.provenance()).containsEntry("table rows", Integer.toString(TRAIN_ROWS))
                .containsEntry("validation rows", Integer.toString(TRAIN_ROWS / 5))
                .containsEntry("threshold chosen", trained.selection());
        assertThat(d.json()).contains("\"format\" : \"rareclass-spark-model\"");
    }

    @Test
    void inspectLeavesEveryOtherFileToTheInMemoryStore() throws IOException {
        Path inMemory = dir.resolve("other.rareclass");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(inMemory))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        SparkProvider provider = new SparkProvider();
        for (Path other : List.of(inMemory, Files.writeString(dir.resolve("text.csv"), "a,b\n1,2\n"),
                dir.resolve("missing.zip"), dir)) {
            assertThat(provider.describeModel(other)).as(other.toString()).isEmpty();
        }
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("not-a-zip.zip"), "x1,x2\n1,2\n");
        assertRefused(text, "not a zip");
    }

    @Test
    void aTruncatedModelIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        Path cut = Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(cut, "not a zip");
    }

    @Test
    void aFlippedByteInAPipelineFileIsRefused() throws IOException {
        Path altered = rewritten("flipped.zip", e -> {
            String data = e.keySet().stream().filter(n -> n.startsWith("pipeline/stages/") && n.contains("/data/"))
                    .findFirst().orElseThrow();
            byte[] b = e.get(data).clone();
            b[b.length / 2] ^= 0x01;
            e.put(data, b);
        });
        assertRefused(altered, "does not match its checksum");
    }

    @Test
    void aManifestEditedWithoutItsChecksumIsRefused() throws IOException {
        Path altered = rewritten("threshold.zip", e -> e.put(SparkModelFile.MANIFEST, new String(
                e.get(SparkModelFile.MANIFEST), StandardCharsets.UTF_8).replaceFirst("\"value\" : [0-9.E-]+",
                "\"value\" : 0.001").getBytes(StandardCharsets.UTF_8)));
        assertThat(entries(altered).get(SparkModelFile.MANIFEST)).isNotEqualTo(entries(model).get(SparkModelFile.MANIFEST));
        assertRefused(altered, "the manifest does not match its checksum");
    }

    @Test
    void entriesOutsideTheModelAreRefused() throws IOException {
        assertRefused(rewritten("dotdot.zip", e -> e.put("../x", new byte[] {1})), "leads outside the model");
        assertRefused(rewritten("dotdot-inside.zip", e -> e.put("pipeline/../../x", new byte[] {1})),
                "leads outside the model");
        assertRefused(rewritten("absolute.zip", e -> e.put("/tmp/x", new byte[] {1})), "is an absolute path");
    }

    @Test
    void aHugeEntryCountIsRefusedBeforeAnyEntryIsRead() throws IOException {
        Path many = dir.resolve("many.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i <= SparkModelFile.MAX_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("pipeline/e" + i));
                zip.closeEntry();
            }
        }
        assertRefused(many, "more than the 10000");
    }

    @Test
    void aModelWithoutItsManifestIsRefused() throws IOException {
        assertRefused(rewritten("no-manifest.zip", e -> e.remove(SparkModelFile.MANIFEST)),
                "no " + SparkModelFile.MANIFEST);
    }

    @Test
    void aManifestOfAnotherFormatOrVersionIsRefused() throws IOException {
        assertRefused(rewritten("v2.zip", resigned(json -> json.replace("\"version\" : 1", "\"version\" : 2"))),
                "unsupported model format 'rareclass-spark-model' version 2");
        assertRefused(rewritten("other.zip", resigned(json -> json.replace("rareclass-spark-model", "other-model"))),
                "unsupported model format 'other-model'");
    }

    @Test
    void aFileOfTheFirstReleaseWithoutRefitReadsAsOneFitAndARefitThatIsNotABooleanIsRefused() throws IOException {
        Path older = rewritten("no-refit.zip", resigned(json -> json.replaceFirst(",\\s*\"refit\" : true", "")));
        assertThat(new String(entries(older).get(SparkModelFile.MANIFEST), StandardCharsets.UTF_8)).doesNotContain("refit");
        SparkModelFile.Described described = SparkModelFile.describe(older);
        assertThat(described.manifest().refit()).isFalse();
        assertThat(described.description().provenance().get("threshold chosen")).endsWith("one fit, not refit on the "
                + "held-out rows");
        assertRefused(rewritten("refit-text.zip", resigned(json -> json.replace("\"refit\" : true", "\"refit\" : \"yes\""))),
                "manifest field 'training.refit' is not true or false");
    }

    @Test
    void aResignedPipelineNamingAForeignClassIsRefusedBeforeSparkLoadsIt() throws IOException {
        Path altered = rewritten("foreign-class.zip", e -> {
            String metadata = e.keySet().stream().filter(n -> n.startsWith("pipeline/metadata/part-"))
                    .findFirst().orElseThrow();
            byte[] changed = new String(e.get(metadata), StandardCharsets.UTF_8)
                    .replace("org.apache.spark.ml.PipelineModel", "org.apache.spark.ml.feature.SQLTransformer")
                    .getBytes(StandardCharsets.UTF_8);
            e.put(metadata, changed);
            String json = new String(e.get(SparkModelFile.MANIFEST), StandardCharsets.UTF_8);
            String sum = SparkModelManifest.parse(e.get(SparkModelFile.MANIFEST)).checksums().get(metadata);
            e.put(SparkModelFile.MANIFEST, json.replace(sum, sha256(changed)).getBytes(StandardCharsets.UTF_8));
            resign(e);
        });
        assertRefused(altered, "names class 'org.apache.spark.ml.feature.SQLTransformer'");
    }

    @Test
    void anInMemoryModelFileSaysToLeaveOutTheSparkEngine() throws IOException {
        Path inMemory = dir.resolve("in-memory.rareclass");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(inMemory))) {
            for (String name : List.of("manifest.json", "classifier.bin", "manifest.sha256")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        assertRefused(inMemory, "an in-memory rareclass model, not a Spark engine one: evaluate or predict with it "
                + "without --engine spark");
    }

    @Test
    void theUnalteredFileLoads() {
        SparkModelFile.Loaded loaded = SparkModelFile.read(model, SPARK.session());
        assertThat(loaded.manifest().threshold()).isEqualTo(trained.threshold());
        assertThat(loaded.pipeline().stages()).isNotEmpty();
    }

    // ---- helpers

    private static Map<String, byte[]> entries(Path zipFile) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry e : new ArrayList<>(zip.stream().toList())) {
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** The trained model's entries changed by {@code change}, written as another zip. */
    private static Path rewritten(String name, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> e = entries(model);
        change.accept(e);
        Path out = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : e.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    /** A change of the manifest's text with its checksum made to match, as a forger would. */
    private static Consumer<Map<String, byte[]>> resigned(java.util.function.UnaryOperator<String> edit) {
        return e -> {
            String json = new String(e.get(SparkModelFile.MANIFEST), StandardCharsets.UTF_8);
            String changed = edit.apply(json);
            assertThat(changed).isNotEqualTo(json);
            e.put(SparkModelFile.MANIFEST, changed.getBytes(StandardCharsets.UTF_8));
            resign(e);
        };
    }

    private static void resign(Map<String, byte[]> e) {
        e.put(SparkModelFile.MANIFEST_SUM, sha256(e.get(SparkModelFile.MANIFEST)).getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
