package dev.rareclass.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.experiment.EvaluatedOnCluster;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.experiment.PredictedOnCluster;
import dev.rareclass.domain.experiment.TrainedOnCluster;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.service.ClusterModelService;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code train}, {@code evaluate} and {@code predict} on the Spark engine, the table kept in the cluster. Training fits
 * once, as every split of {@code compare} does ({@link SparkEngine#fit}): on the rows outside a stratified validation
 * share, whose scores choose the threshold and give the validation metrics; the model is not refitted on every row
 * afterwards (the in-memory engine's {@code train} does), since on a table that needs a cluster one fit is the budget.
 * The model goes to one file ({@link SparkModelFile}).
 */
final class SparkModelCommands {

    /** The score and the predicted label in the predictions. */
    static final String P = "p";
    static final String PREDICTED = "predicted";

    private SparkModelCommands() {
    }

    static TrainedOnCluster train(SparkSession spark, DataOptions data, PipelineSpec spec, java.nio.file.Path file,
                                  ProgressListener progress) {
        SparkEngine.Config config = SparkEngine.resolve(spec);
        SparkTables.Prepared table = SparkTables.read(spark, data, spec.fit().preprocessing().maxCategories(),
                progress);
        progress.note(String.format(Locale.ROOT, "%s: %,d rows, %,d positive (%.2f%%), on %s", table.source(),
                table.size(), table.positives(), 100.0 * table.positives() / table.size(),
                spark.sparkContext().master()));
        long seed = spec.fit().seed();
        boolean holdsOut = spec.fit().threshold().needsValidationData() && spec.fit().validationFraction() > 0;
        // a row's rank within its class in a seeded order, for an exactly stratified validation share
        Dataset<Row> rows = holdsOut ? SparkFolds.ranked(table.rows(), seed) : table.rows();
        try (SparkEngine.Fitted fitted = SparkEngine.fit(table, config, rows, col(SparkFolds.RANK),
                new long[] {table.negatives(), table.positives()}, seed)) {
            Optional<BinaryMetrics> validation = fitted.validation() == null ? Optional.empty()
                    : Optional.of(DistributedMetrics.of(fitted.validation(), fitted.threshold(), true));
            Map<String, Double> metrics = new LinkedHashMap<>();
            validation.ifPresent(v -> v.asMap().forEach((k, x) -> metrics.put(k.key(), x)));
            long validationRows = fitted.validationCounts()[0] + fitted.validationCounts()[1];
            // as in memory, the model saved has seen every row; it keeps the threshold the first fit's held-out
            // scores chose (one more fit: at scale, --threshold 0.5 --validation-split 0 fits once on every row)
            boolean refit = validationRows > 0;
            PipelineModel model = refit
                    ? SparkEngine.fitPipeline(table, config, rows, new long[] {table.negatives(), table.positives()},
                            seed)
                    : fitted.model();
            SparkModelManifest manifest = new SparkModelManifest(config.kind(), spec.params(), spec.sampler().name(),
                    spec.classWeight().spec(), fitted.threshold(), spec.fit().threshold().spec(), table.mapping(),
                    table.features(), ReadingOptions.of(data), spec.fit().preprocessing().scaling(), seed,
                    spark.version(), Instant.now().toString(), table.source(), table.size(), table.positives(),
                    validationRows, refit, metrics, Map.of());
            SparkModelFile.write(file, spark, model, manifest);
            return new TrainedOnCluster(manifest.model(), spec.params(), spec.sampler().name(),
                    spec.classWeight().spec(), fitted.threshold(), manifest.policy(), table.size(), table.positives(),
                    refit ? table.size() : fitted.fitCounts()[0] + fitted.fitCounts()[1], validationRows, validation,
                    refit);
        } finally {
            if (rows != table.rows()) {
                rows.unpersist(true);
            }
            table.rows().unpersist(true);
        }
    }

    static EvaluatedOnCluster evaluate(SparkSession spark, java.nio.file.Path file, DataOptions data,
                                       ReadingOptions given, ProgressListener progress) {
        SparkModelFile.Loaded model = SparkModelFile.read(file, spark);
        SparkModelManifest m = model.manifest();
        DataOptions read = asTrained(file, data, given, m);
        // the warnings said of the table and the model are the evaluation's too: in the JSON
        List<String> warned = new ArrayList<>();
        ProgressListener said = progress.keepingWarningsIn(warned);
        SparkTables.ForScoring table = SparkTables.readForScoring(spark, read, m.features(), m.imputes(), false, said);
        progress.note(String.format(Locale.ROOT, "%s: %,d rows, %,d positive (%.2f%%), on %s", table.source(),
                table.size(), table.positives(), 100.0 * table.positives() / table.size(),
                spark.sparkContext().master()));
        if (table.source().equals(m.source())) {
            said.note(ProgressListener.WARNING + table.source() + " is the file this model was trained on: these numbers "
                    + "are optimistic; evaluate on rows the model never saw");
        }
        Dataset<Row> scored = SparkEngine.scored(model.pipeline(), table.rows()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            DistributedMetrics.Measured measured = Failures.translate(table.source(),
                    () -> DistributedMetrics.measure(scored, m.threshold(), true));
            String column = table.label().orElseThrow();
            String positive = read.positive().orElseThrow();
            LabelMapping label = column.equals(m.label().column()) && positive.equals(m.label().positiveValue())
                    ? m.label() : new LabelMapping(column, positive);
            BinaryMetrics metrics = measured.metrics();
            // a table of negatives (positives) only checks false alarms (catches): with the in-memory engine's warning
            Evaluation evaluation = new Evaluation(table.source(), m.model(), m.policy(), metrics,
                    ClassificationReport.of(metrics.counts(), label.negativeValue(), label.positiveValue()),
                    Curves.roc(measured.points(), true), Curves.precisionRecall(measured.points()))
                    .withOneClassWarning(label).withFlatCost();
            return new EvaluatedOnCluster(table.size(), table.positives(), evaluation.saidAfter(warned, progress));
        } finally {
            scored.unpersist(true);
        }
    }

    static PredictedOnCluster predict(SparkSession spark, java.nio.file.Path file, DataOptions data,
                                      ReadingOptions given, java.nio.file.Path out, ProgressListener progress) {
        SparkModelFile.Loaded model = SparkModelFile.read(file, spark);
        SparkModelManifest m = model.manifest();
        Target target = Target.of(spark, out);
        // the label is a column like any other here: copied, never a feature
        DataOptions read = asTrained(file, data, given, m).withLabel(Optional.empty(), Optional.empty());
        SparkTables.ForScoring table = SparkTables.readForScoring(spark, read, m.features(), m.imputes(), true,
                progress);
        for (String added : List.of(P, PREDICTED)) {
            if (table.kept().contains(added)) {
                throw new DataException(table.source() + ", column '" + added + "': the predictions add columns "
                        + P + " and " + PREDICTED + "; rename it");
            }
        }
        List<Column> columns = new ArrayList<>();
        table.kept().forEach(c -> columns.add(col(SparkTables.q(c))));
        Column score = org.apache.spark.ml.functions.vector_to_array(col(SparkModels.PROBABILITY), "float64").getItem(1);
        columns.add(score.as(P));
        Dataset<Row> scored = model.pipeline().transform(table.rows()).select(columns.toArray(Column[]::new))
                .withColumn(PREDICTED, when(col(P).geq(m.threshold()), lit(1)).otherwise(lit(0)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row counts = Failures.translate(table.source(), () -> scored.agg(count(lit(1)),
                    sum(col(PREDICTED).cast("long"))).first());
            target.write(scored);
            return new PredictedOnCluster(counts.getLong(0), counts.isNullAt(1) ? 0 : counts.getLong(1),
                    m.threshold(), target.oneFile());
        } finally {
            scored.unpersist(true);
        }
    }

    /**
     * The user's data options completed from the model: the reading options not given as its training table was
     * read, and its label column and positive value when not given. The features are the model's, by name. A format
     * the model remembers that this engine does not read (an altered file) is refused naming the model file, when the
     * user gave none, rather than blamed on a {@code --format} never given.
     */
    static DataOptions asTrained(java.nio.file.Path file, DataOptions data, ReadingOptions given,
                                 SparkModelManifest m) {
        m.reading().requireReadable(file, given, "the Spark engine does not read",
                f -> SparkTables.FORMATS.contains(f.trim().toLowerCase(Locale.ROOT)) ? Optional.empty()
                        : Optional.of("known: " + String.join(", ", SparkTables.FORMATS)));
        // the model reads its own features by name, typed as in training: what --drop and --categorical could change
        // about them is refused, the rest has no effect
        for (SparkTables.Feature f : m.features()) {
            if (given.drop().orElse(List.of()).contains(f.name())) {
                throw new dev.rareclass.domain.error.UsageException("--drop " + f.name() + ": the model reads column "
                        + f.name() + "; it cannot do without it");
            }
            if (f.numeric() && given.categorical().orElse(List.of()).contains(f.name())) {
                throw new dev.rareclass.domain.error.UsageException("--categorical " + f.name()
                        + ": the model reads column " + f.name() + " as numbers");
            }
        }
        DataOptions read = given.over(m.reading()).applyTo(data);
        // --positive naming the model's negative class would turn every metric over: refused as in memory (exit 2)
        dev.rareclass.domain.service.EvaluateService.requireNotTheNegativeClass(read.positive(), m.label());
        return read.withLabel(read.label().orElse(m.label().column()),
                read.positive().orElse(m.label().positiveValue()));
    }

    /**
     * Where predictions go: one CSV file (a name ending in {@code .csv}, or {@code .csv.gz}: Spark writes one part,
     * which is moved there) or a folder of part files, gzip-compressed when the name ends in {@code .gz}. Written into
     * a temporary sibling and renamed at the end, so nothing is at the target until the whole output is; an existing
     * file is replaced, and so is an existing folder of Spark's output (part files only), but never another folder.
     */
    record Target(FileSystem fs, Path path, boolean oneFile, boolean compressed, Optional<java.nio.file.Path> local,
            String shown) {

        static Target of(SparkSession spark, java.nio.file.Path out) {
            String given = out.toString();
            // --out p.csv.gz was a folder of uncompressed parts under that name, which no reader of .gz could open
            boolean oneFile = ClusterModelService.isCsvFile(out);
            boolean compressed = ClusterModelService.isCompressed(out);
            boolean hasScheme = given.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*");
            Optional<java.nio.file.Path> local = hasScheme ? Optional.empty()
                    : Optional.of(out.toAbsolutePath().normalize());
            Path path = local.map(SparkModelFile::hadoopPath).orElseGet(() -> new Path(given));
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            try {
                FileSystem fs = path.getFileSystem(conf);
                Path parent = path.getParent();
                if (parent == null || !fs.isDirectory(parent)) {
                    throw new OutputException(given + ": cannot write: its folder " + parent + " does not exist", null);
                }
                if (fs.exists(path)) {
                    FileStatus status = fs.getFileStatus(path);
                    if (oneFile && status.isDirectory()) {
                        throw new OutputException(given + ": is a folder; name a file to write one CSV", null);
                    }
                    if (!oneFile && !status.isDirectory()) {
                        throw new OutputException(given + ": is a file; Spark writes a folder of part files (name a "
                                + ".csv file to get one file)", null);
                    }
                    if (!oneFile && !sparkOutput(fs, path)) {
                        throw new OutputException(given + ": is a folder with other files than Spark's part files; "
                                + "name a new folder (or a .csv file)", null);
                    }
                }
                return new Target(fs, fs.makeQualified(path), oneFile, compressed, local, given);
            } catch (IOException e) {
                throw new OutputException(given + ": cannot write (" + e.getMessage() + ")", e);
            }
        }

        /** Whether a folder holds Spark's output only: part files, their checksums, {@code _SUCCESS}. */
        private static boolean sparkOutput(FileSystem fs, Path folder) throws IOException {
            for (FileStatus s : fs.listStatus(folder)) {
                String name = s.getPath().getName();
                if (s.isDirectory() || !(name.startsWith("part-") || name.startsWith(".part-")
                        || name.equals("_SUCCESS") || name.equals("._SUCCESS.crc"))) {
                    return false;
                }
            }
            return true;
        }

        void write(Dataset<Row> rows) {
            String id = Long.toUnsignedString(new SecureRandom().nextLong(), 36);
            Path temporary = new Path(path.getParent(), ".rareclass-" + id + ".tmp");
            Path old = new Path(path.getParent(), ".rareclass-" + id + ".old");
            try {
                // made here so that Hadoop's shutdown hook deletes it if the run is interrupted (Ctrl-C)
                if (!fs.mkdirs(temporary)) {
                    throw new IOException("cannot create " + temporary);
                }
                fs.deleteOnExit(temporary);
                try {
                    // quotes doubled inside quoted values (RFC 4180), as other CSV readers expect
                    (oneFile ? rows.coalesce(1) : rows).write().mode(org.apache.spark.sql.SaveMode.Overwrite)
                            .option("header", true).option("escape", "\"")
                            .option("compression", compressed ? "gzip" : "none").csv(temporary.toString());
                } catch (Exception e) { // Exception: Spark's exceptions are thrown undeclared
                    throw new OutputException(shown + ": cannot write (" + Failures.innermost(e) + ")", e);
                }
                if (oneFile) {
                    Path part = null;
                    for (FileStatus s : fs.listStatus(temporary)) {
                        if (s.getPath().getName().startsWith("part-")) {
                            part = s.getPath();
                        }
                    }
                    if (part == null) {
                        throw new IOException("Spark wrote no part file to " + temporary);
                    }
                    if (local.isPresent()) {
                        java.nio.file.Path from = java.nio.file.Path.of(part.toUri());
                        try {
                            Files.move(from, local.get(), StandardCopyOption.ATOMIC_MOVE,
                                    StandardCopyOption.REPLACE_EXISTING);
                        } catch (AtomicMoveNotSupportedException e) {
                            Files.move(from, local.get(), StandardCopyOption.REPLACE_EXISTING);
                        }
                    } else {
                        if (fs.exists(path)) {
                            fs.delete(path, false);
                        }
                        rename(part, path);
                    }
                } else {
                    boolean replacing = fs.exists(path);
                    if (replacing) {
                        rename(path, old);
                    }
                    rename(temporary, path);
                    if (replacing) {
                        fs.delete(old, true);
                    }
                }
            } catch (IOException e) {
                throw new OutputException(shown + ": cannot write (" + e.getMessage() + ")", e);
            } finally {
                try {
                    fs.delete(temporary, true);
                    fs.cancelDeleteOnExit(temporary);
                } catch (IOException e) {
                    // a hidden temporary folder left beside the output; nothing at the output itself
                }
            }
        }

        private void rename(Path from, Path to) throws IOException {
            if (!fs.rename(from, to)) {
                throw new IOException("cannot rename " + from + " to " + to);
            }
        }
    }
}
