package dev.rareclass.app.cli;

import dev.rareclass.domain.data.SyntheticRareEvents;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.Experiment;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.Protocol;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.experiment.DatasetSummary;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rareclass demo}: the embedded default — a synthetic rare-event table, cross-validated. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a reproducible synthetic rare-event table and compare logistic@smile, "
                + "random-forest@smile and mlp@dl4j, without and with SMOTE, in stratified k-fold cross-validation.",
                "Prints the leaderboard and writes leaderboard.csv, results.json, a self-contained HTML report "
                        + "(report.html) and a Markdown summary (summary.md)."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "20000", description = "Rows to generate (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--out", defaultValue = "rareclass-demo", paramLabel = "DIR", description = "Folder for leaderboard.csv, results.json, report.html and summary.md (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--samplers", split = ",", defaultValue = "none,smote", paramLabel = "S",
            description = "Samplers to compare on the training folds (default: ${DEFAULT-VALUE}).")
    List<String> samplers;

    @Option(names = "--class-weights", split = ",", defaultValue = "none", paramLabel = "W",
            description = "Class weights to compare: none, balanced, POS:NEG (default: ${DEFAULT-VALUE}).")
    List<String> classWeights;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel tasks (default: the number of cores). Results do not depend on it.")
    Integer jobs;

    @Mixin
    ReportOptions reportOptions;

    private final Experiment experiment;
    private final ResultSink sink;
    private final ReportSink reportSink;

    @Inject
    DemoCommand(Experiment experiment, ResultSink sink, ReportSink reportSink) {
        this.experiment = experiment;
        this.sink = sink;
        this.reportSink = reportSink;
    }

    @Override
    public Integer call() {
        if (rows < 100 || features < 6 || !(positiveRate > 0 && positiveRate < 0.5)) {
            throw new dev.rareclass.domain.error.UsageException("demo needs --rows >= 100, --features >= 6 and 0 < --positive-rate < 0.5");
        }
        Table table = SyntheticRareEvents.generate(rows, features, 6, positiveRate, seed);
        List<Candidate> candidates = List.of(
                new Candidate("logistic", Optional.of("smile"), Hyperparameters.empty()),
                new Candidate("random-forest", Optional.of("smile"), Hyperparameters.empty()),
                new Candidate("mlp", Optional.of("dl4j"), Hyperparameters.empty()));
        ExperimentPlan plan = new ExperimentPlan(candidates, samplers, Hyperparameters.empty(), classWeights,
                PreprocessingSpec.STANDARD, threshold, 0.2, new Protocol.KFold(folds, 1), MetricName.PR_AUC, seed, 0);
        var err = spec.commandLine().getErr();
        err.printf("demo: %d rows x %d features, %d positive (%.2f%%), %s of %d configurations%n", rows, features,
                table.requireLabels().positives(), 100 * table.requireLabels().positiveRate(), plan.protocol().describe(),
                plan.configurations().size());
        err.flush();
        long t0 = System.nanoTime();
        Leaderboard board = experiment.run(table, plan, jobs != null ? jobs : Runtime.getRuntime().availableProcessors(),
                common.progress(spec));
        var stdout = spec.commandLine().getOut();
        Show.leaderboard(stdout, board);
        sink.writeExperiment(board, out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stdout.printf("%nWrote %s and %s (%.1f s)%n", out.resolve("leaderboard.csv"), out.resolve("results.json"), seconds);
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("generated data", String.format(java.util.Locale.ROOT,
                "%d rows x %d features (6 informative), positive rate %s, seed %d", rows, features, positiveRate, seed));
        facts.put("elapsed", String.format(java.util.Locale.ROOT, "%.1f s", seconds));
        facts.put("rareclass", dev.rareclass.domain.experiment.Versions.rareclass());
        ReportOptions.printWritten(stdout, reportSink.writeExperimentReport(ExperimentReport.of("rareclass demo",
                Optional.of(DatasetSummary.of(table)), board, facts), out, reportOptions.plots()));
        stdout.flush();
        return 0;
    }
}
