package dev.rareclass.spark;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.experiment.Checksums;
import dev.rareclass.domain.experiment.ModelDescription;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.experiment.TrainedOnCluster;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark engine model as one zip file: the manifest ({@code rareclass-spark.json}, {@link SparkModelManifest}), the
 * manifest's own SHA-256 ({@code rareclass-spark.sha256}), and Spark ML's {@code PipelineModel.save} output under
 * {@code pipeline/}, each of whose files the manifest holds the SHA-256 of.
 *
 * <p><b>Saving</b> writes the pipeline to a scratch folder where Spark's executors can write (this machine's temporary
 * folder when the default file system is local, else {@code /tmp} on the cluster's, HDFS on YARN), zips it with the
 * manifest into a temporary sibling of the target, and renames that over the target: a failure leaves nothing.
 *
 * <p><b>Loading</b> checks everything before Spark reads a byte: a zip that ends with its end record, at most
 * {@link #MAX_ENTRIES} entries, every name relative and inside the model (no absolute path, no {@code ..}, no
 * backslash), no name twice, each entry's declared size within its limit and all of them within the inflation
 * budget, the manifest's checksum, the manifest itself (format, version, every field), one checksum for every
 * pipeline file and a file for every checksum, and that every stage's metadata names one of the Spark ML classes
 * the engine's pipelines are made of (Spark instantiates the class a stage's metadata names). The pipeline is then
 * extracted to a scratch folder, each entry's checksum verified as it is written there, and only when all match does
 * Spark load it. An altered or foreign file is a {@link DataException} naming the file.
 */
final class SparkModelFile {

    static final String MANIFEST = "rareclass-spark.json";
    static final String MANIFEST_SUM = "rareclass-spark.sha256";
    static final String PIPELINE = "pipeline/";
    /** A pipeline of a few stages writes a few dozen files; a forest's trees are one Parquet file. */
    static final int MAX_ENTRIES = 10_000;
    private static final long MAX_MANIFEST_BYTES = 16L << 20;
    /** A stage's metadata is one line of JSON. */
    private static final long MAX_METADATA_BYTES = 16L << 20;
    private static final long MAX_ENTRY_BYTES = 8L << 30;
    /** As the in-memory model store's guard: entries may inflate to 100 times the file, or 256 MiB if more. */
    private static final long MAX_INFLATION = 100;
    private static final long MIN_INFLATION_BUDGET = 256L << 20;

    /** The Spark ML classes the engine's pipelines are made of ({@link SparkModels}): all a stage's metadata may name. */
    static final Set<String> STAGE_CLASSES = Set.of(
            "org.apache.spark.ml.PipelineModel",
            "org.apache.spark.ml.feature.ImputerModel",
            "org.apache.spark.ml.feature.StringIndexerModel",
            "org.apache.spark.ml.feature.OneHotEncoderModel",
            "org.apache.spark.ml.feature.VectorAssembler",
            "org.apache.spark.ml.feature.StandardScalerModel",
            "org.apache.spark.ml.classification.LogisticRegressionModel",
            "org.apache.spark.ml.classification.RandomForestClassificationModel",
            "org.apache.spark.ml.classification.GBTClassificationModel",
            "org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel");

    private SparkModelFile() {
    }

    /** A model file read and checked: its manifest and Spark's pipeline. */
    record Loaded(SparkModelManifest manifest, PipelineModel pipeline) {
    }

