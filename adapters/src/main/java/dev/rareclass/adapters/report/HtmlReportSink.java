package dev.rareclass.adapters.report;

import dev.rareclass.adapters.io.AtomicFiles;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.port.ReportSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes reports as one self-contained HTML file each (inline CSS, charts as inline SVG drawn by JFreeChart
 * and JFreeSVG, no scripts, nothing fetched) with a Markdown summary beside it, and optionally every chart
 * as a PNG. Every file is written atomically.
 */
public final class HtmlReportSink implements ReportSink {

    /** The experiment report's file names inside the report folder. */
    public static final String REPORT_HTML = "report.html";
    public static final String SUMMARY_MD = "summary.md";

    @Override
    public List<Path> writeModelReport(ModelReport report, Path htmlFile, Optional<Path> plotsDir) {
        if (AtomicFiles.isStdout(htmlFile)) {
            throw new dev.rareclass.domain.error.UsageException(
                    "a report is an HTML file with a Markdown file beside it; it cannot go to standard output (-)");
        }
        ModelReportPage page = new ModelReportPage(report);
        List<Path> written = new ArrayList<>();
        createParent(htmlFile);
        write(htmlFile, page.html(), written);
        write(markdownBeside(htmlFile), page.markdown(), written);
        plotsDir.ifPresent(dir -> writePngs(page.charts(), dir, written));
        return written;
    }

    @Override
    public List<Path> writeExperimentReport(ExperimentReport report, Path dir, Optional<Path> plotsDir) {
        ExperimentReportPage page = new ExperimentReportPage(report);
        List<Path> written = new ArrayList<>();
        createDirectories(dir);
        write(dir.resolve(REPORT_HTML), page.html(), written);
        write(dir.resolve(SUMMARY_MD), page.markdown(), written);
        plotsDir.ifPresent(p -> writePngs(page.charts(), p, written));
        return written;
    }

    @Override
    public List<Path> writeExplanation(dev.rareclass.domain.explain.Explanation explanation, Path dir) {
        ExplanationPage page = new ExplanationPage(explanation);
        List<Path> written = new ArrayList<>();
        createDirectories(dir);
        write(dir.resolve("importance.csv"), page.importanceCsv(), written);
        write(dir.resolve("partial_dependence.csv"), page.dependenceCsv(), written);
        write(dir.resolve("explanation.json"), page.json(), written);
        write(dir.resolve(REPORT_HTML), page.html(), written);
        return written;
    }

    /** {@code x.html} → {@code x.md}; any other name gets {@code .md} appended. */
    static Path markdownBeside(Path html) {
        String name = html.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String base = lower.endsWith(".html") ? name.substring(0, name.length() - 5)
                : lower.endsWith(".htm") ? name.substring(0, name.length() - 4) : name;
        return html.resolveSibling(base + ".md");
    }

    private static void writePngs(List<Charts.Chart> charts, Path dir, List<Path> written) {
        createDirectories(dir);
        for (Charts.Chart c : charts) {
            Path file = dir.resolve(c.name() + ".png");
            byte[] png = c.png();
            AtomicFiles.write(file, out -> out.write(png));
            written.add(file);
        }
    }

    private static void write(Path file, String text, List<Path> written) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
        written.add(file);
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputException(dir + ": cannot create folder (" + e.getMessage() + ")", e);
        }
    }
}
