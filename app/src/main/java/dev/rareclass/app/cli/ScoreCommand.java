package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.usecase.ScoreUseCase;
import dev.rareclass.domain.port.ResultSink;
import jakarta.inject.Inject;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rareclass score}: metrics of a predictions file from any tool. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Compute every metric from a file of true labels and scores (from rareclass or any other tool).",
                "Of the data options it uses --label, --positive, --format, --no-header, --delimiter and --missing "
                        + "error or drop (drop: rows with a missing label or score are left out, and counted); it "
                        + "refuses the others (--drop, --categorical, --text, --shift-labels, --missing with "
                        + "imputation), which have no meaning for a file of labels and scores."})
final class ScoreCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "PREDICTIONS.csv", description = "A table with a label column and a score column.")
    Path file;

    @Mixin
    DataOptionsMixin dataOptions;

    @Option(names = "--score", required = true, paramLabel = "COL", description = "The score column (higher = more likely positive).")
    String scoreColumn;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T",
            description = "Predicted positive iff score >= T (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--json", description = "Print one JSON object with every metric instead of a table.")
    boolean json;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the bootstrap intervals' resamples (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--curves", description = "With --json, add the ROC and precision-recall curves (roc_curve: fpr, "
            + "tpr, thresholds; pr_curve: recall, precision, thresholds; as scikit-learn's roc_curve and "
            + "precision_recall_curve: a PR point per distinct score, ROC points on a straight line between two others "
            + "left out).")
    boolean curves;

    private final ScoreUseCase score;
    private final ResultSink sink;

    @Inject
    ScoreCommand(ScoreUseCase score, ResultSink sink) {
        this.score = score;
        this.sink = sink;
    }

    @Override
    public Integer call() {
        if (curves && !json) {
            throw new dev.rareclass.domain.error.UsageException("--curves goes with --json (the curves are printed as "
                    + "JSON arrays)");
        }
        Evaluation e = score.score(new ScoreUseCase.Request(dataOptions.toDomain(file), scoreColumn, threshold, seed))
                .saidAfter(java.util.List.of(), progress()); // its warnings on stderr (rows --missing drop left out)
        if (json) {
            out().print(sink.evaluationJson(e, curves));
            out().flush();
        } else {
            Show.evaluation(out(), e);
        }
        return 0;
    }
}
