package dev.rareclass.domain.usecase;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.model.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code rareclass evaluate}: a saved model's metrics on a labelled table, at the model's threshold. The table
 * is read as the model's training data was (its remembered reading options, label column and positive value)
 * except where the request says otherwise.
 */
public interface EvaluateUseCase {

    /**
     * @param model  the model file
     * @param data   the table, with the options the user gave (label and positive may be absent)
     * @param given  which reading options the user gave; the others come from the model
     * @param json   optionally, where to write every metric as JSON
     * @param report optionally, an HTML report
     */
    record Request(Path model, DataOptions data, ReadingOptions given, Optional<Path> json, ReportRequest report,
                   long seed) {
        /** With the bootstrap intervals' default seed. */
        public Request(Path model, DataOptions data, ReadingOptions given, Optional<Path> json, ReportRequest report) {
            this(model, data, given, json, report, dev.rareclass.domain.experiment.Evaluation.BOOTSTRAP_SEED);
        }
    }

    /**
     * @param evaluation every metric, the confusion matrix and the classification report
     * @param written    the report's files, when one was asked for
     */
    record Result(Evaluation evaluation, List<Path> written) {
    }

    Result evaluate(Request request, ProgressListener progress);
}
