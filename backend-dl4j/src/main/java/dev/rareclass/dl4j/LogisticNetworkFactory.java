package dev.rareclass.dl4j;

/**
 * {@code logistic@dl4j}: logistic regression as a network with no hidden layer, one sigmoid unit trained by
 * minibatch gradient descent on binary cross-entropy. Parameters: {@code learning-rate} (0.01),
 * {@code epochs} (50), {@code batch-size} (64), {@code l2} (0), {@code optimizer} (adam), {@code seed};
 * see {@link MlpParams#logistic}.
 */
public final class LogisticNetworkFactory extends Dl4jTrainerFactory {

    public static final String KIND = "logistic";

    public LogisticNetworkFactory() {
        super(KIND, () -> MlpParams.LOGISTIC_NAMES, false, params -> {
            MlpParams p = MlpParams.logistic(params);
            return new Dl4jTrainer(KIND, p, p.asHyperparameters(true));
        });
    }
}
