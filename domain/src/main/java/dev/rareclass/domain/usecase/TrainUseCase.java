package dev.rareclass.domain.usecase;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.model.ProgressListener;
import java.nio.file.Path;
import java.util.List;

/** {@code rareclass train}: read a labelled table, fit a pipeline, save it as one model file. */
public interface TrainUseCase {

    /**
     * @param data   where the labelled training table is and how to read it
     * @param spec   what to fit
     * @param out    the model file to write
     * @param report optionally, an HTML report of the model on its validation rows
     */
    record Request(DataOptions data, PipelineSpec spec, Path out, ReportRequest report) {
    }

    /**
     * @param model   the fitted pipeline, as saved
     * @param written the report's files, when one was asked for
     */
    record Result(FittedPipeline model, List<Path> written) {
    }

    Result train(Request request, ProgressListener progress);

}
