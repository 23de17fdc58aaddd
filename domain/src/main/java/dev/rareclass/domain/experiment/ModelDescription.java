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
 * @param words             for a linear model with text columns, the words it weighs most each way
 */
public record ModelDescription(Map<String, String> facts, List<String> structure,
                               Map<String, Double> validationMetrics, Map<String, String> provenance, String json,
                               java.util.Optional<LinearWords> words) {

    public ModelDescription {
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        structure = List.copyOf(structure);
        validationMetrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(validationMetrics));
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(words, "words");
    }

    /** Without words: any model but a linear text one. */
    public ModelDescription(Map<String, String> facts, List<String> structure, Map<String, Double> validationMetrics,
                            Map<String, String> provenance, String json) {
        this(facts, structure, validationMetrics, provenance, json, java.util.Optional.empty());
    }

    /** An in-memory engine's model, loaded and verified, with its manifest's JSON. */
    public static ModelDescription of(FittedPipeline model, String json) {
        return new ModelDescription(ModelReport.modelFacts(model), model.classifier().summary().lines().toList(),
                model.validationMetrics(), ModelReport.provenanceFacts(model.provenance()), json,
                LinearWords.of(model, LinearWords.SHOWN));
    }
}
