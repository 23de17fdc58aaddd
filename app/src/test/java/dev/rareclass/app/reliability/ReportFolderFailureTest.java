package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.rareclass.adapters.io.AtomicFiles;
import dev.rareclass.adapters.report.HtmlReportSink;
import dev.rareclass.app.cli.CliRun;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.port.ReportSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report whose writing fails after some of its files (here: after {@code report.html}, before
 * {@code summary.md}, and after {@code leaderboard.csv} and {@code results.json}) leaves nothing new: no
 * leaderboard beside an older {@code report.html}, no new folder, no temporary files. The same for the outputs of
 * {@code train} and {@code evaluate} (model or JSON, report page, its Markdown, the charts of {@code --plots}), of
 * {@code explain --out}, and for a compare's charts in a folder of their own: all appear together or none does.
 */
class ReportFolderFailureTest {

    @TempDir
    Path dir;

    /**
     * Writes the real report.html and summary.md, then fails writing one more file as a full disk would (a file of its
     * own: writing one of the report's files twice is refused as two outputs given one name).
     */
    static final class FailingAfterHtml implements ReportSink {
        @Override
        public List<Path> writeExplanation(dev.rareclass.domain.explain.Explanation explanation, Path dir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Path> writeModelReport(ModelReport report, Path htmlFile, Optional<Path> plotsDir) {
            // every file written (page, Markdown, charts), then the disk fills up writing one more
            new HtmlReportSink().writeModelReport(report, htmlFile, plotsDir);
            return fail(htmlFile.resolveSibling("more-" + htmlFile.getFileName()));
        }

        @Override
        public List<Path> writeExperimentReport(ExperimentReport report, Path folder, Optional<Path> plotsDir) {
            new HtmlReportSink().writeExperimentReport(report, folder, plotsDir);
            return fail(folder.resolve("more.md"));
        }

        private static List<Path> fail(Path file) {
            AtomicFiles.write(file, out -> {
                out.write(new byte[100]);
                throw new IOException("No space left on device");
            });
            throw new AssertionError("the failing write did not fail");
        }
    }

    /** Writes the explanation's files, then fails writing one more. */
    static final class FailingExplanation implements ReportSink {
        @Override
        public List<Path> writeExplanation(dev.rareclass.domain.explain.Explanation explanation, Path dir) {
            new HtmlReportSink().writeExplanation(explanation, dir);
            return FailingAfterHtml.fail(dir.resolve("more.html"));
        }

        @Override
        public List<Path> writeModelReport(ModelReport report, Path htmlFile, Optional<Path> plotsDir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Path> writeExperimentReport(ExperimentReport report, Path folder, Optional<Path> plotsDir) {
            throw new UnsupportedOperationException();
        }
    }

    private static final Injector FAILING = Guice.createInjector(Modules.override(new AppModule())
            .with(b -> b.bind(ReportSink.class).to(FailingAfterHtml.class)));

    @Test
    void aFailureBetweenTwoFilesLeavesTheOlderReportAsItWas() throws IOException {
        Path data = SmallTable.write(dir.resolve("small.csv"));
        Path report = dir.resolve("report");
        InProcessCli ok = InProcessCli.run(compare(data, report));
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        Map<String, String> before = Folders.contents(report);

        CliRun failed = CliRun.withAllCommands(FAILING, compare(data, report));
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(73);
        assertThat(failed.err()).contains("no space left on device").contains(report.toString())
                .doesNotContain(".rareclass-");
        assertThat(Folders.contents(report)).as("the older report, byte for byte").isEqualTo(before);
        OutputTargetCorpusTest.assertNoTemporaries(dir);
    }

    @Test
    void aFailureBetweenTwoFilesOfANewReportLeavesNoFolder() throws IOException {
        Path data = SmallTable.write(dir.resolve("small.csv"));
        Path report = dir.resolve("new/report");
        CliRun failed = CliRun.withAllCommands(FAILING, compare(data, report));
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(73);
        assertThat(dir.resolve("new")).doesNotExist();
        OutputTargetCorpusTest.assertNoTemporaries(dir);
    }

    private static final Injector FAILING_EXPLANATION = Guice.createInjector(Modules.override(new AppModule())
            .with(b -> b.bind(ReportSink.class).to(FailingExplanation.class)));

    /** A folder holding a file of the user's and the outputs of a successful run of {@code args}. */
    private Map<String, String> olderOutputs(Path work, String... args) throws IOException {
        Files.createDirectories(work);
        Files.writeString(work.resolve("notes.txt"), "mine");
        InProcessCli ok = InProcessCli.run(args);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        return Folders.contents(work);
    }

    private static void assertFailedOnAFullDisk(CliRun failed) {
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(73);
        assertThat(failed.err()).contains("no space left on device").doesNotContain(".rareclass-");
    }

