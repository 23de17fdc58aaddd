package dev.rareclass.domain.experiment;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code compare} evaluates: every candidate × sampler × class weight, on the same splits, fitted
 * the same way ({@link PipelineFitter}), ranked by one metric.
 *
 * @param candidates         models to try
 * @param samplers           sampler names ({@code none} for none)
 * @param samplerParams      parameters given to every sampler ({@code ratio}, {@code k})
 * @param classWeights       class-weight specs
 * @param preprocessing      preprocessing fitted inside each training part
 * @param threshold          threshold policy, tuned on an inner validation split of each training part
 * @param validationFraction the inner validation share
 * @param protocol           how rows are split
 * @param metric             the ranking metric
 * @param seed               seeds the splits and every fit
 * @param selectTopK         features kept by ANOVA F-score inside each training part (0: all)
 */
public record ExperimentPlan(List<Candidate> candidates, List<String> samplers, Hyperparameters samplerParams,
                             List<String> classWeights, PreprocessingSpec preprocessing, String threshold,
                             double validationFraction, Protocol protocol, MetricName metric, long seed,
                             int selectTopK) {

    public ExperimentPlan {
        candidates = List.copyOf(candidates);
        samplers = List.copyOf(samplers);
        classWeights = List.copyOf(classWeights);
        Objects.requireNonNull(samplerParams, "samplerParams");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(metric, "metric");
        if (candidates.isEmpty() || samplers.isEmpty() || classWeights.isEmpty()) {
            throw new UsageException("an experiment needs at least one model, sampler and class weight");
        }
    }

    /** Every configuration, candidates outermost, then samplers, then class weights. */
    public List<PipelineSpec> configurations() {
        List<PipelineSpec> out = new ArrayList<>();
        for (Candidate c : candidates) {
            for (String sampler : samplers) {
                for (String weight : classWeights) {
                    out.add(new PipelineSpec(c.kind(), c.backend(), c.params(), preprocessing, sampler, samplerParams,
                            weight, threshold, validationFraction, seed, selectTopK));
                }
            }
        }
        return out;
    }
}
