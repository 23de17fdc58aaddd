package dev.rareclass.domain.usecase;

import dev.rareclass.domain.experiment.FittedPipeline;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code rareclass inspect}: what a model file holds, verified as {@code predict} would load it: kind, backend,
 * parameters, structure (layers, trees), threshold and policy, validation metrics, provenance.
 */
public interface InspectUseCase {

    /** @param model the model file */
    record Request(Path model) {
    }

    /**
     * @param model      the model, loaded and verified
     * @param facts      what it is, as label → value lines, in order
     * @param provenance where it came from, as label → value lines, in order
     * @param json       the model file's manifest as JSON (every field the file records)
     */
    record Result(FittedPipeline model, Map<String, String> facts, Map<String, String> provenance, String json) {
    }

    Result inspect(Request request);
}
