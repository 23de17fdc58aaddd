package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.Tuning;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.usecase.ExperimentUseCase;
import dev.rareclass.domain.usecase.ReportRequest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.rareclass.domain.error.UsageException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rareclass tune}: random or grid search, each trial cross-validated. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Random or grid search over a model's parameters (like scikit-learn's RandomizedSearchCV), "
                + "each trial evaluated on the same splits; prints the trials ranked and the best parameters.",
                "The space file (YAML) maps each parameter to a list of values or to {uniform|log-uniform|int: [low, high]}."})
final class TuneCommand extends ExperimentCommand {

    @Mixin
    Inputs.Table table;

    @Option(names = "--model", required = true, paramLabel = "KIND[@BACKEND]", completionCandidates = Candidates.Models.class,
            description = "The model to tune: ${COMPLETION-CANDIDATES}.")
    String model;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A fixed model parameter (repeatable); one the space also searches is refused.")
    List<String> params = new ArrayList<>();

    @Option(names = "--space", required = true, paramLabel = "FILE", description = "The search space (YAML).")
    Path space;

    @Option(names = "--search", defaultValue = "random", paramLabel = "random|grid", description = "Search method (default: ${DEFAULT-VALUE}).")
    String search;

    @Option(names = "--trials", defaultValue = "10", paramLabel = "N", description = "Random-search budget, at most 100,000 (default: ${DEFAULT-VALUE}); a grid takes at most 100,000 points.")
    int trials;

    @Mixin
    RebalancingOptions.One rebalancing;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--out", paramLabel = "MODEL", description = "Refit the best parameters on every row and save the model here.")
    Path out;

    @Mixin
    Inputs.ResultsFolder results;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final RecipeStore recipes;

    @Inject
    TuneCommand(RecipeStore recipes) {
        this.recipes = recipes;
    }

    @Override
    public Integer call() {
        fileNamed("--out", out);
        if (Tuning.Method.fromKey(search) == Tuning.Method.GRID && spec.commandLine().getParseResult().hasMatchedOption("--trials")) {
            throw new UsageException("--trials sets a random search's budget; --search grid tries every point of the "
                    + "space: give one of them");
        }
        ReportRequest folder = results.request();
        Candidate base = Candidate.parse(model, Hyperparameters.parse(params));
        // the space file is an input the refitted model must not replace (it did, exit 0), as the data file is
        Tuning tuning = new Tuning(base, recipes.readSearchSpace(space), Tuning.Method.fromKey(search), trials, space);
        var request = new ExperimentUseCase.Request("Tuning " + model + " on " + table.data.getFileName(),
                new ExperimentUseCase.FromFile(table.toDomain()),
                experiment.toPlan(List.of(base), rebalancing, table.missing()), Optional.of(tuning), experiment.jobs(),
                folder, Optional.ofNullable(out), Map.of());
        return show(request);
    }
}
