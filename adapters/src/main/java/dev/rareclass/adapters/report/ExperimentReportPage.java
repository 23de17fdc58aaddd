package dev.rareclass.adapters.report;

import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.experiment.FoldOutcome;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.LeaderboardRow;
import dev.rareclass.domain.experiment.Summary;
import dev.rareclass.domain.metrics.ClassReportRow;
import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.metrics.ConfusionCounts;
import dev.rareclass.domain.metrics.Curve;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.metrics.MetricName;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;

/** The HTML page, the Markdown summary and the charts of an experiment's report. */
final class ExperimentReportPage {

    /** At most this many configurations are drawn on one chart (the best ones); the tables list all. */
    static final int MAX_DRAWN = 8;

    static final List<MetricName> COLUMNS = List.of(MetricName.PR_AUC, MetricName.ROC_AUC, MetricName.MCC,
            MetricName.F1, MetricName.RECALL, MetricName.PRECISION, MetricName.BALANCED_ACCURACY);

    private final ExperimentReport report;
    private final Leaderboard board;
    private final List<String> labels;
    private final List<Charts.Chart> charts = new ArrayList<>();

    ExperimentReportPage(ExperimentReport report) {
        this.report = report;
        this.board = report.leaderboard();
        this.labels = labels(board);
    }

    /** The ranking metric's cell: its mean and spread over the splits, or its value alone after one split. */
    private String rankingCell(Summary s) {
        return board.oneSplit() ? Html.num4(s.mean()) : Html.num4(s.mean()) + " ± " + Html.num4(s.std());
    }

    /** The other metric columns: the ranking metric already has its own. */
    private List<MetricName> otherColumns() {
        return COLUMNS.stream().filter(m -> m != board.metric()).toList();
    }

