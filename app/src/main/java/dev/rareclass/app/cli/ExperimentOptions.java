package dev.rareclass.app.cli;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.Protocol;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How {@code compare} and {@code tune} evaluate: protocol, samplers, weights, threshold, metric, jobs. */
final class ExperimentOptions {

    @Option(names = "--samplers", split = ",", defaultValue = "none", paramLabel = "S",
            description = "Samplers to try on the training parts, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> samplers = new ArrayList<>();

    @Option(names = "--ratio", paramLabel = "R", description = "Sampler target: minority/majority ratio after resampling (default: 1).")
    Double ratio;

    @Option(names = "--k", paramLabel = "K", description = "Sampler neighbours (default: the sampler's own).")
    Integer k;

    @Option(names = "--class-weights", split = ",", defaultValue = "none", paramLabel = "W",
            description = "Class weights to try: none, balanced, POS:NEG; comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> classWeights = new ArrayList<>();

    @Option(names = "--folds", defaultValue = "5", description = "Stratified k-fold cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--repeats", defaultValue = "1", description = "Repeat the k folds with new shuffles (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--holdout", paramLabel = "FRACTION", description = "Instead of k folds: one stratified hold-out split with this test share.")
    Double holdout;

    @Option(names = "--time-split", paramLabel = "FRACTION",
            description = "Instead of k folds: test on the last FRACTION of the rows, in file order (time series).")
    Double timeSplit;

    @Option(names = "--metric", defaultValue = "pr_auc", paramLabel = "NAME",
            description = "Ranking metric: pr_auc, roc_auc, mcc, f1, recall, precision, balanced_accuracy, ... (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--threshold", defaultValue = "max-f1", paramLabel = "POLICY",
            description = "Threshold policy, tuned on an inner validation split of each training part (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Mixin
    PreprocessingOptions preprocessing;

    @Option(names = "--validation-split", defaultValue = "0.2", paramLabel = "FRACTION",
            description = "Inner validation share of each training part, for the threshold and early stopping (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the splits, samplers and training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel tasks (default: the number of cores). Results do not depend on it.")
    Integer jobs;

    int jobs() {
        if (jobs != null && jobs < 1) {
            throw new UsageException("--jobs must be 1 or more, got " + jobs);
        }
        return jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    }

    Protocol protocol() {
        if (holdout != null && timeSplit != null) {
            throw new UsageException("--holdout and --time-split exclude each other");
        }
        if (holdout != null) {
            return new Protocol.Holdout(testFraction("--holdout", holdout));
        }
        if (timeSplit != null) {
            return new Protocol.TimeOrdered(testFraction("--time-split", timeSplit));
        }
        return new Protocol.KFold(folds, repeats);
    }

    /** A test share in (0, 1); the usage error names the option and the value. */
    private static double testFraction(String option, double value) {
        if (!(value > 0 && value < 1)) {
            throw new UsageException(option + " must be a fraction in (0, 1), got " + value);
        }
        return value;
    }

    ExperimentPlan toPlan(List<Candidate> candidates, MissingPolicy missing) {
        MetricName m = MetricName.fromKey(metric);
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new UsageException("--validation-split must be a fraction in [0, 1), got " + validationSplit);
        }
        // fail before the data is read (the experiment checks its plan only then), naming the spec
        ThresholdPolicies.parse(threshold);
        classWeights.forEach(ClassWeights::requireValidSpec);
        jobs();
        return new ExperimentPlan(candidates, samplers, TrainCommand.samplerParams(ratio, k), classWeights,
                preprocessing.toSpec(missing), threshold, validationSplit, protocol(), m, seed, preprocessing.selectTopK);
    }
}
