package dev.rareclass.smile;

import dev.rareclass.domain.model.TrainerFactory;
import java.util.Set;

/**
 * What the Smile trainers' factories share: each is registered as {@code kind@smile} and states its kind, the
 * parameter names it accepts and whether it honours class weights; only {@link #create} differs.
 */
abstract class SmileTrainerFactory implements TrainerFactory {

    private final String kind;
    private final Set<String> parameterNames;
    private final boolean supportsClassWeights;

    SmileTrainerFactory(String kind, Set<String> parameterNames, boolean supportsClassWeights) {
        this.kind = kind;
        this.parameterNames = parameterNames;
        this.supportsClassWeights = supportsClassWeights;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final String backend() {
        return SmileModule.NAME;
    }

    @Override
    public final Set<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public final boolean supportsClassWeights() {
        return supportsClassWeights;
    }
}
