package dev.rareclass.app.cli;

import java.io.PrintWriter;

import dev.rareclass.domain.experiment.EvaluatedOnCluster;
import dev.rareclass.domain.usecase.ClusterModelUseCase;
import dev.rareclass.domain.usecase.EvaluateUseCase;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rareclass evaluate}: a saved model's metrics on a labelled table. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a labelled table with a saved model at the model's threshold and print every metric, "
                + "the confusion matrix and the classification report.",
                "The table is read as the model's training data was (format, header, delimiter, dropped, categorical "
                        + "and text columns, missing values, label column and positive value) unless options say otherwise.",
                "With --engine spark (for a model train --engine spark wrote) the table stays in Spark and the same "
                        + "metrics are computed there; no --report, and no bootstrap intervals or top shares, which "
                        + "need every row in one place."})
final class EvaluateCommand extends CliCommand {

    @Mixin
    Inputs.ModelAndTable input;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the metrics, report and curves as JSON.")
    Path json;

    @Mixin
    Inputs.ModelReportFile report;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the bootstrap intervals' resamples "
            + "(default: 0; not with --engine spark, which computes no intervals).")
    Long seed;

    @Mixin
    EngineOptions engine;

    private final EvaluateUseCase evaluate;
    private final ClusterModelUseCase onCluster;

    @Inject
    EvaluateCommand(EvaluateUseCase evaluate, ClusterModelUseCase onCluster) {
        this.evaluate = evaluate;
        this.onCluster = onCluster;
    }

    @Override
    public Integer call() {
        fileNamed("--json", json);
        fileNamed("--report", report.report);
        if (engine.onCluster()) {
            EngineOptions.refuse(report.request().wanted(), "--report");
            EngineOptions.refuse(seed != null, "--seed");
            EvaluatedOnCluster done = onCluster.evaluate(new ClusterModelUseCase.EvaluateRequest(input.model,
                    input.toDomain(), input.given(), Optional.ofNullable(json), engine.settings(common.verbose)),
                    progress());
            PrintWriter o = summary(json);
            Show.evaluation(o, done.evaluation());
            o.flush();
            return 0;
        }
        var request = new EvaluateUseCase.Request(input.model, input.toDomain(), input.given(),
                Optional.ofNullable(json), report.request(),
                seed != null ? seed : dev.rareclass.domain.experiment.Evaluation.BOOTSTRAP_SEED);
        EvaluateUseCase.Result result = evaluate.evaluate(request, progress());
        PrintWriter o = summary(json);
        Show.evaluation(o, result.evaluation());
        Show.written(o, result.written());
        o.flush();
        return 0;
    }
}
