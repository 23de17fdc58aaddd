package dev.rareclass.domain.service;

import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.Checksums;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.Overlapped;
import dev.rareclass.domain.experiment.TableProfile;
import dev.rareclass.domain.experiment.PipelineFitter;
import dev.rareclass.domain.experiment.ResolvedPipeline;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.Outputs;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.usecase.TrainUseCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the pipeline (a bad name or value fails here, before the data is read), warms the backend up while
 * the table is read, fits, and saves the model with how its data was read; then the report, when asked.
 */
public record TrainService(TableSource tables, ModelStore store, PipelineFitter fitter,
                           ReportSink reports, Outputs outputs) implements TrainUseCase {

    @Override
    public Result train(Request request, ProgressListener progress) {
        List<Path> inputs = List.of(request.data().file());
        outputs.checkFile(request.out(), inputs); // before the training, not after it
        ResolvedPipeline pipeline = fitter.resolveFittable(request.spec());
        pipeline.ignored().ifPresent(w -> progress.note("warning: " + w));
        try (Outputs.Staged staged = outputs.stage(inputs)) {
            // the model, its report and its charts are put in place together, after the training
            Path modelFile = staged.file(request.out());
            Optional<Path> html = request.report().target().map(staged::reportFile);
            Optional<Path> plots = request.report().plots().map(staged::folder);
            pipeline.factory().warmUp();
            Table table = tables.read(request.data());
            table.notes().forEach(progress::note);
            // the file's checksum beside the fit's single-threaded start (preprocessing, the trainer's matrix)
            Overlapped<String> sha = Overlapped.start("rareclass-checksum", () -> Checksums.sha256(request.data().file()));
            PipelineFitter.Scored scored = fitter.fitScored(table, pipeline, "", progress);
            FittedPipeline model = scored.model();
            pipeline.sampler().ifPresent(s -> s.notes().forEach(progress::note));
            Double auc = model.validationMetrics().get("roc_auc");
            if (auc != null && Math.abs(auc - 0.5) <= 0.05) {
                progress.note(String.format(java.util.Locale.ROOT, "warning: validation ROC-AUC %.3f is within 0.05 of 0.5: "
                        + "the model barely tells the classes apart (check the label, the features and --positive)", auc));
            } else if (auc != null && belowChance(auc, model.validationMetrics())) {
                // the scores rank the classes the wrong way round: an anomaly detector whose positives look normal
                // (an autoencoder's reconstruct better than its negatives), or the other class taken as positive
                progress.note(String.format(java.util.Locale.ROOT, "warning: validation ROC-AUC %.3f is below 0.5: the "
                        + "scores rank negative rows above positive ones (check --positive; %s)", auc,
                        model.classifier().scoreKind() == dev.rareclass.domain.model.ScoreKind.PROBABILITY
                                ? "a model fitted to these labels should not do worse than chance"
                                : "these positives are less unusual, to this anomaly detector, than the negatives"));
            }
            pipeline.fit().threshold().unmet(model.validationMetrics())
                    .ifPresent(why -> progress.note("warning: " + why));
            nearPerfect(model.validationMetrics()).ifPresent(score -> TableProfile.leakageWarnings(table)
                    .forEach(leak -> progress.note("warning: validation " + score + ", and " + leak)));
            ReadingOptions how = ReadingOptions.of(request.data());
            if (pipeline.fit().threshold().costColumn().isPresent()) {
                how = how.alsoDropping(pipeline.fit().threshold().costColumn().get());
            }
            model = model.withProvenance(model.provenance().withReading(how).withDataSha256(sha.get())
                    .withShiftLabels(request.data().shiftLabels()));
            store.save(model, modelFile);
            List<Path> written = List.of();
            if (html.isPresent()) {
                written = reports.writeModelReport(ModelReports.trained(model, table, scored),
                        html.get(), plots).stream().map(staged::published).toList();
            }
            staged.commit();
            return new Result(model, written);
        }
    }

    /**
     * "pr_auc 1.0000" when the validation scores are near perfect (PR-AUC or ROC-AUC at least 0.999), the one case in
     * which {@code train} looks for a column that gives the label away, as {@code describe} does for every table:
     * creditcard_adjustedl.csv's Time column separates its classes, and its validation scores were 1.0000 without a
     * word. Empty otherwise, so ordinary training pays nothing for it.
     */
    static Optional<String> nearPerfect(java.util.Map<String, Double> validation) {
        for (String metric : List.of("pr_auc", "roc_auc")) {
            Double v = validation.get(metric);
            if (v != null && v >= 0.999) {
                return Optional.of(String.format(java.util.Locale.ROOT, "%s %.4f", metric, v));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a validation ROC-AUC is below 0.45 and below chance beyond what a few validation rows explain: more than
     * 3 standard errors of a chance AUC under 0.5 (Mann and Whitney's null variance, (P + N + 1) / (12 P N), from the
     * validation metrics' counts). On 8 positives a model without signal scores 0.38 one time in seven, and that is
     * no sign of labels read the wrong way round.
     */
    static boolean belowChance(double auc, java.util.Map<String, Double> validation) {
        Double tp = validation.get("tp");
        Double fn = validation.get("fn");
        Double fp = validation.get("fp");
        Double tn = validation.get("tn");
        if (tp == null || fn == null || fp == null || tn == null || !(auc < 0.45)) {
            return false;
        }
        double positives = tp + fn;
        double negatives = fp + tn;
        double se = Math.sqrt((positives + negatives + 1) / (12 * positives * negatives));
        return 0.5 - auc > 3 * se;
    }
}
