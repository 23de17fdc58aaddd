package dev.rareclass.domain.port;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.experiment.EvaluatedOnCluster;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.experiment.PredictedOnCluster;
import dev.rareclass.domain.experiment.TrainedOnCluster;
import dev.rareclass.domain.model.ProgressListener;
import java.nio.file.Path;
import java.util.List;

/**
 * An engine that keeps the table where a cluster holds it ({@code --engine spark}): it reads the file itself, and
 * folds, samplers, fits, thresholds and metrics run there; only aggregates (counts, metrics, curves' points, a bounded
 * sample of held-out scores for the report's charts) come back. Opened with {@link ClusterEngines#open}; closing it
 * stops the engine's session.
 *
 * <p>A model it trains is its own kind of model file (the in-memory engine cannot score it, nor this engine an
 * in-memory one): {@link #evaluate} and {@link #predict} read only the files {@link #train} writes, and refuse any
 * other file, altered or foreign, as a data error naming it.
 */
public interface ClusterEngine extends AutoCloseable {

    /**
     * Cross-validates the plan's configurations as the in-memory {@code Experiment} does: the same protocol, every
     * split's preprocessing, sampler, model and threshold fitted on its training part, and scikit-learn's metrics
     * on its test part, computed where the data is.
     *
     * @param data     the table's file (any path the engine reads) and how to read it
     * @param plan     models named as {@code KIND} or {@code KIND@ENGINE}, samplers, class weights, protocol, metric
     * @param progress notes and the folds' progress
     */
    Leaderboard compare(DataOptions data, ExperimentPlan plan, ProgressListener progress);

    /**
     * Fits one pipeline on a table and saves it as one model file: a stratified validation share of the rows
     * ({@code spec.fit().validationFraction()}) is held out, the sampler and class weights are applied to the rest,
     * the pipeline is fitted there, and the threshold policy chooses the threshold on the validation rows' scores.
     *
     * @param data     the labelled table and how to read it
     * @param spec     model, parameters, sampler, class weights, threshold policy, validation share, seed
     * @param model    the model file to write, on this machine; written whole or not at all
     * @param progress notes
     */
    TrainedOnCluster train(DataOptions data, PipelineSpec spec, Path model, ProgressListener progress);

    /**
     * What the table holds, summarised where the rows are: rows, each column's missing values, range, mean, standard
     * deviation and distinct values (estimated), the class balance when a label is given, and the warnings the
     * in-memory {@code describe} gives from those summaries.
     */
    dev.rareclass.domain.experiment.TableProfile.Description describe(DataOptions data, ProgressListener progress);

    /**
     * A sampler applied to the whole table where it is, the rows written as read (CSV: one file for a {@code .csv}
     * name, else a folder of part files), nothing at {@code out} until all is written.
     */
    dev.rareclass.domain.experiment.ResampledOnCluster resample(DataOptions data,
                                                               dev.rareclass.domain.sampling.SamplerChoice sampler,
                                                               long seed, Path out, ProgressListener progress);

    /**
     * A saved model's metrics on a labelled table at its threshold. The table is read as the model's training data
     * was (its format, header, delimiter, missing-value policy, label column and positive value), except where
     * {@code given} and the data options' label say otherwise.
     *
     * @param model    a model file {@link #train} wrote
     * @param data     the table
     * @param given    the reading options the user gave; the others come from the model
     * @param progress notes
     */
    EvaluatedOnCluster evaluate(Path model, DataOptions data, ReadingOptions given, ProgressListener progress);

    /**
     * Scores every row of a table with a saved model and writes the rows as read with their score ({@code p}) and
     * predicted label ({@code predicted}, 0 or 1 at the model's threshold) as CSV: one file when {@code out} ends in
     * {@code .csv}, else a folder of part files. Nothing is visible at {@code out} until the whole output is written.
     *
     * @param model    a model file {@link #train} wrote
     * @param data     the table (the label column may be absent)
     * @param given    the reading options the user gave; the others come from the model
     * @param out      a {@code .csv} file or a folder, on any file system the engine writes
     * @param progress notes
     */
    PredictedOnCluster predict(Path model, DataOptions data, ReadingOptions given, Path out, ProgressListener progress);

    /** The model kinds this engine fits, for messages that list them. */
    List<String> kinds();

    /** Facts for the report: the engine, its master, its version. */
    java.util.Map<String, String> facts();

    @Override
    void close();
}