    @Test
    void aTrainFailingBetweenItsReportFilesLeavesTheOlderModelReportAndChartsAsTheyWere() throws IOException {
        // before: the new model was in place, and the new page beside the older Markdown and charts
        Path data = SmallTable.write(dir.resolve("small.csv"));
        Path work = dir.resolve("work");
        String[] train = train(data, work);
        Map<String, String> before = olderOutputs(work, train);
        assertThat(before).containsKeys("m.model", "r.html", "r.md", "charts/roc.png", "notes.txt");

        assertFailedOnAFullDisk(CliRun.withAllCommands(FAILING, train));
        assertThat(Folders.contents(work)).as("every older output, byte for byte").isEqualTo(before);
        OutputTargetCorpusTest.assertNoTemporaries(dir);
    }

    @Test
    void aTrainFailingBetweenItsReportFilesLeavesNoNewFile() throws IOException {
        Path data = SmallTable.write(dir.resolve("small.csv"));
        Path work = Files.createDirectories(dir.resolve("work"));
        assertFailedOnAFullDisk(CliRun.withAllCommands(FAILING, train(data, work)));
        try (var left = Files.list(work)) {
            assertThat(left.toList()).isEmpty();
        }
        OutputTargetCorpusTest.assertNoTemporaries(dir);
    }

    @Test
    void anEvaluateFailingBetweenItsReportFilesLeavesTheOlderJsonReportAndChartsAsTheyWere() throws IOException {
        Path data = SmallTable.write(dir.resolve("small.csv"));
        Path model = SmallTable.trainLogistic(data, dir.resolve("m.model"));
        Path work = dir.resolve("work");
        String[] evaluate = {"evaluate", model.toString(), data.toString(), "--json", work.resolve("e.json").toString(),
                "--report", work.resolve("e.html").toString(), "--plots", work.resolve("charts").toString()};
        Map<String, String> before = olderOutputs(work, evaluate);
        assertThat(before).containsKeys("e.json", "e.html", "e.md", "charts/pr.png");

        // other rows, so that every new file differs from the older one
        evaluate[2] = SmallTable.write(dir.resolve("other.csv"), 300).toString();
        assertFailedOnAFullDisk(CliRun.withAllCommands(FAILING, evaluate));
        assertThat(Folders.contents(work)).isEqualTo(before);
        OutputTargetCorpusTest.assertNoTemporaries(dir);
    }

    @Test
    void anExplainFailingBetweenItsFilesLeavesTheOlderFolderAsItWas() throws IOException {
        Path data = SmallTable.write(dir.resolve("small.csv"));
        Path model = SmallTable.trainLogistic(data, dir.resolve("m.model"));
        Path out = dir.resolve("why");
        String[] explain = {"explain", model.toString(), data.toString(), "--repeats", "1", "--out", out.toString()};
        Map<String, String> before = olderOutputs(out, explain);
        assertThat(before).containsKeys("importance.csv", "report.html");

        explain[2] = SmallTable.write(dir.resolve("other.csv"), 300).toString();
        assertFailedOnAFullDisk(CliRun.withAllCommands(FAILING_EXPLANATION, explain));
        assertThat(Folders.contents(out)).isEqualTo(before);
        OutputTargetCorpusTest.assertNoTemporaries(dir);
    }

    @Test
    void aCompareFailingLeavesTheOlderChartsOutsideTheReportFolderAsTheyWere() throws IOException {
        // before: the charts of a --plots folder outside the report were written one by one, and stayed
        Path data = SmallTable.write(dir.resolve("small.csv"));
        Path work = dir.resolve("work");
        String[] compare = compare(data, work.resolve("report"), "--plots", work.resolve("charts").toString());
        Map<String, String> before = olderOutputs(work, compare);
        assertThat(before).containsKeys("report/report.html", "charts/ranking.png");

        compare[1] = SmallTable.write(dir.resolve("other.csv"), 300).toString();
        assertFailedOnAFullDisk(CliRun.withAllCommands(FAILING, compare));
        assertThat(Folders.contents(work)).isEqualTo(before);
        OutputTargetCorpusTest.assertNoTemporaries(dir);
    }

    private static String[] train(Path data, Path work) {
        return new String[]{"train", data.toString(), "--label", "y", "--positive", "1", "--categorical", "color",
                "--model", "logistic", "--out", work.resolve("m.model").toString(), "--report",
                work.resolve("r.html").toString(), "--plots", work.resolve("charts").toString()};
    }

    private static String[] compare(Path data, Path report, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(compare(data, report)));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] compare(Path data, Path report) {
        return new String[]{"compare", data.toString(), "--label", "y", "--positive", "1", "--categorical", "color",
                "--models", "logistic", "--folds", "2", "--report", report.toString()};
    }
}
