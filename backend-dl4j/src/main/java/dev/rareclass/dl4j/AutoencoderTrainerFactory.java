package dev.rareclass.dl4j;

/**
 * {@code autoencoder@dl4j}: a dense autoencoder that learns to reconstruct negative rows; a row's score is
 * its reconstruction error (see {@link AutoencoderParams} for parameters and defaults). A one-class
 * detector: it learns from negatives only and takes no class weights.
 */
public final class AutoencoderTrainerFactory extends Dl4jTrainerFactory {

    public static final String KIND = "autoencoder";

    public AutoencoderTrainerFactory() {
        super(KIND, () -> AutoencoderParams.NAMES, true, params -> {
            AutoencoderParams p = AutoencoderParams.of(params);
            return new AutoencoderTrainer(p, p.asHyperparameters());
        });
    }
}
