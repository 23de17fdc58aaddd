package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Fold;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.TableSource;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds the content of model reports: {@code evaluate --report} (the model's scores on a labelled table)
 * and {@code train --report} (the model's scores on the validation rows it held out).
 */
public final class ReportUseCase {

    /** An evaluation with the report built from the same scores. */
    public record Evaluated(Evaluation evaluation, ModelReport report) {
    }

    private final TableSource tables;
    private final ModelStore store;

    public ReportUseCase(TableSource tables, ModelStore store) {
        this.tables = tables;
        this.store = store;
    }

    /** As {@link EvaluateUseCase#evaluate}, keeping the scores for the report. */
    public Evaluated evaluate(Path modelFile, DataOptions data, ProgressListener progress) {
        FittedPipeline model = store.load(modelFile);
        Table table = tables.read(EvaluateUseCase.withModelSchema(data, model));
        table.notes().forEach(progress::note);
        double[] scores = model.scores(table);
        ModelReport report = ModelReport.of("Evaluation of " + modelFile.getFileName(),
                "every row of " + table.source() + " (" + table.rows() + " rows)", model, table, table, scores);
        return new Evaluated(report.evaluation(), report);
    }

    /**
     * The report of a just-trained model on the validation rows it held out to choose its threshold. The rows
     * are found again as training found them (same stratified split of the same table with the model's seed);
     * without a validation part the training rows themselves are scored, and the report says so.
     *
     * @param model              the trained model
     * @param data               the training data as given to {@code train}
     * @param validationFraction the validation share training used
     */
    public ModelReport trained(FittedPipeline model, Table table, double validationFraction) {
        Labels y = table.requireLabels();
        String name = model.classifier().kind() + "@" + model.classifier().backend();
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

    /** The summary of a data file (for reports of commands that read it elsewhere). */
    public DatasetSummary summary(DataOptions data) {
        return DatasetSummary.of(tables.read(data));
    }
}
