package dev.rareclass.domain.port;

import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.experiment.ModelReport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes human-readable reports: one self-contained HTML file (charts inline, nothing fetched from a network)
 * with a Markdown summary of the same numbers, and optionally every chart as an image. Writes are atomic.
 */
public interface ReportSink {

    /**
     * One model's report ({@code train}, {@code evaluate}): metrics, confusion matrix, classification report,
     * ROC and precision-recall curves, precision and recall against the threshold, score distribution by
     * class, learning curves when the model has a history, dataset summary and provenance.
     *
     * @param report   what to show
     * @param htmlFile the HTML file; the Markdown summary goes beside it with the extension {@code .md}
     * @param plotsDir when present, every chart is also written there as a PNG
     * @return the files written
     */
    java.util.List<Path> writeModelReport(ModelReport report, Path htmlFile, Optional<Path> plotsDir);

    /**
     * An experiment's report ({@code compare}, {@code tune}, {@code run}, {@code demo}) into a folder:
     * {@code report.html} and {@code summary.md}, beside {@code leaderboard.csv} and {@code results.json}.
     *
     * @param report   what to show
     * @param dir      the report folder (created if needed)
     * @param plotsDir when present, every chart is also written there as a PNG
     * @return the files written
     */
    java.util.List<Path> writeExperimentReport(ExperimentReport report, Path dir, Optional<Path> plotsDir);

    /**
     * An explanation's folder ({@code explain}): {@code importance.csv}, {@code partial_dependence.csv},
     * {@code explanation.json} and a self-contained {@code report.html} with its charts.
     *
     * @param dir the folder (created if needed)
     * @return the files written
     */
    java.util.List<Path> writeExplanation(dev.rareclass.domain.explain.Explanation explanation, Path dir);
}
