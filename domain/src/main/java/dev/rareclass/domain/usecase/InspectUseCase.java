package dev.rareclass.domain.usecase;

import dev.rareclass.domain.experiment.ModelDescription;
import java.nio.file.Path;

/**
 * {@code rareclass inspect}: what a model file holds, verified as {@code predict} would load it: kind, backend,
 * parameters, structure (layers, trees), threshold and policy, validation metrics, provenance.
 */
public interface InspectUseCase {

    /** @param model the model file */
    record Request(Path model) {
    }

    /**
     * The model file described: an in-memory engine's model loaded and verified as {@code predict} loads it; a
     * cluster engine's model (a Spark model file) by that engine, checked without starting it.
     */
    ModelDescription inspect(Request request);
}
