package dev.rareclass.domain.experiment;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model file holds, as {@code rareclass inspect} shows it, whichever engine wrote the file.
 *
 * @param facts             what the model is (kind, parameters, threshold, sampler, label...), as label → value lines
 * @param structure         its structure (layers and parameter counts, trees, a pipeline's stages), a line each
 * @param validationMetrics its metrics at the threshold on the rows the threshold was chosen on; empty when none
 * @param provenance        where it came from, as label → value lines
 * @param json              the file's manifest as JSON (every field the file records)
 */
public record ModelDescription(Map<String, String> facts, List<String> structure,
                               Map<String, Double> validationMetrics, Map<String, String> provenance, String json) {

    public ModelDescription {
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        structure = List.copyOf(structure);
        validationMetrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(validationMetrics));
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
        Objects.requireNonNull(json, "json");
    }

    /** An in-memory engine's model, loaded and verified, with its manifest's JSON. */
    public static ModelDescription of(FittedPipeline model, String json) {
        return new ModelDescription(ModelReport.modelFacts(model), model.classifier().summary().lines().toList(),
                model.validationMetrics(), ModelReport.provenanceFacts(model.provenance()), json);
    }
}
