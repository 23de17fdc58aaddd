package dev.rareclass.domain.service;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TableWithColumn;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.Predictions;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.Outputs;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.scoring.ScoredRows;
import dev.rareclass.domain.usecase.PredictUseCase;

/** Loads the model, reads the table as the model's training data was read, and writes one row per input row. */
import java.util.List;
import java.util.Optional;

public record PredictService(TableSource tables, ModelStore store, ResultSink sink, Outputs outputs)
        implements PredictUseCase {

    @Override
    public Predictions predict(Request request, ProgressListener progress) {
        sink.requirePredictionsFormat(request.out()); // before the model is loaded
        outputs.checkFile(request.out(), List.of(request.model(), request.data().file()));
        FittedPipeline model = store.load(request.model());
        DataOptions read = EvaluateService.asTrained(tables, request.model(), request.data(), request.given(), model);
        TableWithColumn withIds = null;
        Table table;
        // a format that names its rows (a text corpus: each document's path) gets that name beside each prediction, as
        // --id would copy it: the row numbers of a corpus, its documents in path or archive order, join to nothing
        Optional<String> ids = request.id().isPresent() ? request.id() : tables.rowNames(read);
        if (ids.isPresent()) {
            String id = ids.get();
            if (read.label().filter(id::equals).isPresent()) { // by the label's own name: refused before reading
                throw idIsTheLabel(id);
            }
            // kept out of the features, as the label is, unless the model reads a column of that name: the column
            // may have been dropped at training (--drop id) or be one the training data never had. A drop the file may
            // do without, as a model's own drops: an id naming the label otherwise (--id 4, its 0-based index) was
            // refused by the reader as a --drop of the label that nobody gave; it is the label's check below that says so
            DataOptions asGiven = read;
            boolean dropped = !model.featureNames().contains(id);
            if (dropped) {
                read = read.withDropped(id).withIfPresent(List.of(id));
            }
            withIds = tables.readWithColumn(read, false, id, "--id");
            String copied = withIds.column();
            if (withIds.table().labelMapping().filter(m -> m.column().equals(copied)).isPresent()) {
                throw idIsTheLabel(id);
            }
            if (dropped && model.featureNames().contains(copied)) {
                // an index (--id 0) of a column the model reads, dropped above as no name of a feature: read again
                // keeping it, as --id with its name does
                withIds = tables.readWithColumn(asGiven, false, id, "--id");
            }
            table = withIds.table();
        } else {
            table = tables.readOptionallyLabelled(read);
        }
        model.preprocessor().requireSameSchema(table); // its one refusal before the notes
        for (String note : table.notes()) {
            int dropped = dev.rareclass.domain.preprocess.MissingPolicy.droppedIn(note);
            // rows without a prediction are said even under --quiet: the output has fewer rows than the file
            progress.note(dropped < 0 ? note : ProgressListener.WARNING + dropped
                    + (dropped == 1 ? " row has no prediction: it has" : " rows have no prediction: each has")
                    + " a missing value, and --missing drop leaves such rows out (column row numbers the others as "
                    + "the file does)");
        }
        model.labelMapping().warningFor(table).ifPresent(progress::note);
        model.preprocessor().unseenWarnings(table).forEach(progress::note);
        int reasons = Math.min(request.reasons(), table.columns().size());
        ScoredRows scored = ScoredRows.of(model, table, reasons);
        Predictions predictions = new Predictions(table.rowNumbers(), table.labels().map(Labels::toArray),
                scored.scores(), scored.predicted(), model.threshold(), reasons, scored.reasons());
        if (withIds != null) {
            predictions = predictions.withIds(withIds.column(), withIds.values());
        }
        sink.writePredictions(predictions, request.out());
        return predictions;
    }

    /** The refusal of an {@code --id} that names the label column, by name or by index. */
    private static UsageException idIsTheLabel(String id) {
        return new UsageException("--id " + id + " names the label column, whose 0/1 the predictions carry already "
                + "(column y): give --id a column that identifies the rows, or leave it out (column row numbers them)");
    }
}
