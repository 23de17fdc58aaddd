package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.Recipe;
import dev.rareclass.domain.experiment.RunUseCase;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.experiment.ReportUseCase;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.TableSource;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rareclass run}: a whole experiment from a recipe, or again from a manifest. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a recipe (YAML: data, split, preprocessing, models, samplers, class weights, threshold, metric, "
                + "optional tune section) and write leaderboard.csv, results.json, manifest.json, a self-contained HTML report "
                + "(report.html) and a Markdown summary (summary.md) into its report folder.",
                "Given a manifest.json instead, run the same resolved recipe again: same data (checked by SHA-256), same numbers.",
                "Relative paths in a recipe are relative to the recipe's folder. See docs/RECIPES.md."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RECIPE", description = "A recipe (.yaml) or a manifest (.json).")
    Path recipeFile;

    @Option(names = "--data", paramLabel = "FILE", description = "Use this data file instead of the recipe's.")
    Path data;

    @Option(names = "--report", paramLabel = "DIR", description = "Write results here instead of the recipe's report folder.")
    Path report;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel tasks (results do not depend on it).")
    Integer jobs;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private final RecipeStore recipes;
    private final RunUseCase run;
    private final ReportUseCase reports;
    private final ReportSink reportSink;

    @Inject
    RunCommand(RecipeStore recipes, RunUseCase run, TableSource tables, ModelStore store, ReportSink reportSink) {
        this.recipes = recipes;
        this.run = run;
        this.reports = new ReportUseCase(tables, store);
        this.reportSink = reportSink;
    }

    @Override
    public Integer call() {
        RecipeStore.Loaded loaded = recipes.read(recipeFile);
        Recipe recipe = loaded.recipe();
        boolean dataOverridden = data != null;
        if (dataOverridden) {
            var d = recipe.data();
            recipe = recipe.withData(new dev.rareclass.domain.data.DataOptions(data, d.format(), d.header(), d.delimiter(),
                    d.label(), d.positive(), d.drop(), d.categorical(), d.text(), d.missing(), d.shiftLabels()));
        }
        if (report != null) {
            recipe = recipe.withReportDir(report);
        }
        if (jobs != null) {
            recipe = recipe.withJobs(jobs);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        for (String line : new VersionProvider().getVersion()) {
            int space = line.indexOf(' ');
            versions.put(line.substring(0, space), line.substring(space + 1));
        }
        long t0 = System.nanoTime();
        RunUseCase.Outcome outcome = run.run(recipe, dataOverridden ? java.util.Optional.empty() : loaded.expectedSha256(),
                versions, common.progress(spec));
        var o = spec.commandLine().getOut();
        Show.leaderboard(o, outcome.leaderboard());
        outcome.bestParams().ifPresent(p -> o.println("\nBest parameters: " + p));
        outcome.model().ifPresent(m -> o.println("Refitted model: " + m));
        double seconds = (System.nanoTime() - t0) / 1e9;
        o.printf("%nWrote leaderboard.csv, results.json and manifest.json to %s (%.1f s)%n", recipe.reportDir(), seconds);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("recipe", recipeFile.toString());
        outcome.bestParams().ifPresent(p -> facts.put("best parameters", p));
        outcome.model().ifPresent(m -> facts.put("refitted model", m.toString()));
        facts.put("elapsed", String.format(java.util.Locale.ROOT, "%.1f s", seconds));
        versions.forEach((k, v) -> facts.put(k, v));
        ReportOptions.printWritten(o, reportSink.writeExperimentReport(ExperimentReport.of("Recipe " + recipe.name(),
                java.util.Optional.of(reports.summary(recipe.data())), outcome.leaderboard(), facts),
                recipe.reportDir(), reportOptions.plots()));
        o.flush();
        return 0;
    }
}
