package dev.rareclass.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.Provenance;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.model.TrainingHistory;
import dev.rareclass.domain.preprocess.FeatureSelector;
import dev.rareclass.domain.preprocess.FittedPreprocessor;
import dev.rareclass.domain.preprocess.NumericTransform;
import dev.rareclass.domain.preprocess.OneHotTransform;
import dev.rareclass.domain.preprocess.TextTransform;
import dev.rareclass.domain.preprocess.UnknownCategories;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipModelStoreTest {

    @TempDir
    Path dir;

    /** A linear classifier whose whole state is its weights: enough to prove the round trip. */
    record Linear(double[] w, Optional<TrainingHistory> hist) implements TrainedClassifier {
        public String kind() {
            return "linear";
        }

        public String backend() {
            return "test";
        }

        public Hyperparameters params() {
            return Hyperparameters.of(Map.of("l2", "0.1"));
        }

        public double[] scores(FeatureMatrix x) {
            double[] out = new double[x.rows()];
            for (int r = 0; r < x.rows(); r++) {
                double z = 0;
                for (int c = 0; c < x.cols(); c++) {
                    z += w[c] * x.get(r, c);
                }
                out[r] = 1 / (1 + Math.exp(-z));
            }
            return out;
        }

        public ScoreKind scoreKind() {
            return ScoreKind.PROBABILITY;
        }

        public Optional<TrainingHistory> history() {
            return hist;
        }

        public String summary() {
            return "linear, " + w.length + " weights";
        }
    }

    static class LinearCodec implements ModelCodec {
        public String backend() {
            return "test";
        }

        public byte[] encode(TrainedClassifier c) {
            double[] w = ((Linear) c).w();
            ByteBuffer b = ByteBuffer.allocate(8 * w.length);
            for (double v : w) {
                b.putDouble(v);
            }
            return b.array();
        }

        public TrainedClassifier decode(byte[] bytes, String kind, Hyperparameters params, TrainingHistory history) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            double[] w = new double[bytes.length / 8];
            for (int i = 0; i < w.length; i++) {
                w[i] = b.getDouble();
            }
            return new Linear(w, Optional.ofNullable(history));
        }
    }

    static class Catalog implements TrainerCatalog {
        public TrainerFactory find(dev.rareclass.domain.model.ModelId model) {
            throw new UnsupportedOperationException();
        }

        public List<dev.rareclass.domain.model.ModelId> models() {
            return List.of();
        }

        public ModelCodec codec(String backend) {
            return new LinearCodec();
        }
    }

    private final ZipModelStore store = new ZipModelStore(new Catalog());

    static FittedPipeline model() {
        TrainingHistory h = new TrainingHistory(List.of(new EpochRecord(1, Map.of("loss", 0.5)),
                new EpochRecord(2, Map.of("loss", 0.25))), 2);
        FittedPreprocessor pre = new FittedPreprocessor(List.of(new NumericTransform("a", Double.NaN, 1, 3),
                new NumericTransform("b", 2.5, 2, 4),
                new OneHotTransform("c", List.of("x", "y"), "y", UnknownCategories.ERROR)));
        return new FittedPipeline(new LabelMapping("y", "yes"), pre, new FeatureSelector(new int[] {0, 1, 2, 3}, 4),
                new Linear(new double[] {0.5, -1.25, 1, 2}, Optional.of(h)), 0.37, "max-f1", "smote", "none",
                Map.of("pr_auc", 0.8, "mcc", Double.NaN),
                new Provenance("2026-01-01T00:00:00Z", "dev", "25", "t.csv", "abc", 42, 80, 20));
    }

    @Test
    void aSavedModelLoadsBackWithTheSameScoresAndManifest() {
        Path file = dir.resolve("m.model");
        store.save(model(), file);
        FittedPipeline back = store.load(file);
        Table x = new Table("new.csv", List.of(new NumericColumn("a", new float[] {1, -3}),
                new NumericColumn("b", new float[] {2, Float.NaN}),
                new CategoricalColumn("c", List.of("y", "x"), new int[] {0, -1})), null, null, new int[] {1, 2}, List.of());
        assertThat(back.scores(x)).containsExactly(model().scores(x));
        assertThat(back.preprocessor().transforms()).hasSize(3);
        assertThat(((OneHotTransform) back.preprocessor().transforms().get(2)).unknown()).isEqualTo(UnknownCategories.ERROR);
        assertThat(((NumericTransform) back.preprocessor().transforms().get(1)).impute()).isEqualTo(2.5);
        assertThat(((NumericTransform) back.preprocessor().transforms().get(0)).impute()).isNaN();
        assertThat(back.threshold()).isEqualTo(0.37);
        assertThat(back.thresholdPolicy()).isEqualTo("max-f1");
        assertThat(back.sampler()).isEqualTo("smote");
        assertThat(back.featureNames()).containsExactly("a", "b", "c");
        assertThat(back.labelMapping()).isEqualTo(new LabelMapping("y", "yes"));
        assertThat(back.validationMetrics().get("pr_auc")).isEqualTo(0.8);
        assertThat(back.validationMetrics().get("mcc")).isNaN();
        assertThat(back.provenance()).isEqualTo(model().provenance());
        assertThat(back.classifier().params().asMap()).containsEntry("l2", "0.1");
        assertThat(back.classifier().history().orElseThrow().epochs()).hasSize(2);
        assertThat(back.classifier().history().orElseThrow().bestEpoch()).isEqualTo(2);
        assertThat(store.manifest(file).path("summary").asText()).isEqualTo("linear, 4 weights");
    }

    /** The first fit's history (validation loss per epoch) is the learning curve of a model refit on every row. */
    @Test
    void theFirstFitsHistoryIsSavedBesideTheRefitsAndDrawnAsTheLearningCurve() {
        TrainingHistory first = new TrainingHistory(List.of(new EpochRecord(1, Map.of("loss", 0.6, "val_loss", 0.7)),
                new EpochRecord(2, Map.of("loss", 0.4, "val_loss", 0.5)), new EpochRecord(3, Map.of("loss", 0.3,
                "val_loss", Double.NaN))), 2);
        Path file = dir.resolve("first.model");
        store.save(model().withFirstFitHistory(first), file);
        FittedPipeline back = store.load(file);
        assertThat(back.firstFitHistory().orElseThrow().bestEpoch()).isEqualTo(2);
        assertThat(back.firstFitHistory().orElseThrow().epochs()).hasSize(3);
        assertThat(back.firstFitHistory().orElseThrow().epochs().get(1).values()).containsEntry("val_loss", 0.5);
        assertThat(back.firstFitHistory().orElseThrow().epochs().get(2).values().get("val_loss")).isNaN();
        assertThat(back.learningCurve()).isEqualTo(back.firstFitHistory());
        // the refit's own history, its training loss, stays the classifier's
        assertThat(back.classifier().history().orElseThrow().epochs()).hasSize(2);
        // a model without one (saved before it was kept, or never refit) draws its classifier's history
        Path plain = dir.resolve("plain.model");
        store.save(model(), plain);
        assertThat(store.manifest(plain).has("first_fit_history")).isFalse();
        assertThat(store.load(plain).learningCurve().orElseThrow().epochs()).hasSize(2);
    }

    @Test
    void aTextColumnsVocabularyIsSavedInInputOrder() {
        FittedPreprocessor pre = new FittedPreprocessor(List.of(new NumericTransform("a", Double.NaN, 1, 3)),
                List.of(new TextTransform("review", List.of("bad", "café", "good"))), List.of("review", "a"));
        // one weight per feature the classifier sees: the dense column, then the 3 words (a load checks the width)
        FittedPipeline model = new FittedPipeline(new LabelMapping("y", "pos"), pre, null,
                new Linear(new double[] {0.5, 0.1, 0.2, 0.3}, Optional.empty()),
                0.5, "max-f1", "none", "none", Map.of(), model().provenance());
        Path file = dir.resolve("text.model");
        store.save(model, file);
        FittedPipeline back = store.load(file);
        assertThat(back.featureNames()).containsExactly("review", "a");
        assertThat(back.preprocessor().textTransforms()).singleElement()
                .satisfies(t -> assertThat(t.vocabulary()).containsExactly("bad", "café", "good"));
        Table x = new Table("new.csv", List.of(new TextColumn("review", new String[] {"Good, not BAD", "Café"}),
                new NumericColumn("a", new float[] {4, 7})), null, null, new int[] {1, 2}, List.of());
        FeatureMatrix m = back.preprocessor().transform(x);
        assertThat(m.data()).containsExactly(1f, 2f);
        assertThat(m.sparse().orElseThrow().row(0)).containsExactly(0, 2);
        assertThat(m.sparse().orElseThrow().row(1)).containsExactly(1);
        assertThat(store.manifest(file).path("preprocessing").path("columns").get(0).path("type").asText()).isEqualTo("text");
    }

    /** A saved model whose {@code entry} is then changed by {@code mutation} is refused with {@code message}. */
    private void assertAlteredEntryRefused(String entry, Mutation mutation, String message) throws IOException {
        Path file = dir.resolve("m.model");
        store.save(model(), file);
        Path altered = rewrite(file, entry, mutation);
        assertThatThrownBy(() -> store.load(altered)).isInstanceOf(DataException.class)
                .hasMessageContaining(message);
    }

    /** The reference row reason codes compare with travels in the manifest, one value per input column. */
    @Test
    void theReferenceRowRoundTripsAndAnOlderFileHasNone() throws IOException {
        FittedPipeline m = model();
        FittedPipeline withReference = new FittedPipeline(m.labelMapping(), m.preprocessor(), m.selector().orElse(null),
                m.classifier(), m.threshold(), m.thresholdPolicy(), m.sampler(), m.classWeight(), m.validationMetrics(),
                m.provenance(), new dev.rareclass.domain.experiment.ReferenceRow(java.util.Arrays.asList(1.5, Double.NaN,
                "y")), null, null, null);
        Path file = dir.resolve("ref.model");
        store.save(withReference, file);
        assertThat(store.load(file).referenceRow().orElseThrow().values()).containsExactly(1.5, Double.NaN, "y");
        Path old = dir.resolve("old.model");
        store.save(m, old);
        assertThat(store.load(old).referenceRow()).isEmpty();

        // a re-signed manifest whose reference has the wrong type, or is given for some columns only, is refused
        Path wrongType = resigned(file, "wrong-type.model", json -> json.replaceFirst("\"reference\" : 1.5",
                "\"reference\" : \"1.5\""));
        assertThatThrownBy(() -> store.load(wrongType)).isInstanceOf(DataException.class)
                .hasMessageContaining("'reference' of column 'a' is not a number");
        Path some = resigned(file, "some.model", json -> json.replaceFirst("\"reference\" : 1.5,", ""));
        assertThatThrownBy(() -> store.load(some)).isInstanceOf(DataException.class)
                .hasMessageContaining("reference value for some columns only");
        Path threshold = resigned(file, "threshold.model", json -> json.replaceFirst("\"value\" : 0.37",
                "\"value\" : \"abc\""));
        assertThatThrownBy(() -> store.load(threshold)).isInstanceOf(DataException.class)
                .hasMessageContaining("'threshold' has no numeric value");
    }

    @Test
    void aLibrarysAccountOfAPayloadItCannotReadIsShownWithoutJavasClassNames() {
        // DL4J's account of a configuration with an unknown @class was two lines of advice on its legacy formats, and a
        // kernel size given as text leaked a ClassCastException's message
        assertThat(ZipModelStore.detail(new IllegalStateException("class org.nd4j.shade.jackson.databind.node.TextNode "
                + "cannot be cast to class org.nd4j.shade.jackson.databind.node.ArrayNode"))).isEmpty();
        assertThat(ZipModelStore.detail(new RuntimeException("Error deserializing: org.deeplearning4j.nn.conf.layers.Foo"
                + "\nThis may be a legacy format"))).isEmpty();
        assertThat(ZipModelStore.detail(new RuntimeException("the network has 3 inputs\nsecond line")))
                .isEqualTo(" (the network has 3 inputs)");
        assertThat(ZipModelStore.detail(new RuntimeException((String) null))).isEmpty();
    }

    @Test
    void aNamedPipeOrADeviceIsRefusedAtOnceRatherThanWaitedOn() throws Exception {
        Path pipe = dir.resolve("pipe.model");
        Process mk = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available here");
        // no writer: opening it waited for one (inspect, predict and serve hung)
        assertThatThrownBy(() -> store.load(pipe)).isInstanceOf(dev.rareclass.domain.error.InputMissingException.class)
                .hasMessage(pipe + ": is a named pipe or a device, not a rareclass model file (save the model to a "
                        + "file first)");
        assertThatThrownBy(() -> store.load(Path.of("/dev/zero")))
                .isInstanceOf(dev.rareclass.domain.error.InputMissingException.class).hasMessageContaining("device");
    }

    @Test
    void aClassifierWithoutAFiniteScoreIsRefusedOnLoad() {
        // a NaN weight (a forged payload, re-signed): every row would score NaN, and a server would answer null
        FittedPipeline m = model();
        FittedPipeline nan = new FittedPipeline(m.labelMapping(), m.preprocessor(), m.selector().orElse(null),
                new Linear(new double[] {0.5, Double.NaN, 1, 2}, Optional.empty()), m.threshold(), m.thresholdPolicy(),
                m.sampler(), m.classWeight(), m.validationMetrics(), m.provenance());
        Path file = dir.resolve("nan.model");
        store.save(nan, file);
        assertThatThrownBy(() -> store.load(file)).isInstanceOf(DataException.class)
                .hasMessage(file + ": refused: its classifier gives no finite score (NaN) for a row of zeros");
    }

    @Test
    void aResignedManifestAtOddsWithItselfOrWithValuesOfTheWrongTypeIsRefusedNamingWhy() throws IOException {
        Path file = dir.resolve("m.model");
        store.save(model(), file);
        // each: the manifest's text, what a forger made of it, what the refusal says
        String[][] forgeries = {
            // predictions would name both classes 'yes'
            {"\"negative\" : \"not yes\"", "\"negative\" : \"yes\"", "label 'y' names both classes 'yes'"},
            // every row predicted and counted negative
            {"\"positive\" : \"yes\"", "\"positive\" : \" \"", "manifest field 'positive' is empty"},
            // a number of the wrong type was read as 0 (a string, a list, null) or 1 (true), and scored silently
            {"\"offset\" : 1.0", "\"offset\" : \"x\"", "column a: 'offset' is not a number"},
            {"\"offset\" : 1.0", "\"offset\" : \"5\"", "column a: 'offset' is not a number"},
            {"\"offset\" : 1.0", "\"offset\" : true", "column a: 'offset' is not a number"},
            {"\"offset\" : 1.0", "\"offset\" : [1]", "column a: 'offset' is not a number"},
            {"\"offset\" : 1.0", "\"offset\" : null", "column a: 'offset' is not a number"},
            {"\"x\", \"y\"", "\"x\", 7", "column c: 'levels' holds number, not text"},
            // two one-hot columns for one category: the second would never be set
            {"\"x\", \"y\"", "\"x\", \"x\"", "column c lists the category 'x' twice"},
            // at odds with itself, the manifest was blamed on every table given to it ("missing column(s) y")
            {"\"input\" : \"a\"", "\"input\" : \"y\"", "its label column 'y' is also one of its inputs"},
            {"\"input\" : \"a\"", "\"input\" : \"b\"", "input column b is named twice"},
            // each said "unsupported model format  v" or called the field missing, naming nothing that was wrong
            {"\"format\" : \"rareclass-model\",", "", "unsupported model format (none) v1 (this build reads rareclass-model v1)"},
            {"\"kind\" : \"", "\"kind\" : 7, \"x\" : \"", "manifest field 'kind' is a number, not text"},
        };
        for (String[] f : forgeries) {
            Path forged = resigned(file, "forged.model", json -> json.replaceFirst(java.util.regex.Pattern.quote(f[0]),
                    java.util.regex.Matcher.quoteReplacement(f[1])));
            assertThatThrownBy(() -> store.load(forged)).as(f[1]).isInstanceOf(DataException.class)
                    .hasMessageStartingWith(forged + ": ").hasMessageContaining(f[2]);
        }
    }

    @Test
    void aResignedManifestThatIsNoJsonObjectIsRefusedSayingSo() throws IOException {
        Path file = dir.resolve("m.model");
        store.save(model(), file);
        for (String root : java.util.List.of("[]", "null", "42", "\"rareclass-model\"")) {
            Path forged = resigned(file, "forged.model", json -> root);
            assertThatThrownBy(() -> store.load(forged)).as(root).isInstanceOf(DataException.class)
                    .hasMessageStartingWith(forged + ": refused: the manifest is a JSON ").hasMessageEndingWith(", not an object");
        }
    }

    /** The file with its manifest edited and its manifest checksum made to match again (a forger's file). */
    private Path resigned(Path file, String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        java.util.Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        String json = new String(parts.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8);
        String edited = edit.apply(json);
        assertThat(edited).as("the edit applies").isNotEqualTo(json);
        byte[] manifest = edited.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        parts.put("manifest.json", manifest);
        parts.put("manifest.sha256", dev.rareclass.domain.experiment.Checksums.sha256(manifest)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path out = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (var p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    @Test
    void anAlteredClassifierIsRefused() throws IOException {
        assertAlteredEntryRefused("classifier.bin", bytes -> bytes[0] ^= 1, "checksum does not match");
    }

    @Test
    void anAlteredManifestIsRefused() throws IOException {
        assertAlteredEntryRefused("manifest.json", bytes -> {
            String s = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("0.37", "0.01");
            System.arraycopy(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, bytes, 0, bytes.length);
        }, "manifest's checksum");
    }

    @Test
    void aTruncatedFileAndAForeignFileAreRefused() throws IOException {
        Path file = dir.resolve("m.model");
        store.save(model(), file);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.model");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> store.load(cut)).isInstanceOf(DataException.class).hasMessageContaining("refused");
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> store.load(text)).isInstanceOf(DataException.class).hasMessageContaining("not a rareclass model");
        assertThatThrownBy(() -> store.load(dir.resolve("absent.model"))).isInstanceOf(InputMissingException.class);
    }

    @Test
    void aSparkEngineModelSaysToAddTheSparkEngineInOneLine() throws IOException {
        // the entries train --engine spark writes (backend-spark's SparkModelFile), their contents beside the point
        Path spark = dir.resolve("spark-model.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(spark))) {
            for (String name : List.of("pipeline/metadata/part-00000", "rareclass-spark.json",
                    "rareclass-spark.sha256")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(new byte[] {'{', '}'});
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> store.load(spark)).isInstanceOf(DataException.class)
                .hasMessage(spark + ": a Spark engine model (train --engine spark wrote it): add --engine spark to "
                        + "evaluate or predict with it");
    }

    @Test
    void aResignedManifestOfMillionsOfValuesIsRefusedBeforeItFillsTheHeap() throws IOException {
        // 2.5 million empty history entries (5 million JSON tokens, 7.5 MB) in a manifest whose checksum matches:
        // 20 million took 50 s and a 6 GB heap before the token limit
        Path file = dir.resolve("m.model");
        store.save(model(), file);
        Path forged = dir.resolve("history.model");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(forged))) {
            byte[] manifest = null;
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    manifest = text.replaceFirst("\\{", "{\"history\":{\"epochs\":["
                            + "{},".repeat(2_500_000) + "{}],\"best_epoch\":1},").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    bytes = manifest;
                } else if (e.getName().equals("manifest.sha256")) {
                    continue; // written after the manifest, from it
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("manifest.sha256"));
            zip.write(dev.rareclass.domain.experiment.Checksums.sha256(manifest).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> store.load(forged)).isInstanceOf(DataException.class)
                .hasMessageContaining("history.model").hasMessageContaining("the manifest holds more than 4000000");
    }

    /**
     * Re-signed manifests past Jackson's other limits are refused for what they are (they were all "more than 4000000
     * JSON values"), and text after the manifest's object is refused (it was read as the object alone).
     */
    @Test
    void aResignedManifestPastALimitOrWithTextAfterItIsRefusedSayingWhich() throws IOException {
        Path file = dir.resolve("limits.model");
        store.save(model(), file);
        Path deep = resigned(file, "deep.model", j -> j.replaceFirst("\\{", "{\"zzz\":" + "[".repeat(2000)
                + "]".repeat(2000) + ","));
        assertThatThrownBy(() -> store.load(deep)).isInstanceOf(DataException.class)
                .hasMessage(deep + ": refused: the manifest nests its values deeper than JSON readers allow, far deeper "
                        + "than a model writes");
        Path longString = resigned(file, "long.model", j -> j.replaceFirst("\\{", "{\"zzz\":\"" + "a".repeat(30_000_000)
                + "\","));
        assertThatThrownBy(() -> store.load(longString)).isInstanceOf(DataException.class)
                .hasMessageContaining("the manifest holds a name, number or string longer than JSON readers allow");
        for (String after : new String[] {" garbage ]]]", " {}", "\n{\"threshold\": 0.9}"}) {
            Path trailing = resigned(file, "trailing.model", j -> j.strip() + after);
            assertThatThrownBy(() -> store.load(trailing)).as(after).isInstanceOf(DataException.class)
                    .hasMessage(trailing + ": refused: the manifest is not valid JSON");
        }
        Path spaces = resigned(file, "spaces.model", j -> j + "\n\n  ");
        assertThat(store.load(spaces)).as("white space after the object is no text").isNotNull();
    }

    @Test
    void savingIntoAMissingFolderFailsWithoutLeavingAFile() {
        Path file = dir.resolve("no-such-dir").resolve("m.model");
        assertThatThrownBy(() -> store.save(model(), file)).isInstanceOf(OutputException.class);
        assertThat(dir.resolve("no-such-dir")).doesNotExist();
    }

    @Test
    void aFailedWriteLeavesNoPartialFile() throws IOException {
        Path file = dir.resolve("m.model");
        TrainerCatalog failing = new Catalog() {
            @Override
            public ModelCodec codec(String backend) {
                return new LinearCodec() {
                    @Override
                    public byte[] encode(TrainedClassifier c) {
                        throw new IllegalStateException("boom");
                    }
                };
            }
        };
        assertThatThrownBy(() -> new ZipModelStore(failing).save(model(), file)).hasMessageContaining("boom");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    interface Mutation {
        void apply(byte[] bytes);
    }

    private Path rewrite(Path file, String entry, Mutation mutation) throws IOException {
        Path out = dir.resolve("altered.model");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    mutation.apply(bytes);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }
}
