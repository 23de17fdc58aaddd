package dev.rareclass.dl4j;

import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainerFactory;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the DL4J kinds have in common as {@link TrainerFactory}s; each kind ({@link MlpTrainerFactory},
 * {@link LogisticNetworkFactory}, {@link AutoencoderTrainerFactory}) only names itself, its parameters, whether it
 * is a one-class detector and how its parameters become a trainer. Construction and the descriptive methods touch
 * no ND4J class (the parameter names are read on demand); {@link #create} only validates, and the returned trainer
 * loads natives on its first {@code train}.
 */
abstract class Dl4jTrainerFactory implements TrainerFactory {

    private final String kind;
    private final Supplier<Set<String>> parameterNames;
    private final boolean oneClass;
    private final Function<Hyperparameters, ClassifierTrainer> trainer;

    /**
     * @param oneClass true for a detector that learns from negative rows only and so takes no class weights; false
     *                 for a classifier whose class weights live in the loss ({@link WeightedBinaryXent}, see
     *                 {@link Dl4jTrainer})
     * @param trainer  validates the parameters and returns the trainer
     */
    Dl4jTrainerFactory(String kind, Supplier<Set<String>> parameterNames, boolean oneClass,
                       Function<Hyperparameters, ClassifierTrainer> trainer) {
        this.kind = kind;
        this.parameterNames = parameterNames;
        this.oneClass = oneClass;
        this.trainer = trainer;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final String backend() {
        return Dl4jModule.NAME;
    }

    @Override
    public final Set<String> parameterNames() {
        return parameterNames.get();
    }

    /** The first layer sums weight rows of present words (see NetworkConfigs), or densifies itself. */
    @Override
    public final boolean readsSparseFeatures() {
        return true;
    }

    @Override
    public final boolean supportsClassWeights() {
        return !oneClass;
    }

    @Override
    public final boolean learnsFromNegativesOnly() {
        return oneClass;
    }

    /** ND4J's natives load in the background while the data is read. */
    @Override
    public final void warmUp() {
        Dl4jRuntime.warmUpInBackground();
    }

    @Override
    public final ClassifierTrainer create(Hyperparameters params) {
        return trainer.apply(params);
    }
}
