package dev.rareclass.domain.service;

import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.usecase.InspectUseCase;

/** Loads the model (every checksum and the classifier verified) and describes it. */
public record InspectService(ModelStore store) implements InspectUseCase {

    @Override
    public Result inspect(Request request) {
        FittedPipeline model = store.load(request.model());
        return new Result(model, ModelReport.modelFacts(model), ModelReport.provenanceFacts(model.provenance()),
                store.manifestJson(request.model()));
    }
}
