package dev.rareclass.adapters.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rareclass.adapters.io.AtomicFiles;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.experiment.Checksums;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.Provenance;
import dev.rareclass.domain.experiment.Calibration;
import dev.rareclass.domain.experiment.Environment;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.experiment.ReferenceRow;
import dev.rareclass.domain.experiment.PriorCorrection;
import java.util.Optional;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.model.TrainingHistory;
import dev.rareclass.domain.preprocess.ColumnTransform;
import dev.rareclass.domain.preprocess.FeatureSelector;
import dev.rareclass.domain.preprocess.FittedPreprocessor;
import dev.rareclass.domain.preprocess.NumericTransform;
import dev.rareclass.domain.preprocess.OneHotTransform;
import dev.rareclass.domain.preprocess.TextTransform;
import dev.rareclass.domain.preprocess.UnknownCategories;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A model is one zip file with three entries:
 * <ul>
 *   <li>{@code manifest.json} — format and version, input schema, label mapping, preprocessing (one fitted
 *       transform per input column: imputation, scaling, one-hot categories), backend,
 *       kind, parameters, threshold and policy, validation metrics, training history, provenance, and the
 *       SHA-256 of every other part;</li>
 *   <li>{@code classifier.bin} — the backend's own encoding of the trained classifier (its {@link ModelCodec});</li>
 *   <li>{@code manifest.sha256} — the SHA-256 of the manifest's bytes.</li>
 * </ul>
 * Loading reads the entries with size limits, verifies every checksum, and only then hands the payload to the
 * backend's codec. Nothing is deserialized by class name: the manifest is plain JSON read as a tree.
 * Saving is atomic.
 */
public final class ZipModelStore implements dev.rareclass.domain.port.ModelStore {

