package dev.rareclass.smile;

import dev.rareclass.domain.model.Hyperparameters;

/** What every Smile kind's validated parameters give back: themselves as user parameters, for the manifest. */
interface SmileParams {

    Hyperparameters toHyperparameters();

    /** Puts a model's own {@code seed} ({@link Hyperparameters#SEED}) when it was given, last, as users list it. */
    static void putSeed(java.util.Map<String, String> m, java.util.OptionalLong seed) {
        seed.ifPresent(s -> m.put(Hyperparameters.SEED, Long.toString(s)));
    }
}
