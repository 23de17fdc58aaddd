package dev.rareclass.domain.service;

import dev.rareclass.domain.experiment.ModelDescription;
import dev.rareclass.domain.port.ClusterEngines;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.usecase.InspectUseCase;

/**
 * Describes a model file: one a cluster engine wrote by that engine (checked, without starting it), any other by
 * loading it from the store (every checksum and the classifier verified).
 */
public record InspectService(ModelStore store, ClusterEngines engines) implements InspectUseCase {

    @Override
    public ModelDescription inspect(Request request) {
        return engines.describeModel(request.model())
                .orElseGet(() -> ModelDescription.of(store.load(request.model()), store.manifestJson(request.model())));
    }
}
