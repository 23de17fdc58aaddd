package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.experiment.EvaluateUseCase;
import dev.rareclass.domain.experiment.ReportUseCase;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.port.TableSource;
import java.util.List;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rareclass evaluate}: a saved model's metrics on a labelled table. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a labelled table with a saved model at the model's threshold and print every metric, "
                + "the confusion matrix and the classification report.",
                "The label column and positive value default to the model's."})
final class EvaluateCommand implements Callable<Integer> {

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
    ReportOptions reportOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private final EvaluateUseCase evaluate;
    private final ResultSink sink;
    private final ReportUseCase reports;
    private final ReportSink reportSink;

    @Inject
    EvaluateCommand(EvaluateUseCase evaluate, ResultSink sink, TableSource tables, ModelStore store, ReportSink reportSink) {
        this.evaluate = evaluate;
        this.sink = sink;
        this.reports = new ReportUseCase(tables, store);
        this.reportSink = reportSink;
    }

    @Override
    public Integer call() {
        reportOptions.requireReportFor(report, "--report FILE.html");
        Evaluation e;
        List<Path> written = List.of();
        if (report != null) {
            ReportUseCase.Evaluated evaluated = reports.evaluate(model, dataOptions.toDomain(data), common.progress(spec));
            e = evaluated.evaluation();
            written = reportSink.writeModelReport(evaluated.report(), report, reportOptions.plots());
        } else {
            e = evaluate.evaluate(model, dataOptions.toDomain(data), common.progress(spec));
        }
        if (json != null) {
            sink.writeEvaluation(e, json);
        }
        Show.evaluation(spec.commandLine().getOut(), e);
        if (!written.isEmpty()) {
            ReportOptions.printWritten(spec.commandLine().getOut(), written);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
