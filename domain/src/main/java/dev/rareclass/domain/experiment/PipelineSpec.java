package dev.rareclass.domain.experiment;

import dev.rareclass.domain.model.ClassWeighting;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.sampling.SamplerChoice;
import java.util.Objects;

/**
 * What to fit, as asked for: the model and its parameters, the sampler, the class weights and how every fit is
 * done. {@link PipelineFitter#resolve} turns it once into a {@link ResolvedPipeline} that every fold fits.
 * Start from {@link #of} and change what differs from the defaults with the {@code with…} methods.
 *
 * @param model       kind, and backend when named
 * @param params      the model's parameters as written; validated by the backend at resolution
 * @param sampler     applied to training rows only
 * @param classWeight per-class loss weights
 * @param fit         preprocessing, threshold, validation share and seed
 */
public record PipelineSpec(ModelId model, Hyperparameters params, SamplerChoice sampler, ClassWeighting classWeight,
                           FitSettings fit) {

    public PipelineSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(classWeight, "classWeight");
        Objects.requireNonNull(fit, "fit");
    }

    /** The model with its parameters, no sampler, no class weights and the default {@link FitSettings}. */
    public static PipelineSpec of(ModelId model, Hyperparameters params) {
        return new PipelineSpec(model, params, SamplerChoice.NONE, ClassWeighting.NONE, FitSettings.DEFAULT);
    }

    /** A candidate fitted with these settings, without sampler or class weights. */
    public static PipelineSpec of(Candidate candidate, FitSettings fit) {
        return of(candidate.model(), candidate.params()).withFit(fit);
    }

    public PipelineSpec withParams(Hyperparameters newParams) {
        return new PipelineSpec(model, newParams, sampler, classWeight, fit);
    }

    public PipelineSpec withSampler(SamplerChoice newSampler) {
        return new PipelineSpec(model, params, newSampler, classWeight, fit);
    }

    public PipelineSpec withClassWeight(ClassWeighting newWeight) {
        return new PipelineSpec(model, params, sampler, newWeight, fit);
    }

    public PipelineSpec withFit(FitSettings newFit) {
        return new PipelineSpec(model, params, sampler, classWeight, newFit);
    }

    /** The same spec with another seed. */
    public PipelineSpec withSeed(long newSeed) {
        return withFit(fit.withSeed(newSeed));
    }
}
