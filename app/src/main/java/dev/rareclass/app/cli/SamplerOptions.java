package dev.rareclass.app.cli;

import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.sampling.SamplerChoice;
import picocli.CommandLine.Option;

/** A sampler's parameters, for every command that resamples. */
final class SamplerOptions {

    @Option(names = "--ratio", paramLabel = "R",
            description = "Sampler target: minority/majority ratio after resampling (default: 1, balanced).")
    Double ratio;

    @Option(names = "--k", paramLabel = "K", description = "Sampler neighbours (default: the sampler's own, 5 for SMOTE).")
    Integer k;

    /** The named sampler with these parameters (a sampler that takes none refuses them when resolved). */
    SamplerChoice choice(String name) {
        return SamplerChoice.named(name).withParams(params());
    }

    /**
     * Each named sampler with these parameters, except {@code none} beside others: {@code --samplers none,smote
     * --ratio 0.5} gives the ratio to SMOTE only.
     */
    java.util.List<SamplerChoice> choices(java.util.List<String> names) {
        return names.stream().map(n -> names.size() > 1 && SamplerChoice.named(n).isNone() ? SamplerChoice.NONE
                : choice(n)).toList();
    }

    private Hyperparameters params() {
        Hyperparameters p = Hyperparameters.empty();
        if (ratio != null) {
            p = p.with("ratio", Double.toString(ratio));
        }
        if (k != null) {
            p = p.with("k", Integer.toString(k));
        }
        return p;
    }
}
