package dev.rareclass.domain.service;

import dev.rareclass.domain.data.Fold;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.experiment.PipelineFitter;
import java.util.Locale;

/** The content of a just-trained model's report ({@code train --report}). */
final class ModelReports {

    private ModelReports() {
    }

    /**
     * The model's report on the validation rows it held out to choose its threshold. The rows are found again
     * as training found them (same stratified split of the same table with the model's seed); without a
     * validation part the training rows themselves are scored, and the report says so.
     *
     * @param model              the trained model
     * @param table              the training table as read
     * @param validationFraction the validation share training used
     */
    static ModelReport trained(FittedPipeline model, Table table, double validationFraction) {
        Labels y = table.requireLabels();
        String name = model.classifier().id().toString();
        if (validationFraction > 0) {
            Fold split = PipelineFitter.validationSplit(y, validationFraction, model.provenance().seed());
            if (split.test().length != model.provenance().validationRows()) {
                throw new IllegalStateException("validation rows found again (" + split.test().length
                        + ") differ from the model's (" + model.provenance().validationRows() + ")");
            }
            Table valid = table.selectRows(split.test());
            return ModelReport.of("Training report: " + name, String.format(Locale.ROOT,
                    "the %d validation rows held out in training (%d positive); the threshold was chosen on them",
                    valid.rows(), valid.requireLabels().positives()), model, table, valid, model.scores(valid));
        }
        return ModelReport.of("Training report: " + name, "the training rows themselves (no validation part was held "
                + "out, so these numbers are optimistic)", model, table, table, model.scores(table));
    }
}
