package dev.rareclass.domain.experiment;

import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.metrics.BootstrapIntervals;
import dev.rareclass.domain.metrics.ConfusionCounts;
import dev.rareclass.domain.metrics.TopShares;
import dev.rareclass.domain.model.ProgressListener;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.metrics.Curve;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import dev.rareclass.domain.threshold.ThresholdPolicy;

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
 * @param warnings   what these numbers cannot tell, each a sentence without a "warning: " prefix: what the command said
 *                   of the table and the model ({@link #saidAfter}: the model's training file, a label it
 *                   did not see) and, on a table of one class, {@link #oneClassWarning}'s ({@link #withOneClassWarning});
 *                   in the report and the JSON as on the console
 * @param cost       what the threshold costs on these rows under the cost policy that chose it
 *                   ({@code cost:FN_COST:FP_COST}, or {@code cost:@COLUMN:FP_COST} when the rows' costs were read);
 *                   empty for other policies
 */
public record Evaluation(String dataSource, String model, String policy, BinaryMetrics metrics,
                         ClassificationReport report, Curve roc, Curve precisionRecall, List<TopShares.Top> top,
                         java.util.Map<String, BootstrapIntervals.Interval> intervals, List<String> warnings,
                         Optional<ThresholdPolicy.Cost> cost) {

    /**
     * The default seed of an evaluation's bootstrap ({@code evaluate} and {@code score} take {@code --seed}): the same
     * rows and seed give the same intervals.
     */
    public static final long BOOTSTRAP_SEED = 0;

    public Evaluation {
        top = List.copyOf(top);
        intervals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(intervals));
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(cost, "cost");
    }

    /** Without a cost (a policy that is no cost policy). */
    public Evaluation(String dataSource, String model, String policy, BinaryMetrics metrics,
                      ClassificationReport report, Curve roc, Curve precisionRecall, List<TopShares.Top> top,
                      java.util.Map<String, BootstrapIntervals.Interval> intervals, List<String> warnings) {
        this(dataSource, model, policy, metrics, report, roc, precisionRecall, top, intervals, warnings,
                Optional.empty());
    }

    /** Without warnings. */
    public Evaluation(String dataSource, String model, String policy, BinaryMetrics metrics,
                      ClassificationReport report, Curve roc, Curve precisionRecall, List<TopShares.Top> top,
                      java.util.Map<String, BootstrapIntervals.Interval> intervals) {
        this(dataSource, model, policy, metrics, report, roc, precisionRecall, top, intervals, List.of());
    }

    /**
     * This evaluation with {@link #oneClassWarning}'s warning when its rows hold one class only (unchanged
     * otherwise).
     *
     * @param read the label column and positive value the rows were read with
     */
    public Evaluation withOneClassWarning(LabelMapping read) {
        return oneClassWarning(dataSource, read, metrics.counts())
                .map(w -> withWarning(w.substring(ProgressListener.WARNING.length()))).orElse(this);
    }

    /** This evaluation with one more warning after its own (as said, without the {@code warning: } prefix). */
    public Evaluation withWarning(String warning) {
        return withWarnings(warnings, List.of(warning));
    }

    /**
     * Says this evaluation's own warnings (a table of one class) on {@code progress}, as {@code evaluate} does after
     * scoring on either engine, and returns it with {@code earlier} before them: what the command said of the table
     * or the model before scoring (kept by {@link dev.rareclass.domain.model.ProgressListener#keepingWarningsIn}), such
     * as that the table is the model's training file.
     */
    public Evaluation saidAfter(List<String> earlier, ProgressListener progress) {
        warnings.forEach(w -> progress.note(ProgressListener.WARNING + w));
        return earlier.isEmpty() ? this : withWarnings(earlier, warnings);
    }

    private Evaluation withWarnings(List<String> first, List<String> then) {
        return new Evaluation(dataSource, model, policy, metrics, report, roc, precisionRecall, top, intervals,
                java.util.stream.Stream.concat(first.stream(), then.stream()).toList(), cost);
    }

    /**
     * This evaluation with what its threshold costs under the cost policy that chose it, when it is one
     * ({@link ThresholdPolicies#costOf(String, ConfusionCounts)}: flat costs, from the counts, as the Spark engine and
     * {@link #of} have them); unchanged otherwise.
     */
    public Evaluation withFlatCost() {
        return ThresholdPolicies.costOf(policy, metrics.counts()).map(this::withCost).orElse(this);
    }

    private Evaluation withCost(ThresholdPolicy.Cost c) {
        return new Evaluation(dataSource, model, policy, metrics, report, roc, precisionRecall, top, intervals,
                warnings, Optional.of(c));
    }

    /** The top shares and intervals of these labels and scores, the intervals' resamples drawn with {@link #BOOTSTRAP_SEED}. */
    public Evaluation(String dataSource, String model, String policy, BinaryMetrics metrics,
                      ClassificationReport report, int[] y, double[] scores) {
        this(dataSource, model, policy, metrics, report, y, scores, BOOTSTRAP_SEED);
    }

    /** The top shares and intervals of these labels and scores, the intervals' resamples drawn with {@code seed}. */
    public Evaluation(String dataSource, String model, String policy, BinaryMetrics metrics,
                      ClassificationReport report, int[] y, double[] scores, long seed) {
        this(dataSource, model, policy, metrics, report, Curves.roc(y, scores), Curves.precisionRecall(y, scores),
                TopShares.of(y, scores), BootstrapIntervals.of(y, scores, metrics.threshold(),
                        BootstrapIntervals.RESAMPLES, seed));
    }

    /** Without the top shares (a report made from a curve's points alone). */
    public Evaluation(String dataSource, String model, String policy, BinaryMetrics metrics,
                      ClassificationReport report, Curve roc, Curve precisionRecall) {
        this(dataSource, model, policy, metrics, report, roc, precisionRecall, List.of(), java.util.Map.of());
    }

    /**
     * What a labelled table of one class can and cannot tell, as {@code evaluate} warns on either engine. The numbers
     * are scikit-learn's ({@link dev.rareclass.domain.metrics.BinaryMetrics}), and some of them are its conventions for
     * a ratio without a denominator rather than measurements, which this names from the counts. Without positive rows
     * recall, F1, MCC and PR-AUC (and precision when nothing is flagged, the G-mean when rows are) are 0 by that
     * convention, ROC-AUC is n/a, and every row the model flags is a false alarm. Without negative rows, the mirror
     * image: specificity and MCC (and the G-mean when positives are missed, precision and F1 when none is caught) are 0
     * by convention, ROC-AUC n/a, PR-AUC 1 for any scores, and every row is a positive to catch: the recall is what the
     * table measures.
     *
     * @param source the evaluated file, as named to the user
     * @param read   the label column and positive value the rows were read with
     * @param counts the confusion counts at the model's threshold
     * @return the warning, or empty when the rows hold both classes
     */
    public static Optional<String> oneClassWarning(String source, LabelMapping read, ConfusionCounts counts) {
        long rows = counts.total();
        String positive = Quoting.cut(read.positiveValue(), 40);
        long flagged = counts.tp() + counts.fp();
        if (counts.positives() == 0) {
            // recall's denominator is 0, and with it f1's, f_beta's, mcc's and average precision's; precision's too when
            // nothing is flagged (else its 0 is measured: no flagged row is positive); g_mean is 0 through recall when
            // rows are flagged (imbalanced-learn's; 1 when none are)
            List<String> conventions = new java.util.ArrayList<>();
            if (flagged == 0) {
                conventions.add("precision");
            }
            conventions.addAll(List.of("recall", "f1", "f_beta", "mcc"));
            if (flagged > 0) {
                conventions.add("g_mean");
            }
            conventions.add("pr_auc");
            return Optional.of(String.format(Locale.ROOT, ProgressListener.WARNING + "%s holds no positive row ('%s' never occurs in "
                            + "column '%s'): roc_auc is n/a, and %s are 0 only by %s; every flagged row is a false alarm: "
                            + "%,d of %,d flagged (false-positive rate %.4f)", source, positive, read.column(),
                    listed(conventions), ZERO_DIVISION, flagged, rows, (double) flagged / rows));
        }
        if (counts.negatives() == 0) {
            // specificity's and mcc's denominators are 0; g_mean is 0 through specificity when positives are missed
            // (1 when all are caught); with none caught, precision's, f1's and f_beta's are 0 too
            List<String> conventions = new java.util.ArrayList<>();
            if (flagged == 0) {
                conventions.addAll(List.of("precision", "f1", "f_beta"));
            }
            conventions.addAll(List.of("specificity", "mcc"));
            if (counts.fn() > 0) {
                conventions.add("g_mean");
            }
            return Optional.of(String.format(Locale.ROOT, ProgressListener.WARNING + "%s holds no negative row ('%s' in column '%s' on "
                            + "every row): roc_auc is n/a, %s are 0 only by %s, and pr_auc is 1 for any scores; every "
                            + "row is a positive to catch: caught %,d of %,d positives (recall %.4f)", source, positive,
                    read.column(), listed(conventions), ZERO_DIVISION, counts.tp(), rows,
                    (double) counts.tp() / rows));
        }
        return Optional.empty();
    }

    /** How scikit-learn and imbalanced-learn fill a ratio whose denominator is 0, as rareclass does (PRODUCT.md §4). */
    private static final String ZERO_DIVISION = "scikit-learn's and imbalanced-learn's convention for a ratio without a "
            + "denominator (zero_division)";

    /** "a, b and c". */
    private static String listed(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /**
     * The classes' names for a report of a table's rows: as the table writes them, except that a table without a
     * negative row, read with the model's label column and positive value, takes the model's name of the negative
     * class (a table of positives only has none of its own: "no", not "not yes"), as the Spark engine names it.
     */
    static LabelMapping classNames(Table table, FittedPipeline model) {
        LabelMapping trained = model.labelMapping();
        return table.labelMapping().filter(read -> !(table.labels().map(l -> l.negatives() == 0).orElse(false)
                && read.column().equals(trained.column()) && read.positiveValue().equals(trained.positiveValue())))
                .orElse(trained);
    }

    /** A fitted model's numbers for these labels and the scores it gave the table's rows. */
    public static Evaluation of(FittedPipeline model, Table table, int[] y, double[] scores) {
        return of(model, table, y, scores, BOOTSTRAP_SEED);
    }

    /** {@link #of(FittedPipeline, Table, int[], double[])} with the bootstrap intervals drawn with {@code seed}. */
    public static Evaluation of(FittedPipeline model, Table table, int[] y, double[] scores, long seed) {
        boolean probabilities = model.classifier().scoreKind() == ScoreKind.PROBABILITY;
        BinaryMetrics metrics = BinaryMetrics.compute(y, scores, model.threshold(), probabilities);
        LabelMapping mapping = classNames(table, model);
        ClassificationReport report = ClassificationReport.of(metrics.counts(), mapping.negativeValue(),
                mapping.positiveValue());
        // what the threshold costs, for a cost policy: what it minimised. Flat costs from the counts at hand; the rows
        // are read again only for per-row costs, which only a cost:@COLUMN policy's table carries
        Evaluation e = new Evaluation(table.source(), model.classifier().id().toString(), model.thresholdPolicy(),
                metrics, report, y, scores, seed).withOneClassWarning(table.labelMapping().orElse(model.labelMapping()))
                .withFlatCost();
        return e.cost().isPresent() || table.rowCosts().isEmpty() ? e
                : ThresholdPolicies.costOf(model.thresholdPolicy(), y, scores, metrics.threshold(),
                        table.rowCosts().get()).map(e::withCost).orElse(e);
    }
}