    /**
     * Short names of the rows: rank and model, plus the sampler, class weight and parameters where they differ
     * between rows (so a leaderboard of one model's tuning trials still tells them apart).
     */
    static List<String> labels(Leaderboard board) {
        List<LeaderboardRow> rows = board.rows();
        boolean samplers = rows.stream().map(LeaderboardRow::sampler).distinct().count() > 1;
        boolean weights = rows.stream().map(LeaderboardRow::classWeight).distinct().count() > 1;
        boolean params = rows.stream().map(r -> r.name() + r.params().asMap()).distinct().count()
                > rows.stream().map(LeaderboardRow::name).distinct().count();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LeaderboardRow r = rows.get(i);
            StringBuilder sb = new StringBuilder("#").append(i + 1).append(' ').append(r.name());
            if (samplers) {
                sb.append(" + ").append(r.sampler());
            }
            if (weights) {
                sb.append(" cw=").append(r.classWeight());
            }
            if (params && !r.params().isEmpty()) {
                sb.append(' ').append(paramsText(r));
            }
            out.add(sb.toString());
        }
        return out;
    }

    static String paramsText(LeaderboardRow r) {
        StringBuilder sb = new StringBuilder();
        r.params().asMap().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    private String negative() {
        return report.dataset().map(d -> d.label().negativeValue()).orElse("negative");
    }

    private String positive() {
        return report.dataset().map(d -> d.label().positiveValue()).orElse("positive");
    }

    /** The positive rate: the data's, or the test splits' of the best row when the data is not summarised. */
    double positiveRate() {
        if (report.dataset().isPresent()) {
            return report.dataset().get().positiveRate();
        }
        long pos = 0;
        long n = 0;
        for (FoldOutcome f : board.rows().get(0).folds()) {
            pos += f.testPositives();
            n += f.testRows();
        }
        return n == 0 ? Double.NaN : (double) pos / n;
    }

    /** The best row's confusion counts summed over its test splits (each at its own tuned threshold). */
    static ConfusionCounts pooledCounts(LeaderboardRow row) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (FoldOutcome f : row.folds()) {
            tp += (long) f.metrics().get(MetricName.TP);
            fp += (long) f.metrics().get(MetricName.FP);
            tn += (long) f.metrics().get(MetricName.TN);
            fn += (long) f.metrics().get(MetricName.FN);
        }
        return new ConfusionCounts(tp, fp, tn, fn);
    }

    private int drawn() {
        return Math.min(MAX_DRAWN, board.rows().size());
    }

    List<Charts.Chart> charts() {
        if (!charts.isEmpty()) {
            return charts;
        }
        List<LeaderboardRow> rows = board.rows();
        MetricName metric = board.metric();
        double[] means = new double[rows.size()];
        double[] stds = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Summary s = rows.get(i).metric(metric);
            means[i] = s.mean();
            stds[i] = s.std();
        }
        int height = Math.max(300, 90 + 34 * rows.size());
        JFreeChart ranking = Charts.meanBars(metric.key() + " by configuration", metric.key(),
                metric.key() + (board.oneSplit() ? " (the one test split)" : " (mean ± std over splits)"), labels, means, stds);
        double[] lows = new double[rows.size()];
        for (int i = 0; i < lows.length; i++) {
            lows[i] = means[i] - stds[i];
        }
        double rankingFrom = metric.higherIsBetter() ? Charts.zoomedLowerBound(means, lows) : 0;
        if (rankingFrom > 0) {
            double top = 1;
            for (int i = 0; i < means.length; i++) {
                top = Math.max(top, means[i] + stds[i]);
            }
            Charts.zoomValues(ranking, rankingFrom, top + 0.01 * (top - rankingFrom));
        }
        charts.add(new Charts.Chart("ranking", "The ranking metric, " + metric.key() + (board.oneSplit()
                ? ", on the one test split."
                : ": mean over the " + rows.get(0).folds().size() + " test splits, the whisker one standard deviation.")
                + (rankingFrom > 0 ? " The axis starts at " + Charts.plain(rankingFrom) + ", not 0: every "
                        + "configuration scores above 0.9, and on a whole axis the bars would look alike." : ""),
                ranking, 640, Math.min(height, 1400)));
        List<String> metricKeys = List.of("pr_auc", "roc_auc", "mcc", "f1", "recall", "precision");
        double[][] grouped = new double[drawn()][metricKeys.size()];
        for (int i = 0; i < drawn(); i++) {
            for (int m = 0; m < metricKeys.size(); m++) {
                grouped[i][m] = rows.get(i).metric(MetricName.fromKey(metricKeys.get(m))).mean();
            }
        }
        double[] flat = java.util.Arrays.stream(grouped).flatMapToDouble(java.util.Arrays::stream).toArray();
        double groupedFrom = Charts.zoomedLowerBound(flat, flat);
        JFreeChart metrics = Charts.groupedBars("Metrics by configuration", metricKeys, labels.subList(0, drawn()), grouped);
        if (groupedFrom > 0) {
            Charts.zoomValues(metrics, groupedFrom, 1.0);
        }
        charts.add(new Charts.Chart("metrics", (board.oneSplit() ? "Each metric on the one test split" : "Mean over the test splits of each metric")
                + (rows.size() > drawn() ? " (the best " + drawn() + " configurations)" : "")
                + "; threshold-dependent ones at each split's tuned threshold."
                + (groupedFrom > 0 ? " The axis starts at " + Charts.plain(groupedFrom) + ": every mean is "
                        + "above 0.9." : ""), metrics));
        boolean pooled = !report.pooledScores().isEmpty();
        ModelReportPage.Zoomed roc = pooled ? rocCurves() : new ModelReportPage.Zoomed(rocPoints(), "");
        charts.add(new Charts.Chart("roc", pooled
                ? "ROC curves of the out-of-fold scores pooled over the test splits; the dashed diagonal is guessing. "
                        + "Each dot is the configuration's operating point: its test predictions at each split's tuned "
                        + "threshold, summed over the splits." + roc.note()
                : "Each test split's operating point (false positive rate, recall) at its tuned threshold; the dashed "
                        + "diagonal is guessing. Whole curves need out-of-fold scores, which this experiment did not record.",
                roc.chart()));
        ModelReportPage.Zoomed pr = pooled ? prCurves() : new ModelReportPage.Zoomed(prPoints(), "");
        charts.add(new Charts.Chart("pr", pooled
                ? "Precision-recall curves of the pooled out-of-fold scores; the dashed line is the positive rate ("
                        + ModelReportPage.fmt(positiveRate()) + "), the precision of guessing. Each dot is the "
                        + "configuration's operating point at its splits' tuned thresholds." + pr.note()
                : "Each test split's operating point (recall, precision) at its tuned threshold; the dashed line is the "
                        + "positive rate (" + ModelReportPage.fmt(positiveRate()) + "), the precision of guessing.",
                pr.chart()));
        if (pooled) {
            thresholdCharts();
        }
        ConfusionCounts c = pooledCounts(rows.get(0));
        charts.add(new Charts.Chart("confusion-matrix", "The best configuration's test predictions summed over its "
                + rows.get(0).folds().size() + " test splits, each at the threshold tuned on its training part.",
                Charts.confusion("Confusion matrix: " + labels.get(0), c.tp(), c.fp(), c.tn(), c.fn(), negative(),
                        positive()), 560, 420));
        return charts;
    }

    /**
     * A configuration's test predictions' expected cost per row, each split's rows at its own threshold; NaN when
     * a split's rows do not carry the costs the policy reads from a column.
     */
    private static double pooledCost(LeaderboardRow row, ThresholdCharts.CostPolicy costs) {
        double total = 0;
        long rows = 0;
        for (FoldOutcome f : row.folds()) {
            java.util.Optional<ThresholdCharts.CostCurve> curve = costs.curve(f.scores());
            if (curve.isEmpty()) {
                return Double.NaN;
            }
            total += curve.get().totalAt(f.threshold());
            rows += f.scores().labels().length;
        }
        return rows == 0 ? Double.NaN : total / rows;
    }

    /** The best configuration's thresholds: each split's, tuned on its own training part. */
    private ThresholdCharts.Chosen bestThresholds() {
        return new ThresholdCharts.Chosen(board.rows().get(0).folds().stream().mapToDouble(FoldOutcome::threshold)
                .toArray(), report.thresholdPolicy());
    }

    /**
     * Scores that are reconstruction errors (brier is undefined for them, so every split's is NaN) spanning more
     * than three decades are drawn against log10 of the threshold, as in a model's report.
     */
    private boolean logThresholds(LeaderboardRow row, double[] scores) {
        return Double.isNaN(row.metric(MetricName.BRIER).mean()) && ModelReportPage.logScale(scores);
    }

    /**
     * With pooled out-of-fold scores: the best configuration's precision and recall (and, for a cost policy, its
     * expected cost) against the threshold, and the cumulative gain of the drawn configurations, each with its
     * operating point.
     */
    private void thresholdCharts() {
        LeaderboardRow best = board.rows().get(0);
        LabelledScores s = report.pooledScores().get(0);
        ThresholdCharts.Chosen chosen = bestThresholds();
        boolean log = logThresholds(best, s.scores());
        charts.add(new Charts.Chart("threshold", "The best configuration, " + labels.get(0) + ": precision and "
                + "recall against the threshold on the out-of-fold scores pooled over the splits (a row is positive "
                + "when its score is at least the threshold); the red line is " + chosen.words() + ".",
                ThresholdCharts.precisionRecall(Curves.precisionRecall(s.labels(), s.scores()), log, chosen)));
        ThresholdCharts.CostPolicy.of(report.thresholdPolicy()).flatMap(costs -> costs.curve(s).map(curve -> {
            double here = pooledCost(best, costs);
            return new Charts.Chart("cost", "The best configuration, " + labels.get(0) + ": expected cost of a "
                    + "row, " + costs.formula() + ", against the threshold on the pooled out-of-fold scores; the red "
                    + "line is " + chosen.words() + ". At those thresholds the test predictions cost "
                    + ModelReportPage.fmt(here) + " per row; the least cost on the pooled scores, "
                    + ModelReportPage.fmt(curve.bestCost()) + " per row, is at threshold "
                    + ModelReportPage.fmt(curve.bestThreshold()) + ".",
                    ThresholdCharts.cost(curve, costs, log, chosen, here));
        })).ifPresent(charts::add);
        List<Charts.Line> lines = new ArrayList<>();
        List<Charts.Line> dots = new ArrayList<>();
        for (int i = 0; i < drawn(); i++) {
            LabelledScores p = report.pooledScores().get(i);
            double[][] g = ThresholdCharts.gain(p.labels(), p.scores());
            lines.add(Charts.Line.of(labels.get(i) + " (lift at 10% " + ModelReportPage.fmt(
                    ThresholdCharts.liftAtTenPercent(g)) + ")", g[0], g[1]));
            double[] at = ThresholdCharts.operatingPointOnGain(pooledCounts(board.rows().get(i)));
            dots.add(Charts.Line.point(labels.get(i) + " at its thresholds", at[0], at[1], false));
        }
        lines.add(new Charts.Line("random order", new double[] {0, 1}, new double[] {0, 1}, true, false));
        lines.addAll(dots);
        List<Color> colours = colours(drawn(), true);
        colours.addAll(Charts.palette(drawn()));
        double[] at = ThresholdCharts.operatingPointOnGain(pooledCounts(best));
        charts.add(new Charts.Chart("gain", "Cumulative gain of the pooled out-of-fold scores: the share of all "
                + "positives found when reviewing the rows with the highest scores first; the dashed line reviews them "
                + "in random order. Each dot is the configuration at its splits' thresholds; the best one flags "
                + ModelReportPage.percent(at[0]) + " of the rows and finds " + ModelReportPage.percent(at[1])
                + " of the positives.", Charts.lines("Cumulative gain (pooled out-of-fold)",
                        "share of rows reviewed (highest scores first)", "share of positives found", lines, true,
                        colours)));
    }

    private List<Color> colours(int n, boolean withNoSkill) {
        List<Color> out = new ArrayList<>(Charts.palette(n));
        if (withNoSkill) {
            out.add(Charts.NO_SKILL);
        }
        return out;
    }

    /** For each drawn configuration, a line of points (x, y) of its test splits' confusion counts. */
    private List<Charts.Line> splitPoints(ToDoubleFunction<ConfusionCounts> xOf, ToDoubleFunction<ConfusionCounts> yOf) {
        List<Charts.Line> lines = new ArrayList<>();
        for (int i = 0; i < drawn(); i++) {
            List<FoldOutcome> folds = board.rows().get(i).folds();
            double[] x = new double[folds.size()];
            double[] y = new double[folds.size()];
            for (int f = 0; f < folds.size(); f++) {
                ConfusionCounts c = counts(folds.get(f));
                x[f] = xOf.applyAsDouble(c);
                y[f] = yOf.applyAsDouble(c);
            }
            lines.add(new Charts.Line(labels.get(i), x, y, false, true));
        }
        return lines;
    }

    private JFreeChart rocPoints() {
        List<Charts.Line> lines = splitPoints(c -> 1 - c.specificity(), ConfusionCounts::recall);
        lines.add(new Charts.Line("no skill", new double[] {0, 1}, new double[] {0, 1}, true, false));
        return Charts.lines("ROC plane: operating points per split", "false positive rate", "true positive rate (recall)",
                lines, true, colours(drawn(), true));
    }

    private JFreeChart prPoints() {
        List<Charts.Line> lines = splitPoints(ConfusionCounts::recall, ConfusionCounts::precision);
        double p = positiveRate();
        lines.add(new Charts.Line("no skill", new double[] {0, 1}, new double[] {p, p}, true, false));
        return Charts.lines("PR plane: operating points per split", "recall", "precision", lines, true,
                colours(drawn(), true));
    }

    /** The drawn configurations' curves, then their operating points (not in the legend), then the no-skill line. */
    private ModelReportPage.Zoomed rocCurves() {
        List<Charts.Line> lines = new ArrayList<>();
        List<Charts.Line> dots = new ArrayList<>();
        List<double[][]> curves = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        double[] aucs = new double[drawn()];
        for (int i = 0; i < drawn(); i++) {
            LabelledScores s = report.pooledScores().get(i);
            Curve roc = Curves.roc(s.labels(), s.scores());
            aucs[i] = Curves.rocAuc(s.labels(), s.scores());
            lines.add(Charts.Line.of(labels.get(i) + " (AUC " + Html.num4(aucs[i]) + ")", roc.x(), roc.y()));
            curves.add(new double[][] {roc.x(), roc.y()});
            ConfusionCounts c = pooledCounts(board.rows().get(i));
            points.add(new double[] {1 - c.specificity(), c.recall()});
            dots.add(Charts.Line.point(labels.get(i) + " at its thresholds", 1 - c.specificity(), c.recall(), false));
        }
        lines.add(new Charts.Line("no skill", new double[] {0, 1}, new double[] {0, 1}, true, false));
        lines.addAll(dots);
        List<Color> colours = colours(drawn(), true);
        colours.addAll(Charts.palette(drawn()));
        JFreeChart chart = Charts.lines("ROC curves (pooled out-of-fold)", "false positive rate",
                "true positive rate (recall)", lines, true, colours);
        return ModelReportPage.Zoomed.of(chart, aucs, "every configuration's ROC-AUC is above 0.9: the curves differ "
                + "only there", 0, 1, curves, points);
    }

    private ModelReportPage.Zoomed prCurves() {
        List<Charts.Line> lines = new ArrayList<>();
        List<Charts.Line> dots = new ArrayList<>();
        List<double[][]> curves = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        double[] aps = new double[drawn()];
        for (int i = 0; i < drawn(); i++) {
            LabelledScores s = report.pooledScores().get(i);
            Curve pr = Curves.precisionRecall(s.labels(), s.scores());
            aps[i] = Curves.averagePrecision(s.labels(), s.scores());
            lines.add(Charts.Line.of(labels.get(i) + " (AP " + Html.num4(aps[i]) + ")", pr.x(), pr.y()));
            curves.add(new double[][] {pr.x(), pr.y()});
            ConfusionCounts c = pooledCounts(board.rows().get(i));
            points.add(new double[] {c.recall(), c.precision()});
            dots.add(Charts.Line.point(labels.get(i) + " at its thresholds", c.recall(), c.precision(), false));
        }
        double p = positiveRate();
        lines.add(new Charts.Line("no skill", new double[] {0, 1}, new double[] {p, p}, true, false));
        lines.addAll(dots);
        List<Color> colours = colours(drawn(), true);
        colours.addAll(Charts.palette(drawn()));
        JFreeChart chart = Charts.lines("Precision-recall curves (pooled out-of-fold)", "recall", "precision", lines,
                true, colours);
        return ModelReportPage.Zoomed.of(chart, aps, "every configuration's average precision is above 0.9: the "
                + "curves differ only there", 1, 1, curves, points);
    }

    private static ConfusionCounts counts(FoldOutcome f) {
        return new ConfusionCounts((long) f.metrics().get(MetricName.TP), (long) f.metrics().get(MetricName.FP),
                (long) f.metrics().get(MetricName.TN), (long) f.metrics().get(MetricName.FN));
    }

    private Map<String, String> summaryFacts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", board.dataset());
        m.put("protocol", board.protocol());
        m.put("seed", Long.toString(board.seed()));
        m.put("ranking metric", board.metric().key());
        if (!report.thresholdPolicy().isEmpty()) {
            m.put("threshold policy", report.thresholdPolicy() + " (tuned on each split's training part)");
        }
        LeaderboardRow best = board.rows().get(0);
        Summary s = best.metric(board.metric());
        m.put("best", labels.get(0) + (best.params().isEmpty() ? "" : " (" + paramsText(best) + ")") + ": "
                + board.metric().key() + " " + rankingCell(s));
        m.put("configurations", Integer.toString(board.rows().size()));
        long worse = board.rows().stream().filter(LeaderboardRow::worseThanBest).count();
        m.put("significantly worse than the best", board.oneSplit() ? "not tested (one split)"
                : worse + " (corrected resampled t-test, alpha 0.05)");
        m.putAll(report.facts());
        return m;
    }

    List<List<String>> leaderboardRows() {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < board.rows().size(); i++) {
            LeaderboardRow r = board.rows().get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), r.name(), paramsText(r), r.sampler(),
                    r.classWeight()));
            Summary s = r.metric(board.metric());
            row.add(rankingCell(s));
            for (MetricName m : otherColumns()) {
                row.add(Html.num4(r.metric(m).mean()));
            }
            row.add(String.format(Locale.ROOT, "%.2f", r.fitSeconds().mean()));
            if (!board.oneSplit()) {
                row.add(Double.isFinite(r.pValue()) ? String.format(Locale.ROOT, "%.3g", r.pValue()) : "");
            }
            row.add(i == 0 ? "best" : r.worseThanBest() ? "worse" : "");
            out.add(row);
        }
        return out;
    }

    List<String> leaderboardHeaders() {
        List<String> h = new ArrayList<>(List.of("rank", "model", "params", "sampler", "class weight",
                board.metric().key() + (board.oneSplit() ? "" : " mean ± std")));
        for (MetricName m : otherColumns()) {
            h.add(m.key());
        }
        h.addAll(board.oneSplit() ? List.of("fit s", "vs best") : List.of("fit s", "p-value", "vs best"));
        return h;
    }

    String html() {
        List<Charts.Chart> all = charts();
        Html page = new Html(report.title(), board.dataset() + " · " + board.protocol() + " · ranked by "
                + board.metric().key());
        page.section("summary", "Summary");
        page.facts(summaryFacts());
        board.warnings().forEach(w -> page.note("Warning: " + w));
        if (report.dataset().isPresent()) {
            page.section("dataset", "Dataset");
            page.facts(ModelReportPage.dataset(report.dataset().get()));
        }
        page.section("leaderboard", "Leaderboard");
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < board.rows().size(); i++) {
            classes.add(i == 0 ? "best" : board.rows().get(i).worseThanBest() ? "worse" : null);
        }
        page.table(leaderboardHeaders(), leaderboardRows(), 5, classes);
        page.paragraph(board.oneSplit()
                ? "Values on the one test split; one split allows no test of significance, so none is marked worse."
                : "Means over the test splits; 'worse' marks a configuration significantly worse than the best "
                        + "(Nadeau-Bengio corrected resampled t-test on " + board.metric().key() + ", alpha 0.05).");
        page.charts(ModelReportPage.named(all, "ranking", "metrics"));
        page.section("curves", "ROC and precision-recall");
        if (report.pooledScores().isEmpty()) {
            page.note("This experiment kept each split's metrics but not its scores, so the charts show each split's "
                    + "operating point rather than whole curves.");
        }
        page.charts(ModelReportPage.named(all, "roc", "pr"));
        List<Charts.Chart> byThreshold = ModelReportPage.named(all, "threshold", "cost", "gain");
        if (!byThreshold.isEmpty()) {
            page.section("threshold", "Thresholds and gain");
            page.charts(byThreshold);
        }
        page.section("best", "Best configuration: " + labels.get(0));
        page.charts(ModelReportPage.named(all, "confusion-matrix"));
        ConfusionCounts c = pooledCounts(board.rows().get(0));
        ClassificationReport cr = ClassificationReport.of(c, negative(), positive());
        page.paragraph("Classification report of the pooled test predictions:");
        List<List<String>> rows = new ArrayList<>();
        for (ClassReportRow r : cr.rows()) {
            rows.add(List.of(r.label(), Html.num4(r.precision()), Html.num4(r.recall()), Html.num4(r.f1()),
                    Long.toString(r.support())));
        }
        page.table(List.of("class", "precision", "recall", "f1-score", "support"), rows, 1, null);
        page.paragraph("accuracy " + Html.num4(cr.accuracy()));
        page.section("splits", "Splits");
        page.paragraph(board.metric().key() + " on each test split, with the threshold tuned on its training part:");
        page.table(splitHeaders(), splitRows(), 1, null);
        return page.render("Written by rareclass. Self-contained: no scripts, nothing loaded from the network.");
    }

    private List<String> splitHeaders() {
        List<String> h = new ArrayList<>(List.of("configuration"));
        for (FoldOutcome f : board.rows().get(0).folds()) {
            h.add((f.repeat() > 0 ? "r" + (f.repeat() + 1) + " " : "") + "split " + (f.fold() + 1));
        }
        return h;
    }

    private List<List<String>> splitRows() {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < board.rows().size(); i++) {
            List<String> row = new ArrayList<>(List.of(labels.get(i)));
            for (FoldOutcome f : board.rows().get(i).folds()) {
                row.add(Html.num4(f.metrics().get(board.metric())) + " @ " + ModelReportPage.fmt(f.threshold()));
            }
            out.add(row);
        }
        return out;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(Markdown.text(report.title())).append("\n\n");
        Markdown.facts(md, summaryFacts());
        board.warnings().forEach(w -> md.append("\n**Warning:** ").append(Markdown.text(w)).append("\n"));
        report.dataset().ifPresent(d -> {
            md.append("\n## Dataset\n\n");
            Markdown.facts(md, ModelReportPage.dataset(d));
        });
        md.append("\n## Leaderboard\n\n");
        List<String> h = leaderboardHeaders();
        md.append("| ").append(String.join(" | ", h.stream().map(Markdown::cell).toList())).append(" |\n|");
        for (int i = 0; i < h.size(); i++) {
            md.append(i < 5 ? "---|" : "---:|");
        }
        md.append('\n');
        for (List<String> row : leaderboardRows()) {
            md.append("| ").append(String.join(" | ", row.stream().map(Markdown::cell).toList())).append(" |\n");
        }
        md.append("\n## Best configuration: ").append(Markdown.text(labels.get(0))).append("\n\nConfusion matrix of the test predictions "
                + "summed over the splits:\n\n");
        ConfusionCounts c = pooledCounts(board.rows().get(0));
        Markdown.confusion(md, c, negative(), positive());
        md.append('\n');
        Markdown.classificationReport(md, c, negative(), positive());
        return md.toString();
    }
}