    /** Saves the pipeline and its manifest (checksums added here) as one file, atomically. */
    static void write(java.nio.file.Path file, SparkSession spark, PipelineModel pipeline,
                      SparkModelManifest manifest) {
        java.nio.file.Path target = file.toAbsolutePath().normalize();
        java.nio.file.Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new OutputException(file + ": cannot write: its folder " + folder + " does not exist", null);
        }
        java.nio.file.Path part = folder.resolve(".rareclass-" + Long.toUnsignedString(new SecureRandom().nextLong(), 36)
                + ".part");
        part.toFile().deleteOnExit();
        try (Scratch scratch = Scratch.create(spark)) {
            Path saved = scratch.path("pipeline");
            try {
                pipeline.write().save(saved.toString());
            } catch (Exception e) { // Exception: Spark's IOExceptions are thrown undeclared
                throw new OutputException(file + ": Spark could not save the pipeline to " + saved + ": "
                        + Failures.innermost(e), e);
            }
            Map<String, String> sums = new LinkedHashMap<>();
            try (OutputStream out = Files.newOutputStream(part);
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, Path> f : files(scratch.fs(), saved).entrySet()) {
                    zip.putNextEntry(new ZipEntry(PIPELINE + f.getKey()));
                    MessageDigest digest = sha256();
                    try (InputStream in = scratch.fs().open(f.getValue())) {
                        byte[] buffer = new byte[1 << 16];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            digest.update(buffer, 0, n);
                            zip.write(buffer, 0, n);
                        }
                    }
                    zip.closeEntry();
                    sums.put(PIPELINE + f.getKey(), HexFormat.of().formatHex(digest.digest()));
                }
                byte[] json = manifest.withChecksums(sums).toJson();
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(json);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(MANIFEST_SUM));
                zip.write(HexFormat.of().formatHex(sha256().digest(json)).getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
                zip.finish();
                out.flush();
            }
            try (var channel = java.nio.channels.FileChannel.open(part, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new OutputException(file + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // nothing more to do: the temporary file is also deleted when the JVM exits
            }
        }
    }

    /** The files under a folder Spark wrote, by their path below it, in order; hidden ones ({@code .crc}, {@code _SUCCESS}) left out. */
    private static Map<String, Path> files(FileSystem fs, Path folder) throws IOException {
        String base = fs.makeQualified(folder).toUri().getPath();
        Map<String, Path> out = new TreeMap<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true);
        while (it.hasNext()) {
            LocatedFileStatus s = it.next();
            String path = s.getPath().toUri().getPath();
            if (!path.startsWith(base + "/")) {
                throw new IOException("Spark wrote " + path + " outside " + base);
            }
            String relative = path.substring(base.length() + 1);
            boolean hidden = false;
            for (String segment : relative.split("/")) {
                hidden |= segment.startsWith(".") || segment.startsWith("_");
            }
            if (!hidden) {
                out.put(relative, s.getPath());
            }
        }
        return out;
    }

    /** Reads and checks a model file, then loads its pipeline (see the class comment for the checks). */
    static Loaded read(java.nio.file.Path file, SparkSession spark) {
        String name = file.toString();
        return open(file, (zip, checked) -> {
            SparkModelManifest manifest = checked.manifest();
            try (Scratch scratch = Scratch.create(spark)) {
                Path root = scratch.path("pipeline");
                for (ZipEntry e : checked.pipelineFiles()) {
                    try (OutputStream out = scratch.fs().create(new Path(root,
                            e.getName().substring(PIPELINE.length())), false)) {
                        extract(zip, e, manifest.checksums().get(e.getName()), out, name);
                    }
                }
                PipelineModel pipeline;
                try {
                    pipeline = PipelineModel.load(root.toString());
                } catch (Exception e) { // Exception: Spark's exceptions are thrown undeclared
                    throw refused(name, "Spark could not load its pipeline (" + Failures.innermost(e) + ")");
                }
                Transformer[] stages = pipeline.stages();
                if (stages.length == 0 || !(stages[stages.length - 1] instanceof ProbabilisticClassificationModel<?, ?>
                        last) || !last.getProbabilityCol().equals(SparkModels.PROBABILITY)) {
                    throw refused(name, "its pipeline does not end in a classifier giving probabilities");
                }
                return new Loaded(manifest, pipeline);
            }
        });
    }

    /**
     * A model file read and checked as {@link #read} checks it (every entry's checksum and every stage's class
     * included), without Spark: its manifest, the manifest's JSON, and each stage's metadata in the pipeline's order.
     */
    record Described(SparkModelManifest manifest, String json, List<String> stages) {

        /** As {@code inspect} shows it, in the words it uses for an in-memory engine's model where they apply. */
        ModelDescription description() {
            SparkModelManifest m = manifest;
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("model", m.kind().name + "@spark");
            StringBuilder params = new StringBuilder();
            m.params().asMap().forEach((k, v) -> params.append(params.isEmpty() ? "" : ", ").append(k).append('=')
                    .append(v));
            facts.put("parameters", params.isEmpty() ? "(defaults)" : params.toString());
            facts.put("scores", "probability of the positive class");
            facts.put("threshold", ThresholdPolicies.text(m.threshold()));
            facts.put("threshold policy", m.policy());
            facts.put("sampler", m.sampler());
            facts.put("class weight", m.classWeight());
            facts.put("label", m.label().column() + " (positive: " + m.label().positiveValue() + ", negative: "
                    + m.label().negativeValue() + ")");
            facts.put("input columns", Integer.toString(m.features().size()));
            facts.put("engine", "spark: a Spark ML pipeline; evaluate and predict it with --engine spark");
            Map<String, String> provenance = new LinkedHashMap<>();
            provenance.put("created", m.createdAt());
            provenance.put("spark", m.sparkVersion());
            provenance.put("training data", m.source());
            provenance.put("seed", Long.toString(m.seed()));
            provenance.put("table rows", Long.toString(m.rows()));
            provenance.put("positives", Long.toString(m.positives()));
            provenance.put("validation rows", Long.toString(m.validationRows()));
            provenance.put("threshold chosen", TrainedOnCluster.selection(m.validationRows(), m.rows(), m.refit()));
            if (!m.reading().isEmpty()) {
                provenance.put("data read with", ModelReport.readWith(m.reading()));
            }
            return new ModelDescription(facts, stages.stream().map(Described::stage).toList(), m.validationMetrics(),
                    provenance, json);
        }

        /**
         * One stage's metadata (Spark's JSON line) as "Class: param=value, ..." with the parameters it set (not the
         * column names it reads and writes) and what Spark records beside them (numFeatures, numTrees...).
         */
        private static String stage(String metadata) {
            com.fasterxml.jackson.databind.JsonNode node;
            try {
                node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(metadata);
            } catch (IOException e) {
                return metadata; // checked as JSON naming a known class before: not reached
            }
            String cls = node.path("class").asText("");
            StringBuilder line = new StringBuilder(cls.substring(cls.lastIndexOf('.') + 1));
            List<String> shown = new ArrayList<>();
            com.fasterxml.jackson.databind.JsonNode set = node.path("paramMap");
            node.properties().forEach(e -> {
                if (!Set.of("class", "timestamp", "sparkVersion", "uid", "paramMap", "defaultParamMap")
                        .contains(e.getKey()) && !set.has(e.getKey())) {
                    shown.add(e.getKey() + "=" + e.getValue());
                }
            });
            set.properties().forEach(e -> {
                String k = e.getKey();
                if (!k.endsWith("Col") && !k.endsWith("Cols") && !k.equals("stageUids")) {
                    shown.add(k + "=" + (e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
                }
            });
            return shown.isEmpty() ? line.toString() : line.append(": ").append(String.join(", ", shown)).toString();
        }
    }

    /** Whether the file is a zip holding a Spark engine model's manifest: one {@link #describe} reads or refuses. */
    static boolean isModelFile(java.nio.file.Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(MANIFEST) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** See {@link Described}; refused as {@link #read} refuses. */
    static Described describe(java.nio.file.Path file) {
        String name = file.toString();
        return open(file, (zip, checked) -> {
            Map<String, String> metadata = new TreeMap<>();
            for (ZipEntry e : checked.pipelineFiles()) {
                String text = extract(zip, e, checked.manifest().checksums().get(e.getName()),
                        OutputStream.nullOutputStream(), name);
                if (text != null && e.getName().startsWith(PIPELINE + "stages/")) {
                    // stages/<index>_<uid>/metadata/part-...: sorted by the stage's index
                    String folder = e.getName().substring((PIPELINE + "stages/").length()).split("/")[0];
                    String index = folder.split("_")[0];
                    metadata.merge(String.format(java.util.Locale.ROOT, "%09d", parseIndex(index, name, e)), text,
                            (a, b) -> a + "\n" + b);
                }
            }
            List<String> stages = new ArrayList<>();
            metadata.values().forEach(text -> text.lines().filter(l -> !l.isBlank()).forEach(stages::add));
            return new Described(checked.manifest(), new String(checked.manifestBytes(), StandardCharsets.UTF_8),
                    stages);
        });
    }

    private static int parseIndex(String index, String name, ZipEntry e) {
        try {
            return Integer.parseInt(index);
        } catch (NumberFormatException ex) {
            throw refused(name, "entry '" + SparkModelManifest.shown(e.getName()) + "' is not a pipeline stage's");
        }
    }

    /** A model file's zip, its manifest and pipeline files checked (see the class comment), given to {@code then}. */
    private static <T> T open(java.nio.file.Path file, Opened<T> then) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputMissingException(name + ": is a folder, not a model file", null);
        }
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InputMissingException(name + ": no such model file", e);
        } catch (IOException e) {
            throw new InputMissingException(name + ": cannot read (" + dev.rareclass.domain.error.IoReason.of(e) + ")", e);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            requireEndRecord(file, name);
            List<ZipEntry> entries = entries(zip, name, Math.max(MIN_INFLATION_BUDGET, MAX_INFLATION * fileSize));
            ZipEntry manifestEntry = entries.stream().filter(e -> e.getName().equals(MANIFEST)).findFirst()
                    .orElseThrow(() -> refused(name, "not a Spark engine model file (no " + MANIFEST + ")"));
            ZipEntry sumEntry = entries.stream().filter(e -> e.getName().equals(MANIFEST_SUM)).findFirst()
                    .orElseThrow(() -> refused(name, "not a Spark engine model file (no " + MANIFEST_SUM + ")"));
            byte[] manifestBytes;
            String expected;
            try (InputStream in = zip.getInputStream(manifestEntry);
                 InputStream sum = zip.getInputStream(sumEntry)) {
                manifestBytes = readExactly(in, manifestEntry, name);
                expected = new String(readExactly(sum, sumEntry, name), StandardCharsets.US_ASCII).trim();
            }
            if (!expected.equals(HexFormat.of().formatHex(sha256().digest(manifestBytes)))) {
                throw refused(name, "the manifest does not match its checksum (the file was altered or damaged)");
            }
            SparkModelManifest manifest;
            try {
                manifest = SparkModelManifest.parse(manifestBytes);
            } catch (IllegalArgumentException e) {
                throw refused(name, e.getMessage());
            }
            List<ZipEntry> pipelineFiles = entries.stream()
                    .filter(e -> e.getName().startsWith(PIPELINE) && !e.isDirectory()).toList();
            for (ZipEntry e : pipelineFiles) {
                if (!manifest.checksums().containsKey(e.getName())) {
                    throw refused(name, "entry '" + SparkModelManifest.shown(e.getName())
                            + "' has no checksum in the manifest");
                }
            }
            for (String listed : manifest.checksums().keySet()) {
                if (pipelineFiles.stream().noneMatch(e -> e.getName().equals(listed))) {
                    throw refused(name, "the manifest lists '" + SparkModelManifest.shown(listed)
                            + "', which the file does not hold");
                }
            }
            if (pipelineFiles.stream().noneMatch(e -> e.getName().equals(PIPELINE + "metadata/part-00000"))
                    && pipelineFiles.stream().noneMatch(e -> e.getName().startsWith(PIPELINE + "metadata/"))) {
                throw refused(name, "it holds no pipeline");
            }
            return then.with(zip, new Checked(manifest, manifestBytes, pipelineFiles));
        } catch (ZipException | java.io.EOFException e) {
            throw refused(name, "not a model file: not a zip (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InputMissingException(name + ": cannot read (" + dev.rareclass.domain.error.IoReason.of(e) + ")", e);
        }
    }

    /** A model file's manifest, checked, and its pipeline's files, each with a checksum in the manifest. */
    private record Checked(SparkModelManifest manifest, byte[] manifestBytes, List<ZipEntry> pipelineFiles) {
    }

    @FunctionalInterface
    private interface Opened<T> {
        T with(ZipFile zip, Checked checked) throws IOException;
    }

    /** The entries, their names and declared sizes checked before anything is inflated. */
    private static List<ZipEntry> entries(ZipFile zip, String name, long budget) {
        if (zip.size() > MAX_ENTRIES) {
            throw refused(name, "it has " + zip.size() + " entries, more than the " + MAX_ENTRIES
                    + " a model file may have");
        }
        List<ZipEntry> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> names = zip.stream().map(ZipEntry::getName).toList();
        if (names.contains("manifest.json") && names.contains("classifier.bin")) {
            throw refused(name, "an in-memory rareclass model, not a Spark engine one: evaluate or predict with it "
                    + "without --engine spark");
        }
        long total = 0;
        for (ZipEntry e : zip.stream().toList()) {
            String entry = e.getName();
            String why = unsafe(entry);
            if (why != null) {
                throw refused(name, "entry '" + SparkModelManifest.shown(entry) + "' " + why);
            }
            if (!entry.equals(MANIFEST) && !entry.equals(MANIFEST_SUM) && !entry.startsWith(PIPELINE)) {
                throw refused(name, "unexpected entry '" + SparkModelManifest.shown(entry)
                        + "' (not a Spark engine model file)");
            }
            if (!seen.add(entry)) {
                throw refused(name, "entry '" + SparkModelManifest.shown(entry) + "' appears twice");
            }
            long limit = entry.equals(MANIFEST) || entry.equals(MANIFEST_SUM) ? MAX_MANIFEST_BYTES
                    : isMetadata(entry) ? MAX_METADATA_BYTES : MAX_ENTRY_BYTES;
            long size = e.getSize();
            if (size < 0 || size > limit) {
                throw refused(name, "entry '" + SparkModelManifest.shown(entry) + "' declares "
                        + (size < 0 ? "no size" : size + " bytes") + ", more than the " + limit + " it may have");
            }
            total += size;
            if (total > budget) {
                throw refused(name, "its entries would inflate to more than " + budget + " bytes, over "
                        + MAX_INFLATION + " times the file's size (a zip bomb?)");
            }
            out.add(e);
        }
        return out;
    }

    /** Why an entry name is not a relative path inside the model, or null when it is. */
    static String unsafe(String entry) {
        if (entry.isEmpty()) {
            return "has no name";
        }
        if (entry.startsWith("/") || entry.matches("^[A-Za-z]:.*")) {
            return "is an absolute path";
        }
        if (entry.contains("\\")) {
            return "has a backslash in its name";
        }
        if (entry.chars().anyMatch(Character::isISOControl)) {
            return "has a control character in its name";
        }
        String[] segments = (entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry).split("/", -1);
        for (String s : segments) {
            if (s.equals("..") || s.equals(".")) {
                return "leads outside the model (" + s + ")";
            }
            if (s.isEmpty()) {
                return "has an empty path segment";
            }
        }
        return null;
    }

    /** A stage's (or the pipeline's) metadata file: JSON naming the class Spark instantiates. */
    private static boolean isMetadata(String entry) {
        String[] segments = entry.split("/");
        return segments.length >= 2 && segments[segments.length - 2].equals("metadata");
    }

    /**
     * Inflates one pipeline entry into {@code out} (a file of the scratch folder, or nowhere when only checked), at most
     * one byte past its declared size, its SHA-256 computed on the way; refused unless it matches the manifest's. A
     * metadata file's class is checked too, and its text returned (null for any other file).
     */
    private static String extract(ZipFile zip, ZipEntry e, String expected, OutputStream out, String name)
            throws IOException {
        MessageDigest digest = sha256();
        boolean metadata = isMetadata(e.getName());
        java.io.ByteArrayOutputStream kept = metadata ? new java.io.ByteArrayOutputStream() : null;
        long size = e.getSize();
        long written = 0;
        try (InputStream in = zip.getInputStream(e)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer, 0, (int) Math.min(buffer.length, size - written + 1))) > 0; ) {
                written += n;
                if (written > size) {
                    throw refused(name, "entry '" + SparkModelManifest.shown(e.getName()) + "' is longer than the "
                            + size + " bytes it declares");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                if (kept != null) {
                    kept.write(buffer, 0, n);
                }
            }
        }
        if (written != size) {
            throw refused(name, "entry '" + SparkModelManifest.shown(e.getName()) + "' is shorter than the " + size
                    + " bytes it declares");
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(expected)) {
            throw refused(name, "entry '" + SparkModelManifest.shown(e.getName())
                    + "' does not match its checksum (the file was altered or damaged)");
        }
        if (kept == null) {
            return null;
        }
        String text = kept.toString(StandardCharsets.UTF_8);
        requireKnownClasses(text, e.getName(), name);
        return text;
    }

    /** Every line of a metadata file is a JSON object whose {@code class} is one of {@link #STAGE_CLASSES}. */
    private static void requireKnownClasses(String text, String entry, String name) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String cls;
            try {
                cls = json.readTree(line).path("class").asText("");
            } catch (IOException ex) {
                throw refused(name, "entry '" + SparkModelManifest.shown(entry) + "' is not Spark ML metadata");
            }
            if (!STAGE_CLASSES.contains(cls)) {
                throw refused(name, "entry '" + SparkModelManifest.shown(entry) + "' names class '"
                        + SparkModelManifest.shown(cls) + "', not one of the engine's pipeline stages");
            }
        }
    }

    /** Exactly the entry's declared size, inflated at most one byte further. */
    private static byte[] readExactly(InputStream in, ZipEntry e, String name) throws IOException {
        byte[] bytes = in.readNBytes((int) e.getSize());
        if (bytes.length != e.getSize() || in.read() != -1) {
            throw refused(name, "entry '" + e.getName() + "' is not the " + e.getSize() + " bytes it declares");
        }
        return bytes;
    }

    /**
     * A model file is written whole: it ends with the zip's end record (22 bytes, no comment). Anything else was cut
     * short or appended to.
     */
    private static void requireEndRecord(java.nio.file.Path file, String name) throws IOException {
        java.util.Optional<String> problem = Checksums.zipEndProblem(file);
        if (problem.isPresent()) {
            throw refused(name, problem.get());
        }
    }

    /**
     * A local path as Hadoop names it. Not through {@code Path.toUri()}, which ends an existing folder's URI with a
     * slash, and a Hadoop path with one takes the folder for its own parent.
     */
    static Path hadoopPath(java.nio.file.Path local) {
        try {
            return new Path(new java.net.URI("file", null, local.toAbsolutePath().normalize().toString(), null));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(local + ": not a path Hadoop can name", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static DataException refused(String file, String why) {
        return new DataException(file + ": refused: " + why);
    }

    /**
     * A folder of its own where Spark's executors and this driver both read and write: under this machine's temporary
     * folder when the session's default file system is local (a local master, a cluster on one machine), else under
     * {@code /tmp} on the cluster's default file system. Deleted when closed.
     */
    record Scratch(FileSystem fs, Path root) implements AutoCloseable {

        static Scratch create(SparkSession spark) {
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            try {
                FileSystem fs = FileSystem.get(conf);
                String id = "rareclass-" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
                Path root = fs.getScheme().equals("file")
                        ? hadoopPath(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")).resolve(id))
                        : fs.makeQualified(new Path("/tmp/" + id));
                FileSystem local = root.getFileSystem(conf);
                if (!local.mkdirs(root)) {
                    throw new IOException("cannot create " + root);
                }
                // and if the run is interrupted (Ctrl-C), Hadoop's shutdown hook deletes it
                local.deleteOnExit(root);
                return new Scratch(local, root);
            } catch (IOException e) {
                throw new OutputException("cannot make a scratch folder for Spark's model files: " + e.getMessage(), e);
            }
        }

        Path path(String child) {
            return new Path(root, child);
        }

        @Override
        public void close() {
            try {
                fs.delete(root, true);
                fs.cancelDeleteOnExit(root);
            } catch (IOException e) {
                // a scratch folder left behind holds a copy of a model, nothing the user relies on
            }
        }
    }
}
