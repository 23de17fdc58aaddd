package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ProgressListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code rareclass tune}: random or grid search over a model's parameters, each trial cross-validated on
 * the same splits (scikit-learn's RandomizedSearchCV / GridSearchCV), optionally refitting the best on
 * every row.
 */
public final class TuneUseCase {

    /** How trials are chosen. */
    public enum Method {
        RANDOM, GRID;

        public static Method fromKey(String key) {
            return switch (key.toLowerCase(java.util.Locale.ROOT)) {
                case "random" -> RANDOM;
                case "grid" -> GRID;
                default -> throw new UsageException("unknown --search '" + key + "'; known: random, grid");
            };
        }
    }

    /**
     * @param base       the model and its fixed parameters; trial parameters override them
     * @param space      where to search
     * @param method     random or grid
     * @param trials     random search budget (ignored by grid search)
     * @param evaluation sampler, class weight, preprocessing, protocol, metric and seed for every trial
     *                   (its candidate list is ignored)
     */
    public record Plan(Candidate base, SearchSpace space, Method method, int trials, ExperimentPlan evaluation) {
        public Plan {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(evaluation, "evaluation");
        }
    }

    /**
     * @param trials     every trial as a leaderboard row (ranked; each row's params are the full parameter set)
     * @param bestParams the best trial's parameters
     * @param refitted   the best configuration fitted on every row, when asked for
     */
    public record Result(Leaderboard trials, Hyperparameters bestParams, FittedPipeline refitted) {
    }

    private final Experiment experiment;
    private final PipelineFitter fitter;

    public TuneUseCase(Experiment experiment, PipelineFitter fitter) {
        this.experiment = experiment;
        this.fitter = fitter;
    }

    /** Starts the warm-up of the tuned model's backend ({@link TrainerFactory#warmUp}); call before reading the data. */
    public void warmUp(Plan plan) {
        fitter.warmUp(plan.base().kind(), plan.base().backend());
    }

    public Result tune(Table table, Plan plan, boolean refit, String dataSha256, int jobs, ProgressListener progress) {
        List<Hyperparameters> sets = plan.method() == Method.GRID ? plan.space().grid()
                : plan.space().sample(plan.trials(), plan.evaluation().seed());
        List<Candidate> candidates = sets.stream().map(s -> plan.base().withParams(merge(plan.base().params(), s))).toList();
        ExperimentPlan e = plan.evaluation();
        ExperimentPlan trials = new ExperimentPlan(candidates, e.samplers(), e.samplerParams(), e.classWeights(),
                e.preprocessing(), e.threshold(), e.validationFraction(), e.protocol(), e.metric(), e.seed(),
                e.selectTopK());
        if (trials.samplers().size() != 1 || trials.classWeights().size() != 1) {
            throw new UsageException("tune takes one sampler and one class weight");
        }
        Leaderboard board = experiment.run(table, trials, jobs, progress);
        Hyperparameters best = board.rows().get(0).params();
        FittedPipeline model = null;
        if (refit) {
            PipelineSpec spec = new PipelineSpec(plan.base().kind(), plan.base().backend(), best, e.preprocessing(),
                    e.samplers().get(0), e.samplerParams(), e.classWeights().get(0), e.threshold(),
                    e.validationFraction(), e.seed(), e.selectTopK());
            model = fitter.fit(table, spec, dataSha256, progress);
        }
        return new Result(board, best, model);
    }

    private static Hyperparameters merge(Hyperparameters base, Hyperparameters trial) {
        Map<String, String> m = new LinkedHashMap<>(base.asMap());
        m.putAll(trial.asMap());
        return Hyperparameters.of(m);
    }
}
