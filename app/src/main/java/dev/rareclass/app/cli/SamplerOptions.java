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

    /** The named sampler with these parameters ({@code none} takes none). */
    SamplerChoice choice(String name) {
        SamplerChoice choice = SamplerChoice.named(name);
        return choice.isNone() ? choice : choice.withParams(params());
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
