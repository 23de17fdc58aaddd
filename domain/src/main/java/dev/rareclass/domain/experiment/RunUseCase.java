package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rareclass run}: executes a recipe (compare or tune) and writes the results with a manifest
 * beside them. A manifest given instead of a recipe is run again; if its data file changed since, the run
 * is refused, since the numbers could not be the same.
 */
public final class RunUseCase {

    /**
     * @param leaderboard the result
     * @param bestParams  for a tuning recipe, the best trial's parameters
     * @param model       for a tuning recipe with refit, where the refitted model was saved
     */
    public record Outcome(Recipe recipe, Leaderboard leaderboard, Optional<String> bestParams, Optional<Path> model) {
    }

    private final TableSource tables;
    private final Experiment experiment;
    private final TuneUseCase tune;
    private final ResultSink sink;
    private final ModelStore store;
    private final RecipeStore recipes;

    public RunUseCase(TableSource tables, Experiment experiment, TuneUseCase tune, ResultSink sink, ModelStore store,
                      RecipeStore recipes) {
        this.tables = tables;
        this.experiment = experiment;
        this.tune = tune;
        this.sink = sink;
        this.store = store;
        this.recipes = recipes;
    }

    /**
     * @param recipe         the recipe (already read, with command-line overrides applied)
     * @param expectedSha256 for a manifest re-run, the data checksum it recorded (empty for a recipe)
     * @param versions       tool and library versions for the manifest
     */
    public Outcome run(Recipe recipe, Optional<String> expectedSha256, Map<String, String> versions,
                       ProgressListener progress) {
        long t0 = System.nanoTime();
        String started = Instant.now().toString();
        Optional<TuneUseCase.Plan> tuning = recipe.tune()
                .map(t -> new TuneUseCase.Plan(t.base(), t.space(), t.method(), t.trials(), recipe.plan()));
        // before the checksum and the read, which the backend's loading then overlaps
        tuning.ifPresentOrElse(tune::warmUp, () -> experiment.warmUp(recipe.plan()));
        String sha = Checksums.sha256(recipe.data().file());
        if (expectedSha256.isPresent() && !expectedSha256.get().equals(sha)) {
            throw new DataException(recipe.data().file() + ": the data changed since the manifest was written "
                    + "(SHA-256 " + sha.substring(0, 12) + "…, manifest " + expectedSha256.get().substring(0, 12) + "…)");
        }
        Table table = tables.read(recipe.data());
        table.notes().forEach(progress::note);
        Leaderboard board;
        Optional<String> best = Optional.empty();
        Optional<Path> modelFile = Optional.empty();
        if (tuning.isPresent()) {
            TuneUseCase.Result result = tune.tune(table, tuning.get(), recipe.tune().get().refit(), sha, recipe.jobs(),
                    progress);
            board = result.trials();
            best = Optional.of(result.bestParams().toString());
            // the results create the report folder; the refitted model goes beside them
            sink.writeExperiment(board, recipe.reportDir());
            if (result.refitted() != null) {
                Path out = recipe.reportDir().resolve("model.rareclass");
                store.save(result.refitted(), out);
                modelFile = Optional.of(out);
            }
        } else {
            board = experiment.run(table, recipe.plan(), recipe.jobs(), progress);
            sink.writeExperiment(board, recipe.reportDir());
        }
        recipes.writeManifest(new RunRecord(recipe, sha, started, (System.nanoTime() - t0) / 1e9, versions, board));
        return new Outcome(recipe, board, best, modelFile);
    }
}
