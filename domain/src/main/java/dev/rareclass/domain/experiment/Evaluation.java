package dev.rareclass.domain.experiment;

import dev.rareclass.domain.metrics.BootstrapIntervals;
import dev.rareclass.domain.metrics.TopShares;
import java.util.List;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.metrics.Curve;

/**
 * A model's numbers on one labelled table: every metric at the model's threshold, the classification
 * report, and the ROC and precision-recall curves.
 *
 * @param dataSource the evaluated file
 * @param model      {@code kind@backend}
 * @param policy     the threshold policy that chose {@link BinaryMetrics#threshold()}
 * @param top        precision and recall among the top 1%, 5% and 10% of scores ({@link TopShares})
 * @param intervals  95% bootstrap intervals of pr_auc, roc_auc, recall and precision ({@link BootstrapIntervals}),
 *                   by metric name
 */
public record Evaluation(String dataSource, String model, String policy, BinaryMetrics metrics,
                         ClassificationReport report, Curve roc, Curve precisionRecall, List<TopShares.Top> top,
                         java.util.Map<String, BootstrapIntervals.Interval> intervals) {

    /** The seed of every evaluation's bootstrap: the same rows give the same intervals. */
    public static final long BOOTSTRAP_SEED = 0;

    public Evaluation {
        top = List.copyOf(top);
        intervals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(intervals));
    }

    /** The top shares and intervals of these labels and scores. */
    public Evaluation(String dataSource, String model, String policy, BinaryMetrics metrics,
                      ClassificationReport report, int[] y, double[] scores) {
        this(dataSource, model, policy, metrics, report, Curves.roc(y, scores), Curves.precisionRecall(y, scores),
                TopShares.of(y, scores), BootstrapIntervals.of(y, scores, metrics.threshold(),
                        BootstrapIntervals.RESAMPLES, BOOTSTRAP_SEED));
    }

    /** Without the top shares (a report made from a curve's points alone). */
    public Evaluation(String dataSource, String model, String policy, BinaryMetrics metrics,
                      ClassificationReport report, Curve roc, Curve precisionRecall) {
        this(dataSource, model, policy, metrics, report, roc, precisionRecall, List.of(), java.util.Map.of());
    }

    /** A fitted model's numbers for these labels and the scores it gave the table's rows. */
    public static Evaluation of(FittedPipeline model, Table table, int[] y, double[] scores) {
        boolean probabilities = model.classifier().scoreKind() == ScoreKind.PROBABILITY;
        BinaryMetrics metrics = BinaryMetrics.compute(y, scores, model.threshold(), probabilities);
        LabelMapping mapping = table.labelMapping().orElse(model.labelMapping());
        ClassificationReport report = ClassificationReport.of(metrics.counts(), mapping.negativeValue(),
                mapping.positiveValue());
        return new Evaluation(table.source(), model.classifier().id().toString(), model.thresholdPolicy(), metrics,
                report, y, scores);
    }
}
