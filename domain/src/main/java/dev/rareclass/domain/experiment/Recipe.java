package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.DataOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A whole experiment from a file ({@code rareclass run}): where the data is and how to read it, what to
 * compare (or tune) and how, and where the results go.
 *
 * @param name      a short name (the recipe file's base name)
 * @param data      how to read the table
 * @param plan      what to compare and how (for a tuning recipe: sampler, weights, protocol, metric of every trial)
 * @param tune      present for a tuning recipe: the model, its search space and budget
 * @param reportDir where results and the manifest go
 * @param jobs      parallel tasks
 * @param engine    present when a cluster engine runs it ({@code engine: spark}, or {@code engine: {name, master,
 *                  conf}}); absent for the in-memory engine
 */
public record Recipe(String name, DataOptions data, ExperimentPlan plan, Optional<Tuning> tune, Path reportDir, int jobs,
                     Optional<EngineSettings> engine) {

    /** A recipe for the in-memory engine. */
    public Recipe(String name, DataOptions data, ExperimentPlan plan, Optional<Tuning> tune, Path reportDir, int jobs) {
        this(name, data, plan, tune, reportDir, jobs, Optional.empty());
    }

    /**
     * The tuning part of a recipe.
     *
     * @param base   the model and its fixed parameters
     * @param space  the search space
     * @param method random or grid
     * @param trials random-search budget
     * @param refit  refit the best parameters on every row and save the model in the report folder
     */
    public record Tuning(Candidate base, SearchSpace space, dev.rareclass.domain.experiment.Tuning.Method method,
                         int trials, boolean refit) {

        /** The search itself. */
        public dev.rareclass.domain.experiment.Tuning search() {
            return new dev.rareclass.domain.experiment.Tuning(base, space, method, trials);
        }
    }

    public Recipe withData(DataOptions newData) {
        return new Recipe(name, newData, plan, tune, reportDir, jobs, engine);
    }

    public Recipe withReportDir(Path dir) {
        return new Recipe(name, data, plan, tune, dir, jobs, engine);
    }

    public Recipe withJobs(int newJobs) {
        return new Recipe(name, data, plan, tune, reportDir, newJobs, engine);
    }
}
