package dev.rareclass.adapters.report;

import dev.rareclass.domain.experiment.DatasetSummary;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.metrics.ClassReportRow;
import dev.rareclass.domain.metrics.ConfusionCounts;
import dev.rareclass.domain.metrics.Curve;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/** The HTML page, the Markdown summary and the charts of one model's report. */
final class ModelReportPage {

    /** Metrics shown in the report's metric table, in order. */
    static final List<MetricName> SHOWN = List.of(MetricName.PR_AUC, MetricName.ROC_AUC, MetricName.MCC, MetricName.F1,
            MetricName.F_BETA, MetricName.PRECISION, MetricName.RECALL, MetricName.SPECIFICITY,
            MetricName.BALANCED_ACCURACY, MetricName.G_MEAN, MetricName.ACCURACY, MetricName.BRIER, MetricName.LOG_LOSS);

    private final ModelReport report;
    private final List<Charts.Chart> charts = new ArrayList<>();

    ModelReportPage(ModelReport report) {
        this.report = report;
    }

    private Evaluation ev() {
        return report.evaluation();
    }

    private String negative() {
        return report.scores().mapping().negativeValue();
    }

    private String positive() {
        return report.scores().mapping().positiveValue();
    }

    /** Every chart of the report, in page order. */
    List<Charts.Chart> charts() {
        if (!charts.isEmpty()) {
            return charts;
        }
        ConfusionCounts c = ev().metrics().counts();
        double threshold = ev().metrics().threshold();
        charts.add(new Charts.Chart("confusion-matrix", "Rows: true class; columns: predicted class at threshold "
                + fmt(threshold) + ". Shading and percentages are shares of the true class.",
                Charts.confusion("Confusion matrix", c.tp(), c.fp(), c.tn(), c.fn(), negative(), positive()), 560, 420));
        // rows of one class: no ROC, precision-recall or gain curve (each divides by the count of a class that is not
        // there, 0/0 at every threshold), and no precision and recall against the threshold without positives; the
        // page says why where they would be (oneClassRows)
        boolean bothClasses = c.positives() > 0 && c.negatives() > 0;
        if (bothClasses) {
            Zoomed roc = roc();
            charts.add(new Charts.Chart("roc", "ROC curve; the dashed diagonal is a classifier that guesses. "
                    + "The dot is the operating point at the chosen threshold." + roc.note(), roc.chart()));
            Zoomed pr = pr();
            charts.add(new Charts.Chart("pr", "Precision-recall curve; the dashed line is the positive rate ("
                    + fmt(positiveRate()) + "), the precision of guessing. The dot is the operating point." + pr.note(),
                    pr.chart()));
        }
        boolean anomaly = report.scoreKind() == ScoreKind.ANOMALY;
        ThresholdCharts.Chosen chosen = ThresholdCharts.Chosen.one(threshold, ev().policy());
        if (c.positives() > 0) {
            charts.add(new Charts.Chart("threshold", "Precision and recall of the positive class against the threshold "
                    + "(a row is positive when its score is at least the threshold); the red line is the chosen threshold."
                    + (bothClasses ? "" : " These rows are all positive: the recall is the share of them caught, and "
                    + "the precision is 1 wherever a row is flagged."),
                    ThresholdCharts.precisionRecall(ev().precisionRecall(),
                            anomaly && logScale(ev().precisionRecall().thresholds()), chosen)));
        }
        costChart(chosen).ifPresent(charts::add);
        boolean log = anomaly && logScale(report.scores().scores());
        charts.add(new Charts.Chart("scores", anomaly
                ? "Reconstruction error of each class's rows (each histogram sums to 1), with the threshold: rows above it are flagged positive."
                : "Scores of each class's rows (each histogram sums to 1), with the threshold.",
                Charts.histogram(anomaly ? "Reconstruction error by class" : "Score distribution by class",
                        anomaly ? "reconstruction error" : "score", report.scores().scores(), report.scores().labels(),
                        threshold, negative(), positive(), log)));
        if (bothClasses) {
            double[][] gain = ThresholdCharts.gain(report.scores().labels(), report.scores().scores());
            double[] at = ThresholdCharts.operatingPointOnGain(c);
            charts.add(new Charts.Chart("gain", "Cumulative gain: the share of all positives found when reviewing the "
                    + "rows with the highest scores first; the dashed line reviews them in random order. Lift at 10% of "
                    + "the rows: " + fmt(ThresholdCharts.liftAtTenPercent(gain)) + " (positives found there per positive "
                    + "a random 10% holds). The dot is the chosen threshold: it flags " + percent(at[0]) + " of the rows "
                    + "and finds " + percent(at[1]) + " of the positives (lift " + fmt(at[1] / at[0]) + ").",
                    gainChart(gain, at)));
        }
        if (!anomaly) {
            charts.add(new Charts.Chart("calibration", "Reliability: in ten equal-width bins of the score, the mean "
                    + "score against the share of positive rows (scikit-learn's calibration_curve); on the diagonal the "
                    + "scores are calibrated probabilities. Brier score " + Html.num4(ev().metrics().get(MetricName.BRIER))
                    + ". Mean score " + Html.num4(meanScore()) + " against a positive share of "
                    + Html.num4(positiveShare()) + " on these rows: a model whose probabilities were set to another "
                    + "base rate (--deploy-prevalence) sits off the diagonal by as much, by design. The red line is "
                    + "the chosen threshold: rows to its right are flagged.", calibrationChart()));
        }
        report.history().ifPresent(h -> charts.addAll(learningCurves(h)));
        return charts;
    }

