package dev.rareclass.dl4j;

import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainerFactory;
import java.util.Set;

/**
 * {@code mlp@dl4j}: a multilayer perceptron (see {@link MlpParams} for parameters and defaults).
 * Construction and the descriptive methods touch no ND4J class; {@link #create} only validates, and the
 * returned trainer loads natives on its first {@code train}.
 */
public final class MlpTrainerFactory implements TrainerFactory {

    public static final String KIND = "mlp";

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
        return MlpParams.MLP_NAMES;
    }

    /** The first layer sums weight rows of present words (see NetworkConfigs), or densifies itself. */
    @Override
    public boolean readsSparseFeatures() {
        return true;
    }

    /** Class weights live in the loss ({@link WeightedBinaryXent}); see {@link Dl4jTrainer}. */
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
        MlpParams p = MlpParams.of(params);
        return new Dl4jTrainer(KIND, p, p.asHyperparameters(false));
    }
}
