package dev.rareclass.domain.service;

import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.experiment.PipelineFitter;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import java.util.Locale;

/** The content of a just-trained model's report ({@code train --report}). */
final class ModelReports {

    private ModelReports() {
    }

    /**
     * The model's report on the rows its threshold was chosen on, with the scores it was chosen on: the held-out rows
     * scored by the first fit (or every row out of fold), which no scoring fit had seen, although the model itself was
     * then refit on every row; or a bagged ensemble's out-of-bag scores, each from the trees that did not draw the row,
     * of its one fit on every row. A model fitted once, with a fixed threshold, is reported on its training rows, and the
     * report says so. The scored rows carry their costs of a missed positive when the policy reads them from a column.
     * The intervals' bootstrap resamples are drawn with the training's seed, as every random step of it is.
     *
     * @param model  the trained model
     * @param table  the training table as read
     * @param scored the fit's held-out scores
     */
    static ModelReport trained(FittedPipeline model, Table table, PipelineFitter.Scored scored) {
        String name = model.classifier().id().toString();
        long seed = model.provenance().seed();
        // the fit set a cost column (cost:@COLUMN:FP) aside, so it is no feature; the report does too, and draws the
        // cost chart of the scored rows' costs
        Table costsAside = ThresholdPolicies.costColumnOf(model.thresholdPolicy())
                .filter(column -> table.rowCosts().isEmpty()).map(table::withRowCostsFrom).orElse(table);
        if (scored.source() == PipelineFitter.ScoreSource.OUT_OF_BAG) {
            Table valid = costsAside.selectRows(scored.rows());
            return ModelReport.of("Training report: " + name, String.format(Locale.ROOT,
                    "the out-of-bag scores of %d training rows (%d positive), each scored by the trees that did not "
                            + "draw it; %s, and the model is that one fit on all %d rows", valid.rows(), valid.requireLabels().positives(),
                    howTheThresholdWasSet(model), table.rows()),
                    model, costsAside, valid, scored.scores(), seed);
        }
        if (scored.rows().length > 0) {
            Table valid = costsAside.selectRows(scored.rows());
            boolean cv = scored.source() == PipelineFitter.ScoreSource.OUT_OF_FOLD;
            // with a calibration, the threshold was chosen on the map fitted on all these rows, the scores shown
            // are each mapped by one fitted without it (CrossCalibrated)
            String calibrated = model.calibration().map(c -> ", each calibrated by " + (c.method().equals("isotonic")
                    ? "an " : "a ") + c.method() + " map fitted on the other parts of them").orElse("") + "; "
                    + howTheThresholdWasSet(model);
            return ModelReport.of("Training report: " + name, String.format(Locale.ROOT,
                    "%s (%d rows, %d positive), scored by fits that never saw them%s, then the model was refit on all "
                            + "%d rows", cv ? "every training row out of fold" : "the validation rows held out in training",
                    valid.rows(), valid.requireLabels().positives(), calibrated, table.rows()), model, costsAside, valid,
                    scored.scores(), seed);
        }
        return ModelReport.of("Training report: " + name, "the training rows themselves (no validation part was held "
                + "out, so these numbers are optimistic)", model, costsAside, costsAside, model.scores(costsAside), seed);
    }

    /** Whether the scored rows chose the threshold, or only measured a threshold given outright. */
    private static String howTheThresholdWasSet(FittedPipeline model) {
        return ThresholdPolicies.isFixed(model.thresholdPolicy())
                ? "the threshold was given (" + model.thresholdPolicy() + "), not chosen on them"
                : "the threshold was chosen on these scores";
    }
}
