package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.port.TableSource;

/**
 * {@code rareclass score}: metrics of an existing predictions file (label and score columns) — for
 * scores from any tool, so numbers can be compared on equal terms.
 */
public final class ScoreUseCase {

    private final TableSource tables;

    public ScoreUseCase(TableSource tables) {
        this.tables = tables;
    }

    /**
     * @param data        the predictions file, with its label column and positive value
     * @param scoreColumn the score column's name
     * @param threshold   predicted positive iff score >= threshold
     */
    public Evaluation score(DataOptions data, String scoreColumn, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new UsageException("--threshold must be a finite number");
        }
        LabelledScores read = tables.readScores(data, scoreColumn);
        int[] y = read.labels();
        double[] scores = read.scores();
        boolean probabilities = true;
        for (double s : scores) {
            probabilities &= s >= 0 && s <= 1;
        }
        BinaryMetrics metrics = BinaryMetrics.compute(y, scores, threshold, probabilities);
        ClassificationReport report = ClassificationReport.of(metrics.counts(), read.mapping().negativeValue(),
                read.mapping().positiveValue());
        return new Evaluation(read.source(), scoreColumn, String.valueOf(threshold), metrics, report,
                Curves.roc(y, scores), Curves.precisionRecall(y, scores));
    }
}
