package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.experiment.ReportUseCase;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.experiment.TrainUseCase;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.preprocess.MissingPolicy;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rareclass train}: fit one model and save it as a model file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Fit one model on a labelled table and save it as one model file.",
                "A stratified share of the rows (--validation-split) is held out to choose the threshold "
                        + "and to report validation metrics; the scaler is fitted on the training rows only."})
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATA", description = "The labelled table (CSV or TSV, optionally .gz).")
    Path data;

    @Mixin
    DataOptionsMixin dataOptions;

    @Mixin
    ModelOptions model;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The model file to write.")
    Path out;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write a self-contained HTML report of the model on its validation rows (curves, "
                    + "confusion matrix, threshold, learning curves), with a Markdown summary beside it (FILE.md).")
    Path report;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private final TrainUseCase train;
    private final ReportUseCase reports;
    private final ReportSink reportSink;

    @Inject
    TrainCommand(TrainUseCase train, TableSource tables, ModelStore store, ReportSink reportSink) {
        this.train = train;
        this.reports = new ReportUseCase(tables, store);
        this.reportSink = reportSink;
    }

    @Override
    public Integer call() {
        reportOptions.requireReportFor(report, "--report FILE.html");
        TrainUseCase.Trained trained = train.train(new TrainUseCase.Command(dataOptions.toDomain(data),
                model.toSpec(dataOptions.missingPolicy()), out),
                common.progress(spec));
        FittedPipeline fitted = trained.model();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Trained %s@%s on %d rows (%d held out for validation); threshold %s by %s%n",
                fitted.classifier().kind(), fitted.classifier().backend(), fitted.provenance().trainingRows(),
                fitted.provenance().validationRows(), Show.num(fitted.threshold()), fitted.thresholdPolicy());
        if (!fitted.validationMetrics().isEmpty()) {
            StringBuilder line = new StringBuilder("Validation:");
            for (String key : List.of("pr_auc", "roc_auc", "mcc", "f1", "recall", "precision")) {
                Double v = fitted.validationMetrics().get(key);
                line.append(' ').append(key).append(' ').append(Show.num(v == null ? Double.NaN : v));
            }
            o.println(line);
        }
        o.println("Saved " + out);
        if (report != null) {
            ModelReport content = reports.trained(fitted, trained.table(), model.validationSplit);
            ReportOptions.printWritten(o, reportSink.writeModelReport(content, report, reportOptions.plots()));
        }
        o.flush();
        return 0;
    }

    /** Model choice and training options, shared with commands that fit models. */
    static final class ModelOptions {
        @Option(names = "--model", required = true, paramLabel = "KIND",
                description = "Model kind: logistic, random-forest, mlp (or KIND@BACKEND).")
        String kind;

        @Option(names = "--backend", paramLabel = "NAME",
                description = "smile or dl4j (default: the backend that has the kind; smile when both do).")
        String backend;

        @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A model parameter, such as hidden=16,16 (repeatable).")
        List<String> params = new ArrayList<>();

        @Option(names = "--threshold", defaultValue = "max-f1", paramLabel = "POLICY",
                description = "0.5 or any number, max-f1, max-mcc, max-balanced-accuracy, recall>=R, precision>=P, fpr<=F, "
                        + "cost:FN:FP (default: ${DEFAULT-VALUE}).")
        String threshold;

        @Option(names = "--class-weight", defaultValue = "none", paramLabel = "W",
                description = "none, balanced or POS:NEG (default: ${DEFAULT-VALUE}).")
        String classWeight;

        @Mixin
        PreprocessingOptions preprocessing;

        @Option(names = "--sampler", defaultValue = "none", paramLabel = "NAME",
                description = "Rebalance the training rows (never validation or test rows): none, random-over, random-under, "
                        + "smote, borderline-smote-1, borderline-smote-2, adasyn, svm-smote, near-miss-1, near-miss-2, "
                        + "near-miss-3, tomek, enn, smote-tomek, smote-enn (default: ${DEFAULT-VALUE}).")
        String sampler;

        @Option(names = "--ratio", paramLabel = "R",
                description = "Sampler target: minority/majority ratio after resampling (default: 1, balanced).")
        Double ratio;

        @Option(names = "--k", paramLabel = "K", description = "Sampler neighbours (default: the sampler's own, 5 for SMOTE).")
        Integer k;

        @Option(names = "--validation-split", defaultValue = "0.2", paramLabel = "FRACTION",
                description = "Share of rows held out to tune the threshold (default: ${DEFAULT-VALUE}).")
        double validationSplit;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the split, the sampler and training (default: ${DEFAULT-VALUE}).")
        long seed;

        PipelineSpec toSpec(MissingPolicy missing) {
            Hyperparameters hp = Hyperparameters.parse(params);
            return new PipelineSpec(kind, Optional.ofNullable(backend), hp, preprocessing.toSpec(missing), sampler,
                    samplerParams(ratio, k), classWeight, threshold, validationSplit, seed, preprocessing.selectTopK);
        }
    }

    /** The sampler's {@code ratio} and {@code k} as parameters (absent ones take the sampler's defaults). */
    static Hyperparameters samplerParams(Double ratio, Integer k) {
        Hyperparameters p = Hyperparameters.empty();
        if (ratio != null) {
            p = p.with("ratio", Double.toString(ratio));
        }
        if (k != null) {
            p = p.with("k", Integer.toString(k));
        }
        return p;
    }
}
