package dev.rareclass.domain.scoring;

import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.FittedPipeline;
import java.util.List;

/**
 * A table's rows scored by a model: scores, 0/1 predictions at the model's threshold and, when asked for, each row's
 * reason codes. {@code predict --reasons}, the embedding API and the HTTP server all score through {@link #of}.
 *
 * @param reasons one list per row, empty lists when no reasons were asked for
 */
public record ScoredRows(double[] scores, int[] predicted, List<List<ReasonCodes.Reason>> reasons) {

    /**
     * @param reasons how many reasons per row; 0 for none
     */
    public static ScoredRows of(FittedPipeline model, Table table, int reasons) {
        if (reasons < 0) {
            throw new dev.rareclass.domain.error.UsageException("the number of reasons cannot be negative: " + reasons);
        }
        double[] scores = model.scores(table);
        List<List<ReasonCodes.Reason>> why = reasons > 0 ? ReasonCodes.of(model, table, scores, reasons)
                : java.util.Collections.nCopies(scores.length, List.of());
        return new ScoredRows(scores, model.predict(scores), why);
    }

    public int size() {
        return scores.length;
    }
}
