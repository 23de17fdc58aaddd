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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report whose writing fails after some of its files (here: after {@code report.html}, before
 * {@code summary.md}, and after {@code leaderboard.csv} and {@code results.json}) leaves nothing new: no
 * leaderboard beside an older {@code report.html}, no new folder, no temporary files.
 */
class ReportFolderFailureTest {

    @TempDir
    Path dir;

    /** Writes the real report.html and summary.md, then fails writing summary.md again as a full disk would. */
    static final class FailingAfterHtml implements ReportSink {
        @Override
        public List<Path> writeExplanation(dev.rareclass.domain.explain.Explanation explanation, Path dir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Path> writeModelReport(ModelReport report, Path htmlFile, Optional<Path> plotsDir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Path> writeExperimentReport(ExperimentReport report, Path folder, Optional<Path> plotsDir) {
            new HtmlReportSink().writeExperimentReport(report, folder, plotsDir);
            AtomicFiles.write(folder.resolve("summary.md"), out -> {
                out.write(new byte[100]);
                throw new IOException("No space left on device");
            });
            throw new AssertionError("the failing write did not fail");
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

    private static String[] compare(Path data, Path report) {
        return new String[]{"compare", data.toString(), "--label", "y", "--positive", "1", "--categorical", "color",
                "--models", "logistic", "--folds", "2", "--report", report.toString()};
    }
}
