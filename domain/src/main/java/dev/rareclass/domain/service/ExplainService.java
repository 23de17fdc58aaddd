package dev.rareclass.domain.service;

import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.explain.Explanation;
import dev.rareclass.domain.explain.PartialDependence;
import dev.rareclass.domain.explain.PermutationImportance;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ModelStore;
import dev.rareclass.domain.port.Outputs;
import dev.rareclass.domain.port.ReportSink;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.usecase.ExplainUseCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the model, reads the labelled table as predict does, measures importance and dependence, writes the folder. */
public record ExplainService(TableSource tables, ModelStore store, ReportSink reports, Outputs outputs)
        implements ExplainUseCase {

    @Override
    public Result explain(Request r, ProgressListener progress) {
        if (!r.metric().equals("pr_auc") && !r.metric().equals("roc_auc")) {
            throw new UsageException("--metric must be a ranking metric, pr_auc or roc_auc, not '" + r.metric() + "'");
        }
        if (r.repeats() < 1 || r.repeats() > 1000) {
            throw new UsageException("--repeats must be between 1 and 1000, not " + r.repeats());
        }
        // one message for both named neither the option given wrong nor its value
        if (r.top() < 0) {
            throw new UsageException("--top must be 0 or more, not " + r.top());
        }
        if (r.points() < 2 || r.points() > 1000) {
            throw new UsageException("--points must be between 2 and 1000, not " + r.points());
        }
        try (Outputs.Staged staged = outputs.stage(List.of(r.model(), r.data().file()))) {
            java.util.Optional<Path> dir = r.out().map(staged::report);
            FittedPipeline model = store.load(r.model());
            Table table = tables.read(EvaluateService.labelledAsTrained(EvaluateService.asTrained(tables, r.model(),
                    r.data(), r.given(), model), model, progress));
            model.preprocessor().requireSameSchema(table); // its one refusal before the notes
            table.notes().forEach(progress::note);
            int[] y = table.requireLabels().toArray();
            if (!table.requireLabels().hasBothClasses()) {
                throw new DataException(table.source() + ": explaining needs both classes in the label column");
            }
            double baseline = PermutationImportance.metric(r.metric(), y, model.scores(table));
            progress.note("shuffling each of " + table.columns().size() + " columns " + r.repeats() + " time(s)");
            List<PermutationImportance.Importance> importances = PermutationImportance.compute(model, table, y,
                    r.metric(), baseline, r.repeats(), r.seed());
            List<PartialDependence.Curve> curves = new ArrayList<>();
            List<String> names = table.featureNames();
            for (PermutationImportance.Importance imp : importances) {
                if (curves.size() >= r.top() || !(imp.mean() > 0)) {
                    break; // a column the model does not rely on has a flat curve, drawn at a scale that shows noise
                }
                PartialDependence.Curve c = PartialDependence.compute(model, table, names.indexOf(imp.feature()),
                        r.points());
                if (c != null && c.x().length > 0) {
                    curves.add(c);
                }
            }
            Explanation e = new Explanation(r.model().toString(), model.classifier().kind() + "@"
                    + model.classifier().backend(), table.source(), table.rows(), table.requireLabels().positives(),
                    r.metric(), baseline, r.repeats(), r.seed(), importances, curves);
            List<Path> written = new ArrayList<>();
            if (dir.isPresent()) {
                for (Path p : reports.writeExplanation(e, dir.get())) {
                    written.add(staged.published(p));
                }
            }
            staged.commit();
            return new Result(e, written);
        }
    }
}
