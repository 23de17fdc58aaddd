package dev.rareclass.app.cli;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.Checksums;
import dev.rareclass.domain.experiment.SearchSpace;
import dev.rareclass.domain.experiment.TuneUseCase;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.experiment.DatasetSummary;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rareclass tune}: random or grid search, each trial cross-validated. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Random or grid search over a model's parameters (like scikit-learn's RandomizedSearchCV), "
                + "each trial evaluated on the same splits; prints the trials ranked and the best parameters.",
                "The space file (YAML) maps each parameter to a list of values or to {uniform|log-uniform|int: [low, high]}."})
final class TuneCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATA", description = "The labelled table.")
    Path data;

    @Mixin
    DataOptionsMixin dataOptions;

    @Option(names = "--model", required = true, paramLabel = "KIND[@BACKEND]", description = "The model to tune.")
    String model;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A fixed model parameter (repeatable); the space overrides it.")
    List<String> params = new ArrayList<>();

    @Option(names = "--space", required = true, paramLabel = "FILE", description = "The search space (YAML).")
    Path space;

    @Option(names = "--search", defaultValue = "random", paramLabel = "random|grid", description = "Search method (default: ${DEFAULT-VALUE}).")
    String search;

    @Option(names = "--trials", defaultValue = "10", paramLabel = "N", description = "Random-search budget (default: ${DEFAULT-VALUE}).")
    int trials;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--out", paramLabel = "MODEL", description = "Refit the best parameters on every row and save the model here.")
    Path out;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write the trials as leaderboard.csv and results.json, with a self-contained HTML report "
                    + "(report.html) and a Markdown summary (summary.md), into DIR.")
    Path report;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private final TableSource tables;
    private final TuneUseCase tune;
    private final RecipeStore recipes;
    private final ResultSink sink;
    private final ModelStore store;
    private final ReportSink reportSink;

    @Inject
    TuneCommand(TableSource tables, TuneUseCase tune, RecipeStore recipes, ResultSink sink, ModelStore store,
                ReportSink reportSink) {
        this.tables = tables;
        this.tune = tune;
        this.recipes = recipes;
        this.sink = sink;
        this.store = store;
        this.reportSink = reportSink;
    }

    @Override
    public Integer call() {
        reportOptions.requireReportFor(report, "--report DIR");
        SearchSpace searchSpace = recipes.readSearchSpace(space);
        Candidate base = Candidate.parse(model, Hyperparameters.parse(params));
        TuneUseCase.Plan plan = new TuneUseCase.Plan(base, searchSpace, TuneUseCase.Method.fromKey(search), trials,
                experiment.toPlan(List.of(base), dataOptions.missingPolicy()));
        ProgressListener progress = common.progress(spec);
        DataOptions options = dataOptions.toDomain(data);
        tune.warmUp(plan);
        Table table = tables.read(options);
        table.notes().forEach(progress::note);
        TuneUseCase.Result result = tune.tune(table, plan, out != null, out == null ? "" : Checksums.sha256(data),
                experiment.jobs(), progress);
        var o = spec.commandLine().getOut();
        Show.leaderboard(o, result.trials());
        o.println();
        o.println("Best parameters: " + result.bestParams());
        if (report != null) {
            sink.writeExperiment(result.trials(), report);
            o.println("Wrote " + report.resolve("leaderboard.csv") + " and " + report.resolve("results.json"));
            java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
            facts.put("search", search + (search.equalsIgnoreCase("random") ? ", " + trials + " trials" : ""));
            facts.put("best parameters", result.bestParams().toString());
            if (out != null) {
                facts.put("refitted model", out.toString());
            }
            facts.put("rareclass", dev.rareclass.domain.experiment.Versions.rareclass());
            ReportOptions.printWritten(o, reportSink.writeExperimentReport(ExperimentReport.of("Tuning " + model + " on "
                    + data.getFileName(), java.util.Optional.of(DatasetSummary.of(table)), result.trials(), facts),
                    report, reportOptions.plots()));
        }
        if (out != null) {
            store.save(result.refitted(), out);
            o.println("Refitted the best parameters on every row; saved " + out);
        }
        o.flush();
        return 0;
    }
}
