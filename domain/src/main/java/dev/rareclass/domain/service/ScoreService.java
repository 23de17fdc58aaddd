package dev.rareclass.domain.service;

import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.usecase.ScoreUseCase;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.port.TableSource;

/** Reads the label and score columns and computes every metric at the given threshold. */
public record ScoreService(TableSource tables) implements ScoreUseCase {

    @Override
    public Evaluation score(Request request) {
        double threshold = request.threshold();
        String scoreColumn = request.scoreColumn();
        LabelledScores read = tables.readScores(request.data(), scoreColumn);
        int[] y = read.labels();
        double[] scores = read.scores();
        boolean probabilities = true;
        for (double s : scores) {
            probabilities &= s >= 0 && s <= 1;
        }
        BinaryMetrics metrics = BinaryMetrics.compute(y, scores, threshold, probabilities);
        ClassificationReport report = ClassificationReport.of(metrics.counts(), read.mapping().negativeValue(),
                read.mapping().positiveValue());
        Evaluation e = new Evaluation(read.source(), scoreColumn, String.valueOf(threshold), metrics, report, y, scores,
                request.seed());
        if (read.droppedRows() > 0) {
            // the numbers are of the rows kept: say how many were not, on the console and in the JSON
            String dropped = String.format(java.util.Locale.ROOT, "%,d of %,d rows left out: a missing label or score "
                    + "(--missing drop)", read.droppedRows(), read.droppedRows() + y.length);
            e = e.withWarning(dropped);
        }
        // a file of one class (a month of confirmed fraud): the metrics that divide by the other class are said to be
        // undefined, as evaluate says of such a table
        return e.withOneClassWarning(read.mapping());
    }
}
