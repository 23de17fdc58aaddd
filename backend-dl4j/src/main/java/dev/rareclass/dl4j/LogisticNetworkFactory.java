package dev.rareclass.dl4j;

/**
 * {@code logistic@dl4j}: logistic regression as a network with no hidden layer, one sigmoid unit trained by
 * gradient descent on binary cross-entropy. By default it minimises what {@code logistic@smile} and
 * scikit-learn's {@code LogisticRegression()} minimise (L2 penalty 1/N on the mean loss, full-batch steps until
 * converged; see {@link MlpParams}). Parameters: {@code learning-rate} (0.1), {@code epochs} (2000, the ceiling),
 * {@code batch-size} (all), {@code l2} (auto), {@code optimizer} (adam), {@code rho}, early stopping as
 * {@code mlp@dl4j}'s (by default on the training loss: {@code min-delta} 1e-7 over a {@code patience} of 50),
 * {@code seed}; see {@link MlpParams#logistic}.
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
