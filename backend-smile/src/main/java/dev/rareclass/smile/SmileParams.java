package dev.rareclass.smile;

import dev.rareclass.domain.model.Hyperparameters;

/** What every Smile kind's validated parameters give back: themselves as user parameters, for the manifest. */
interface SmileParams {

    Hyperparameters toHyperparameters();
}
