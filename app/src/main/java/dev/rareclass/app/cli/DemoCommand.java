package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.FitSettings;
import dev.rareclass.domain.experiment.Protocol;
import dev.rareclass.domain.model.ClassWeighting;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.sampling.SamplerChoice;
import dev.rareclass.domain.usecase.ExperimentUseCase;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rareclass demo}: the embedded default — a synthetic rare-event table, cross-validated. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a reproducible synthetic rare-event table and compare logistic@smile, "
                + "random-forest@smile and mlp@dl4j, without and with SMOTE, and the one-class autoencoder@dl4j "
                + "(trained on negative rows, so without a sampler), in stratified k-fold cross-validation. "
                + "The networks' epoch ceilings are lowered to 20 (mlp) and 15 (autoencoder) so that it ends in "
                + "about a minute on 2 cores.",
                "Prints the leaderboard and writes leaderboard.csv, results.json, a self-contained HTML report "
                        + "(report.html) and a Markdown summary (summary.md)."})
final class DemoCommand extends ExperimentCommand {

    @Option(names = "--rows", defaultValue = "20000", description = "Rows to generate, 100 or more, and enough for 20 positive rows at --positive-rate (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--features", defaultValue = "20", description = "Features, of which 6 carry signal (default: ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--positive-rate", defaultValue = "0.01", description = "Share of positive rows (default: ${DEFAULT-VALUE}).")
    double positiveRate;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data, the folds and training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threshold", defaultValue = "max-f1", description = "Threshold policy, tuned on an inner validation split (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = {"--report", "--out"}, defaultValue = "rareclass-demo", paramLabel = "DIR", description = "Folder for leaderboard.csv, results.json, report.html and summary.md, as compare's --report (default: ${DEFAULT-VALUE}; --out is the same option).")
    Path out;

    @Option(names = "--samplers", split = ",", defaultValue = "none,smote", paramLabel = "S",
            completionCandidates = Candidates.Samplers.class,
            description = "Samplers to compare on the training folds: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<String> samplers;

    @Option(names = "--class-weights", split = ",", defaultValue = "none", paramLabel = "W",
            completionCandidates = Candidates.ClassWeights.class,
            description = "Class weights to compare: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<String> classWeights;

    @Mixin
    Inputs.Jobs jobs;

    @Mixin
    PlotsOption plots;

    @Override
    public Integer call() {
        List<Candidate> candidates = List.of(
                Candidate.parse("logistic@smile", Hyperparameters.empty()),
                Candidate.parse("random-forest@smile", Hyperparameters.empty()),
                // the networks' epoch ceilings are lowered so that the demo ends in about a minute on 2 cores
                Candidate.parse("mlp@dl4j", Hyperparameters.of(Map.of("epochs", "20"))),
                Candidate.parse("autoencoder@dl4j", Hyperparameters.of(Map.of("epochs", "15"))));
        ExperimentPlan plan = ExperimentPlan.of(candidates)
                .withSamplers(samplers.stream().map(SamplerChoice::named).toList())
                .withClassWeights(classWeights.stream().map(ClassWeighting::parse).toList())
                .withFit(FitSettings.DEFAULT.withSeed(seed).withThreshold(FitSettings.threshold(threshold), 0.2))
                .withProtocol(new Protocol.KFold(folds, 1));
        var request = ExperimentUseCase.Request.compare("rareclass demo",
                new ExperimentUseCase.Generated(rows, features, positiveRate, seed), plan,
                jobs.orCores(), plots.with(out, "--report DIR"));
        return show(request);
    }
}
