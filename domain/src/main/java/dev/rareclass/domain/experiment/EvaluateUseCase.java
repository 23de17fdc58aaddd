package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.TableSource;
import java.nio.file.Path;

/**
 * {@code rareclass evaluate}: score a labelled table with a saved model at the model's threshold.
 * The label column and positive value default to the ones the model was trained with.
 */
public final class EvaluateUseCase {

    private final TableSource tables;
    private final ModelStore store;

    public EvaluateUseCase(TableSource tables, ModelStore store) {
        this.tables = tables;
        this.store = store;
    }

    public Evaluation evaluate(Path modelFile, DataOptions data, ProgressListener progress) {
        FittedPipeline model = store.load(modelFile);
        Table table = tables.read(withModelSchema(data, model));
        table.notes().forEach(progress::note);
        int[] y = table.requireLabels().toArray();
        double[] scores = model.scores(table);
        return evaluation(model, table, y, scores);
    }

    static Evaluation evaluation(FittedPipeline model, Table table, int[] y, double[] scores) {
        boolean probabilities = model.classifier().scoreKind() == ScoreKind.PROBABILITY;
        BinaryMetrics metrics = BinaryMetrics.compute(y, scores, model.threshold(), probabilities);
        LabelMapping mapping = table.labelMapping().orElse(model.labelMapping());
        ClassificationReport report = ClassificationReport.of(metrics.counts(), mapping.negativeValue(),
                mapping.positiveValue());
        String name = model.classifier().kind() + "@" + model.classifier().backend();
        return new Evaluation(table.source(), name, model.thresholdPolicy(), metrics, report,
                Curves.roc(y, scores), Curves.precisionRecall(y, scores));
    }

    /**
     * The user's data options completed from the model: its label column and positive value when not
     * given, and its categorical columns, so new data is typed as the training data was.
     */
    static DataOptions withModelSchema(DataOptions data, FittedPipeline model) {
        String label = data.label().orElse(model.labelMapping().column());
        String positive = data.positive().orElse(model.labelMapping().positiveValue());
        return data.withLabel(label, positive).withCategorical(model.categoricalInputs());
    }
}
