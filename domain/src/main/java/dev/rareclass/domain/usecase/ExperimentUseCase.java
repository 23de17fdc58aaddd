package dev.rareclass.domain.usecase;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.EngineSettings;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.Tuning;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An experiment: {@code compare} (models × samplers × class weights), {@code tune} (a search over one model's
 * parameters), {@code demo} (a comparison on generated data) and {@code run} (either, from a recipe or again
 * from a manifest). Every one reads or makes its table, warms the backends up meanwhile, cross-validates on the
 * same splits, and writes its results and report the same way.
 */
public interface ExperimentUseCase {

    /** Where the table comes from. */
    sealed interface Data permits FromFile, Generated, OnCluster {
        /** How the data is named in titles. */
        String name();
    }

    /** A labelled file. */
    record FromFile(DataOptions options) implements Data {

        @Override
        public String name() {
            return String.valueOf(options.file().getFileName());
        }
    }

    /**
     * A labelled file read, split, fitted and scored by a cluster engine ({@code --engine spark}), which keeps its rows.
     *
     * @param options  the file (any path the engine reads) and how to read it
     * @param settings which engine and where it runs
     */
    record OnCluster(DataOptions options, dev.rareclass.domain.experiment.EngineSettings settings) implements Data {

        @Override
        public String name() {
            return String.valueOf(options.file().getFileName());
        }
    }

    /**
     * The demo's reproducible synthetic rare-event table ({@code SyntheticRareEvents}): 6 informative features.
     *
     * @param rows         rows, at least 100
     * @param features     features, at least 6
     * @param positiveRate share of positive rows, in (0, 0.5)
     * @param seed         seed of the data
     */
    record Generated(int rows, int features, double positiveRate, long seed) implements Data {
        public static final int INFORMATIVE = 6;

        public Generated {
            if (rows < 100) {
                throw new UsageException("--rows must be 100 or more, got " + rows);
            }
            if (features < INFORMATIVE) {
                throw new UsageException("--features must be " + INFORMATIVE + " or more, got " + features);
            }
            if (!(positiveRate > 0 && positiveRate < 0.5)) {
                throw new UsageException("--positive-rate must be in (0, 0.5), got " + positiveRate);
            }
            if (rows * positiveRate < MIN_EXPECTED_POSITIVES) {
                // --rows 100 at the default 1% drew no positive and was refused as bad data (exit 65), its own table
                long enough = (long) Math.ceil(MIN_EXPECTED_POSITIVES / positiveRate);
                throw new UsageException("--rows " + rows + " at --positive-rate " + positiveRate + " makes about "
                        + Math.round(rows * positiveRate) + " positive rows, too few to split into folds; give rows × "
                        + "positive-rate of " + MIN_EXPECTED_POSITIVES + " or more (such as "
                        + (enough <= Integer.MAX_VALUE ? "--rows " + enough : "a larger --positive-rate") + ")");
            }
        }

        /** Positive rows the table is expected to hold at least: a few per fold and per held-out part. */
        public static final int MIN_EXPECTED_POSITIVES = 20;

        @Override
        public String name() {
            return "generated data";
        }
    }

    /**
     * @param title   the report's heading
     * @param data    the table
     * @param plan    what to compare and how; for a search, the sampler, class weight, protocol and metric of
     *                every trial (its candidates are ignored)
     * @param tuning  present for a search over one model's parameters
     * @param jobs    parallel tasks (the numbers do not depend on it)
     * @param results the folder for leaderboard.csv, results.json, report.html and summary.md; none writes nothing
     * @param refit   for a search: refit the best parameters on every row and save the model here
     * @param facts   lines the report records before the common ones (elapsed time, versions)
     */
    record Request(String title, Data data, ExperimentPlan plan, Optional<Tuning> tuning, int jobs,
                   ReportRequest results, Optional<Path> refit, Map<String, String> facts) {
        public Request {
            facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
            if (jobs < 1) {
                throw new UsageException("--jobs must be 1 or more, got " + jobs);
            }
            if (tuning.isPresent() && (plan.samplers().size() != 1 || plan.classWeights().size() != 1)) {
                throw new UsageException("tune takes one sampler and one class weight");
            }
            if (data instanceof OnCluster c && tuning.isPresent()) {
                throw new UsageException("tune is not available with --engine " + c.settings().engine() + " yet; "
                        + "compare the candidates with compare --engine " + c.settings().engine());
            }
            if (refit.isPresent() && tuning.isEmpty()) {
                throw new UsageException("only a search refits its best parameters");
            }
        }

        /** A comparison of the plan's configurations. */
        public static Request compare(String title, Data data, ExperimentPlan plan, int jobs, ReportRequest results) {
            return new Request(title, data, plan, Optional.empty(), jobs, results, Optional.empty(), Map.of());
        }

        public Request withFacts(Map<String, String> more) {
            return new Request(title, data, plan, tuning, jobs, results, refit, more);
        }
    }

    /**
     * {@code run}: a recipe (YAML) or a manifest written by an earlier run, with command-line overrides.
     *
     * @param recipe  the recipe or manifest file
     * @param data    another data file than the recipe's (a manifest's checksum then no longer applies)
     * @param results another report folder than the recipe's
     * @param jobs    another number of parallel tasks
     * @param plots   a folder for every chart as a PNG
     */
    record RecipeRequest(Path recipe, Optional<Path> data, Optional<Path> results, Optional<Integer> jobs,
                         Optional<Path> plots) {
    }

    /**
     * @param leaderboard the configurations (or trials) ranked
     * @param bestParams  for a search, the best trial's parameters
     * @param model       for a search with refit, where the refitted model was saved
     * @param results     the folder results went to, when they were written
     * @param written     the report's files (report.html, summary.md, charts)
     * @param seconds     wall time from the start to the results written
     */
    record Result(Leaderboard leaderboard, Optional<Hyperparameters> bestParams, Optional<Path> model,
                  Optional<Path> results, List<Path> written, double seconds) {
    }

    Result run(Request request, ProgressListener progress);

    Result run(RecipeRequest request, ProgressListener progress);
}
