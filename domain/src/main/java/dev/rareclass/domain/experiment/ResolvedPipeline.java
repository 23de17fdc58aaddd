package dev.rareclass.domain.experiment;

import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.sampling.Sampler;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PipelineSpec} whose names were looked up and whose values were checked, once: the trainer factory
 * and the trainer made from the validated parameters, the sampler made from its parameters. Every fold of an
 * experiment fits this same object (with its own seed, {@link #withSeed}); nothing is looked up or parsed
 * again. Made by {@link PipelineFitter#resolve}.
 *
 * @param spec    what was asked for
 * @param factory the model's factory (kind, backend, capabilities)
 * @param trainer the trainer for the validated parameters; trainers hold no state between fits
 * @param sampler the sampler; empty for none
 */
public record ResolvedPipeline(PipelineSpec spec, TrainerFactory factory, ClassifierTrainer trainer,
                               Optional<Sampler> sampler) {

    public ResolvedPipeline {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(sampler, "sampler");
    }

    /** The model with the backend that was chosen. */
    public ModelId model() {
        return factory.id();
    }

    public FitSettings fit() {
        return spec.fit();
    }

    /** The same pipeline fitted with another seed (an experiment's fold). */
    public ResolvedPipeline withSeed(long seed) {
        return new ResolvedPipeline(spec.withSeed(seed), factory, trainer, sampler);
    }

    /**
     * Why this combination cannot be fitted (a model that takes no class weights, a one-class model with a
     * sampler or a calibration), or empty when it can. Experiments skip such combinations with a note instead of failing.
     * The words name the values, not the options: the same combination comes from the command line or a recipe.
     */
    /** Class weights given to a model that cannot take them (a one-class model has its own refusal). */
    public boolean refusesClassWeights() {
        return !spec.classWeight().isNone() && !factory.supportsClassWeights() && !factory.learnsFromNegativesOnly();
    }

    public Optional<String> unsupported() {
        if (factory.learnsFromNegativesOnly() && !spec.sampler().isNone()) {
            return Optional.of(model() + " learns from negative rows only; a sampler has nothing to rebalance "
                    + "(use the sampler 'none')");
        }
        if (refusesClassWeights()) {
            return Optional.of(model() + " cannot take class weights; use the class weight 'none', or a sampler");
        }
        if (factory.learnsFromNegativesOnly() && !spec.classWeight().isNone()) {
            return Optional.of(model() + " learns from negative rows only; class weights do not apply");
        }
        if (factory.learnsFromNegativesOnly() && !fit().calibration().equals("none")) {
            return Optional.of("calibration " + fit().calibration() + " maps probabilities; " + model()
                    + " gives anomaly scores, which have no calibration here (use the calibration 'none')");
        }
        return Optional.empty();
    }

    /**
     * What was asked of this combination that it fits without, as a warning's text (no {@code warning: } prefix), or
     * empty: a one-class detector's anomaly scores are no probabilities of a base rate, so {@code --deploy-prevalence}
     * has nothing to move (the model file recorded no correction and nothing was said, where {@code --calibration}
     * is refused). A warning, not a refusal: in a comparison the other models take it.
     */
    public Optional<String> ignored() {
        if (factory.learnsFromNegativesOnly() && fit().deployPrevalence() > 0) {
            return Optional.of("--deploy-prevalence does not apply to " + model() + ": its anomaly scores are no "
                    + "probabilities of a base rate to move, and are kept as they are");
        }
        return Optional.empty();
    }
}
