package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Reports through the real command line, and the CLI's help, completion and version. */
class ReportCommandsTest {

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void writeTable() throws IOException {
        data = GeneratedCsv.write(dir.resolve("events.csv"), 800, 5, 4, 0.08, 11, "f1,f2,f3,f4,f5,label", "rare",
                "common");
    }

    static Document selfContained(Path html) throws IOException {
        String text = Files.readString(html);
        Document doc = Jsoup.parse(text);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("link")).isEmpty();
        for (Element e : doc.select("[src], [href]")) {
            assertThat(e.attr("src") + e.attr("href")).as(e.outerHtml()).startsWith("#");
        }
        return doc;
    }

    @Test
    void trainAndEvaluateWriteModelReports() throws IOException {
        Path model = dir.resolve("m.model");
        Path trainReport = dir.resolve("train.html");
        CliRun train = CliRun.of("train", data.toString(), "--label", "label", "--positive", "rare", "--model", "logistic",
                "--out", model.toString(), "--report", trainReport.toString(), "-q");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("Report: " + trainReport);
        Document doc = selfContained(trainReport);
        // logistic@smile has no training history: no learning curves
        assertThat(doc.select("figure.chart > svg")).hasSize(7);
        assertThat(doc.getElementById("learning")).isNull();
        assertThat(doc.getElementById("summary").text()).contains("validation rows held out in training");
        assertThat(dir.resolve("train.md")).exists();

        Path evalReport = dir.resolve("eval/evaluation.html");
        Path plots = dir.resolve("eval-png");
        CliRun eval = CliRun.of("evaluate", model.toString(), data.toString(), "--report", evalReport.toString(),
                "--plots", plots.toString(), "-q");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("Confusion matrix").contains("Report: " + evalReport);
        Document e = selfContained(evalReport);
        assertThat(e.select("figure.chart").eachAttr("id")).containsExactly("chart-confusion-matrix", "chart-roc",
                "chart-pr", "chart-threshold", "chart-scores", "chart-gain", "chart-calibration");
        assertThat(e.getElementById("dataset").text()).contains("800");
        try (var files = Files.list(plots)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "calibration.png", "confusion-matrix.png", "gain.png", "pr.png", "roc.png", "scores.png",
                    "threshold.png");
        }
    }

    @Test
    void compareWritesTheReportBesideTheResults() throws IOException {
        Path report = dir.resolve("compare");
        CliRun run = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "rare", "--models",
                "logistic,random-forest", "--param", "random-forest.trees=20", "--folds", "3", "--jobs", "2",
                "--report", report.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report.resolve("leaderboard.csv")).exists();
        assertThat(report.resolve("results.json")).exists();
        Document doc = selfContained(report.resolve("report.html"));
        assertThat(doc.select("#leaderboard tbody tr")).hasSize(2);
        // ranking, metrics, ROC, PR, the best one's precision and recall against the threshold, gain, confusion
        assertThat(doc.select("figure.chart > svg")).hasSize(7);
        assertThat(doc.select("figure.chart").eachAttr("id")).contains("chart-threshold", "chart-gain");
        assertThat(Files.readString(report.resolve("summary.md"))).contains("## Leaderboard").contains("logistic@smile");
    }

    @Test
    void plotsNeedAReport() {
        CliRun run = CliRun.of("evaluate", "x.model", data.toString(), "--plots", dir.resolve("p").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--plots");
    }

    @Test
    void everyOptionOfEveryCommandIsDescribedWithItsDefault() {
        CommandLine root = Cli.commandLine(com.google.inject.Guice.createInjector(new dev.rareclass.app.wiring.AppModule()));
        List<String> problems = new ArrayList<>();
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        assertThat(all.size()).isGreaterThan(12);
        for (CommandLine c : all) {
            CommandSpec spec = c.getCommandSpec();
            assertThat(spec.usageMessage().description()).as(spec.qualifiedName()).isNotEmpty();
            for (OptionSpec o : spec.options()) {
                String name = spec.qualifiedName() + " " + o.longestName();
                String text = String.join(" ", o.description()).trim();
                if (text.isEmpty()) {
                    problems.add(name + ": no description");
                }
                String dflt = o.defaultValue();
                if (dflt != null && !text.contains("${DEFAULT-VALUE}") && !text.toLowerCase().contains("default")) {
                    problems.add(name + ": default " + dflt + " not shown");
                }
            }
            String help = c.getUsageMessage();
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    assertThat(help).as(spec.qualifiedName()).contains(o.longestName());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().stream().distinct().forEach(s -> collect(s, out));
    }

    @Test
    void completionPrintsABashScript() {
        CliRun run = CliRun.of("completion");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("complete -F").contains("compare").contains("--report").contains("--plots");
    }

    @Test
    void versionListsTheLibraries() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        for (String lib : List.of("rareclass ", "Java ", "Smile 6.", "Deeplearning4j 1.", "ND4J 1.", "picocli 4.",
                "Guice 7.", "Jackson 2.", "FastCSV 3.", "JFreeChart 1.5", "JFreeSVG 5.")) {
            assertThat(run.out()).contains(lib);
        }
        // each version comes from the library's own jar, not from a shaded copy elsewhere on the class path
        assertThat(run.out()).contains("Jackson " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    }
}
