package dev.rareclass.dl4j;

import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainerFactory;
import java.util.Set;

/**
 * {@code autoencoder@dl4j}: a dense autoencoder that learns to reconstruct negative rows; a row's score is
 * its reconstruction error (see {@link AutoencoderParams} for parameters and defaults). A one-class
 * detector: it learns from negatives only and takes no class weights. Touches no ND4J class until training.
 */
public final class AutoencoderTrainerFactory implements TrainerFactory {

    public static final String KIND = "autoencoder";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String backend() {
        return Dl4jModule.NAME;
    }

    @Override
    public Set<String> parameterNames() {
        return AutoencoderParams.NAMES;
    }

    /** The first layer sums weight rows of present words (see NetworkConfigs), or densifies itself. */
    @Override
    public boolean readsSparseFeatures() {
        return true;
    }

    @Override
    public boolean supportsClassWeights() {
        return false;
    }

    @Override
    public boolean learnsFromNegativesOnly() {
        return true;
    }

    /** ND4J's natives load in the background while the data is read. */
    @Override
    public void warmUp() {
        Dl4jRuntime.warmUpInBackground();
    }

    @Override
    public ClassifierTrainer create(Hyperparameters params) {
        AutoencoderParams p = AutoencoderParams.of(params);
        return new AutoencoderTrainer(p, p.asHyperparameters());
    }
}
