package dev.rareclass.spark;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Decimals;
import dev.rareclass.domain.data.ForeignFormats;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.MissingTokens;
import dev.rareclass.domain.data.PositiveValues;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.preprocess.FittedPreprocessor;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads a table where the cluster is, with the data options every command shares: CSV (gzip too) or Parquet, from
 * any path Hadoop reads. The result keeps only what the engine needs: a row key ({@link #KEY}, a hash of the row's
 * values, so folds and samples do not depend on partitioning), the label as 0/1 ({@link #Y}), the numeric features as
 * doubles and the categorical ones as strings. Every check that needs the data (label values, classes, missing
 * values) is one pass of aggregates; nothing comes back to the driver but counts.
 */
final class SparkTables {

    /** The row key: a 64-bit hash of every value of the row as read. */
    static final String KEY = "__key";
    /** The label: 1.0 for the positive value, 0.0 otherwise. */
    static final String Y = "__y";

    private SparkTables() {
    }

    /**
     * A table read and checked.
     *
     * @param rows        {@link #KEY}, {@link #Y}, then the features; persisted
     * @param numeric     numeric feature columns of {@code rows} (doubles, possibly null when imputing)
     * @param categorical categorical feature columns of {@code rows} (strings)
     * @param names       each feature column of {@code rows} with its name in the file: the columns are renamed
     *                    ({@code __f0}, {@code __f1}, ...) because Spark ML's stages take a dot in a name for a struct
     *                    field and cannot read a column named {@code a.b}
     * @param source      the file as named to the user
     * @param mapping     the label column and its positive value
     * @param positives   rows labelled positive
     * @param negatives   the others
     */
    record Prepared(Dataset<Row> rows, List<String> numeric, List<String> categorical, Map<String, String> names,
                    String source, LabelMapping mapping, long positives, long negatives, MissingPolicy missing) {
        long size() {
            return positives + negatives;
        }

        /** The file's names of these columns of {@code rows}. */
        List<String> named(List<String> columns) {
            return columns.stream().map(names::get).toList();
        }

        /** The features as a model remembers them: numeric ones first, in their columns' order. */
        List<Feature> features() {
            List<Feature> out = new ArrayList<>();
            numeric.forEach(c -> out.add(new Feature(names.get(c), c, true)));
            categorical.forEach(c -> out.add(new Feature(names.get(c), c, false)));
            return out;
        }
    }

    /**
     * A feature as a model reads it.
     *
     * @param name    its column's name in the file
     * @param column  its column in the rows ({@code __f0}, {@code __f1}, ...)
     * @param numeric a number (a double), else a category (a string)
     */
    record Feature(String name, String column, boolean numeric) {
    }

    /**
     * A table read for a saved model to score.
     *
     * @param rows      {@link #KEY}, {@link #Y} when {@code labelled}, the model's features under their columns, and,
     *                  when asked for, every column of the file as written, under its own name; not persisted
     * @param kept      the file's columns carried in {@code rows} as written, in the file's order (empty unless asked)
     * @param source    the file as named to the user
     * @param label     the label column as the file names it (a 0-based index given resolved), when the rows have
     *                  {@link #Y}
     * @param size      rows
     * @param positives rows labelled positive (0 when not labelled)
     */
    record ForScoring(Dataset<Row> rows, List<String> kept, String source, Optional<String> label, long size,
                      long positives) {
    }

    /**
     * Reads a table for a saved model: its features by their names in the file, each typed as in training (a number,
     * or a category's text made the way {@link #read} made it), the label when the options name one, and, with
     * {@code keepColumns}, every column as the file writes it (CSV read as text, so "007" stays "007"). Other columns
     * are not features; the data options' dropped and categorical columns are the model's business here, not the
     * file's. Missing values: {@code error} refuses them, {@code drop} drops their rows, and an imputing policy uses
     * the model's own imputation (fitted on its training rows), which a model trained without one does not have.
     *
     * @param modelImputes whether the model's pipeline imputes numeric features
     */
    static ForScoring readForScoring(SparkSession spark, DataOptions o, List<Feature> features, boolean modelImputes,
                                     boolean keepColumns, ProgressListener progress) {
        String source = o.file().toString();
        if (!o.text().isEmpty()) {
            throw new UsageException("--text is not available with --engine spark");
        }
        if (o.shiftLabels() > 0) {
            throw new UsageException("--shift-labels is not available with --engine spark: it needs the file's row "
                    + "order, which a cluster's partitions do not keep");
        }
        MissingPolicy missing = o.missing();
        if (missing.imputes() && !modelImputes) {
            throw new UsageException("--missing " + missing.key() + ": the model was trained without imputation and has none to apply; use --missing error or drop");
        }
        Dataset<Row> inferred = load(spark, o, source, Optional.empty());
        String[] columns = inferred.columns();
        StructType types = inferred.schema();
        List<String> all = Arrays.asList(columns);
        List<String> absent = features.stream().map(Feature::name).filter(n -> !all.contains(n)).toList();
        if (!absent.isEmpty()) {
            List<String> wanted = features.stream().map(Feature::name).toList();
            throw new DataException(source + ": no column " + String.join(", ", absent.stream()
                    .map(n -> "'" + n + "'").toList()) + "; the model reads " + String.join(", ",
                    wanted.subList(0, Math.min(wanted.size(), 12))) + (wanted.size() > 12 ? ", …" : ""));
        }
        // the file as written, every column as text, from which the features are typed as training typed them
        Dataset<Row> raw = written(spark, o, source, inferred);
        // a numeric feature Spark reads as text holds a missing-value word (then it is missing, as in training) or a
        // value that is no number (refused, named), as may one Spark reads as a number (1.5d, a number to Java); as a
        // date or time it is no number at all
        List<String> asText = new ArrayList<>();
        List<String> asNumbers = new ArrayList<>();
        for (Feature f : features) {
            DataType type = types.apply(f.name()).dataType();
            if (f.numeric() && type instanceof StringType) {
                asText.add(f.name());
            } else if (f.numeric() && type instanceof NumericType && raw != inferred) {
                asNumbers.add(f.name());
            } else if (f.numeric() && !(type instanceof NumericType || type instanceof BooleanType)) {
                throw new DataException(source + ", column '" + f.name() + "': its values are not all numbers, and the "
                        + "model was trained on numbers in it");
            }
        }
        firstValues(raw, asText, asNumbers, source).forEach((name, v) -> v.bad().ifPresent(bad -> {
            throw new DataException(source + ", column '" + name + "': '" + Quoting.clipped(bad.value(), 40)
                    + "' is not a number, and the model was trained on numbers in it");
        }));
        for (String c : columns) {
            if (c.startsWith("__")) {
                throw new DataException(source + ", column '" + c + "': names starting with __ are the engine's own");
            }
        }
        Optional<String> labelColumn = o.label().map(l -> resolve(columns, l, source, "--label"));
        List<Column> selected = new ArrayList<>();
        List<Column> everything = new ArrayList<>();
        for (String c : columns) {
            everything.add(col(q(c)));
        }
        selected.add(xxhash64(everything.toArray(Column[]::new)).as(KEY));
        if (labelColumn.isPresent()) {
            String positive = o.positive().orElseThrow(() -> new UsageException("--positive is required with --label"));
            Column label = col(q(labelColumn.get()));
            selected.add(when(isMissingText(label), lit(null).cast(DataTypes.DoubleType))
                    .when(positiveTest(label, raw.schema().apply(labelColumn.get()).dataType(), positive), lit(1.0))
                    .otherwise(lit(0.0)).as(Y));
        }
        for (Feature f : features) {
            Column written = col(q(f.name()));
            DataType inferredType = types.apply(f.name()).dataType();
            // a category's text made as training made it: the value as Spark types it, then as text
            selected.add((f.numeric() ? number(written, raw.schema().apply(f.name()).dataType())
                    : category(written.cast(inferredType))).as(f.column()));
        }
        List<String> kept = keepColumns ? List.copyOf(all) : List.of();
        for (String c : kept) {
            selected.add(col(q(c)));
        }
        Dataset<Row> rows = raw.select(selected.toArray(Column[]::new));

        List<Column> tests = new ArrayList<>(features.stream().map(f -> missing(f.column(), f.numeric())).toList());
        features.stream().filter(Feature::numeric).forEach(f -> tests.add(infinite(f.column())));
        features.stream().filter(f -> !f.numeric()).forEach(f -> tests.add(notText(f.column())));
        Counts counts = Counts.of(rows, source, labelColumn.isPresent(), tests);
        long n = counts.requireRows(source).rows();
        if (missing != MissingPolicy.DROP) { // --missing drop leaves out a row without a label, as in memory
            labelColumn.ifPresent(label -> counts.requireEveryLabel(source, label));
        }
        List<Feature> numericFeatures = features.stream().filter(Feature::numeric).toList();
        for (int i = 0; i < numericFeatures.size(); i++) {
            requireFinite(raw, source, numericFeatures.get(i).name(), counts.missing()[features.size() + i]);
        }
        List<Feature> categoricalFeatures = features.stream().filter(f -> !f.numeric()).toList();
        for (int i = 0; i < categoricalFeatures.size(); i++) {
            requireText(source, categoricalFeatures.get(i).name(), counts.missing()[features.size()
                    + numericFeatures.size() + i]);
        }
        long positives = counts.positives();
        long missingValues = 0;
        for (int i = 0; i < features.size(); i++) {
            long m = counts.missing()[i];
            missingValues += m;
            if (m > 0 && missing == MissingPolicy.ERROR) {
                throw new DataException(source + ", column '" + features.get(i).name() + "': " + m + " missing value"
                        + (m == 1 ? "" : "s") + "; choose --missing drop" + (modelImputes ? " or the model's imputation ("
                        + "--missing mean, median or most-frequent)" : ""));
            }
        }
        Dataset<Row> out = rows;
        if ((missingValues > 0 || counts.missingLabels() > 0) && missing == MissingPolicy.DROP) {
            List<String> required = new ArrayList<>(features.stream().map(Feature::column).toList());
            labelColumn.ifPresent(label -> required.add(Y));
            Dataset<Row> complete = rows.na().drop(required.toArray(String[]::new));
            out = complete;
            Counts after = Counts.of(complete, source, labelColumn.isPresent(), List.of());
            progress.note("dropped " + (n - after.rows()) + " rows with a missing value (--missing drop)");
            n = after.rows();
            positives = after.positives();
            if (n == 0) {
                throw new DataException(source + ": every row has a missing value (--missing drop)");
            }
        }
        return new ForScoring(out, kept, source, labelColumn, n, positives);
    }

    static Prepared read(SparkSession spark, DataOptions o, ProgressListener progress) {
        return read(spark, o, PreprocessingSpec.DEFAULT_MAX_CATEGORIES, progress);
    }

    /**
     * A labelled table read for fitting: typed as the in-memory reader types it ({@link #types}), missing values and
     * infinities counted, and each categorical column held to {@code maxCategories} distinct values.
     */
    static Prepared read(SparkSession spark, DataOptions o, int maxCategories, ProgressListener progress) {
        String source = o.file().toString();
        if (!o.text().isEmpty()) {
            throw new UsageException("--text is not available with --engine spark: text columns need a vocabulary "
                    + "fitted in memory; drop them (--drop) or use the in-memory engine");
        }
        if (o.shiftLabels() > 0) {
            throw new UsageException("--shift-labels is not available with --engine spark: it needs the file's row "
                    + "order, which a cluster's partitions do not keep");
        }
        String label = o.label().orElseThrow(() -> new UsageException("--label is required"));
        String positive = o.positive().orElseThrow(() -> new UsageException("--positive is required with --label"));
        Dataset<Row> raw = load(spark, o, source, Optional.empty());
        String[] columns = raw.columns();
        String labelColumn = resolve(columns, label, source, "--label");
        if (!(raw.schema().apply(labelColumn).dataType() instanceof StringType) && !isParquet(o)) {
            // the label as the file writes it: inferred as a number or a boolean it would lose its text ("True" read
            // as true, "1.0" as 1), which --positive names as the in-memory engine reads it
            StructType asText = new StructType(Arrays.stream(raw.schema().fields())
                    .map(f -> f.name().equals(labelColumn)
                            ? new StructField(f.name(), DataTypes.StringType, true, f.metadata()) : f)
                    .toArray(StructField[]::new));
            raw = load(spark, o, source, Optional.of(asText));
        }
        List<String> dropped = new ArrayList<>();
        for (String d : o.drop()) {
            dropped.add(resolve(columns, d, source, "--drop"));
        }
        List<String> forcedCategorical = new ArrayList<>();
        for (String c : o.categorical()) {
            forcedCategorical.add(resolve(columns, c, source, "--categorical"));
        }
        List<StructField> featureFields = new ArrayList<>();
        for (StructField f : raw.schema().fields()) {
            String name = f.name();
            if (name.equals(labelColumn) || dropped.contains(name)) {
                continue;
            }
            if (name.startsWith("__")) {
                throw new DataException(source + ", column '" + name + "': names starting with __ are the engine's own");
            }
            featureFields.add(f);
        }
        Dataset<Row> written = written(spark, o, source, raw);
        Map<String, Boolean> typed = types(raw, written, featureFields, forcedCategorical, source, progress);
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        typed.forEach((name, isNumeric) -> (isNumeric ? numeric : categorical).add(name));
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new DataException(source + ": no feature columns besides the label");
        }

        DataType labelType = raw.schema().apply(labelColumn).dataType();
        Column isPositive = positiveTest(col(q(labelColumn)), labelType, positive);
        List<Column> all = new ArrayList<>();
        for (String c : columns) {
            all.add(col(q(c)));
        }
        List<Column> selected = new ArrayList<>();
        selected.add(xxhash64(all.toArray(Column[]::new)).as(KEY));
        selected.add(when(isMissingText(col(q(labelColumn))), lit(null).cast(DataTypes.DoubleType))
                .when(isPositive, lit(1.0)).otherwise(lit(0.0)).as(Y));
        Map<String, String> names = new LinkedHashMap<>();
        List<String> numericColumns = new ArrayList<>();
        List<String> categoricalColumns = new ArrayList<>();
        for (String c : numeric) {
            String inRows = "__f" + names.size();
            names.put(inRows, c);
            numericColumns.add(inRows);
            selected.add(number(col(q(c)), raw.schema().apply(c).dataType()).as(inRows));
        }
        for (String c : categorical) {
            String inRows = "__f" + names.size();
            names.put(inRows, c);
            categoricalColumns.add(inRows);
            selected.add(category(col(q(c))).as(inRows));
        }
        Dataset<Row> rows = raw.select(selected.toArray(Column[]::new));

        List<String> features = new ArrayList<>(numericColumns);
        features.addAll(categoricalColumns);
        List<Column> missingTests = new ArrayList<>();
        numericColumns.forEach(c -> missingTests.add(missing(c, true)));
        categoricalColumns.forEach(c -> missingTests.add(missing(c, false)));
        numericColumns.forEach(c -> missingTests.add(infinite(c)));
        categoricalColumns.forEach(c -> missingTests.add(notText(c)));
        Counts counts = Counts.of(rows, source, true, missingTests, categoricalColumns);
        long n = counts.requireRows(source).rows();
        if (o.missing() != MissingPolicy.DROP) { // --missing drop leaves out a row without a label, as in memory
            counts.requireEveryLabel(source, labelColumn);
        }
        for (int i = 0; i < categoricalColumns.size(); i++) {
            requireFewCategories(rows, source, categoricalColumns.get(i), names.get(categoricalColumns.get(i)),
                    counts.distinct()[i], n - counts.missing()[numericColumns.size() + i], maxCategories);
            if (!forcedCategorical.contains(names.get(categoricalColumns.get(i)))) {
                warnOfManyCategories(rows, source, categoricalColumns.get(i), names.get(categoricalColumns.get(i)),
                        counts.distinct()[i], maxCategories, progress);
            }
        }
        for (int i = 0; i < numericColumns.size(); i++) {
            requireFinite(written, source, names.get(numericColumns.get(i)), counts.missing()[features.size() + i]);
        }
        for (int i = 0; i < categoricalColumns.size(); i++) {
            requireText(source, names.get(categoricalColumns.get(i)), counts.missing()[features.size()
                    + numericColumns.size() + i]);
        }
        long positives = counts.positives();
        Dataset<Row> kept = rows;
        MissingPolicy missing = o.missing();
        long missingValues = 0;
        for (int i = 0; i < features.size(); i++) {
            long m = counts.missing()[i];
            missingValues += m;
            if (m > 0 && missing == MissingPolicy.ERROR) {
                throw new DataException(source + ", column '" + names.get(features.get(i)) + "': " + m + " missing value"
                        + (m == 1 ? "" : "s") + "; choose --missing drop, mean, median or most-frequent");
            }
        }
        if ((missingValues > 0 || counts.missingLabels() > 0) && missing == MissingPolicy.DROP) {
            List<String> required = new ArrayList<>(features);
            required.add(Y);
            kept = rows.na().drop(required.toArray(String[]::new));
            Counts after = Counts.of(kept, source, true, List.of());
            progress.note("dropped " + (n - after.rows()) + " rows with a missing value (--missing drop)");
            n = after.rows();
            positives = after.positives();
        }
        if (positives == 0) {
            List<String> seen = raw.select(col(q(labelColumn)).cast(DataTypes.StringType)).distinct().limit(5)
                    .collectAsList().stream().map(r -> String.valueOf(r.get(0))).toList();
            throw new DataException(source + ", column '" + labelColumn + "': the positive value '" + positive
                    + "' never occurs (values seen: " + String.join(", ", seen) + ")");
        }
        if (positives == n) {
            throw new DataException(source + ", column '" + labelColumn + "': every row is '" + positive
                    + "'; the table needs both classes");
        }
        // the negative class is named by its value only when it has one, as the in-memory engine names it
        // (LabelMapping.fromValues): the first negative row's value named ecoli's 301 rows of seven classes 'cp'
        List<String> negativeValues = raw.filter(isPositive.equalTo(false)).select(trimmed(col(q(labelColumn))
                .cast(DataTypes.StringType))).distinct().limit(2).collectAsList().stream()
                .map(r -> String.valueOf(r.get(0))).toList();
        LabelMapping mapping = negativeValues.size() == 1 && !negativeValues.get(0).equals(positive)
                ? new LabelMapping(labelColumn, positive, negativeValues.get(0)) : new LabelMapping(labelColumn, positive);
        Dataset<Row> persisted = kept.persist(StorageLevel.MEMORY_AND_DISK());
        return new Prepared(persisted, List.copyOf(numericColumns), List.copyOf(categoricalColumns),
                java.util.Collections.unmodifiableMap(names), source, mapping, positives, n - positives, missing);
    }

    /** A label's text without the white space around it, as Java's {@code String.trim} leaves it (or near). */
    /**
     * The table's rows as the file writes them (CSV read as text, so "007" stays "007"; Parquet as typed), with the
     * row key ({@link #KEY}) and the label as 0/1 ({@link #Y}) added: what {@code resample} samples and writes back.
     * Both classes must be present and no label missing.
     *
     * @return the rows and their class counts (negatives, positives)
     */
    static AsWritten readAsWritten(SparkSession spark, DataOptions o) {
        String source = o.file().toString();
        String label = o.label().orElseThrow(() -> new UsageException("--label is required"));
        String positive = o.positive().orElseThrow(() -> new UsageException("--positive is required with --label"));
        Dataset<Row> raw = load(spark, o, source, Optional.empty());
        if (!isParquet(o)) {
            StructType asText = new StructType(Arrays.stream(raw.schema().fields())
                    .map(f -> new StructField(f.name(), DataTypes.StringType, true, f.metadata()))
                    .toArray(StructField[]::new));
            String[] names = raw.columns();
            raw = load(spark, o, source, Optional.of(asText)).toDF(names);
        }
        String[] columns = raw.columns();
        String labelColumn = resolve(columns, label, source, "--label");
        for (String c : columns) {
            if (c.startsWith("__")) {
                throw new DataException(source + ", column '" + c + "': names starting with __ are the engine's own");
            }
        }
        Column labelValue = col(q(labelColumn));
        Column isPositive = positiveTest(labelValue, raw.schema().apply(labelColumn).dataType(), positive);
        Dataset<Row> rows = raw
                .withColumn(KEY, xxhash64(Arrays.stream(columns).map(c -> col(q(c))).toArray(Column[]::new)))
                .withColumn(Y, when(isMissingText(labelValue), lit(null).cast(DataTypes.DoubleType))
                        .when(isPositive, lit(1.0)).otherwise(lit(0.0)));
        Counts counts = Counts.of(rows, source, true, List.of());
        long n = counts.rows();
        long positives = counts.positives();
        counts.requireEveryLabel(source, labelColumn);
        if (positives == 0 || positives == n) {
            throw new DataException(source + ", column '" + labelColumn + "': " + (positives == 0
                    ? "the positive value '" + positive + "' never occurs" : "every row is '" + positive + "'")
                    + "; the table needs both classes");
        }
        return new AsWritten(rows, source, new long[] {n - positives, positives});
    }

    /**
     * Each feature column typed as the in-memory reader types it ({@code ColumnBuilder}): a column is numeric when its
     * first present value is a number, and then every present value must be one (one stray word must not turn a
     * measurement into a thousand categories: refused, naming it); categorical when its first present value is not a
     * number, or when {@code --categorical} names it. Missing values are {@link #isMissingText}'s, numbers
     * {@link #isNumberText}'s. Spark's inference is the first word: a column it types as a boolean (which the in-memory
     * reader reads as 1 and 0) is numeric as it stands, a date or time categorical. A column it leaves as text, where a
     * missing-value word or a stray word sits among numbers, is looked at; so is a CSV column it types as a number,
     * since Spark's numbers are Java's ({@code 1.5d}, {@code 0x1p3}, which the in-memory reader takes for words, as
     * pandas does): all in one pass over {@code written}, the file's fields as text ({@link #written}).
     *
     * @return every column of {@code fields}, in their order: true for numeric
     */
    private static Map<String, Boolean> types(Dataset<Row> raw, Dataset<Row> written, List<StructField> fields,
                                              List<String> forced, String source, ProgressListener progress) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        List<String> text = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (StructField f : fields) {
            DataType type = f.dataType();
            if (forced.contains(f.name())) {
                out.put(f.name(), false);
            } else if (type instanceof NumericType && written != raw) {
                out.put(f.name(), null);
                numbers.add(f.name());
            } else if (type instanceof NumericType || type instanceof BooleanType) {
                out.put(f.name(), true);
            } else if (type instanceof StringType) {
                out.put(f.name(), null);
                text.add(f.name());
            } else {
                out.put(f.name(), false);
                progress.note("column '" + f.name() + "' read as categorical (its values are dates or times)");
            }
        }
        Map<String, FirstValues> firsts = firstValues(written, text, numbers, source);
        for (String name : out.keySet().stream().filter(firsts::containsKey).toList()) {
            FirstValues v = firsts.get(name);
            if (v.bad().isEmpty()) {
                out.put(name, true);
            } else if (v.bad().get().equals(v.present().orElseThrow())) {
                out.put(name, false);
                progress.note("column '" + name + "' read as categorical (first value '"
                        + Quoting.clipped(v.bad().get().value(), 40) + "')");
            } else {
                throw notANumber(source, name, v.bad().get().value(), v.present().orElseThrow().value());
            }
        }
        return out;
    }

    /** The in-memory reader's refusal of a word in a numeric column, without the line, which Spark does not know. */
    static DataException notANumber(String source, String column, String value, String first) {
        String option = column.matches("[A-Za-z0-9_.-]+") ? " " + column : "";
        return new DataException(source + ", column '" + column + "': '" + Quoting.clipped(value, 40) + "' is not a "
                + "number in a numeric column (its first value, '" + Quoting.clipped(first, 40) + "', is one); --drop"
                + (option.isEmpty() ? " it" : option) + ", or --categorical" + option + " if it holds categories");
    }

    /** A value and where it is: the position Spark gives the row, in the file's order for one file. */
    private record Located(long position, String value) {
    }

    /** A text column's first present value and its first value that is no number, when there are such values. */
    private record FirstValues(Optional<Located> present, Optional<Located> bad) {
    }

    /**
     * For each column of {@code text} and {@code numbers}, its first present value and its first value that is neither
     * missing nor a number, in one pass of aggregates over {@code written} (the fields as text). "First" is by
     * {@code monotonically_increasing_id}, which numbers the rows in order within a partition and the partitions in
     * order: for one file, split by offset, that is the file's order.
     *
     * @param numbers columns Spark's inference typed as numbers: each of their fields is a number to Java, so one of
     *                only digits, points, signs and exponents is one by the in-memory rule too; only the others
     *                ({@code 1.5d}, {@code NaN}, {@code  8 }) are put to the rule's tests, which cost a regular
     *                expression or three each, so a numeric column costs one simple match a field
     */
    private static Map<String, FirstValues> firstValues(Dataset<Row> written, List<String> text, List<String> numbers,
                                                        String source) {
        Map<String, FirstValues> out = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(text);
        columns.addAll(numbers);
        if (columns.isEmpty()) {
            return out;
        }
        String position = "__position";
        Dataset<Row> numbered = written.withColumn(position, monotonically_increasing_id());
        List<Column> aggregates = new ArrayList<>();
        for (String c : columns) {
            Column value = col(q(c));
            Column present = not(isMissingText(value));
            Column bad = present.and(not(isNumberText(value)));
            if (numbers.contains(c)) {
                Column plain = value.rlike("^[0-9.eE+-]+$");
                present = value.isNotNull().and(plain.or(present));
                bad = value.isNotNull().and(not(plain)).and(bad);
            }
            // trimmed on the driver, as trimmedField would trim it: a regular expression on every field costs
            Column located = struct(col(position), value.cast(DataTypes.StringType));
            aggregates.add(min(when(present, located)));
            aggregates.add(min(when(bad, located)));
        }
        // every column read, so that a malformed row (too few fields) fails here as Spark's reader words it: with only
        // some columns asked for, Spark's parser shifted a short row's fields into them
        aggregates.add(min(xxhash64(Arrays.stream(written.columns()).map(c -> col(q(c))).toArray(Column[]::new))));
        Row r = Failures.translate(source, () -> numbered.agg(aggregates.get(0),
                aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first());
        for (int i = 0; i < columns.size(); i++) {
            out.put(columns.get(i), new FirstValues(located(r, 2 * i), located(r, 2 * i + 1)));
        }
        return out;
    }

    private static Optional<Located> located(Row r, int i) {
        if (r.isNullAt(i)) {
            return Optional.empty();
        }
        Row s = r.getStruct(i);
        return Optional.of(new Located(s.getLong(0), s.getString(1).trim()));
    }

    /** A field without the white space around it, as {@code String.trim} (which the in-memory reader calls) leaves it. */
    private static Column trimmedField(Column text) {
        return regexp_replace(text.cast(DataTypes.StringType), "^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
    }

    /**
     * Whether a field is missing as the in-memory reader reads one: empty (Spark's null), or one of
     * {@link MissingTokens#WORDS} in any case, white space around it ignored.
     */
    static Column isMissingText(Column value) {
        Column text = value.cast(DataTypes.StringType);
        List<Object> words = new ArrayList<>(MissingTokens.WORDS);
        words.add("");
        return text.isNull().or(lower(trimmedField(text)).isin(words.toArray()));
    }

    /**
     * Whether a present field is a number as the in-memory reader reads one ({@code Tokens.parseNumber}): by
     * {@link Decimals#PATTERN} ({@code inf} among them), or {@code true} / {@code false}, read as 1 and 0.
     */
    static Column isNumberText(Column value) {
        Column t = trimmedField(value);
        return t.rlike("^(?:" + Decimals.PATTERN + ")$").or(lower(t).isin("true", "false"));
    }

    /**
     * A numeric feature's value as a double: a text column's missing-value words are null and its numbers read by
     * {@link #isNumberText}'s rule (a value that is none, which {@link #types} refuses, null too); a number as it is; a
     * boolean 1 or 0.
     */
    static Column number(Column value, DataType type) {
        if (!(type instanceof StringType)) {
            return value.cast(DataTypes.DoubleType);
        }
        Column t = trimmedField(value);
        return when(isMissingText(value), lit(null).cast(DataTypes.DoubleType))
                .when(lower(t).equalTo("true"), lit(1.0))
                .when(lower(t).equalTo("false"), lit(0.0))
                .otherwise(t.try_cast(DataTypes.DoubleType));
    }

    /** A categorical feature's value as text, null when it is a missing-value word ({@link #isMissingText}). */
    static Column category(Column value) {
        Column text = value.cast(DataTypes.StringType);
        return when(isMissingText(text), lit(null).cast(DataTypes.StringType)).otherwise(text);
    }

    /** The relative standard deviation of the distinct-value estimates: HyperLogLog++'s, as {@code describe}'s. */
    static final double DISTINCT_ERROR = 0.02;

    /** The levels of a column whose look decides the advice: a sample, as counting them all costs a pass. */
    private static final int LEVELS_LOOKED_AT = 1_000;

    /**
     * Refuses a categorical column with more than {@code cap} distinct values ({@code --max-categories}), as the
     * in-memory engine does, with its words. The estimate rides on the pass of counts; a column whose estimate reaches
     * half the cap (25 standard deviations of the estimate below it) is counted exactly, so the rule is exact: a column
     * over the cap is always refused, one at or under it never. The whole table is counted, where the in-memory engine
     * counts each fit's training rows (a share of them, in cross-validation or for the threshold's first fit): a column
     * just over the cap on the whole table may pass there.
     */
    private static void requireFewCategories(Dataset<Row> rows, String source, String column, String name,
                                             long estimate, long present, int cap) {
        if (estimate < cap / 2.0) {
            return;
        }
        long distinct = Failures.translate(source, () -> rows.select(col(column)).where(col(column).isNotNull())
                .distinct().count());
        if (distinct > cap) {
            // the advice (dates, free text, an ID) from what some of its levels look like, as the in-memory engine's
            List<String> levels = Failures.translate(source, () -> rows.select(col(column).cast(DataTypes.StringType))
                    .where(col(column).isNotNull()).distinct().orderBy(col(column)).limit(LEVELS_LOOKED_AT)
                    .collectAsList()).stream()
                    .map(r -> r.getString(0)).toList();
            throw new DataException(FittedPreprocessor.tooManyCategories(source, name,
                    distinct, present, cap, levels, false));
        }
    }

    /** Values read, from the first partitions, for the levels a warning about dates or free text looks at. */
    private static final int VALUES_SAMPLED = 5_000;

    /**
     * Warns, as the in-memory reader does, of a column read as categorical whose levels are dates or times or look like
     * free text, from {@link FittedPreprocessor#WARNED_LEVELS} levels up to the cap: nasa's 777 close-approach dates
     * were one-hot encoded with only a note. Only a column whose estimate comes within 10% (five standard deviations)
     * of that many is looked at, in the levels among its first {@value #VALUES_SAMPLED} values (a limit, which reads
     * only the first partitions: no pass over the table, as zip or product codes would have cost on every load); a
     * column warned about is counted exactly for the warning's words.
     */
    private static void warnOfManyCategories(Dataset<Row> rows, String source, String column, String name,
                                             long estimate, int cap, ProgressListener progress) {
        if (estimate < FittedPreprocessor.WARNED_LEVELS * 0.9 || estimate > cap) {
            return;
        }
        List<String> levels = Failures.translate(source, () -> rows.select(col(column).cast(DataTypes.StringType))
                .where(col(column).isNotNull()).limit(VALUES_SAMPLED).collectAsList()).stream()
                .map(r -> r.getString(0)).distinct().sorted().limit(LEVELS_LOOKED_AT).toList();
        if (FittedPreprocessor.manyCategoriesWarning(name, Math.max(estimate, FittedPreprocessor.WARNED_LEVELS),
                levels, false).isEmpty()) {
            return;
        }
        long count = Failures.translate(source, () -> rows.select(col(column)).where(col(column).isNotNull())
                .distinct().count());
        FittedPreprocessor.manyCategoriesWarning(name, count, levels, false).ifPresent(progress::note);
    }

    private static Column infinite(String column) {
        return infinite(col(column));
    }

    /**
     * Whether a numeric value is no finite float32 number, the in-memory reader's rule (it holds numbers as float32, as
     * XGBoost and scikit-learn's trees do): an infinity ({@code inf}, {@code 1e400}), or a double beyond 3.4e38 such as
     * {@code 1e39}, which Spark trained on and the in-memory engine refused. Spark's cast to float is Java's: it rounds
     * exactly where the in-memory reader's {@code (float)} does.
     */
    private static Column infinite(Column value) {
        return value.cast(DataTypes.FloatType).isin(Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
    }

    /**
     * Refuses a value that is no finite float32 number in a numeric feature ({@link #infinite}), with the in-memory
     * reader's words and its first such value as written in {@code written} (the fields as text; the line is not
     * Spark's to know): Spark ML's estimators stop on an infinity with an internal error, and a model would score
     * it as nothing useful. The value is looked for only once there is one, in a pass of its own.
     */
    private static void requireFinite(Dataset<Row> written, String source, String column, long infinite) {
        if (infinite == 0) {
            return;
        }
        Column value = col(q(column)).cast(DataTypes.StringType);
        Column number = trimmedField(value).try_cast(DataTypes.DoubleType);
        Row first = Failures.translate(source, () -> written.withColumn("__position", monotonically_increasing_id())
                .agg(min(when(isNumberText(value).and(infinite(number)), struct(col("__position"), value)))).first());
        String shown = first.isNullAt(0) ? "" : "'" + Quoting.clipped(first.getStruct(0).getString(1).trim(), 40)
                + "' ";
        throw new DataException(source + ", column '" + column + "': " + shown + "is not a finite float32 number "
                + "(infinities and values beyond 3.4e38 are refused)" + (infinite == 1 ? "" : "; " + infinite
                + " such values"));
    }

    /**
     * Whether a categorical value holds a NUL byte or U+FFFD, which Spark's reader makes of bytes that are not UTF-8
     * (a Latin-1 file's é): not text the in-memory engine reads, and no category a later file would spell the same.
     */
    private static Column notText(String column) {
        return col(column).contains("\0").or(col(column).contains("\uFFFD"));
    }

    private static void requireText(String source, String column, long notText) {
        if (notText > 0) {
            throw new DataException(source + ", column '" + column + "': " + notText + " value" + (notText == 1 ? ""
                    : "s") + " with a NUL byte or bytes that are not UTF-8 text (shown as \uFFFD); this is not a UTF-8 "
                    + "text table: save it as UTF-8");
        }
    }

    /** Whether a feature column's value is missing: null, or NaN for a number. */
    private static Column missing(String column, boolean numeric) {
        Column c = col(column);
        return numeric ? c.isNull().or(isnan(c)) : c.isNull();
    }

    /**
     * One pass of aggregates over rows with {@link #Y} (when labelled): the rows, the positives, the rows without a
     * label, and how many rows each test of {@code missingTests} holds for. Nothing but these counts reaches the driver.
     */
    private record Counts(long rows, long positives, long missingLabels, long[] missing, long[] distinct) {

        static Counts of(Dataset<Row> table, String source, boolean labelled, List<Column> missingTests) {
            return of(table, source, labelled, missingTests, List.of());
        }

        /**
         * @param estimated columns whose distinct values are estimated in the same pass ({@link #distinct}: Spark's
         *                  HyperLogLog++, {@value #DISTINCT_ERROR} relative standard deviation)
         */
        static Counts of(Dataset<Row> table, String source, boolean labelled, List<Column> missingTests,
                         List<String> estimated) {
            List<Column> aggregates = new ArrayList<>();
            aggregates.add(labelled ? sum(when(col(Y).equalTo(1.0), 1L).otherwise(0L)) : lit(0L));
            aggregates.add(labelled ? sum(when(col(Y).isNull(), 1L).otherwise(0L)) : lit(0L));
            missingTests.forEach(t -> aggregates.add(sum(when(t, 1L).otherwise(0L))));
            estimated.forEach(c -> aggregates.add(approx_count_distinct(col(c), DISTINCT_ERROR)));
            Row r = Failures.translate(source, () -> table.agg(count(lit(1)), aggregates.toArray(Column[]::new))
                    .first());
            long[] missing = new long[missingTests.size()];
            for (int i = 0; i < missing.length; i++) {
                missing[i] = r.isNullAt(3 + i) ? 0 : r.getLong(3 + i);
            }
            long[] distinct = new long[estimated.size()];
            for (int i = 0; i < distinct.length; i++) {
                distinct[i] = r.getLong(3 + missing.length + i);
            }
            return new Counts(r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2),
                    missing, distinct);
        }

        /** These counts, refused when the table has no rows. */
        Counts requireRows(String source) {
            if (rows == 0) {
                throw new DataException(source + ": no data rows");
            }
            return this;
        }

        /** Refuses rows without a label, naming the label column. */
        void requireEveryLabel(String source, String labelColumn) {
            if (missingLabels > 0) {
                throw new DataException(source + ", column '" + labelColumn + "': " + missingLabels
                        + " rows have no label");
            }
        }
    }

    /** A table as written, with {@link #KEY} and {@link #Y}; counts are negatives, positives. */
    record AsWritten(Dataset<Row> rows, String source, long[] counts) {
    }

    /**
     * {@code describe --engine spark}: every column summarised in one pass of aggregates where the rows are. Distinct
     * values are Spark's HyperLogLog estimate (about 2% off), so a column is "ID-like" when its estimate reaches 97% of
     * the rows; the in-memory engine counts exactly. The leakage check (a column that alone separates the classes) needs
     * each column sorted against the label and is not made here.
     */
    static dev.rareclass.domain.experiment.TableProfile.Description describe(SparkSession spark, DataOptions o,
                                                                           ProgressListener progress) {
        String source = o.file().toString();
        Dataset<Row> raw = load(spark, o, source, Optional.empty());
        String[] columns = raw.columns();
        Optional<String> labelColumn = o.label().map(l -> resolve(columns, l, source, "--label"));
        List<String> dropped = new ArrayList<>();
        for (String d : o.drop()) {
            dropped.add(resolve(columns, d, source, "--drop"));
        }
        List<StructField> features = Arrays.stream(raw.schema().fields())
                .filter(f -> !dropped.contains(f.name()) && !labelColumn.map(f.name()::equals).orElse(false)).toList();
        List<String> forced = new ArrayList<>();
        for (String c : o.categorical()) {
            forced.add(resolve(columns, c, source, "--categorical"));
        }
        Dataset<Row> written = written(spark, o, source, raw);
        Map<String, Boolean> typed = types(raw, written, features, forced, source, progress);
        // the features as the engine reads them (missing-value words null), under their own names, then the label
        List<Column> read = new ArrayList<>();
        for (StructField f : features) {
            Column c = col(q(f.name()));
            read.add((typed.get(f.name()) ? number(c, f.dataType()) : category(c)).as(f.name()));
        }
        labelColumn.ifPresent(l -> read.add(col(q(l))));
        raw = raw.select(read.toArray(Column[]::new));
        if (o.missing() == MissingPolicy.DROP) {
            raw = raw.na().drop(features.stream().map(StructField::name).toArray(String[]::new));
        }
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)));
        for (StructField f : features) {
            Column c = col(q(f.name()));
            boolean numeric = typed.get(f.name());
            Column missing = numeric ? c.isNull().or(isnan(c)) : c.isNull();
            aggregates.add(sum(when(missing, 1L).otherwise(0L)));
            aggregates.add(approx_count_distinct(c, 0.02));
            if (numeric) {
                Column present = when(isnan(c), lit(null)).otherwise(c).cast(DataTypes.DoubleType);
                aggregates.add(min(present));
                aggregates.add(max(present));
                aggregates.add(avg(present));
                aggregates.add(stddev_samp(present)); // ddof = 1, as pandas' describe and the local engine
                aggregates.add(sum(when(infinite(c), 1L).otherwise(0L))); // refused, as the in-memory reader does
            } else {
                // refused as train refuses it: a Latin-1 file's 'caf\xe9' was described as the category 'caf\uFFFD'
                aggregates.add(sum(when(notText(q(f.name())), 1L).otherwise(0L)));
            }
        }
        String positive = labelColumn.map(l -> o.positive().orElseThrow(
                () -> new UsageException("--positive is required with --label"))).orElse("");
        if (labelColumn.isPresent()) {
            Column label = col(q(labelColumn.get()));
            Column labelled = not(isMissingText(label));
            aggregates.add(sum(when(labelled.and(positiveTest(label, raw.schema().apply(labelColumn.get()).dataType(),
                    positive)), 1L).otherwise(0L)));
            aggregates.add(sum(when(labelled, 1L).otherwise(0L)));
        }
        Dataset<Row> table = raw;
        Row r = Failures.translate(source, () -> table.agg(aggregates.get(0),
                aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first());
        long rows = r.getLong(0);
        if (rows > Integer.MAX_VALUE) {
            throw new UsageException(source + ": " + rows + " rows; describe counts up to 2^31 - 1");
        }
        List<dev.rareclass.domain.experiment.TableProfile.ColumnSummary> summaries = new ArrayList<>();
        int at = 1;
        for (StructField f : features) {
            boolean numeric = typed.get(f.name());
            int missing = (int) r.getLong(at++);
            int distinct = (int) Math.min(r.getLong(at++), dev.rareclass.domain.experiment.TableProfile.DISTINCT_CAP);
            double lo = Double.NaN;
            double hi = Double.NaN;
            double mean = Double.NaN;
            double std = Double.NaN;
            if (numeric) {
                lo = r.isNullAt(at) ? Double.NaN : r.getDouble(at);
                hi = r.isNullAt(at + 1) ? Double.NaN : r.getDouble(at + 1);
                mean = r.isNullAt(at + 2) ? Double.NaN : r.getDouble(at + 2);
                std = r.isNullAt(at + 3) ? Double.NaN : r.getDouble(at + 3);
                requireFinite(written, source, f.name(), r.isNullAt(at + 4) ? 0 : r.getLong(at + 4));
                at += 5;
            } else {
                requireText(source, f.name(), r.isNullAt(at) ? 0 : r.getLong(at));
                at++;
            }
            boolean wholeNumbers = numeric && !(f.dataType() instanceof org.apache.spark.sql.types.DoubleType
                    || f.dataType() instanceof org.apache.spark.sql.types.FloatType);
            boolean idLike = rows > 1 && (!numeric || wholeNumbers) && distinct >= 0.97 * rows;
            summaries.add(new dev.rareclass.domain.experiment.TableProfile.ColumnSummary(f.name(),
                    numeric ? "numeric" : "categorical", missing, lo, hi, mean, std, distinct, idLike));
        }
        Optional<dev.rareclass.domain.experiment.TableProfile.LabelSummary> label = Optional.empty();
        if (labelColumn.isPresent()) {
            long positives = r.getLong(at);
            long labelled = r.getLong(at + 1);
            label = Optional.of(new dev.rareclass.domain.experiment.TableProfile.LabelSummary(labelColumn.get(),
                    positive, (int) positives, (int) (labelled - positives)));
        }
        List<String> warnings = dev.rareclass.domain.experiment.TableProfile.columnWarnings(summaries, rows);
        return new dev.rareclass.domain.experiment.TableProfile.Description(source, (int) rows, summaries, label,
                List.of("on Spark: distinct values are estimates (HyperLogLog, about 2%); no leakage check"), warnings);
    }

    private static Column trimmed(Column text) {
        return regexp_replace(text, "^\\s+|\\s+$", "");
    }

    /**
     * Positive iff the value is one of {@code --positive}'s as {@link PositiveValues} reads a label's text (the
     * in-memory engine's rule): the same trimmed text as one of the values (or as the whole spec), or the same number.
     * A numeric column (Parquet's) compares numbers; a boolean one ignores case, as its values have lost theirs.
     */
    private static Column positiveTest(Column label, DataType type, String spec) {
        PositiveValues positive = PositiveValues.parse(spec);
        List<String> values = positive.values();
        Object[] numbers = values.stream().mapToDouble(SparkTables::number).filter(x -> !Double.isNaN(x)).boxed()
                .toArray();
        if (type instanceof NumericType) {
            return numbers.length == 0 ? lit(false) : label.cast(DataTypes.DoubleType).isin(numbers);
        }
        Column text = trimmed(label.cast(DataTypes.StringType));
        if (type instanceof BooleanType) {
            List<String> texts = new ArrayList<>();
            texts.add(positive.toString().toLowerCase(Locale.ROOT));
            values.forEach(v -> texts.add(v.toLowerCase(Locale.ROOT)));
            return lower(text).isin(texts.toArray());
        }
        List<String> texts = new ArrayList<>(values);
        texts.add(positive.toString());
        Column matches = text.isin(texts.toArray());
        if (numbers.length > 0) {
            matches = matches.or(text.rlike("^[0-9+.-]").and(text.try_cast(DataTypes.DoubleType).isin(numbers)));
        }
        return matches;
    }

    /** The number a label value spells, or NaN: {@link PositiveValues}' rule (text that starts like a number). */
    private static double number(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || "+-.".indexOf(s.charAt(0)) >= 0)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean isParquet(DataOptions o) {
        return format(o).equals("parquet");
    }

    /** Formats of the in-memory engine the Spark engine does not read, by their names' extensions. */
    private static final Map<String, String> IN_MEMORY_FORMATS = Map.of(".arff", "ARFF", ".libsvm", "LibSVM", ".svm",
            "LibSVM", ".svmlight", "LibSVM");

    /** The formats the Spark engine reads, as {@code --format} names them (in any case). */
    static final List<String> FORMATS = List.of("csv", "tsv", "parquet");

    /** The format a table is read as: {@code --format} (any case), else from the file's name. */
    private static String format(DataOptions o) {
        return o.format().map(f -> f.trim().toLowerCase(Locale.ROOT)).orElseGet(() -> formatOf(o.file()));
    }

    /**
     * The fields of {@code inferred} (a table {@link #load}ed with the schema Spark inferred) as the file writes them:
     * a CSV file read again with every column as text, under the same names, for the in-memory reader's rules to be
     * put to the text (Spark's inference takes Java's numbers); Parquet's typed columns as they are.
     */
    private static Dataset<Row> written(SparkSession spark, DataOptions o, String source, Dataset<Row> inferred) {
        if (isParquet(o)) {
            return inferred;
        }
        return load(spark, o, source, Optional.of(new StructType(Arrays.stream(inferred.schema().fields())
                .map(f -> new StructField(f.name(), DataTypes.StringType, true, f.metadata()))
                .toArray(StructField[]::new))));
    }

    /** The table as Spark reads it: the schema inferred from the file, or the one given. */
    private static Dataset<Row> load(SparkSession spark, DataOptions o, String source, Optional<StructType> schema) {
        String path = o.file().toString();
        if (path.equals("-")) {
            // it was "-: no such file"
            throw new UsageException("the Spark engine reads files, not standard input: write the table to a file, or "
                    + "read it with --engine local");
        }
        boolean hasScheme = path.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*");
        if (!hasScheme) {
            Path local = o.file().toAbsolutePath().normalize();
            if (!Files.exists(local)) {
                throw new InputMissingException(source + ": no such file", null);
            }
            if (!Files.isReadable(local)) {
                throw new InputMissingException(source + ": not readable", null);
            }
            path = local.toUri().toString();
        } else {
            URI.create(path.replace(" ", "%20"));
        }
        String format = format(o);
        String inMemoryOnly = IN_MEMORY_FORMATS.get(dev.rareclass.domain.data.FileNames.extension(
                String.valueOf(o.file().getFileName())));
        if (o.format().isEmpty() && inMemoryOnly != null) {
            // an ARFF file was read as a CSV one, and refused for its label: "no such column (columns: @relation t)"
            throw new DataException(source + ": " + inMemoryOnly + " (by its name), which the in-memory engine reads, "
                    + "not the Spark engine (CSV, TSV and Parquet): leave out --engine spark, or write it as CSV; a text "
                    + "table so named reads with --format csv or tsv");
        }
        if (o.format().isEmpty() && !format.equals("parquet")) {
            // no peek at the bytes here (the path may be on HDFS): the name alone, as the CSV reader would have read
            // a .json or .xlsx file into columns of junk
            ForeignFormats.ofName(String.valueOf(o.file().getFileName())).ifPresent(foreign -> {
                throw new DataException(ForeignFormats.readRefusal(source, foreign, "CSV, TSV and Parquet")
                        + "; a text table so named reads with --format csv or tsv");
            });
        }
        String where = path;
        Dataset<Row> read = Failures.translate(source, () -> switch (format) {
            case "parquet" -> spark.read().parquet(where);
            case "csv", "tsv" -> (schema.isPresent() ? spark.read().schema(schema.get()) : spark.read()
                    .option("inferSchema", true))
                    .option("header", o.header())
                    .option("mode", "FAILFAST")
                    .option("sep", String.valueOf(o.delimiter().orElse(format.equals("tsv") ? '\t' : ',')))
                    .csv(where);
            default -> throw new UsageException(source + ": --format " + format + " is not one the Spark engine "
                    + "reads (csv, tsv, parquet)");
        });
        if (!format.equals("parquet") && schema.isEmpty()) {
            requireHeader(read.columns(), source);
        }
        if (!format.equals("parquet") && o.header() && schema.isEmpty()) {
            String[] named = headerNames(spark, read.columns(), where, String.valueOf(o.delimiter().orElse(
                    format.equals("tsv") ? '\t' : ',')), source);
            if (!Arrays.equals(named, read.columns())) {
                read = read.toDF(named);
            }
        }
        if (!format.equals("parquet") && !o.header() && schema.isEmpty()) {
            // a file without a header has columns 0, 1, 2, ... as the in-memory engine names them (Spark: _c0, ...)
            String[] numbered = new String[read.columns().length];
            for (int i = 0; i < numbered.length; i++) {
                numbered[i] = Integer.toString(i);
            }
            read = read.toDF(numbered);
        }
        return read;
    }

    /**
     * Refuses a file with no columns (empty: Spark reads no header and no rows, and the label was "no such column
     * (columns: )") or whose first line is not text (a NUL byte, or bytes that are not UTF-8, which Spark decodes as
     * U+FFFD: binary junk was printed back to the terminal as the list of columns).
     */
    private static void requireHeader(String[] columns, String source) {
        if (columns.length == 0) {
            throw new DataException(source + ": the file is empty");
        }
        for (String c : columns) {
            if (c.indexOf('\0') >= 0 || c.indexOf('\uFFFD') >= 0) {
                throw new DataException(source + ", line 1: a NUL byte or bytes that are not UTF-8 text; this is not a "
                        + "text table (binary data, or text in another encoding: save it as UTF-8)");
            }
        }
    }

    /**
     * The header's names as the in-memory reader makes them: each trimmed as {@code String.trim} trims it (Spark kept
     * {@code " x1"}, so {@code --label x1} found no column and a model named a column the in-memory engine calls
     * {@code x1} otherwise), an empty one named by its 0-based index, and a name written twice, after trimming,
     * refused. Spark renames the second {@code a} of {@code a,a} (and of {@code a,A}: it compares names ignoring case)
     * to {@code a1}, the column's index appended, so a model was trained on columns the file does not have, under
     * Spark's warnings. Only a name that ends in its own index (or Spark's {@code _c}N for an empty one) can be such a
     * renaming: then, or when a name has white space around it, and only then, the header row is read as it is
     * written to compare.
     */
    private static String[] headerNames(SparkSession spark, String[] columns, String where, String separator,
                                        String source) {
        boolean reread = false;
        for (int i = 0; i < columns.length; i++) {
            String index = Integer.toString(i);
            reread |= columns[i].length() > index.length() && columns[i].endsWith(index) || columns[i].isBlank()
                    || !columns[i].equals(columns[i].trim());
        }
        if (!reread) {
            return columns;
        }
        Row header = Failures.translate(source, () -> spark.read().option("header", false).option("sep", separator)
                .csv(where).first());
        String[] written = new String[header.length()];
        for (int j = 0; j < written.length; j++) {
            written[j] = header.isNullAt(j) ? "" : header.getString(j).replace("\uFEFF", "").trim();
        }
        boolean caseSensitive = Boolean.parseBoolean(spark.conf().get("spark.sql.caseSensitive", "false"));
        for (int j = 1; j < written.length; j++) {
            String name = written[j];
            for (int i = 0; i < j && !name.isEmpty(); i++) {
                String earlier = written[i];
                if (caseSensitive ? earlier.equals(name) : earlier.equalsIgnoreCase(name)) {
                    throw new DataException(source + ", line 1, column '" + name + "': duplicate column name (columns "
                            + i + " and " + j + ", 0-based" + (earlier.equals(name) ? "" : ", '" + earlier + "' and '"
                            + name + "': Spark compares column names ignoring case") + ")");
                }
            }
        }
        // an empty name (R's row-name column) is named by its 0-based index, as the in-memory engine names it, not
        // Spark's _c1
        String[] named = columns.clone();
        boolean[] empty = new boolean[named.length];
        for (int j = 0; j < written.length && j < named.length; j++) {
            empty[j] = written[j].isEmpty();
            named[j] = empty[j] ? Integer.toString(j) : written[j];
        }
        for (int j = 0; j < named.length; j++) {
            if (empty[j]) {
                for (int i = 0; i < named.length; i++) {
                    if (i != j && (caseSensitive ? named[i].equals(named[j]) : named[i].equalsIgnoreCase(named[j]))) {
                        throw new DataException(source + ", line 1, column '" + named[j] + "': column " + j + " has an "
                                + "empty name, so it is named by its 0-based index, which column " + i + " is named too; "
                                + "give the empty one a name");
                    }
                }
            }
        }
        return named;
    }

    static String formatOf(Path file) {
        String extension = dev.rareclass.domain.data.FileNames.extension(String.valueOf(file.getFileName()));
        if (extension.equals(".parquet") || extension.equals(".pq") || Files.isDirectory(file)) {
            return "parquet";
        }
        return extension.equals(".tsv") || extension.equals(".tab") ? "tsv" : "csv";
    }

    /** A column named by the user, or by its 0-based index. */
    private static String resolve(String[] columns, String given, String source, String option) {
        for (String c : columns) {
            if (c.equals(given)) {
                return c;
            }
        }
        if (given.matches("\\d{1,9}")) {
            int index = dev.rareclass.domain.data.Decimals.parseInt(given);
            if (index < columns.length) {
                return columns[index];
            }
        }
        throw new DataException(source + ": " + option + " " + given + ": no such column (columns: "
                + String.join(", ", Arrays.asList(columns).subList(0, Math.min(columns.length, 12)))
                + (columns.length > 12 ? ", …" : "") + ")");
    }

    /** A column name quoted for Spark's resolver (dots and spaces in CSV headers). */
    static String q(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
