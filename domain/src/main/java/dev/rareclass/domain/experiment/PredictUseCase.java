package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import java.nio.file.Path;

/**
 * {@code rareclass predict}: score a table with a saved model and write one row per input row.
 * The model's label column is used (and kept out of the features) when the input has it.
 */
public final class PredictUseCase {

    private final TableSource tables;
    private final ModelStore store;
    private final ResultSink sink;

    public PredictUseCase(TableSource tables, ModelStore store, ResultSink sink) {
        this.tables = tables;
        this.store = store;
        this.sink = sink;
    }

    public Predictions predict(Path modelFile, DataOptions data, Path out, ProgressListener progress) {
        FittedPipeline model = store.load(modelFile);
        Table table = tables.readOptionallyLabelled(EvaluateUseCase.withModelSchema(data, model));
        table.notes().forEach(progress::note);
        double[] scores = model.scores(table);
        Predictions predictions = new Predictions(table.rowNumbers(), table.labels().map(Labels::toArray),
                scores, model.predict(scores), model.threshold());
        sink.writePredictions(predictions, out);
        return predictions;
    }
}
