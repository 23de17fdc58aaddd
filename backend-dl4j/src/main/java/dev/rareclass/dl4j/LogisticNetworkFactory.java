package dev.rareclass.dl4j;

import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainerFactory;
import java.util.Set;

/**
 * {@code logistic@dl4j}: logistic regression as a network with no hidden layer, one sigmoid unit trained by
 * minibatch gradient descent on binary cross-entropy. Parameters: {@code learning-rate} (0.01),
 * {@code epochs} (50), {@code batch-size} (64), {@code l2} (0), {@code optimizer} (adam), {@code seed};
 * see {@link MlpParams#logistic}. Touches no ND4J class until training.
 */
public final class LogisticNetworkFactory implements TrainerFactory {

    public static final String KIND = "logistic";

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
        return MlpParams.LOGISTIC_NAMES;
    }

    /** The first layer sums weight rows of present words (see NetworkConfigs), or densifies itself. */
    @Override
    public boolean readsSparseFeatures() {
        return true;
    }

    @Override
    public boolean supportsClassWeights() {
        return true;
    }

    /** ND4J's natives load in the background while the data is read. */
    @Override
    public void warmUp() {
        Dl4jRuntime.warmUpInBackground();
    }

    @Override
    public ClassifierTrainer create(Hyperparameters params) {
        MlpParams p = MlpParams.logistic(params);
        return new Dl4jTrainer(KIND, p, p.asHyperparameters(true));
    }
}
