package dev.rareclass.domain.experiment;

import dev.rareclass.domain.metrics.MetricName;
import java.util.Map;

/**
 * One candidate's cross-validated result.
 *
 * @param model       model kind
 * @param backend     backend that trained it
 * @param sampler     sampler name ({@code none} without one)
 * @param classWeight class-weight spec
 * @param metrics     mean ± std over folds of each metric
 * @param fitSeconds  mean ± std of training seconds per fold
 * @param foldValues  every fold's value of each metric, in fold order (for significance tests and JSON)
 */
public record LeaderboardRow(String model, String backend, String sampler, String classWeight,
                             Map<MetricName, Summary> metrics, Summary fitSeconds,
                             Map<MetricName, java.util.List<Double>> foldValues) {

    public LeaderboardRow {
        metrics = Map.copyOf(metrics);
        foldValues = Map.copyOf(foldValues);
    }

    public Summary metric(MetricName name) {
        return metrics.get(name);
    }

    public String name() {
        return model + "@" + backend;
    }
}
