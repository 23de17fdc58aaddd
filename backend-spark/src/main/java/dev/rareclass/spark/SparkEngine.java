package dev.rareclass.spark;

import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.EvaluatedOnCluster;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.FitSettings;
import dev.rareclass.domain.experiment.FoldOutcome;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.LeaderboardRow;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.experiment.PredictedOnCluster;
import dev.rareclass.domain.experiment.Protocol;
import dev.rareclass.domain.experiment.TrainedOnCluster;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.model.ClassWeighting;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ClusterEngine;
import dev.rareclass.domain.preprocess.Scaling;
import dev.rareclass.domain.sampling.SamplerCatalog;
import dev.rareclass.domain.threshold.ThresholdPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark engine: {@code compare}, and {@code train}, {@code evaluate} and {@code predict}
 * ({@link SparkModelCommands}), with the table kept in the cluster. For every split the rows are divided by
 * stratified rank ({@link SparkFolds}); on the training part a stratified validation share is held out, the sampler
 * and class weights are applied to the rest, the pipeline is fitted there ({@link SparkModels}), the threshold is
 * chosen on the validation share's scores with the domain's own policy, and the test part's metrics are computed
 * where the rows are ({@link DistributedMetrics}).
 *
 * <p>Unlike the in-memory engine the model is not refitted on the whole training part after the threshold is chosen:
 * on a table that needs a cluster one fit per split is the budget. The samplers are the ones that make sense at scale:
 * {@code random-under} keeps each majority row with probability positives/negatives and {@code random-over} repeats
 * each minority row negatives/positives times on average (both as Spark's {@code sampleBy}: the counts are balanced in
 * expectation, not to the row).
 */
final class SparkEngine implements ClusterEngine {

    /** Held-out scores kept per split for the report's curves: a uniform sample, not the whole test part. */
    static final int CHART_ROWS_PER_SPLIT = 20_000;
    /** Rows per partition of a fit's input ({@link #canonical}): a function of the data, not of the cluster. */
    static final long ROWS_PER_FIT_PARTITION = 100_000;

    private final SparkSession spark;