    private double meanScore() {
        return java.util.Arrays.stream(report.scores().scores()).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private double positiveShare() {
        return java.util.Arrays.stream(report.scores().labels()).average().orElse(Double.NaN);
    }

    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "n/a";
    }

    private org.jfree.chart.JFreeChart gainChart(double[][] g, double[] at) {
        List<Charts.Line> lines = new ArrayList<>(List.of(Charts.Line.of("model", g[0], g[1]),
                new Charts.Line("random order", new double[] {0, 1}, new double[] {0, 1}, true, false)));
        lines.add(Charts.Line.point("threshold " + fmt(ev().metrics().threshold()), at[0], at[1], true));
        return Charts.lines("Cumulative gain", "share of rows reviewed (highest scores first)", "share of positives found",
                lines, true, List.of(Charts.PALETTE[0], Charts.NO_SKILL, Charts.THRESHOLD));
    }

    /**
     * The expected cost against the threshold, for a cost policy: {@code cost:FN_COST:FP_COST}, or
     * {@code cost:@COLUMN:FP_COST} when the scored rows carry their costs.
     */
    private java.util.Optional<Charts.Chart> costChart(ThresholdCharts.Chosen chosen) {
        return ThresholdCharts.CostPolicy.of(ev().policy()).flatMap(costs -> costs.curve(report.scores()).map(curve -> {
            double here = curve.costAt(ev().metrics().threshold());
            boolean log = report.scoreKind() == ScoreKind.ANOMALY && logScale(curve.thresholds());
            return new Charts.Chart("cost", "Expected cost of a row, " + costs.formula() + ", against the threshold; "
                    + "the red line is the chosen threshold, whose cost here is " + fmt(here) + " per row. On these rows "
                    + "the least cost, " + fmt(curve.bestCost()) + " per row, is at threshold "
                    + fmt(curve.bestThreshold()) + ".", ThresholdCharts.cost(curve, costs, log, chosen, here));
        }));
    }

