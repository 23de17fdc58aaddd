package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.experiment.TrainedOnCluster;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.ClassWeighting;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.usecase.ClusterModelUseCase;
import dev.rareclass.domain.usecase.TrainUseCase;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rareclass train}: fit one model and save it as a model file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Fit one model on a labelled table and save it as one model file.",
                "A stratified share of the rows (--validation-split) is held out from a first fit, whose scores on "
                        + "it choose the threshold and give the validation metrics; the saved model is then refit on "
                        + "every row and keeps that threshold (--threshold-cv K: out-of-fold scores of K inner folds "
                        + "instead). A random forest without a sampler is fitted once on every row, its threshold "
                        + "chosen on each row's out-of-bag score (the vote of the trees that did not draw it). Scaling and every other step are fitted on the rows each fit sees only.",
                "The model file remembers how the table was read (format, header, delimiter, dropped, categorical "
                        + "and text columns, missing values), so evaluate and predict read the same kind of file "
                        + "the same way.",
                "With --engine spark the table stays in Spark: a stratified --validation-split share is held out from "
                        + "a first fit of the model (logistic, random-forest, gradient-boosting or mlp on Spark ML), "
                        + "whose scores there choose the threshold, then the model is refit on every row; the model "
                        + "file is the Spark engine's own, for evaluate and predict with --engine spark."})
final class TrainCommand extends CliCommand {

    @Mixin
    Inputs.Table table;

    @Mixin
    ModelOptions model;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The model file to write.")
    Path out;

    @Mixin
    Inputs.ModelReportFile report;

    @Mixin
    EngineOptions engine;

    private final TrainUseCase train;
    private final ClusterModelUseCase onCluster;

    @Inject
    TrainCommand(TrainUseCase train, ClusterModelUseCase onCluster) {
        this.train = train;
        this.onCluster = onCluster;
    }

    @Override
    public Integer call() {
        fileNamed("--out", out);
        fileNamed("--report", report.report);
        if (engine.onCluster()) {
            return onCluster();
        }
        var request = new TrainUseCase.Request(table.toDomain(), model.toSpec(table.missing()), out,
                report.request());
        TrainUseCase.Result result = train.train(request, progress());
        FittedPipeline fitted = result.model();
        PrintWriter o = summary(out);
        o.printf(Locale.ROOT, "Trained %s on %d rows; threshold %s%s (%s)%n",
                fitted.classifier().id(), fitted.provenance().trainingRows(), Show.threshold(fitted.threshold()),
                Show.chosenBy(fitted.thresholdPolicy()), fitted.provenance().selection());
        if (!fitted.validationMetrics().isEmpty()) {
            StringBuilder line = new StringBuilder("Validation:");
            for (String key : List.of("pr_auc", "roc_auc", "mcc", "f1", "recall", "precision")) {
                Double v = fitted.validationMetrics().get(key);
                line.append(' ').append(key).append(' ').append(Show.num(v == null ? Double.NaN : v));
            }
            o.println(line);
        }
        o.println("Saved " + out);
        Show.written(o, result.written());
        o.flush();
        return 0;
    }

    private int onCluster() {
        EngineOptions.refuse(report.request().wanted(), "--report");
        TrainedOnCluster t = onCluster.train(new ClusterModelUseCase.TrainRequest(table.toDomain(),
                model.toSpec(table.missing()), out, engine.settings(common.verbose)), progress());
        PrintWriter o = summary(out);
        o.printf(Locale.ROOT, "Trained %s on %d rows; threshold %s%s (%s)%n", t.model(), t.fittedRows(),
                Show.threshold(t.threshold()), Show.chosenBy(t.policy()), t.selection());
        t.validation().ifPresent(v -> {
            StringBuilder line = new StringBuilder("Validation:");
            for (MetricName key : List.of(MetricName.PR_AUC, MetricName.ROC_AUC, MetricName.MCC, MetricName.F1,
                    MetricName.RECALL, MetricName.PRECISION)) {
                line.append(' ').append(key.key()).append(' ').append(Show.num(v.get(key)));
            }
            o.println(line);
        });
        o.println("Saved " + out);
        o.flush();
        return 0;
    }

    /** The model, its sampler, class weights and how it is fitted. */
    static final class ModelOptions {
        @Option(names = "--model", required = true, paramLabel = "KIND", completionCandidates = Candidates.Kinds.class,
                description = "Model kind: ${COMPLETION-CANDIDATES} (or KIND@BACKEND).")
        String kind;

        @Option(names = "--backend", paramLabel = "NAME", completionCandidates = Candidates.Backends.class,
                description = "${COMPLETION-CANDIDATES} (default: the backend that has the kind; when several do, smile, except gradient-boosting: xgboost, and mlp: dl4j).")
        String backend;

        @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A model parameter, such as hidden=16,16 (repeatable).")
        List<String> params = new ArrayList<>();

        @Option(names = "--class-weight", defaultValue = "none", paramLabel = "W",
                completionCandidates = Candidates.ClassWeights.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        String classWeight;

        @Option(names = "--sampler", defaultValue = "none", paramLabel = "NAME",
                completionCandidates = Candidates.Samplers.class,
                description = "Rebalance the training rows (never validation or test rows): ${COMPLETION-CANDIDATES} "
                        + "(default: ${DEFAULT-VALUE}).")
        String sampler;

        @Mixin
        SamplerOptions samplerOptions;

        @Mixin
        FitOptions fit;

        PipelineSpec toSpec(MissingPolicy missing) {
            ModelId id = ModelId.parse(kind).orOnBackend(Optional.ofNullable(backend));
            return PipelineSpec.of(id, Hyperparameters.parse(params))
                    .withSampler(samplerOptions.choice(sampler))
                    .withClassWeight(ClassWeighting.parse(classWeight))
                    .withFit(fit.toSettings(missing));
        }
    }
}
