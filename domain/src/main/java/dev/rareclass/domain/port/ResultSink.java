package dev.rareclass.domain.port;

import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.Predictions;
import java.nio.file.Path;

/** Writes results to files, atomically: a failed write leaves nothing behind. */
public interface ResultSink {

    /** A CSV with the input row number, the true label (when known), the score and the predicted label. */
    void writePredictions(Predictions predictions, Path file);

    /**
     * One JSON object: every metric, the confusion counts, the threshold, the classification report, and the ROC
     * and precision-recall curves.
     */
    void writeEvaluation(Evaluation evaluation, Path file);

    /**
     * An experiment's results into a folder (created if needed): {@code leaderboard.csv} (one row per
     * configuration: means, stds, significance mark) and {@code results.json} (every split's metrics too).
     */
    void writeExperiment(Leaderboard leaderboard, Path dir);

    /**
     * A labelled table as CSV: a header of the feature columns then the label column, one row per table
     * row. Missing values are left empty.
     *
     * @param labels each row's label as it is to be written (such as the input's own value)
     */
    void writeTable(dev.rareclass.domain.data.Table table, java.util.List<String> labels, Path file);

    /**
     * The evaluation as one JSON string (for stdout): what {@link #writeEvaluation} writes, except that the ROC and
     * precision-recall curves (a point per distinct score, thousands on a large table) are there only when
     * {@code curves} is true.
     */
    String evaluationJson(Evaluation evaluation, boolean curves);
}