    /** scikit-learn's calibration_curve with ten uniform bins: mean score and share of positives of each non-empty bin. */
    private org.jfree.chart.JFreeChart calibrationChart() {
        double[] s = report.scores().scores();
        int[] y = report.scores().labels();
        double[] sum = new double[10];
        double[] hits = new double[10];
        int[] count = new int[10];
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                continue;
            }
            int bin = 0;
            while (bin < 9 && s[i] > (bin + 1) / 10.0) {
                bin++;
            }
            sum[bin] += s[i];
            hits[bin] += y[i];
            count[bin]++;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) {
                xs.add(sum[b] / count[b]);
                ys.add(hits[b] / count[b]);
            }
        }
        JFreeChart chart = Charts.lines("Reliability (calibration)", "mean score in the bin", "share of positive rows",
                List.of(new Charts.Line("model", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                                ys.stream().mapToDouble(Double::doubleValue).toArray(), false, false),
                        new Charts.Line("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1}, true, false)),
                true, List.of(Charts.PALETTE[0], Charts.NO_SKILL));
        double t = ev().metrics().threshold();
        if (t >= 0 && t <= 1) {
            Charts.markX(chart, t, " threshold " + fmt(t) + " ", Charts.THRESHOLD);
        }
        return chart;
    }

    /**
     * A chart that may be zoomed ({@link Charts#zoomSide}), and the caption's sentence saying so (empty when it
     * is not).
     */
    record Zoomed(JFreeChart chart, String note) {

        /**
         * Zooms a unit-square chart to the corner when every AUC is above 0.9 and a window fits.
         *
         * @param why the caption's reason, such as "the ROC-AUC is above 0.9, so the curve turns there"
         */
        static Zoomed of(JFreeChart chart, double[] aucs, String why, double cornerX, double cornerY,
                         List<double[][]> curves, List<double[]> points) {
            boolean good = aucs.length > 0 && java.util.Arrays.stream(aucs).allMatch(a -> a > 0.9);
            double side = good ? Charts.zoomSide(cornerX, cornerY, curves, points) : 1;
            if (side >= 1) {
                return new Zoomed(chart, "");
            }
            Charts.zoomTo(chart, cornerX, cornerY, side);
            return new Zoomed(chart, " Both axes are zoomed to " + Charts.window(cornerX, cornerY, side) + " because "
                    + why + (cornerX == 1 ? "; the no-skill line lies below the zoomed axes." : "."));
        }
    }


    private double positiveRate() {
        ConfusionCounts c = ev().metrics().counts();
        return c.total() == 0 ? Double.NaN : (double) c.positives() / c.total();
    }

    private Zoomed roc() {
        Curve roc = ev().roc();
        ConfusionCounts c = ev().metrics().counts();
        List<Charts.Line> lines = List.of(
                Charts.Line.of(String.format(Locale.ROOT, "%s (AUC %s)", ev().model(),
                        Html.num4(ev().metrics().get(MetricName.ROC_AUC))), roc.x(), roc.y()),
                new Charts.Line("no skill", new double[] {0, 1}, new double[] {0, 1}, true, false),
                new Charts.Line("threshold " + fmt(ev().metrics().threshold()), new double[] {1 - c.specificity()},
                        new double[] {c.recall()}, false, true));
        JFreeChart chart = Charts.lines("ROC curve", "false positive rate", "true positive rate (recall)", lines, true,
                List.of(Charts.PALETTE[0], Charts.NO_SKILL, Charts.THRESHOLD));
        return Zoomed.of(chart, new double[] {ev().metrics().get(MetricName.ROC_AUC)}, "the ROC-AUC is above 0.9: the curve turns in that corner", 0, 1,
                List.<double[][]>of(new double[][] {roc.x(), roc.y()}), List.of(new double[] {1 - c.specificity(), c.recall()}));
    }

    private Zoomed pr() {
        Curve pr = ev().precisionRecall();
        ConfusionCounts c = ev().metrics().counts();
        double p = positiveRate();
        List<Charts.Line> lines = List.of(
                Charts.Line.of(String.format(Locale.ROOT, "%s (AP %s)", ev().model(),
                        Html.num4(ev().metrics().get(MetricName.PR_AUC))), pr.x(), pr.y()),
                new Charts.Line("no skill (positive rate " + fmt(p) + ")", new double[] {0, 1}, new double[] {p, p}, true, false),
                new Charts.Line("threshold " + fmt(ev().metrics().threshold()), new double[] {c.recall()},
                        new double[] {c.precision()}, false, true));
        JFreeChart chart = Charts.lines("Precision-recall curve", "recall", "precision", lines, true,
                List.of(Charts.PALETTE[0], Charts.NO_SKILL, Charts.THRESHOLD));
        return Zoomed.of(chart, new double[] {ev().metrics().get(MetricName.PR_AUC)}, "the average precision is above 0.9: the curve turns in that corner", 1, 1,
                List.<double[][]>of(new double[][] {pr.x(), pr.y()}), List.of(new double[] {c.recall(), c.precision()}));
    }

    /** Anomaly scores spanning more than three decades read better on a log scale. */
    static boolean logScale(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double d : v) {
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        return v.length > 0 && hi / lo > 1000;
    }

    static List<Charts.Chart> learningCurves(TrainingHistory h) {
        List<Charts.Chart> out = new ArrayList<>();
        if (h.epochs().isEmpty()) {
            return out;
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        int n = h.epochs().size();
        double[] epochs = new double[n];
        for (int i = 0; i < n; i++) {
            EpochRecord r = h.epochs().get(i);
            epochs[i] = r.epoch();
            for (Map.Entry<String, Double> e : r.values().entrySet()) {
                series.computeIfAbsent(e.getKey(), k -> filled(n))[i] = e.getValue() == null ? Double.NaN : e.getValue();
            }
        }
        List<Charts.Line> losses = new ArrayList<>();
        // a loss that includes its penalty (DL4J's) is drawn without it, on the basis of the validation loss
        double[] penalty = series.get(TrainingHistory.PENALTY);
        if (series.containsKey("loss")) {
            double[] loss = series.get("loss").clone();
            if (penalty != null) {
                for (int i = 0; i < n; i++) {
                    loss[i] -= Double.isNaN(penalty[i]) ? 0 : penalty[i];
                }
            }
            losses.add(Charts.Line.of(penalty != null ? "training loss less its penalty" : "training loss", epochs, loss));
        }
        if (series.containsKey("val_loss")) {
            losses.add(Charts.Line.of("validation loss", epochs, series.get("val_loss")));
        }
        String penaltyNote = penalty == null ? "" : " The training loss is drawn less its L1/L2 penalty, which the "
                + "optimiser minimised with it (" + fmt(penalty[n - 1]) + " in the last epoch), so that both lines "
                + "measure the fit alone; with class weights the training loss weighs each row by its class, the "
                + "validation loss does not.";
        // with validation rows, the curves of train's first fit (the model was then refit on every row for the epochs
        // it kept); without, a fit that had none (--validation-split 0, or a model saved before the first fit was kept)
        addLearningChart(out, h, losses, "learning-loss", "Learning curves: loss", "loss",
                (series.containsKey("val_loss") ? "Training and validation loss per epoch of the first fit, on the "
                        + "training rows less the validation rows held out; the dashed line is the epoch whose weights "
                        + "it kept, as many as the model was then refit for on every row." + penaltyNote
                        : "Training loss per epoch (this fit had no validation rows); the dashed line is the epoch "
                        + "whose weights the model kept." + penaltyNote));
        List<Charts.Line> metrics = new ArrayList<>();
        for (String key : series.keySet()) {
            if (key.startsWith("val_") && !key.equals("val_loss")
                    && (key.equals("val_pr_auc") || key.equals("val_roc_auc") || !series.containsKey("val_pr_auc"))) {
                metrics.add(Charts.Line.of(key, epochs, series.get(key)));
            }
        }
        addLearningChart(out, h, metrics, "learning-metric", "Learning curves: validation metrics", "",
                "Validation metrics per epoch (pr_auc is average precision); the dashed line is the kept epoch.");
        return out;
    }

    /** A learning-curve chart of {@code lines} per epoch with the kept epoch marked, unless there are no lines. */
    private static void addLearningChart(List<Charts.Chart> out, TrainingHistory h, List<Charts.Line> lines, String id,
            String title, String yLabel, String caption) {
        if (!lines.isEmpty()) {
            JFreeChart chart = Charts.lines(title, "epoch", yLabel, lines, false, Charts.palette(lines.size()));
            markBest(chart, h);
            out.add(new Charts.Chart(id, caption, chart));
        }
    }

    private static void markBest(JFreeChart chart, TrainingHistory h) {
        if (h.bestEpoch() > 0) {
            Charts.markX(chart, h.bestEpoch(), " kept epoch " + h.bestEpoch() + " ", Charts.NO_SKILL);
        }
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
    }

    String html() {
        List<Charts.Chart> all = charts();
        Html page = new Html(report.title(), ev().model() + " on " + report.scoredPart());
        DatasetSummary d = report.dataset();
        page.section("summary", "Summary");
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("model", ev().model());
        summary.put("scored rows", report.scoredPart());
        summary.put("threshold", ThresholdPolicies.text(ev().metrics().threshold()) + " ("
                + (ThresholdPolicies.isFixed(ev().policy()) ? "fixed" : ev().policy()) + ")");
        ev().cost().ifPresent(c -> summary.put("cost", c.text()));
        for (MetricName m : List.of(MetricName.PR_AUC, MetricName.ROC_AUC, MetricName.MCC, MetricName.F1,
                MetricName.RECALL, MetricName.PRECISION)) {
            summary.put(m.key(), Html.num4(ev().metrics().get(m)));
        }
        page.facts(summary);
        ev().warnings().forEach(w -> page.note("Warning: " + w));
        page.section("dataset", "Dataset");
        page.facts(dataset(d));
        page.section("metrics", "Metrics");
        List<List<String>> rows = new ArrayList<>();
        for (MetricName m : SHOWN) {
            var ci = ev().intervals().get(m.key());
            rows.add(List.of(m.key(), Html.num4(ev().metrics().get(m)),
                    ci == null ? "" : Html.num4(ci.low()) + " to " + Html.num4(ci.high())));
        }
        page.table(List.of("metric", "value", "95% interval"), rows, 1, null);
        if (!ev().intervals().isEmpty()) {
            page.note("Intervals: " + String.format(java.util.Locale.ROOT, "%,d",
                    dev.rareclass.domain.metrics.BootstrapIntervals.RESAMPLES) + " stratified, seeded "
                    + "bootstrap resamples of the rows (2.5th to 97.5th percentile).");
        }
        if (!ev().top().isEmpty()) {
            List<List<String>> top = new ArrayList<>();
            for (var t : ev().top()) {
                top.add(List.of("top " + Math.round(t.share() * 100) + "%", Long.toString(t.rows()),
                        Html.num4(t.precision()), Html.num4(t.recall())));
            }
            page.paragraph("The top of the ranking, as a review team works it: the rows with the highest scores.");
            page.table(List.of("rows", "count", "precision", "recall"), top, 1, null);
        }
        if (report.scoreKind() == ScoreKind.ANOMALY) {
            page.note("Scores are reconstruction errors, not probabilities: brier and log_loss are undefined (n/a).");
        }
        page.section("confusion", "Confusion matrix");
        page.charts(named(all, "confusion-matrix"));
        page.section("classification-report", "Classification report");
        page.table(List.of("class", "precision", "recall", "f1-score", "support"), reportRows(ev()), 1, null);
        page.paragraph("accuracy " + Html.num4(ev().report().accuracy()));
        page.section("curves", "ROC and precision-recall curves");
        chartsOrNote(page, named(all, "roc", "pr"), "No ROC or precision-recall curve: " + oneClassRows()
                + "; both curves divide by the count of each class at every threshold.");
        List<Charts.Chart> byThreshold = named(all, "threshold", "cost");
        boolean precisionRecall = !named(all, "threshold").isEmpty();
        page.section("threshold", precisionRecall && byThreshold.size() > 1
                ? "Precision, recall and cost against the threshold"
                : precisionRecall || byThreshold.isEmpty() ? "Precision and recall against the threshold"
                : "Cost against the threshold");
        if (!precisionRecall) {
            page.note("No precision and recall against the threshold: " + oneClassRows()
                    + "; every flagged row is a false alarm, at any threshold.");
        }
        page.charts(byThreshold);
        page.section("scores", report.scoreKind() == ScoreKind.ANOMALY ? "Reconstruction error by class" : "Scores by class");
        page.charts(named(all, "scores"));
        List<Charts.Chart> ranking = named(all, "gain", "calibration");
        boolean gain = !named(all, "gain").isEmpty();
        page.section("ranking", !gain && !ranking.isEmpty() ? "Calibration"
                : report.scoreKind() == ScoreKind.ANOMALY ? "Cumulative gain" : "Cumulative gain and calibration");
        if (!gain) {
            page.note("No cumulative gain: " + oneClassRows() + "; the gain is the share of all positives found.");
        }
        page.charts(ranking);
        List<Charts.Chart> learning = all.stream().filter(c -> c.name().startsWith("learning")).toList();
        if (!learning.isEmpty()) {
            page.section("learning", "Learning curves");
            page.charts(learning);
        }
        page.section("model", "Model");
        page.facts(report.model());
        if (!report.validationMetrics().isEmpty()) {
            Map<String, String> v = new LinkedHashMap<>();
            for (MetricName m : SHOWN) {
                Double x = report.validationMetrics().get(m.key());
                if (x != null) {
                    v.put(m.key(), Html.num4(x));
                }
            }
            page.paragraph("Validation metrics recorded at training:");
            page.facts(v);
        }
        page.section("provenance", "Provenance");
        page.facts(report.provenance());
        return page.render("Written by rareclass " + report.provenance().getOrDefault("rareclass", "")
                + ". Self-contained: no scripts, nothing loaded from the network.");
    }

    /** The charts, or the note saying why there are none. */
    private static void chartsOrNote(Html page, List<Charts.Chart> charts, String note) {
        if (charts.isEmpty()) {
            page.note(note);
        } else {
            page.charts(charts);
        }
    }

    /** "these rows hold no positive row" or "... no negative row": why a chart that needs both classes is missing. */
    private String oneClassRows() {
        ConfusionCounts c = ev().metrics().counts();
        return "these rows hold no " + (c.positives() == 0 ? "positive" : "negative") + " row";
    }

    /** The charts of these names that the page has, in page order. */
    static List<Charts.Chart> named(List<Charts.Chart> all, String... names) {
        List<String> wanted = List.of(names);
        return all.stream().filter(c -> wanted.contains(c.name())).toList();
    }

    static Map<String, String> dataset(DatasetSummary d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source", d.source());
        m.put("rows", String.format(Locale.ROOT, "%,d", d.rows()));
        m.put("positive rows", String.format(Locale.ROOT, "%,d (%.2f%%)", d.positives(), 100 * d.positiveRate()));
        m.put("negative rows", String.format(Locale.ROOT, "%,d", d.negatives()));
        m.put("feature columns", Integer.toString(d.columns()));
        m.put("label", d.label().column() + " (positive: " + d.label().positiveValue() + ", negative: "
                + d.label().negativeValue() + ")");
        return m;
    }

    static List<List<String>> reportRows(Evaluation e) {
        List<List<String>> rows = new ArrayList<>();
        for (ClassReportRow r : e.report().rows()) {
            rows.add(List.of(r.label(), Html.num4(r.precision()), Html.num4(r.recall()), Html.num4(r.f1()),
                    Long.toString(r.support())));
        }
        return rows;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(Markdown.text(report.title())).append("\n\n");
        md.append(Markdown.text(ev().model() + " on " + report.scoredPart())).append(".\n\n");
        ev().warnings().forEach(w -> md.append("**Warning:** ").append(Markdown.text(w)).append("\n\n"));
        md.append("## Dataset\n\n");
        Markdown.facts(md, dataset(report.dataset()));
        md.append("\n## Metrics\n\nThreshold ").append(ThresholdPolicies.text(ev().metrics().threshold())).append(" (")
                .append(Markdown.text(ev().policy())).append(")")
                .append(ev().cost().map(cost -> ", costing " + cost.text()).orElse(""))
                .append(".\n\n| metric | value |\n|---|---:|\n");
        for (MetricName m : SHOWN) {
            md.append("| ").append(m.key()).append(" | ").append(Html.num4(ev().metrics().get(m))).append(" |\n");
        }
        ConfusionCounts c = ev().metrics().counts();
        md.append("\n## Confusion matrix\n\n");
        Markdown.confusion(md, c, negative(), positive());
        md.append("\n## Classification report\n\n");
        Markdown.classificationReport(md, c, ev().report().negative().label(), ev().report().positive().label());
        md.append("\n## Model\n\n");
        Markdown.facts(md, report.model());
        md.append("\n## Provenance\n\n");
        Markdown.facts(md, report.provenance());
        return md.toString();
    }
}
