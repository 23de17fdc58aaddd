package dev.rareclass.domain.usecase;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.experiment.Predictions;
import dev.rareclass.domain.model.ProgressListener;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code rareclass predict}: score every row of a table with a saved model and write one row per input row.
 * The table is read as the model's training data was, except where the request says otherwise; the model's
 * label column is used (and kept out of the features) when the table has it.
 */
public interface PredictUseCase {

    /**
     * @param model the model file
     * @param data  the table, with the options the user gave
     * @param given which reading options the user gave; the others come from the model
     * @param out   the predictions CSV to write
     * @param reasons reason codes per row (columns reason_1, change_1, ...); 0 for none
     * @param id    a column of the table (name or 0-based index) to copy into the predictions as each row's
     *              identifier, as written; never a feature unless the model reads a column of that name
     */
    record Request(Path model, DataOptions data, ReadingOptions given, Path out, int reasons, Optional<String> id) {
        public Request {
            java.util.Objects.requireNonNull(id, "id");
        }

        public Request(Path model, DataOptions data, ReadingOptions given, Path out, int reasons) {
            this(model, data, given, out, reasons, Optional.empty());
        }

        public Request(Path model, DataOptions data, ReadingOptions given, Path out) {
            this(model, data, given, out, 0);
        }
    }

    Predictions predict(Request request, ProgressListener progress);
}
