package dev.rareclass.dl4j;

/** {@code mlp@dl4j}: a multilayer perceptron (see {@link MlpParams} for parameters and defaults). */
public final class MlpTrainerFactory extends Dl4jTrainerFactory {

    public static final String KIND = "mlp";

    public MlpTrainerFactory() {
        super(KIND, () -> MlpParams.MLP_NAMES, false, params -> {
            MlpParams p = MlpParams.of(params);
            return new Dl4jTrainer(KIND, p, p.asHyperparameters(false));
        });
    }
}
