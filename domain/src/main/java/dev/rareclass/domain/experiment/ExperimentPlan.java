package dev.rareclass.domain.experiment;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.ClassWeighting;
import dev.rareclass.domain.sampling.SamplerChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code compare} evaluates: every candidate × sampler × class weight, on the same splits, fitted the
 * same way ({@link PipelineFitter}), ranked by one metric. Start from {@link #of} and change what differs.
 *
 * @param candidates   models to try
 * @param samplers     samplers to try ({@link SamplerChoice#NONE} for none)
 * @param classWeights class weights to try
 * @param fit          preprocessing, threshold, inner validation share and seed of every fit
 * @param protocol     how rows are split
 * @param metric       the ranking metric
 */
public record ExperimentPlan(List<Candidate> candidates, List<SamplerChoice> samplers,
                             List<ClassWeighting> classWeights, FitSettings fit, Protocol protocol,
                             MetricName metric) {

    public ExperimentPlan {
        candidates = List.copyOf(candidates);
        samplers = List.copyOf(samplers);
        classWeights = List.copyOf(classWeights);
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(metric, "metric");
        if (candidates.isEmpty() || samplers.isEmpty() || classWeights.isEmpty()) {
            throw new UsageException("an experiment needs at least one model, sampler and class weight");
        }
    }

    /** These candidates, unresampled and unweighted, in stratified 5-fold cross-validation ranked by PR-AUC. */
    public static ExperimentPlan of(List<Candidate> candidates) {
        return new ExperimentPlan(candidates, List.of(SamplerChoice.NONE), List.of(ClassWeighting.NONE),
                FitSettings.DEFAULT, new Protocol.KFold(5, 1), MetricName.PR_AUC);
    }

    public ExperimentPlan withCandidates(List<Candidate> c) {
        return new ExperimentPlan(c, samplers, classWeights, fit, protocol, metric);
    }

    public ExperimentPlan withSamplers(List<SamplerChoice> s) {
        return new ExperimentPlan(candidates, s, classWeights, fit, protocol, metric);
    }

    public ExperimentPlan withClassWeights(List<ClassWeighting> w) {
        return new ExperimentPlan(candidates, samplers, w, fit, protocol, metric);
    }

    public ExperimentPlan withFit(FitSettings f) {
        return new ExperimentPlan(candidates, samplers, classWeights, f, protocol, metric);
    }

    public ExperimentPlan withProtocol(Protocol p) {
        return new ExperimentPlan(candidates, samplers, classWeights, fit, p, metric);
    }

    public ExperimentPlan withMetric(MetricName m) {
        return new ExperimentPlan(candidates, samplers, classWeights, fit, protocol, m);
    }

    /** The seed of the splits and of every fit. */
    public long seed() {
        return fit.seed();
    }

    /** Every configuration, candidates outermost, then samplers, then class weights. */
    public List<PipelineSpec> configurations() {
        List<PipelineSpec> out = new ArrayList<>();
        for (Candidate c : candidates) {
            for (SamplerChoice sampler : samplers) {
                for (ClassWeighting weight : classWeights) {
                    out.add(PipelineSpec.of(c, fit).withSampler(sampler).withClassWeight(weight));
                }
            }
        }
        return out;
    }
}
