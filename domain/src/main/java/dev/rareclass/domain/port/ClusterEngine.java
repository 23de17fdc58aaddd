package dev.rareclass.domain.port;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.model.ProgressListener;
import java.util.List;

/**
 * An engine that keeps the table where a cluster holds it ({@code --engine spark}): it reads the file itself, and
 * folds, samplers, fits, thresholds and metrics run there; only aggregates (counts, metrics, curves' points, a bounded
 * sample of held-out scores for the report's charts) come back. Opened with {@link ClusterEngines#open}; closing it
 * stops the engine's session.
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

    /** The model kinds this engine fits, for messages that list them. */
    List<String> kinds();

    /** Facts for the report: the engine, its master, its version. */
    java.util.Map<String, String> facts();

    @Override
    void close();
}
