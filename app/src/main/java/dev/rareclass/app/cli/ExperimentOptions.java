package dev.rareclass.app.cli;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.Protocol;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.ClassWeighting;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How {@code compare} and {@code tune} evaluate: protocol, sampler parameters, how each fit is done, metric, jobs.
 * Which samplers and class weights each tries are its own {@link RebalancingOptions}.
 */
final class ExperimentOptions {

    @Mixin
    SamplerOptions samplerOptions;

    @Option(names = "--folds", defaultValue = "5", description = "Stratified k-fold cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--repeats", defaultValue = "1", description = "Repeat the k folds with new shuffles, 1 to 1,000 times (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--holdout", paramLabel = "FRACTION", description = "Instead of k folds: one stratified hold-out split with this test share.")
    Double holdout;

    @Option(names = "--time-split", paramLabel = "FRACTION",
            description = "Instead of k folds: test on the last FRACTION of the rows, in file order (time series).")
    Double timeSplit;

    @Option(names = "--metric", defaultValue = "pr_auc", paramLabel = "NAME", completionCandidates = Candidates.Metrics.class,
            description = "Ranking metric: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String metric;

    @Mixin
    FitOptions fit;

    /** The command these options are mixed into, to tell an option given from its default. */
    @Spec(Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    Inputs.Jobs jobs;

    int jobs() {
        return jobs.orCores();
    }

    Protocol protocol() {
        if (holdout != null && timeSplit != null) {
            throw new UsageException("--holdout and --time-split exclude each other");
        }
        Protocol one = holdout != null ? new Protocol.Holdout(testFraction("--holdout", holdout))
                : timeSplit != null ? new Protocol.TimeOrdered(testFraction("--time-split", timeSplit)) : null;
        if (one == null) {
            return new Protocol.KFold(folds, repeats);
        }
        // one split instead of k folds: a --folds or --repeats given beside it would be left out without a word
        String split = holdout != null ? "--holdout" : "--time-split";
        for (String kFold : List.of("--folds", "--repeats")) {
            if (given(kFold)) {
                throw new UsageException(kFold + " and " + split + " exclude each other: " + split + " makes one "
                        + "split instead of k folds");
            }
        }
        return one;
    }

    private boolean given(String option) {
        return command != null && command.commandLine() != null
                && command.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** A test share in (0, 1); the usage error names the option and the value. */
    private static double testFraction(String option, double value) {
        if (!(value > 0 && value < 1)) {
            throw new UsageException(option + " must be a fraction in (0, 1), got " + value);
        }
        return value;
    }

    ExperimentPlan toPlan(List<Candidate> candidates, RebalancingOptions rebalancing, MissingPolicy missing) {
        MetricName m = MetricName.fromKey(metric);
        return ExperimentPlan.of(candidates)
                .withSamplers(samplerOptions.choices(rebalancing.samplers()))
                .withClassWeights(rebalancing.classWeights().stream().map(ClassWeighting::parse).toList())
                .withFit(fit.toSettings(missing))
                .withProtocol(protocol())
                .withMetric(m);
    }
}
