package dev.rareclass.app.cli;

import dev.rareclass.domain.usecase.ExperimentUseCase;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rareclass run}: a whole experiment from a recipe, or again from a manifest. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a recipe (YAML: data, split, preprocessing, models, samplers, class weights, threshold, metric, "
                + "optional tune section) and write leaderboard.csv, results.json, manifest.json, a self-contained HTML report "
                + "(report.html) and a Markdown summary (summary.md) into its report folder.",
                "Given a manifest.json instead, run the same resolved recipe again: same data (checked by SHA-256), same numbers.",
                "Relative paths in a recipe are relative to the recipe's folder. See docs/RECIPES.md."})
final class RunCommand extends ExperimentCommand {

    @Parameters(index = "0", paramLabel = "RECIPE", description = "A recipe (.yaml) or a manifest (.json).")
    Path recipeFile;

    @Option(names = "--data", paramLabel = "FILE", description = "Use this data file instead of the recipe's.")
    Path data;

    @Option(names = "--report", paramLabel = "DIR", description = "Write results here instead of the recipe's report folder.")
    Path report;

    @Mixin
    Inputs.Jobs jobs;

    @Mixin
    PlotsOption plots;

    @Override
    public Integer call() {
        var request = new ExperimentUseCase.RecipeRequest(recipeFile, Optional.ofNullable(data), Optional.ofNullable(report),
                Optional.ofNullable(jobs.jobs), Optional.ofNullable(plots.plots));
        Show.experiment(out(), experiments.run(request, progress()), true);
        return 0;
    }
}