    SparkEngine(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public TrainedOnCluster train(DataOptions data, PipelineSpec spec, Path model, ProgressListener progress) {
        return SparkModelCommands.train(spark, data, spec, model, progress);
    }

    @Override
    public dev.rareclass.domain.experiment.ResampledOnCluster resample(DataOptions data,
            dev.rareclass.domain.sampling.SamplerChoice sampler, long seed, java.nio.file.Path out,
            ProgressListener progress) {
        requireScalable(sampler);
        SparkModelCommands.Target target = SparkModelCommands.Target.of(spark, out);
        SparkTables.AsWritten table = SparkTables.readAsWritten(spark, data);
        progress.note(String.format(java.util.Locale.ROOT, "%s: %,d rows, %,d positive, on %s", table.source(),
                table.counts()[0] + table.counts()[1], table.counts()[1], spark.sparkContext().master()));
        Dataset<Row> sampled = sample(table.rows(), sampler.name(), seed, table.counts())
                .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        try {
            long[] after = classCounts(sampled);
            target.write(sampled.drop(SparkTables.KEY, SparkTables.Y));
            return new dev.rareclass.domain.experiment.ResampledOnCluster(table.counts()[0] + table.counts()[1],
                    after[0] + after[1], after[1], target.oneFile());
        } finally {
            sampled.unpersist(true);
        }
    }

    @Override
    public dev.rareclass.domain.experiment.TableProfile.Description describe(DataOptions data,
                                                                              ProgressListener progress) {
        return SparkTables.describe(spark, data, progress);
    }

    @Override
    public EvaluatedOnCluster evaluate(Path model, DataOptions data, ReadingOptions given, ProgressListener progress) {
        return SparkModelCommands.evaluate(spark, model, data, given, progress);
    }

    @Override
    public PredictedOnCluster predict(Path model, DataOptions data, ReadingOptions given, Path out,
                                      ProgressListener progress) {
        return SparkModelCommands.predict(spark, model, data, given, out, progress);
    }

    @Override
    public List<String> kinds() {
        return SparkModels.Kind.names();
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("engine", "Spark " + spark.version() + ", master " + spark.sparkContext().master()
                + ", default parallelism " + spark.sparkContext().defaultParallelism());
        return facts;
    }

    /** One configuration, checked before any data is read. */
    record Config(SparkModels.Kind kind, PipelineSpec spec) {
    }

    @Override
    public Leaderboard compare(DataOptions data, ExperimentPlan plan, ProgressListener progress) {
        List<Config> configs = resolve(plan);
        SparkTables.Prepared table = SparkTables.read(spark, data, plan.fit().preprocessing().maxCategories(),
                progress);
        progress.note(String.format(java.util.Locale.ROOT, "%s: %,d rows, %,d positive (%.2f%%), on %s",
                table.source(), table.size(), table.positives(), 100.0 * table.positives() / table.size(),
                spark.sparkContext().master()));
        try {
            return run(table, plan, configs, progress);
        } finally {
            table.rows().unpersist(true);
        }
    }

    private List<Config> resolve(ExperimentPlan plan) {
        if (plan.protocol() instanceof Protocol.TimeOrdered) {
            throw new UsageException("--time-ordered needs the file's row order, which a cluster's partitions do not "
                    + "keep; use --folds or --holdout with --engine spark");
        }
        List<Config> out = new ArrayList<>();
        for (PipelineSpec spec : plan.configurations()) {
            out.add(resolve(spec));
        }
        return out;
    }

    /** One configuration checked: a model, sampler, weights and fit settings the engine has. */
    static Config resolve(PipelineSpec spec) {
        FitSettings fit = spec.fit();
        if (fit.selectTopK() > 0) {
            throw refused("--select-top-k");
        }
        if (!fit.calibration().equals("none")) {
            throw refused("--calibration");
        }
        if (fit.deployPrevalence() > 0) {
            throw refused("--deploy-prevalence");
        }
        if (fit.thresholdFolds() > 0) {
            throw refused("--threshold-cv");
        }
        if (fit.threshold().costColumn().isPresent()) {
            throw new UsageException("threshold " + fit.threshold().spec() + " reads each row's cost, which the Spark "
                    + "engine does not bring to the driver; use max-f1, max-mcc, recall>=R, precision>=P or a number");
        }
        Scaling scaling = fit.preprocessing().scaling();
        if (scaling == Scaling.MIN_MAX) {
            throw new UsageException("--scale min-max is not available with --engine spark (standard or none)");
        }
        if (fit.preprocessing().unknown() == dev.rareclass.domain.preprocess.UnknownCategories.ERROR) {
            // it was ignored: Spark's StringIndexer keeps such a category as one more, and predict scored it
            throw new UsageException("--unknown error is not available with --engine spark: a category the training "
                    + "rows did not have is scored as one more category (--unknown ignore)");
        }
        Candidate c = new Candidate(spec.model(), spec.params());
        String backend = c.model().backend().orElse("spark");
        if (!backend.equals("spark")) {
            throw new UsageException("--engine spark fits its own models (" + String.join(", ",
                    SparkModels.Kind.names()) + ", as KIND or KIND@spark); " + c.model() + " runs in memory");
        }
        SparkModels.Kind kind = SparkModels.Kind.named(c.model().kind());
        SparkModels.validate(kind, spec.params());
        requireScalable(spec.sampler());
        if (!kind.takesWeights && !spec.classWeight().spec().equals("none")) {
            throw new UsageException(kind.name + "@spark has no class weights (Spark's multilayer perceptron "
                    + "takes no weight column); use --sampler random-over with it");
        }
        return new Config(kind, spec);
    }

    private static UsageException refused(String option) {
        return new UsageException(option + " is not available with --engine spark yet");
    }

    private Leaderboard run(SparkTables.Prepared table, ExperimentPlan plan, List<Config> configs,
                            ProgressListener progress) {
        Protocol protocol = plan.protocol();
        int repeats = protocol instanceof Protocol.KFold k ? k.repeats() : 1;
        int folds = protocol instanceof Protocol.KFold k ? k.folds() : 1;
        FoldOutcome[][] outcomes = new FoldOutcome[configs.size()][repeats * folds];
        long total = (long) configs.size() * repeats * folds;
        long done = 0;
        double testToTrain = 0;
        progress.update("folds", 0, total, configs.size());
        for (int r = 0; r < repeats; r++) {
            Dataset<Row> ranked = SparkFolds.ranked(table.rows(), plan.seed() + 7919L * r);
            try {
                for (int f = 0; f < folds; f++) {
                    Column isTest = protocol instanceof Protocol.Holdout h
                            ? SparkFolds.inShare(col(SparkFolds.RANK), h.testFraction())
                            : SparkFolds.fold(folds).equalTo(f);
                    // a training row's place among its class's training rows (of its own fold, in k-fold), for an
                    // exactly stratified validation share
                    Column position = protocol instanceof Protocol.Holdout h
                            ? SparkFolds.placeOutsideShare(h.testFraction())
                            : floor(col(SparkFolds.RANK).divide(folds));
                    Dataset<Row> train = ranked.filter(isTest.equalTo(false));
                    Dataset<Row> test = ranked.filter(isTest);
                    long[] trainCounts = classCounts(train);
                    long[] testCounts = classCounts(test);
                    testToTrain += (double) (testCounts[0] + testCounts[1]) / (trainCounts[0] + trainCounts[1]);
                    for (int c = 0; c < configs.size(); c++) {
                        long seed = plan.seed() + 1000L * r + f;
                        outcomes[c][r * folds + f] = evaluate(table, configs.get(c), train, test, position, trainCounts,
                                testCounts, r, f, seed);
                        progress.update("folds", ++done, total, configs.size());
                    }
                }
            } finally {
                ranked.unpersist(true);
            }
        }
        List<LeaderboardRow> rows = new ArrayList<>();
        for (int c = 0; c < configs.size(); c++) {
            PipelineSpec spec = configs.get(c).spec();
            rows.add(new LeaderboardRow(spec.model().kind(), "spark", spec.params(), spec.sampler().name(),
                    spec.classWeight().spec(), List.of(outcomes[c]), false, Double.NaN));
        }
        List<LeaderboardRow> ranked = Leaderboard.rankedAndMarked(rows, plan, testToTrain / (repeats * folds));
        return new Leaderboard(table.source(), protocol.describe() + " (Spark, stratified by seeded rank)",
                plan.seed(), plan.metric(), ranked);
    }

    /** Negatives and positives. */
    /** The samplers that make sense at scale: none, random-under, random-over, without parameters. */
    static void requireScalable(dev.rareclass.domain.sampling.SamplerChoice choice) {
        String sampler = choice.name();
        if (!List.of(SamplerCatalog.NONE, "random-under", "random-over").contains(sampler)) {
            throw new UsageException("sampler " + sampler + " is not available with --engine spark: the "
                    + "SMOTE family and the cleaning samplers need each row's nearest neighbours among all rows, "
                    + "which a cluster does not have in one place; use random-under, random-over or "
                    + "--class-weight balanced");
        }
        if (!choice.params().isEmpty()) {
            throw new UsageException("sampler " + sampler + " takes no parameters with --engine spark (it balances "
                    + "the classes)");
        }
    }

    private static long[] classCounts(Dataset<Row> rows) {
        long[] counts = new long[2];
        for (Row r : rows.groupBy(SparkTables.Y).count().collectAsList()) {
            counts[r.getDouble(0) == 1.0 ? 1 : 0] = r.getLong(1);
        }
        return counts;
    }

    private FoldOutcome evaluate(SparkTables.Prepared table, Config config, Dataset<Row> train, Dataset<Row> test,
                                 Column position, long[] trainCounts, long[] testCounts, int repeat, int fold,
                                 long seed) {
        long t0 = System.nanoTime();
        double threshold;
        try (Fitted fitted = fit(table, config, train, position, trainCounts, seed)) {
            threshold = fitted.threshold();
            Dataset<Row> scoredTest = scored(fitted.model(), test)
                    .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            try {
                BinaryMetrics metrics = DistributedMetrics.of(scoredTest, threshold, true);
                LabelledScores sample = chartSample(scoredTest, table, testCounts[0] + testCounts[1], seed);
                return new FoldOutcome(repeat, fold, (int) Math.min(Integer.MAX_VALUE, trainCounts[0] + trainCounts[1]),
                        (int) Math.min(Integer.MAX_VALUE, testCounts[0] + testCounts[1]), (int) testCounts[1],
                        threshold, fitSeconds, metrics, sample);
            } finally {
                scoredTest.unpersist(true);
            }
        }
    }

    /**
     * A pipeline fitted on a training part, with its threshold chosen.
     *
     * @param validation       the validation share's scored rows ({@link #scored}), persisted; null when the policy
     *                         chose without them (a fixed threshold)
     * @param fitCounts        negatives and positives fitted on, before the sampler
     * @param validationCounts negatives and positives of the validation share
     */
    record Fitted(PipelineModel model, double threshold, Dataset<Row> validation, long[] fitCounts,
                  long[] validationCounts) implements AutoCloseable {
        @Override
        public void close() {
            if (validation != null) {
                validation.unpersist(true);
            }
        }
    }

    /**
     * Fits a configuration on a training part as every split of {@code compare} and {@code train} do: a stratified
     * validation share is held out when the threshold policy is tuned (the share of {@code position}, a row's place
     * among its class's training rows in a seeded order), the sampler and class weights are applied to the rest, the
     * whole pipeline is fitted there, and the policy chooses the threshold on the validation rows' scores.
     */
    static Fitted fit(SparkTables.Prepared table, Config config, Dataset<Row> train, Column position,
                      long[] trainCounts, long seed) {
        PipelineSpec spec = config.spec();
        FitSettings fit = spec.fit();
        ThresholdPolicy policy = fit.threshold();
        Dataset<Row> fitPart = train;
        Dataset<Row> validation = null;
        if (policy.needsValidationData() && fit.validationFraction() > 0) {
            Column held = SparkFolds.inShare(position, fit.validationFraction());
            validation = train.filter(held);
            fitPart = train.filter(held.equalTo(false));
        }
        long[] fitCounts = validation == null ? trainCounts : classCounts(fitPart);
        long[] validationCounts = {trainCounts[0] - fitCounts[0], trainCounts[1] - fitCounts[1]};
        PipelineModel model = fitPipeline(table, config, fitPart, fitCounts, seed);
        double threshold;
        Dataset<Row> scoredValidation = null;
        if (validation != null) {
            if (validationCounts[0] + validationCounts[1] == 0) {
                throw new dev.rareclass.domain.error.DataException(table.source() + ": too few rows to hold out a "
                        + "validation share of " + fit.validationFraction() + " to choose the threshold on");
            }
            scoredValidation = scored(model, validation).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            threshold = policy.choose(DistributedMetrics.points(scoredValidation));
        } else if (policy.needsValidationData()) {
            threshold = policy.choose(DistributedMetrics.points(scored(model, train)));
        } else {
            threshold = policy.choose(new int[0], new double[0]);
        }
        return new Fitted(model, threshold, scoredValidation, fitCounts, validationCounts);
    }

    /**
     * The configuration's pipeline fitted on {@code rows} ({@code counts}: negatives, positives): the sampler, the class
     * weights, the rows in {@link #canonical} order, then Spark ML's fit.
     */
    static PipelineModel fitPipeline(SparkTables.Prepared table, Config config, Dataset<Row> rows, long[] counts,
                                     long seed) {
        PipelineSpec spec = config.spec();
        Dataset<Row> sampled = sample(rows, spec.sampler().name(), seed, counts);
        long[] sampledCounts = spec.sampler().name().equals(SamplerCatalog.NONE) ? counts : classCounts(sampled);
        boolean weighted = !spec.classWeight().spec().equals("none");
        double weightTotal = sampledCounts[0] + sampledCounts[1];
        if (weighted) {
            ClassWeights w = weights(spec.classWeight(), sampledCounts);
            sampled = sampled.withColumn(SparkModels.WEIGHT, when(col(SparkTables.Y).equalTo(1.0), lit(w.positive()))
                    .otherwise(lit(w.negative())));
            weightTotal = w.positive() * sampledCounts[1] + w.negative() * sampledCounts[0];
        }
        Dataset<Row> fitted = canonical(sampled, sampledCounts[0] + sampledCounts[1]);
        try {
            return SparkModels.fit(config.kind(), spec.params(), table.numeric(), table.categorical(), table.missing(),
                    spec.fit().preprocessing().scaling(), weighted, weightTotal, seed, fitted);
        } catch (Exception e) { // SparkException is checked, and Scala code throws it undeclared
            java.util.regex.Matcher empty = NOTHING_TO_IMPUTE.matcher(Failures.innermost(e));
            if (empty.find() && table.names().containsKey(empty.group(1))) {
                // an internal error with Spark's stack trace and the engine's own column name (__f2) before
                throw new DataException(dev.rareclass.domain.preprocess.FittedPreprocessor.nothingToImpute(
                        table.source(), table.names().get(empty.group(1))), e);
            }
            throw e;
        }
    }

    /** Spark's Imputer on a column without a value: "surrogate cannot be computed. All the values in __f2 are Null…". */
    private static final java.util.regex.Pattern NOTHING_TO_IMPUTE =
            java.util.regex.Pattern.compile("surrogate cannot be computed\\. All the values in (__f\\d+) are");

    /** Rows with {@link SparkTables#Y} and the positive class's probability as {@link DistributedMetrics#SCORE}. */
    static Dataset<Row> scored(PipelineModel model, Dataset<Row> rows) {
        return model.transform(rows).select(col(SparkTables.KEY), col(SparkTables.Y),
                org.apache.spark.ml.functions.vector_to_array(col(SparkModels.PROBABILITY), "float64").getItem(1)
                        .as(DistributedMetrics.SCORE));
    }

    /**
     * The rows a model is fitted on, partitioned and ordered by their keys alone: a partition per
     * {@link #ROWS_PER_FIT_PARTITION} rows, each sorted by key. Spark ML draws a forest's bootstrap from the seed plus
     * the partition's index and samples split candidates partition by partition, so without this the same seed grew
     * other trees when the partitions changed, and they change with {@code spark.sql.shuffle.partitions} (by default
     * four per core of the driver's machine) and with how the cluster split the file.
     */
    static Dataset<Row> canonical(Dataset<Row> rows, long count) {
        long partitions = Math.clamp((count + ROWS_PER_FIT_PARTITION - 1) / ROWS_PER_FIT_PARTITION, 1, 100_000);
        return rows.repartition((int) partitions, col(SparkTables.KEY)).sortWithinPartitions(SparkTables.KEY);
    }

    /** A seeded uniform number in [0, 1) per row key. */
    static Column uniform(long seed) {
        return pmod(xxhash64(lit(seed), col(SparkTables.KEY)), lit(1L << 30)).divide((double) (1L << 30));
    }

    /** The training rows after the sampler: none, random-under or random-over (counts: negatives, positives). */
    static Dataset<Row> sample(Dataset<Row> rows, String sampler, long seed, long[] counts) {
        Column positive = col(SparkTables.Y).equalTo(1.0);
        boolean positivesAreMinority = counts[1] <= counts[0];
        Column minority = positivesAreMinority ? positive : positive.equalTo(false);
        long small = Math.min(counts[0], counts[1]);
        long large = Math.max(counts[0], counts[1]);
        return switch (sampler) {
            case "random-under" -> rows.filter(minority.or(uniform(seed + 17).lt((double) small / large)));
            case "random-over" -> {
                double ratio = (double) large / small;
                long whole = (long) Math.floor(ratio);
                Column copies = when(minority, lit(whole).plus(when(uniform(seed + 17).lt(ratio - whole), 1).otherwise(0)))
                        .otherwise(lit(1));
                yield rows.withColumn("__copies", explode(array_repeat(lit(true), copies.cast("int"))))
                        .drop("__copies");
            }
            default -> rows;
        };
    }

    /** scikit-learn's "balanced" (n / (2 n_class)) or the weights given, on the rows fitted. */
    private static ClassWeights weights(ClassWeighting weighting, long[] counts) {
        if (weighting.fixed().isPresent()) {
            return weighting.fixed().get();
        }
        double n = counts[0] + counts[1];
        return new ClassWeights(n / (2.0 * counts[1]), n / (2.0 * counts[0]));
    }

    /** A uniform sample of at most {@link #CHART_ROWS_PER_SPLIT} held-out rows' labels and scores. */
    private static LabelledScores chartSample(Dataset<Row> scored, SparkTables.Prepared table, long rows, long seed) {
        double share = Math.min(1.0, (double) CHART_ROWS_PER_SPLIT / rows);
        Dataset<Row> kept = share >= 1.0 ? scored : scored.filter(uniform(seed + 31).lt(share));
        // one job for a bounded sample (toLocalIterator ran one per partition), in key order so that the sample reads
        // the same however the cluster partitioned the test rows
        List<Row> sampled = new ArrayList<>(kept.select(SparkTables.KEY, SparkTables.Y, DistributedMetrics.SCORE)
                .collectAsList());
        sampled.sort(java.util.Comparator.comparingLong((Row r) -> r.getLong(0))
                .thenComparingDouble(r -> r.getDouble(2)));
        int[] y = new int[sampled.size()];
        double[] s = new double[sampled.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = sampled.get(i).getDouble(1) == 1.0 ? 1 : 0;
            s[i] = sampled.get(i).getDouble(2);
        }
        return new LabelledScores(table.source(), table.mapping(), y, s);
    }

    @Override
    public void close() {
        spark.stop();
    }
}
