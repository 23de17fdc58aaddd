package dev.rareclass.app.cli;

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
                        + "and text columns, missing values, label column and positive value) unless options say otherwise."})
final class EvaluateCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by train.")
    Path model;

    @Parameters(index = "1", paramLabel = "DATA", description = "The labelled table.")
    Path data;

    @Mixin
    DataOptionsMixin dataOptions;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the metrics, report and curves as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write a self-contained HTML report (confusion matrix, ROC and PR curves, threshold, "
                    + "score distribution by class, learning curves), with a Markdown summary beside it (FILE.md).")
    Path report;

    @Mixin
    PlotsOption plots;

    private final EvaluateUseCase evaluate;

    @Inject
    EvaluateCommand(EvaluateUseCase evaluate) {
        this.evaluate = evaluate;
    }

    @Override
    public Integer call() {
        var request = new EvaluateUseCase.Request(model, dataOptions.toDomain(data), dataOptions.given(),
                Optional.ofNullable(json), plots.with(report, "--report FILE.html"));
        EvaluateUseCase.Result result = evaluate.evaluate(request, progress());
        Show.evaluation(out(), result.evaluation());
        Show.written(out(), result.written());
        out().flush();
        return 0;
    }
}
