package dev.rareclass.domain.port;

import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.Predictions;
import java.nio.file.Path;

/** Writes results to files, atomically: a failed write leaves nothing behind. */
public interface ResultSink {

    /**
     * The format an output named {@code file} is written in: the one the readers read a file of that name as
     * ({@code csv}, {@code tsv}, {@code arff} or {@code libsvm}; a {@code .gz} at the end compresses it). Looks at
     * the name only, so it can be asked before any work.
     *
     * @throws dev.rareclass.domain.error.UsageException when the name is read as a format that is not written (a
     *                                                    {@code .tar.gz} is read as a text corpus)
     */
    String outputFormat(Path file);

    /**
     * Refuses (a usage error) a table whose columns the format of {@code file}'s name cannot hold, naming the first
     * (LibSVM holds numbers only); to be asked once the input is read, before the long work. Missing values are not
     * looked at here, since an imputation may fill them: {@link #writeTable} refuses any that are left, before
     * writing anything.
     */
    void checkTable(dev.rareclass.domain.data.Table table, Path file);

    /**
     * Refuses (a usage error) an output name predictions cannot be written under, before any work: they are a results
     * table (row number, id, label, score, prediction, reasons) to join back or score, written as CSV or TSV. LibSVM
     * cannot hold them, and ARFF would add a header no reader of predictions wants.
     */
    default void requirePredictionsFormat(Path file) {
        String format = outputFormat(file);
        if (!format.equals("csv") && !format.equals("tsv")) {
            throw new dev.rareclass.domain.error.UsageException(file + ": predictions are written as CSV or TSV, and a "
                    + "file so named is read as " + format + "; name the output .csv or .tsv (each may end in .gz)");
        }
    }

    /**
     * The input row number, the true label (when known), the score and the predicted label, as CSV or TSV as the
     * name says ({@link #outputFormat}); another format is refused ({@link #requirePredictionsFormat}).
     */
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
     * A labelled table in the format {@code file}'s name says ({@link #outputFormat}): for CSV and TSV a header of the
     * feature columns then the label column, one row per table row, missing values left empty; for ARFF and
     * LibSVM, as those formats write them.
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
