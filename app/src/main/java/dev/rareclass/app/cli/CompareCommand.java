package dev.rareclass.app.cli;

import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.Experiment;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.experiment.DatasetSummary;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.ResultSink;
import java.util.Optional;
import dev.rareclass.domain.port.TableSource;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rareclass compare}: an honest leaderboard of models × samplers × class weights. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Cross-validate models x samplers x class weights on the same splits and print a leaderboard "
                + "(mean ± std over splits), marking rows significantly worse than the best "
                + "(Nadeau-Bengio corrected resampled t-test, alpha 0.05).",
                "In every split the preprocessing, sampler, model and threshold are fitted on the training part only."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATA", description = "The labelled table.")
    Path data;

    @Mixin
    DataOptionsMixin dataOptions;

    @Option(names = "--models", split = ",", defaultValue = "logistic,random-forest,mlp@dl4j", paramLabel = "KIND[@BACKEND]",
            description = "Models to compare, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> models = new ArrayList<>();

    @Option(names = "--param", paramLabel = "[KIND.]KEY=VALUE",
            description = "A model parameter; KIND.KEY=VALUE (such as mlp.hidden=32,32) applies to one kind, KEY=VALUE to all (repeatable).")
    List<String> params = new ArrayList<>();

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write leaderboard.csv, results.json, a self-contained HTML report (report.html) and a "
                    + "Markdown summary (summary.md) into DIR.")
    Path report;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private final TableSource tables;
    private final Experiment engine;
    private final ResultSink sink;
    private final ReportSink reportSink;

    @Inject
    CompareCommand(TableSource tables, Experiment engine, ResultSink sink, ReportSink reportSink) {
        this.tables = tables;
        this.engine = engine;
        this.sink = sink;
        this.reportSink = reportSink;
    }

    @Override
    public Integer call() {
        reportOptions.requireReportFor(report, "--report DIR");
        List<Candidate> candidates = candidates(models, params);
        var plan = experiment.toPlan(candidates, dataOptions.missingPolicy());
        ProgressListener progress = common.progress(spec);
        engine.warmUp(plan);
        Table table = tables.read(dataOptions.toDomain(data));
        table.notes().forEach(progress::note);
        long t0 = System.nanoTime();
        Leaderboard board = engine.run(table, plan, experiment.jobs(), progress);
        Show.leaderboard(spec.commandLine().getOut(), board);
        if (report != null) {
            sink.writeExperiment(board, report);
            spec.commandLine().getOut().printf("%nWrote %s and %s (%.1f s)%n", report.resolve("leaderboard.csv"),
                    report.resolve("results.json"), (System.nanoTime() - t0) / 1e9);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("elapsed", String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
            facts.put("rareclass", dev.rareclass.domain.experiment.Versions.rareclass());
            ReportOptions.printWritten(spec.commandLine().getOut(), reportSink.writeExperimentReport(
                    ExperimentReport.of("Comparison on " + data.getFileName(), Optional.of(DatasetSummary.of(table)),
                            board, facts), report, reportOptions.plots()));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Models with their parameters: {@code kind.key=value} goes to that kind, {@code key=value} to every model. */
    static List<Candidate> candidates(List<String> models, List<String> params) {
        List<Candidate> out = new ArrayList<>();
        for (String model : models) {
            Candidate c = Candidate.parse(model, Hyperparameters.empty());
            Map<String, String> own = new LinkedHashMap<>();
            for (Map.Entry<String, String> p : Hyperparameters.parse(params).asMap().entrySet()) {
                String key = p.getKey();
                int dot = key.indexOf('.');
                if (dot < 0) {
                    own.put(key, p.getValue());
                } else if (key.substring(0, dot).equals(c.kind())) {
                    own.put(key.substring(dot + 1), p.getValue());
                }
            }
            out.add(c.withParams(Hyperparameters.of(own)));
        }
        return out;
    }
}