    static final String FORMAT = "rareclass-model";
    static final int VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SUM = "manifest.sha256";
    static final String CLASSIFIER = "classifier.bin";
    /** The manifest of a Spark engine model file (backend-spark's own format), which this store does not read. */
    static final String SPARK_MANIFEST = "rareclass-spark.json";
    private static final long MAX_MANIFEST_BYTES = 64L << 20;
    /** An isotonic calibration keeps the ends of its steps only: far fewer points than held-out rows. */
    private static final int MAX_CALIBRATION_POINTS = 1_000_000;
    /** Less than the largest Java array: a payload is read into one. */
    private static final long MAX_PAYLOAD_BYTES = Integer.MAX_VALUE - 16;
    /**
     * How many times its file's size a model's entries may inflate to, all together, when that is more than
     * {@link #MIN_INFLATION_BUDGET} (as Apache POI's zip guard): a saved model inflates to about 3 times its file, a
     * zip bomb to about 1,000.
     */
    private static final long MAX_INFLATION = 100;
    /**
     * What any file may inflate to, however well it compresses: a k-NN model of sparse rows (one-hot or text columns,
     * stored dense) compresses far better than 100 to 1, and this much costs a second and as many bytes of heap.
     */
    private static final long MIN_INFLATION_BUDGET = 256L << 20;
    /** A reader's name as {@code --format} takes it: no path, no blank (the reader itself says which are known). */
    private static final java.util.regex.Pattern FORMAT_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** Made on first use, not when the store is created: every command is created at start-up. */
    private static final class Json {
        /**
         * Tokens a manifest may hold: a real one holds at most a few million (an isotonic calibration of
         * {@link #MAX_CALIBRATION_POINTS} points is two million), while a re-signed 57 MiB manifest of 20 million empty
         * history entries held 40 million and took 50 s and the whole heap to read.
         */
        static final long MAX_TOKENS = 4_000_000;
        // a key given twice is refused: two readers of one checksummed manifest must not see different values
        static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxTokenCount(MAX_TOKENS).build()).build())
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                // "{...} garbage ]]]" was read as its first object: the manifest must be one JSON value, whole
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The checked manifest as a tree; refused (exit 65) when it is no JSON or holds too much. */
    private static JsonNode manifestTree(byte[] bytes, String file) {
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw refused(file, beyond(e.getMessage()));
        } catch (IOException e) {
            throw refused(file, "the manifest is not valid JSON");
        }
    }

    /**
     * Which of Jackson's limits a manifest passed, in the user's words: a nesting 2,000 deep or a string of 30 million
     * characters was told it held "more than 4000000 JSON values", which sent the reader looking for the wrong thing.
     */
    private static String beyond(String jackson) {
        String m = jackson == null ? "" : jackson;
        if (m.startsWith("Token count")) {
            return "the manifest holds more than " + Json.MAX_TOKENS + " JSON values, far more than a model writes";
        }
        if (m.contains("nesting depth")) {
            return "the manifest nests its values deeper than JSON readers allow, far deeper than a model writes";
        }
        if (m.contains("length")) {
            return "the manifest holds a name, number or string longer than JSON readers allow, far longer than a "
                    + "model writes";
        }
        return "the manifest is beyond what a model writes";
    }

    private final TrainerCatalog catalog;

    @Inject
    public ZipModelStore(TrainerCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void save(FittedPipeline model, Path path) {
        TrainedClassifier classifier = model.classifier();
        byte[] payload = catalog.codec(classifier.backend()).encode(classifier);
        byte[] manifest = manifest(model, Checksums.sha256(payload));
        byte[] manifestSum = Checksums.sha256(manifest).getBytes(StandardCharsets.US_ASCII);
        AtomicFiles.write(path, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            entry(zip, MANIFEST, manifest);
            entry(zip, CLASSIFIER, payload);
            entry(zip, MANIFEST_SUM, manifestSum);
            zip.finish();
        });
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    @Override
    public FittedPipeline load(Path path) {
        Map<String, byte[]> parts = readParts(path);
        String file = path.toString();
        byte[] manifestBytes = require(parts, MANIFEST, file);
        byte[] payload = require(parts, CLASSIFIER, file);
        String expectedManifestSum = new String(require(parts, MANIFEST_SUM, file), StandardCharsets.US_ASCII).trim();
        if (!expectedManifestSum.equals(Checksums.sha256(manifestBytes))) {
            throw refused(file, "the manifest's checksum does not match (the file was altered or damaged)");
        }
        JsonNode m = manifestTree(manifestBytes, file);
        if (!m.isObject()) {
            // said "unsupported model format  v", naming nothing
            throw refused(file, "the manifest is a JSON " + m.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not an object");
        }
        if (!FORMAT.equals(m.path("format").asText()) || m.path("version").asInt() != VERSION) {
            throw refused(file, "unsupported model format " + m.path("format").asText("(none)") + " v"
                    + m.path("version").asText("(none)") + " (this build reads " + FORMAT + " v" + VERSION + ")");
        }
        String payloadSum = m.path("checksums").path(CLASSIFIER).asText();
        if (!payloadSum.equals(Checksums.sha256(payload))) {
            throw refused(file, "the classifier's checksum does not match (the file was altered or damaged)");
        }
        try {
            return pipeline(m, payload);
        } catch (DataException e) {
            // a codec's refusal: name the model file, as every other refusal does
            throw new DataException(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw refused(file, "the model could not be read" + detail(e), e);
        }
    }

    private FittedPipeline pipeline(JsonNode m, byte[] payload) {
        String backend = text(m, "backend");
        String kind = text(m, "kind");
        Hyperparameters params = Hyperparameters.of(stringMap(m.path("params")));
        TrainingHistory history = history(m.path("history"));
        ModelCodec codec = catalog.codec(backend);
        TrainedClassifier classifier = codec.decode(payload, kind, params, history);
        String positive = text(m.path("input"), "positive");
        if (positive.isBlank()) {
            // every row would be predicted and counted negative: train refuses an empty --positive
            throw new IllegalArgumentException("manifest field 'positive' is empty");
        }
        LabelMapping label = new LabelMapping(text(m.path("input"), "label"), positive,
                m.path("input").path("negative").asText(LabelMapping.otherThan(positive)));
        FittedPreprocessor preprocessor = preprocessor(m.path("preprocessing").path("columns"));
        ReferenceRow reference = reference(m.path("preprocessing").path("columns"));
        Map<String, Double> validation = new LinkedHashMap<>();
        m.path("validation_metrics").properties().forEach(e -> {
            if (!e.getValue().isNull() && !e.getValue().isNumber()) {
                // asDouble() made any text 0.0, which inspect and reports then showed as the model's
                throw new IllegalArgumentException("manifest field 'validation_metrics." + e.getKey() + "' is no number");
            }
            validation.put(e.getKey(), e.getValue().isNull() ? Double.NaN : e.getValue().asDouble());
        });
        String gives = classifier.scoreKind().name().toLowerCase(java.util.Locale.ROOT);
        String scoreKind = m.path("score_kind").asText(gives);
        if (!scoreKind.equals(gives)) {
            throw new IllegalArgumentException("manifest field 'score_kind' says " + scoreKind + ", where the "
                    + "classifier gives " + gives);
        }
        JsonNode p = m.path("provenance");
        Provenance provenance = new Provenance(p.path("created_at").asText(), p.path("rareclass_version").asText(),
                p.path("java_version").asText(), p.path("data_source").asText(), p.path("data_sha256").asText(),
                p.path("seed").asLong(), p.path("training_rows").asInt(), p.path("validation_rows").asInt(),
                readWith(p.path("read_with")), environment(p.path("environment")), p.path("threshold_selection").asText(""),
                shiftLabels(p.path("shift_labels")));
        requireConsistent(label, preprocessor, provenance.reading());
        JsonNode t = m.path("threshold");
        if (!t.path("value").isNumber() || !Double.isFinite(t.path("value").doubleValue())) {
            throw new IllegalArgumentException("manifest field 'threshold' has no numeric value");
        }
        double threshold = t.path("value").doubleValue();
        if (classifier.scoreKind() == ScoreKind.PROBABILITY && !(threshold >= 0 && threshold <= Math.nextUp(1.0))) {
            // training chooses one in [0, 1], or just above a top score of 1 (a budget that flags none)
            throw new IllegalArgumentException("manifest field 'threshold' (" + threshold + ") is outside the "
                    + "probabilities [0, 1] the classifier gives");
        }
        JsonNode features = m.path("input").path("features");
        if (!features.isMissingNode()) {
            List<String> listed = new ArrayList<>();
            features.forEach(f -> listed.add(f.asText()));
            if (!features.isArray() || !listed.equals(preprocessor.inputNames())) {
                // the input schema inspect shows and the columns the model reads must be one list
                throw new IllegalArgumentException("manifest field 'input.features' does not list the preprocessing's "
                        + preprocessor.inputNames().size() + " input columns");
            }
        }
        FeatureSelector selector = null;
        JsonNode sel = m.path("preprocessing").path("selected");
        if (sel.isArray()) {
            int[] kept = new int[sel.size()];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = sel.get(i).asInt();
            }
            selector = new FeatureSelector(kept, preprocessor.width());
        }
        requireScoresWidth(classifier, selector, preprocessor);
        return new FittedPipeline(label, preprocessor, selector, classifier, t.path("value").asDouble(),
                t.path("policy").asText(), m.path("sampler").asText("none"), m.path("class_weight").asText("none"),
                validation, provenance, reference, prior(m.path("prior_correction")), calibration(m.path("calibration")),
                history(m.path("first_fit_history")));
    }

    /**
     * A payload that disagrees with its manifest is refused when loaded, not when it first scores: the classifier must
     * score one row as the manifest's preprocessing (and feature selection) makes it, giving one score. For a model
     * with text columns that row carries an empty bag of words of the vocabulary's width: a vocabulary cut short or
     * grown in a re-signed manifest failed only at scoring, as an internal error (and as a 500 from a server that had
     * said it was ready).
     */
    private static void requireScoresWidth(TrainedClassifier classifier, FeatureSelector selector,
                                           FittedPreprocessor preprocessor) {
        int width = preprocessor.width();
        dev.rareclass.domain.data.FeatureMatrix row = dev.rareclass.domain.data.FeatureMatrix.wrap(1, width,
                new float[width]);
        String listed = width + " features";
        if (preprocessor.hasSparse()) {
            row = row.withSparse(dev.rareclass.domain.data.SparseRows.ofRows(preprocessor.sparseWidth(), new int[0]));
            listed = (width > 0 ? width + " features and " : "") + preprocessor.sparseWidth() + " words";
        }
        double[] scores;
        try {
            if (selector != null) {
                row = selector.apply(row);
                listed = selector.kept().length + " selected features";
            }
            scores = classifier.scores(classifier.readsSparseFeatures() ? row : row.densified());
        } catch (RuntimeException e) {
            throw new DataException("refused: its classifier does not take the " + listed + " its manifest lists ("
                    + e.getMessage() + ")", e);
        }
        if (scores == null || scores.length != 1) {
            throw new DataException("refused: its classifier gives " + (scores == null ? "no" : scores.length)
                    + " scores for one row");
        }
        if (!Double.isFinite(scores[0])) {
            // a NaN weight or leaf: every row would score NaN, and be served as null
            throw new DataException("refused: its classifier gives no finite score (" + scores[0] + ") for a row of "
                    + "zeros");
        }
        if (classifier.scoreKind() == ScoreKind.PROBABILITY && (scores[0] < 0 || scores[0] > 1)) {
            // no fitted classifier of probabilities does: a network's sigmoid output swapped for another activation
            throw new DataException("refused: its classifier of probabilities gives a score of " + scores[0]
                    + " for a row of zeros, outside [0, 1]");
        }
    }

    private static byte[] manifest(FittedPipeline model, String payloadSha) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        TrainedClassifier c = model.classifier();
        root.put("kind", c.kind());
        root.put("backend", c.backend());
        ObjectNode params = root.putObject("params");
        c.params().asMap().forEach(params::put);
        ObjectNode input = root.putObject("input");
        ArrayNode features = input.putArray("features");
        model.featureNames().forEach(features::add);
        input.put("label", model.labelMapping().column());
        input.put("positive", model.labelMapping().positiveValue());
        input.put("negative", model.labelMapping().negativeValue());
        ObjectNode preprocessing = root.putObject("preprocessing");
        ArrayNode columns = preprocessing.putArray("columns");
        model.selector().ifPresent(s -> {
            ArrayNode kept = preprocessing.putArray("selected");
            for (int i : s.kept()) {
                kept.add(i);
            }
        });
        FittedPreprocessor pre = model.preprocessor();
        java.util.Iterator<ColumnTransform> dense = pre.transforms().iterator();
        java.util.Iterator<TextTransform> texts = pre.textTransforms().iterator();
        java.util.Optional<ReferenceRow> reference = model.referenceRow();
        int index = 0;
        for (String name : pre.inputNames()) {
            ObjectNode col = columns.addObject();
            col.put("input", name);
            if (reference.isPresent()) {
                putReference(col, reference.get().value(index));
            }
            index++;
            // transforms and text transforms are each in input order; the input name says which comes next
            TextTransform text = pre.textTransforms().stream().anyMatch(x -> x.input().equals(name)) ? texts.next() : null;
            if (text != null) {
                col.put("type", text.inputType());
                ArrayNode words = col.putArray("vocabulary");
                text.vocabulary().forEach(words::add);
                continue;
            }
            ColumnTransform t = dense.next();
            col.put("type", t.inputType());
            switch (t) {
                case NumericTransform n -> {
                    if (Double.isNaN(n.impute())) {
                        col.putNull("impute");
                    } else {
                        col.put("impute", n.impute());
                    }
                    col.put("offset", n.offset());
                    col.put("scale", n.scale());
                }
                case OneHotTransform o -> {
                    ArrayNode levels = col.putArray("levels");
                    o.levels().forEach(levels::add);
                    if (o.impute() == null) {
                        col.putNull("impute");
                    } else {
                        col.put("impute", o.impute());
                    }
                    col.put("unknown", o.unknown().key());
                }
            }
        }
        ObjectNode threshold = root.putObject("threshold");
        threshold.put("value", model.threshold());
        threshold.put("policy", model.thresholdPolicy());
        model.priorCorrection().ifPresent(pc -> {
            ObjectNode prior = root.putObject("prior_correction");
            prior.put("fitted_prevalence", pc.fitted());
            prior.put("target_prevalence", pc.target());
            prior.put("note", "probabilities mapped from the positive share the classifier learned from (after the "
                    + "sampler and class weights) to the target share");
        });
        model.calibration().ifPresent(cal -> {
            ObjectNode node = root.putObject("calibration");
            node.put("method", cal.method());
            if (cal.method().equals("sigmoid")) {
                node.put("a", cal.a());
                node.put("b", cal.b());
            } else {
                ArrayNode xs = node.putArray("x");
                ArrayNode ys = node.putArray("y");
                for (double v : cal.x()) {
                    xs.add(v);
                }
                for (double v : cal.y()) {
                    ys.add(v);
                }
            }
            node.put("note", "applied to the scores after the prior correction, before the threshold");
        });
        root.put("sampler", model.sampler());
        root.put("class_weight", model.classWeight());
        root.put("score_kind", c.scoreKind().name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode validation = root.putObject("validation_metrics");
        model.validationMetrics().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                validation.put(k, v);
            } else {
                validation.putNull(k);
            }
        });
        c.history().ifPresent(h -> writeHistory(root.putObject("history"), h));
        // the first fit's, with its validation loss and metrics per epoch, when the model was refit on every row after it
        model.firstFitHistory().ifPresent(h -> writeHistory(root.putObject("first_fit_history"), h));
        root.put("summary", c.summary());
        Provenance p = model.provenance();
        ObjectNode prov = root.putObject("provenance");
        prov.put("created_at", p.createdAt());
        prov.put("rareclass_version", p.rareclassVersion());
        prov.put("java_version", p.javaVersion());
        prov.put("data_source", p.dataSource());
        prov.put("data_sha256", p.dataSha256());
        prov.put("seed", p.seed());
        prov.put("training_rows", p.trainingRows());
        prov.put("validation_rows", p.validationRows());
        if (!p.selection().isEmpty()) {
            prov.put("threshold_selection", p.selection());
        }
        if (!p.reading().isEmpty()) {
            putReadWith(prov.putObject("read_with"), p.reading());
        }
        if (p.shiftLabels() > 0) {
            prov.put("shift_labels", p.shiftLabels());
        }
        if (!p.environment().equals(Environment.UNKNOWN)) {
            ObjectNode env = prov.putObject("environment");
            env.put("os", p.environment().os());
            env.put("arch", p.environment().arch());
            env.put("cpus", p.environment().cpus());
            env.put("jdk", p.environment().jdk());
            env.put("commit", p.environment().commit());
        }
        root.putObject("checksums").put(CLASSIFIER, payloadSha);
        try {
            return Json.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest could not be written", e);
        }
    }

    @Override
    public String manifestJson(Path path) {
        try {
            return Json.MAPPER.writeValueAsString(manifest(path)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest could not be written", e);
        }
    }

    /** Reads the manifest alone, verified like {@link #load}. */
    public JsonNode manifest(Path path) {
        Map<String, byte[]> parts = readParts(path);
        byte[] bytes = require(parts, MANIFEST, path.toString());
        String sum = new String(require(parts, MANIFEST_SUM, path.toString()), StandardCharsets.US_ASCII).trim();
        if (!sum.equals(Checksums.sha256(bytes))) {
            throw refused(path.toString(), "the manifest's checksum does not match (the file was altered or damaged)");
        }
        return manifestTree(bytes, path.toString());
    }

    /**
     * The entries, each read in full after its size was checked. Sizes come from the zip's central directory and are
     * checked before anything is inflated: each entry against its own limit, and all of them together against
     * {@link #MIN_INFLATION_BUDGET} or {@link #MAX_INFLATION} times the file's size, whichever is more (a real model
     * compresses far less; a zip bomb far more). An entry
     * is then inflated through a stream that stops one byte past its declared size, so a zip lying about its sizes
     * costs no more memory or time than an honest one of the sizes it claims.
     */
    private static Map<String, byte[]> readParts(Path path) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new InputMissingException(file + ": is a folder, not a rareclass model file", null);
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // a named pipe would wait for a writer (and a zip is read from its end): a model is a file on disk
            throw new InputMissingException(file + ": is a named pipe or a device, not a rareclass model file (save "
                    + "the model to a file first)", null);
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.getEntry(SPARK_MANIFEST) != null) {
                throw new DataException(file + ": a Spark engine model (train --engine spark wrote it): add --engine "
                        + "spark to evaluate or predict with it");
            }
            long budget = Math.max(MIN_INFLATION_BUDGET, MAX_INFLATION * Files.size(path));
            long total = 0;
            List<ZipEntry> entries = new ArrayList<>();
            for (Iterator<? extends ZipEntry> it = zip.entries().asIterator(); it.hasNext(); ) {
                ZipEntry e = it.next();
                String name = e.getName();
                long limit = switch (name) {
                    case MANIFEST, MANIFEST_SUM -> MAX_MANIFEST_BYTES;
                    case CLASSIFIER -> MAX_PAYLOAD_BYTES;
                    default -> throw refused(file, "unexpected entry '" + printable(name) + "'");
                };
                if (entries.stream().anyMatch(seen -> seen.getName().equals(name))) {
                    throw refused(file, "entry '" + name + "' appears twice");
                }
                long size = e.getSize();
                if (size < 0 || size > limit) {
                    throw refused(file, "entry '" + name + "' declares " + (size < 0 ? "no size" : size + " bytes")
                            + ", more than the " + limit + " it may have");
                }
                total += size;
                if (total > budget) {
                    throw refused(file, "its entries would inflate to more than " + budget + " bytes, over "
                            + MAX_INFLATION + " times the file's size (a zip bomb?)");
                }
                entries.add(e);
            }
            for (ZipEntry e : entries) {
                try (InputStream in = zip.getInputStream(e)) {
                    parts.put(e.getName(), readExactly(in, e.getSize(), e.getName(), file));
                }
            }
        } catch (NoSuchFileException e) {
            // '-' stands for standard input wherever a table is read; a model is read by entries, not as a stream
            throw new InputMissingException(file.toString().equals("-")
                    ? "-: a model cannot be read from standard input; give the model file's path"
                    : file + ": no such model file", e);
        } catch (ZipException | java.io.EOFException e) {
            throw refused(file, "not a rareclass model file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InputMissingException(file + ": cannot read (" + dev.rareclass.domain.error.IoReason.of(e) + ")", e);
        }
        if (parts.isEmpty()) {
            throw refused(file, "not a rareclass model file");
        }
        requireEndRecord(path, file);
        return parts;
    }

    /** An entry name as a message may show it: at most 80 characters, control characters as {@code ?}. */
    private static String printable(String name) {
        return Quoting.clipped(name, 80);
    }

    /**
     * The entries are read in stream order, which does not need the zip's central directory; a file cut
     * short after its last entry would still read. A model file is written whole or not at all, so its end
     * must be the end-of-central-directory record (22 bytes: we write no zip comment); anything else means
     * the file was truncated, appended to or given a comment.
     */
    private static void requireEndRecord(Path path, String file) {
        try {
            java.util.Optional<String> problem = Checksums.zipEndProblem(path);
            if (problem.isPresent()) {
                throw refused(file, problem.get());
            }
        } catch (IOException e) {
            throw new InputMissingException(file + ": cannot read (" + dev.rareclass.domain.error.IoReason.of(e) + ")", e);
        }
    }

    /**
     * Exactly {@code size} bytes (the entry's declared size, within the inflation budget), inflated into one array of
     * that size and at most one byte further: an entry longer or shorter than it says is refused. One array, not the
     * chunks and then their copy that {@code readNBytes(int)} makes: a 20 MB file declaring a 2 GB payload (within the
     * budget) took 4.4 GB before its checksum refused it. A size the heap cannot hold is refused, not run out of.
     */
    private static byte[] readExactly(InputStream in, long size, String name, String file) throws IOException {
        byte[] bytes;
        try {
            bytes = new byte[(int) size];
        } catch (OutOfMemoryError e) {
            throw refused(file, "entry '" + name + "' declares " + size + " bytes, more than this JVM's heap can hold "
                    + "now (a model this large needs a larger -Xmx in JAVA_OPTS; a damaged file declares sizes it lacks)");
        }
        int got = in.readNBytes(bytes, 0, bytes.length);
        if (got != size) {
            throw refused(file, "entry '" + name + "' is shorter than the " + size + " bytes it declares");
        }
        if (in.read() != -1) {
            throw refused(file, "entry '" + name + "' is longer than the " + size + " bytes it declares");
        }
        return bytes;
    }

    private static byte[] require(Map<String, byte[]> parts, String name, String file) {
        byte[] bytes = parts.get(name);
        if (bytes == null) {
            throw refused(file, "not a rareclass model file (no " + name + ")");
        }
        return bytes;
    }

    /**
     * Refuses a manifest that contradicts itself, which no training writes: its label column among its inputs, or a
     * column it remembers dropping among them (every table would then be blamed for missing that column).
     */
    private static void requireConsistent(LabelMapping label, FittedPreprocessor preprocessor, ReadingOptions reading) {
        if (preprocessor.inputNames().contains(label.column())) {
            throw new IllegalArgumentException("its label column '" + label.column() + "' is also one of its inputs");
        }
        for (String dropped : reading.drop().orElse(List.of())) {
            if (preprocessor.inputNames().contains(dropped)) {
                throw new IllegalArgumentException("it remembers dropping '" + dropped + "', one of its inputs");
            }
        }
    }

    /**
     * What a library said of a payload it could not read, as a message shows it: its first line, in brackets; none
     * when that line speaks of Java's classes (DL4J's advice on legacy formats, a ClassCastException's message), which
     * say nothing to the user ({@code --verbose} shows them).
     */
    static String detail(RuntimeException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "";
        }
        String line = m.lines().findFirst().orElse("").strip();
        return line.isEmpty() || line.matches(".*(Exception|\\bclass\\b|\\w+\\.\\w+\\.\\w+\\.[A-Z]).*") ? ""
                : " (" + Quoting.clipped(line, 200) + ")";
    }

    private static DataException refused(String file, String why) {
        return refused(file, why, null);
    }

    /** {@link #refused(String, String)}, keeping what the library threw for {@code --verbose}. */
    private static DataException refused(String file, String why, Throwable cause) {
        return new DataException(file + ": refused: " + why, cause);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            // a number or a list was called missing too
            throw new IllegalArgumentException("manifest field '" + field + "' is "
                    + (v == null || v.isNull() ? "missing" : "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not text"));
        }
        return v.asText();
    }

    /** The prior correction of a manifest, or null when it records none (no sampler or weights, or an older file). */
    private static PriorCorrection prior(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        JsonNode fitted = node.path("fitted_prevalence");
        JsonNode target = node.path("target_prevalence");
        if (!fitted.isNumber() || !target.isNumber()) {
            throw new IllegalArgumentException("manifest field 'prior_correction' needs numeric prevalences");
        }
        return new PriorCorrection(fitted.doubleValue(), target.doubleValue());
    }

    /** The calibration of a manifest, or null when it records none. */
    private static Calibration calibration(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String method = node.path("method").asText("");
        if (method.equals("sigmoid")) {
            if (!node.path("a").isNumber() || !node.path("b").isNumber()) {
                throw new IllegalArgumentException("manifest field 'calibration' needs numeric a and b");
            }
            return new Calibration(method, node.path("a").doubleValue(), node.path("b").doubleValue(), new double[0],
                    new double[0]);
        }
        if (method.equals("isotonic")) {
            JsonNode xs = node.path("x");
            JsonNode ys = node.path("y");
            if (!xs.isArray() || !ys.isArray() || xs.size() > MAX_CALIBRATION_POINTS) {
                throw new IllegalArgumentException("manifest field 'calibration' needs arrays x and y of at most "
                        + MAX_CALIBRATION_POINTS + " points");
            }
            return new Calibration(method, Double.NaN, Double.NaN, numbers(xs), numbers(ys));
        }
        throw new IllegalArgumentException("manifest field 'calibration' has an unknown method '" + method + "'");
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            if (!array.get(i).isNumber()) {
                throw new IllegalArgumentException("manifest field 'calibration' holds a value that is not a number");
            }
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }

    private static void putReference(ObjectNode col, Object value) {
        switch (value) {
            case null -> col.putNull("reference");
            case Double d when Double.isNaN(d) -> col.putNull("reference");
            case Double d -> col.put("reference", d);
            case String text -> col.put("reference", text);
            default -> throw new IllegalStateException("reference value " + value);
        }
    }

    /**
     * The reference row reason codes compare with: each column's {@code reference}, a number for numeric columns, a
     * string or null for the others. A model file saved before it was recorded has none on any column.
     */
    private static ReferenceRow reference(JsonNode columns) {
        int present = 0;
        for (JsonNode c : columns) {
            present += c.has("reference") ? 1 : 0;
        }
        if (present == 0) {
            return null;
        }
        if (present != columns.size()) {
            throw new IllegalArgumentException("manifest gives a reference value for some columns only");
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode c : columns) {
            JsonNode v = c.get("reference");
            boolean numeric = c.path("type").asText().equals("numeric");
            if (v.isNull()) {
                values.add(numeric ? Double.NaN : null);
            } else if (numeric && v.isNumber()) {
                values.add(v.doubleValue());
            } else if (!numeric && v.isTextual()) {
                values.add(v.textValue());
            } else {
                throw new IllegalArgumentException("manifest field 'reference' of column '" + c.path("input").asText()
                        + "' is not a " + (numeric ? "number" : "string"));
            }
        }
        return new ReferenceRow(values);
    }

    private static FittedPreprocessor preprocessor(JsonNode columns) {
        if (!columns.isArray() || columns.isEmpty()) {
            throw new IllegalArgumentException("manifest has no preprocessing columns");
        }
        List<ColumnTransform> transforms = new ArrayList<>();
        List<TextTransform> texts = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (JsonNode c : columns) {
            String input = text(c, "input");
            inputs.add(input);
            if (text(c, "type").equals("text")) {
                texts.add(new TextTransform(input, strings(c, "vocabulary", input)));
                continue;
            }
            transforms.add(switch (text(c, "type")) {
                case "numeric" -> new NumericTransform(input, c.path("impute").isNull() ? Double.NaN
                        : decimal(c, "impute", input), decimal(c, "offset", input), decimal(c, "scale", input));
                case "categorical" -> {
                    JsonNode impute = c.path("impute");
                    if (!impute.isNull() && !impute.isTextual()) {
                        throw new IllegalArgumentException("column " + input + ": 'impute' is not a category");
                    }
                    yield new OneHotTransform(input, strings(c, "levels", input), impute.isNull() ? null
                            : impute.asText(), UnknownCategories.fromKey(text(c, "unknown")));
                }
                default -> throw new IllegalArgumentException("unknown column type " + c.path("type").asText());
            });
        }
        return new FittedPreprocessor(transforms, texts, inputs);
    }

    /**
     * A column's number as the manifest writes it: a JSON number (a string, true or a list was read as 0 or 1 before,
     * and scored silently otherwise).
     */
    private static double decimal(JsonNode column, String field, String input) {
        JsonNode v = column.path(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("column " + input + ": '" + field + "' is not a number");
        }
        return v.doubleValue();
    }

    /** A column's list of texts (categories, words). */
    private static List<String> strings(JsonNode column, String field, String input) {
        return texts(column.path(field), "column " + input + ": '" + field + "'");
    }

    /** A JSON list of strings; anything else refused naming {@code what} (a manifest field, a column's list). */
    private static List<String> texts(JsonNode list, String what) {
        if (!list.isArray()) {
            throw new IllegalArgumentException(what + " is not a list");
        }
        List<String> out = new ArrayList<>(list.size());
        for (JsonNode v : list) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException(what + " holds " + v.getNodeType().name()
                        .toLowerCase(java.util.Locale.ROOT) + ", not text");
            }
            out.add(v.asText());
        }
        return out;
    }

    /** How the training file was read: each option the model remembers, absent ones left to the reader. */
    private static void putReadWith(ObjectNode out, ReadingOptions r) {
        r.format().ifPresent(f -> out.put("format", f));
        r.header().ifPresent(h -> out.put("header", h));
        r.delimiter().ifPresent(d -> out.put("delimiter", String.valueOf(d)));
        r.drop().ifPresent(cols -> cols.forEach(out.putArray("drop")::add));
        r.categorical().ifPresent(cols -> cols.forEach(out.putArray("categorical")::add));
        r.text().ifPresent(cols -> cols.forEach(out.putArray("text")::add));
        r.missing().ifPresent(m -> out.put("missing", m.key()));
    }

    /** The {@code --shift-labels} a model was trained with: 0 when the manifest has none (older files). */
    private static int shiftLabels(JsonNode node) {
        if (node.isMissingNode()) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw new IllegalArgumentException("manifest field 'shift_labels' is not a whole number of rows, 0 or more");
        }
        return node.intValue();
    }

    /** The reading options of a manifest; a model file from before they were recorded has none. */
    private static ReadingOptions readWith(JsonNode node) {
        if (node.isMissingNode()) {
            return ReadingOptions.NONE;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("manifest field 'read_with' is not an object");
        }
        Optional<String> delimiter = optionalText(node, "delimiter");
        if (delimiter.isPresent() && delimiter.get().length() != 1) {
            throw new IllegalArgumentException("manifest field 'delimiter' is not one character");
        }
        delimiter.flatMap(d -> ReadingOptions.unusableDelimiter(d.charAt(0))).ifPresent(why -> {
            throw new IllegalArgumentException("manifest field 'delimiter' cannot separate fields with " + why);
        });
        Optional<String> format = optionalText(node, "format");
        if (format.isPresent() && !FORMAT_NAME.matcher(format.get()).matches()) {
            throw new IllegalArgumentException("manifest field 'format' is not a format name");
        }
        JsonNode header = node.get("header");
        if (header != null && !header.isBoolean()) {
            throw new IllegalArgumentException("manifest field 'header' is not true or false");
        }
        Optional<MissingPolicy> missing = optionalText(node, "missing").map(key -> {
            for (MissingPolicy policy : MissingPolicy.values()) {
                if (policy.key().equals(key)) {
                    return policy;
                }
            }
            throw new IllegalArgumentException("manifest field 'missing' is not a missing-value policy");
        });
        return new ReadingOptions(format, Optional.ofNullable(header).map(JsonNode::asBoolean),
                delimiter.map(d -> d.charAt(0)), columns(node, "drop"), columns(node, "categorical"),
                columns(node, "text"), missing);
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return node.has(field) ? Optional.of(text(node, field)) : Optional.empty();
    }

    private static Optional<List<String>> columns(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? Optional.empty() : Optional.of(texts(v, "manifest field '" + field + "'"));
    }

    private static Environment environment(JsonNode node) {
        if (node.isMissingNode()) {
            return Environment.UNKNOWN;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("manifest field 'environment' is not an object");
        }
        JsonNode cpus = node.get("cpus");
        if (cpus == null || !cpus.isIntegralNumber() || !cpus.canConvertToInt() || cpus.intValue() < 0) {
            throw new IllegalArgumentException("manifest field 'cpus' is not a count");
        }
        return new Environment(text(node, "os"), text(node, "arch"), cpus.intValue(), text(node, "jdk"),
                text(node, "commit"));
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static void writeHistory(ObjectNode hist, TrainingHistory h) {
        hist.put("best_epoch", h.bestEpoch());
        ArrayNode epochs = hist.putArray("epochs");
        for (EpochRecord e : h.epochs()) {
            ObjectNode row = epochs.addObject();
            row.put("epoch", e.epoch());
            e.values().forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    row.put(k, v);
                } else {
                    row.putNull(k);
                }
            });
        }
    }

    private static TrainingHistory history(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        List<EpochRecord> epochs = new ArrayList<>();
        for (JsonNode e : node.path("epochs")) {
            Map<String, Double> values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = e.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().equals("epoch")) {
                    values.put(f.getKey(), f.getValue().isNull() ? Double.NaN : f.getValue().asDouble());
                }
            }
            epochs.add(new EpochRecord(e.path("epoch").asInt(), values));
        }
        return new TrainingHistory(epochs, node.path("best_epoch").asInt());
    }
}
