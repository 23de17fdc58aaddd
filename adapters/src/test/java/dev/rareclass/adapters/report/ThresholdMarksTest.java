package dev.rareclass.adapters.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.experiment.DatasetSummary;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.experiment.FoldOutcome;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.LeaderboardRow;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.metrics.ConfusionCounts;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chosen threshold on every chart that depends on it, the cost curve of a cost policy, and axes that zoom in
 * when every configuration scores above 0.9.
 */
class ThresholdMarksTest {

    private static Charts.Chart chart(List<Charts.Chart> charts, String name) {
        return charts.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart " + name + " among "
                        + charts.stream().map(Charts.Chart::name).toList()));
    }

    /** The values of the vertical lines drawn on a chart. */
    private static List<Double> verticalLines(JFreeChart chart) {
        List<Double> out = new ArrayList<>();
        var markers = chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND);
        if (markers != null) {
            for (Object m : markers) {
                if (m instanceof ValueMarker v) {
                    out.add(v.getValue());
                }
            }
        }
        return out;
    }

    /** The (x, y) of the one-point series whose name starts with {@code prefix}. */
    private static double[] dot(JFreeChart chart, String prefix) {
        XYDataset data = chart.getXYPlot().getDataset();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (data.getSeriesKey(s).toString().startsWith(prefix) && data.getItemCount(s) == 1) {
                return new double[] {data.getXValue(s, 0), data.getYValue(s, 0)};
            }
        }
        throw new AssertionError("no dot '" + prefix + "…'");
    }

    @Test
    void aModelReportMarksItsThresholdOnEveryChartThatDependsOnIt() {
        ModelReport report = HtmlReportSinkTest.modelReport(ScoreKind.PROBABILITY, false);
        List<Charts.Chart> charts = new ModelReportPage(report).charts();
        double t = report.evaluation().metrics().threshold();
        ConfusionCounts c = report.evaluation().metrics().counts();

        assertThat(verticalLines(chart(charts, "threshold").chart())).containsExactly(t);
        assertThat(verticalLines(chart(charts, "scores").chart())).containsExactly(t);
        assertThat(verticalLines(chart(charts, "calibration").chart())).containsExactly(t);
        assertThat(dot(chart(charts, "roc").chart(), "threshold")).containsExactly(1 - c.specificity(), c.recall());
        assertThat(dot(chart(charts, "pr").chart(), "threshold")).containsExactly(c.recall(), c.precision());
        // on the gain chart the threshold is the share of rows it flags, and the share of positives they hold
        double[] gain = dot(chart(charts, "gain").chart(), "threshold");
        assertThat(gain[0]).isEqualTo((double) (c.tp() + c.fp()) / c.total());
        assertThat(gain[1]).isEqualTo(c.recall());
        assertThat(chart(charts, "gain").caption()).contains("The dot is the chosen threshold: it flags");
        assertThat(charts).extracting(Charts.Chart::name).doesNotContain("cost");
    }

    @Test
    void aCostPolicyAddsTheExpectedCostAgainstTheThresholdWithTheChosenOneMarked() {
        ModelReport report = HtmlReportSinkTest.modelReport(ScoreKind.PROBABILITY, false, "cost:10:1", 1.8, 0.3);
        List<Charts.Chart> charts = new ModelReportPage(report).charts();
        Charts.Chart cost = chart(charts, "cost");
        double t = report.evaluation().metrics().threshold();
        assertThat(verticalLines(cost.chart())).containsExactly(t);

        // the expected cost per row at every threshold, counted by hand
        int[] y = report.scores().labels();
        double[] s = report.scores().scores();
        XYDataset curve = cost.chart().getXYPlot().getDataset();
        for (int i = 0; i < curve.getItemCount(0); i += 97) {
            double threshold = curve.getXValue(0, i);
            ConfusionCounts at = ConfusionCounts.of(y, s, threshold);
            assertThat(curve.getYValue(0, i)).isCloseTo((10.0 * at.fn() + at.fp()) / y.length, within(1e-12));
        }
        ConfusionCounts chosen = report.evaluation().metrics().counts();
        assertThat(dot(cost.chart(), "cost at the chosen threshold")).containsExactly(t,
                (10.0 * chosen.fn() + chosen.fp()) / y.length);
        // the least cost it names is where the cost policy itself lands on these rows
        ThresholdCharts.CostCurve least = ThresholdCharts.CostCurve.of(y, s, new ThresholdCharts.Costs(10, 1));
        assertThat(least.costAt(t)).isEqualTo((10.0 * chosen.fn() + chosen.fp()) / y.length);
        assertThat(least.bestThreshold()).isEqualTo(ThresholdPolicies.parse("cost:10:1").choose(y, s));
        assertThat(cost.caption()).contains("least cost").contains(ModelReportPage.fmt(least.bestThreshold()));
    }

    /**
     * The flat-cost chart's least cost is where a brute force over every threshold (each distinct score, and above them
     * all) finds it, counted in exact decimals, and where {@code cost:FN:FP} lands: at costs near the largest double
     * (where a sum of two of them overflows) too, where the chart swept the counts unscaled and every total was
     * infinite; on random rows, with and without ties.
     */
    @Test
    void theFlatCostCurvesLeastCostIsTheBruteForcesEvenAtCostsThatOverflowASum() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 60; trial++) {
            int n = 3 + random.nextInt(40);
            int[] y = new int[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = random.nextInt(4) == 0 ? 1 : 0;
                s[i] = random.nextInt(trial % 2 == 0 ? 5 : 1000) / 10.0;
            }
            y[0] = 1;
            y[1] = 0;
            // powers of two near the largest double: two of them overflow a sum, and every total is exact once scaled,
            // so the exact count and the sweep see the same ties
            double fn = trial < 20 ? Math.scalb(1.0, 1023) : 1 + random.nextInt(20);
            double fp = trial < 20 ? Math.scalb(1.0, 1023 - random.nextInt(3)) : 1 + random.nextInt(20);
            ThresholdCharts.CostCurve curve = ThresholdCharts.CostCurve.of(y, s, new ThresholdCharts.Costs(fn, fp));
            assertThat(curve.bestThreshold()).as("trial %d", trial).isEqualTo(leastCostByHand(y, s, fn, fp))
                    .isEqualTo(ThresholdPolicies.parse("cost:" + fn + ":" + fp).choose(y, s));
        }
    }

    /** The threshold of least {@code fn * FN + fp * FP}, in exact decimals, the larger of equal ones. */
    private static double leastCostByHand(int[] y, double[] s, double fn, double fp) {
        double[] candidates = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(s).distinct(),
                java.util.stream.DoubleStream.of(Math.nextUp(java.util.Arrays.stream(s).max().orElseThrow())))
                .sorted().toArray();
        double best = Double.NaN;
        java.math.BigDecimal bestCost = null;
        for (int c = candidates.length - 1; c >= 0; c--) { // from the largest: a tie keeps the larger
            long missed = 0;
            long alarms = 0;
            for (int i = 0; i < y.length; i++) {
                boolean flagged = s[i] >= candidates[c];
                missed += y[i] == 1 && !flagged ? 1 : 0;
                alarms += y[i] == 0 && flagged ? 1 : 0;
            }
            java.math.BigDecimal cost = new java.math.BigDecimal(fn).multiply(java.math.BigDecimal.valueOf(missed))
                    .add(new java.math.BigDecimal(fp).multiply(java.math.BigDecimal.valueOf(alarms)));
            if (bestCost == null || cost.compareTo(bestCost) < 0) {
                bestCost = cost;
                best = candidates[c];
            }
        }
        return best;
    }

    /** A threshold given outright is named fixed on the page and on its marks, not "0.5 (0.5)". */
    @Test
    void aFixedThresholdIsNamedFixedNotTwice() {
        ModelReport report = HtmlReportSinkTest.modelReport(ScoreKind.PROBABILITY, false, "0.5", 1.8, 0.5);
        ModelReportPage page = new ModelReportPage(report);
        assertThat(page.html()).contains("0.5 (fixed)").doesNotContain("0.5 (0.5)");
        var marker = chart(page.charts(), "threshold").chart().getXYPlot().getDomainMarkers(Layer.FOREGROUND);
        assertThat(marker).isNotEmpty();
        assertThat(((ValueMarker) marker.iterator().next()).getLabel()).contains("(fixed)").doesNotContain("(0.5)");
    }

    @Test
    void onlyACostPolicyHasACostCurve() {
        assertThat(ThresholdCharts.Costs.of("cost:10:1")).contains(new ThresholdCharts.Costs(10, 1));
        assertThat(ThresholdCharts.Costs.of("COST: 2.5 : 0")).contains(new ThresholdCharts.Costs(2.5, 0));
        assertThat(ThresholdCharts.Costs.of("cost:@amount:1")).as("no fixed cost per false negative").isEmpty();
        assertThat(ThresholdCharts.CostPolicy.of("cost:@amount:1")).contains(new ThresholdCharts.RowCosts("amount", 1));
        assertThat(ThresholdCharts.CostPolicy.of("cost:@Payment Amount:2.5"))
                .contains(new ThresholdCharts.RowCosts("Payment Amount", 2.5));
        assertThat(ThresholdCharts.CostPolicy.of("cost:10:1")).contains(new ThresholdCharts.Costs(10, 1));
        for (String other : List.of("max-f1", "0.5", "cost:0:0", "", "cost:@amount:x", "cost:@:1")) {
            assertThat(ThresholdCharts.CostPolicy.of(other)).as(other).isEmpty();
        }
    }

    /** The worked example of {@code RowCostPolicyTest}: eight rows, misses costing 10, 10 and 500, a review 20. */
    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    private static final int[] Y = {1, 0, 0, 1, 0, 0, 1, 0};
    private static final double[] AMOUNT = {10, 1, 1, 10, 1, 1, 500, 1};

    @Test
    void thePerRowCostCurvesLeastCostIsWhereTheRowCostPolicyLands() {
        ThresholdCharts.RowCosts costs = new ThresholdCharts.RowCosts("amount", 20);
        ThresholdCharts.CostCurve curve = ThresholdCharts.CostCurve.of(Y, SCORES, AMOUNT, costs);
        // flagging score >= t: t = 0.9 misses 10 + 500 = 510; t = 0.8 adds a review, 530; ... t = 0.3 misses
        // nothing with 4 reviews, 80; t = 0.2, 100; per row, / 8
        assertThat(curve.thresholds()).containsExactly(SCORES);
        assertThat(curve.perRow()).containsExactly(510 / 8.0, 530 / 8.0, 550 / 8.0, 540 / 8.0, 560 / 8.0, 580 / 8.0,
                80 / 8.0, 100 / 8.0);
        assertThat(curve.bestThreshold()).isEqualTo(0.3)
                .isEqualTo(ThresholdPolicies.parse("cost:@amount:20").choose(Y, SCORES, AMOUNT));
        assertThat(curve.bestCost()).isEqualTo(10.0);
        // a threshold between scores flags the rows of the next score up; above them all, nothing: 520
        assertThat(curve.costAt(0.55)).isEqualTo(540 / 8.0);
        assertThat(curve.costAt(0.95)).isEqualTo(520 / 8.0);
    }

    @Test
    void tiedScoresAreOneThresholdAndATieInCostGoesToTheLargerThresholdAsThePolicyChooses() {
        // rows of score 0.8 (a 30 positive, a negative) and 0.5 (a 10 positive, a negative), a review costing 10:
        // t = 0.8 misses 10 with 1 review, 20; t = 0.5 misses nothing with 2 reviews, 20 too; t = 0.2, 30
        double[] s = {0.5, 0.8, 0.2, 0.8, 0.5};
        int[] y = {1, 1, 0, 0, 0};
        double[] amount = {10, 30, 0, 0, 0};
        ThresholdCharts.CostCurve curve = ThresholdCharts.CostCurve.of(y, s, amount,
                new ThresholdCharts.RowCosts("amount", 10));
        assertThat(curve.thresholds()).containsExactly(0.8, 0.5, 0.2);
        assertThat(curve.perRow()).containsExactly(20 / 5.0, 20 / 5.0, 30 / 5.0);
        assertThat(curve.bestThreshold()).isEqualTo(0.8)
                .isEqualTo(ThresholdPolicies.parse("cost:@amount:10").choose(y, s, amount));
    }

    @Test
    void onRandomRowsThePerRowCostCurveIsTheCostCountedByHandAndItsMinimumThePolicysChoice() {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 200 + 100 * (int) seed;
            int[] y = new int[n];
            double[] s = new double[n];
            double[] amount = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = r.nextDouble() < 0.02 * seed ? 1 : 0;
                s[i] = Math.round((r.nextGaussian() + 1.5 * y[i]) * 20) / 20.0; // coarse: many tied scores
                amount[i] = y[i] == 1 ? r.nextDouble() * (s[i] < 1 ? 2000 : 50) : r.nextDouble();
            }
            y[0] = 1;
            double fp = 0.5 + seed;
            ThresholdCharts.CostCurve curve = ThresholdCharts.CostCurve.of(y, s, amount,
                    new ThresholdCharts.RowCosts("amount", fp));
            assertThat(curve.bestThreshold()).as("seed " + seed)
                    .isEqualTo(ThresholdPolicies.parse("cost:@amount:" + fp).choose(y, s, amount));
            double[] t = curve.thresholds();
            double[] perRow = curve.perRow();
            double least = Double.POSITIVE_INFINITY;
            for (int k = 0; k < t.length; k++) {
                double byHand = 0;
                for (int i = 0; i < n; i++) {
                    byHand += y[i] == 1 && s[i] < t[k] ? amount[i] : y[i] == 0 && s[i] >= t[k] ? fp : 0;
                }
                assertThat(perRow[k]).as("seed " + seed + ", threshold " + t[k]).isCloseTo(byHand / n, within(1e-9));
                least = Math.min(least, perRow[k]);
            }
            assertThat(curve.bestCost()).isEqualTo(least);
        }
    }

    /** A model report under {@code cost:@amount:5} whose scored rows carry an amount each, or none. */
    private static ModelReport rowCostReport(boolean withCosts) {
        ModelReport r = HtmlReportSinkTest.modelReport(ScoreKind.PROBABILITY, false, "cost:@amount:5", 1.8, 0.3);
        LabelledScores ls = r.scores();
        LabelledScores scored = withCosts ? new LabelledScores(ls.source(), ls.mapping(), ls.labels(), ls.scores(),
                amounts(ls.labels(), 3)) : ls;
        return new ModelReport(r.title(), r.scoredPart(), r.dataset(), r.evaluation(), scored, r.scoreKind(),
                r.history(), r.model(), r.provenance(), r.validationMetrics());
    }

    /** Missed positives cost 20 to 2,000, a negative's amount (never a cost) below 10. */
    private static double[] amounts(int[] y, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            a[i] = y[i] == 1 ? 20 + 1980 * r.nextDouble() : 10 * r.nextDouble();
        }
        return a;
    }

    /** The cost per row of flagging {@code score >= t}, counted row by row. */
    private static double costByHand(LabelledScores ls, double t, double fp) {
        int[] y = ls.labels();
        double[] s = ls.scores();
        double[] a = ls.rowCosts().orElseThrow();
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            total += y[i] == 1 && s[i] < t ? a[i] : y[i] == 0 && s[i] >= t ? fp : 0;
        }
        return total / y.length;
    }

    @Test
    void aPerRowCostPolicyDrawsTheCostCurveOfTheRowsCostsAndSaysWhichColumnTheyCameFrom() {
        ModelReport report = rowCostReport(true);
        Charts.Chart cost = chart(new ModelReportPage(report).charts(), "cost");
        double t = report.evaluation().metrics().threshold();
        assertThat(verticalLines(cost.chart())).containsExactly(t);
        assertThat(dot(cost.chart(), "cost at the chosen threshold")[1])
                .isCloseTo(costByHand(report.scores(), t, 5), within(1e-9));
        XYDataset curve = cost.chart().getXYPlot().getDataset();
        assertThat(curve.getSeriesKey(0).toString()).contains("cost:@amount:5");
        for (int i = 0; i < curve.getItemCount(0); i += 97) {
            assertThat(curve.getYValue(0, i)).isCloseTo(costByHand(report.scores(), curve.getXValue(0, i), 5),
                    within(1e-9));
        }
        double best = ThresholdPolicies.parse("cost:@amount:5").choose(report.scores().labels(),
                report.scores().scores(), report.scores().rowCosts().orElseThrow());
        assertThat(cost.caption()).contains("column 'amount'").contains("5 x false positives")
                .contains("is at threshold " + ModelReportPage.fmt(best));

        assertThat(new ModelReportPage(rowCostReport(false)).charts()).extracting(Charts.Chart::name)
                .as("rows scored without their costs: no curve to draw").doesNotContain("cost");
    }

    @Test
    void theHtmlOfAPerRowCostReportHoldsTheCostChartCaptionedWithItsColumn(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        new HtmlReportSink().writeModelReport(rowCostReport(true), html, Optional.empty());
        Element figure = HtmlReportSinkTest.parse(html).getElementById("chart-cost");
        assertThat(figure).isNotNull();
        assertThat(figure.select("svg")).hasSize(1);
        assertThat(figure.selectFirst("figcaption").text()).contains("its row's value of column 'amount'");
    }

    @Test
    void aModelScoringAboveNinetyHasItsCurvesZoomedAndSaysSo() {
        ModelReport good = HtmlReportSinkTest.modelReport(ScoreKind.PROBABILITY, false, "max-f1", 4.0, 0.7);
        List<Charts.Chart> charts = new ModelReportPage(good).charts();
        XYPlot roc = chart(charts, "roc").chart().getXYPlot();
        assertThat(roc.getDomainAxis().getUpperBound()).isLessThan(1);
        assertThat(roc.getRangeAxis().getLowerBound()).isGreaterThan(0);
        assertThat(roc.getDomainAxis().getLabel()).endsWith("(zoomed)");
        assertThat(chart(charts, "roc").caption()).contains("Both axes are zoomed to [0, ");
        XYPlot pr = chart(charts, "pr").chart().getXYPlot();
        assertThat(pr.getDomainAxis().getLowerBound()).isGreaterThan(0);
        assertThat(pr.getRangeAxis().getLowerBound()).isGreaterThan(0);
        assertThat(chart(charts, "pr").caption()).contains("zoomed").contains("no-skill line lies below");
        // the operating point stays in view
        double[] point = dot(chart(charts, "roc").chart(), "threshold");
        assertThat(roc.getDomainAxis().getRange().contains(point[0])).isTrue();
        assertThat(roc.getRangeAxis().getRange().contains(point[1])).isTrue();

        ModelReport weak = HtmlReportSinkTest.modelReport(ScoreKind.PROBABILITY, false, "max-f1", 1.0, 0.3);
        List<Charts.Chart> whole = new ModelReportPage(weak).charts();
        assertThat(chart(whole, "roc").chart().getXYPlot().getDomainAxis().getRange()).isEqualTo(new Range(-0.01, 1.01));
        assertThat(chart(whole, "roc").caption()).doesNotContain("zoomed");
    }

    @Test
    void theZoomWindowIsTheSmallestThatEveryCurveCrossesAndThatHoldsEveryPoint() {
        // a curve that reaches (0.02, 0.97): within 0.05 of the top-left corner on both axes
        double[][] sharp = {{0, 0.02, 1}, {0, 0.97, 1}};
        double[][] softer = {{0, 0.08, 1}, {0, 0.9, 1}};
        assertThat(Charts.zoomSide(0, 1, List.<double[][]>of(sharp), List.of())).isEqualTo(0.1);
        assertThat(Charts.zoomSide(0, 1, List.of(sharp, softer), List.of())).isEqualTo(0.2);
        // an operating point at a false positive rate of 0.25 needs the 0.3 window
        assertThat(Charts.zoomSide(0, 1, List.of(sharp, softer), List.<double[]>of(new double[] {0.25, 0.95})))
                .isEqualTo(0.3);
        // a curve that never comes near the corner: no zoom
        assertThat(Charts.zoomSide(0, 1, List.<double[][]>of(new double[][] {{0, 0.5, 1}, {0, 0.5, 1}}), List.of()))
                .isEqualTo(1);
        assertThat(Charts.window(1, 1, 0.3)).isEqualTo("[0.7, 1] x [0.7, 1]");
        // a quarter of the lowest whisker's distance to 1 below it, rounded down to a hundredth
        assertThat(Charts.zoomedLowerBound(new double[] {0.95, 0.99}, new double[] {0.93, 0.985})).isEqualTo(0.9);
        assertThat(Charts.zoomedLowerBound(new double[] {0.98, 0.99}, new double[] {0.97, 0.985})).isEqualTo(0.95);
        assertThat(Charts.zoomedLowerBound(new double[] {0.95, 0.89}, new double[] {0.93, 0.85})).isZero();
    }

    /** Three configurations; their splits' thresholds are 0.25, 0.3 and 0.35, or 0.65, 0.7 and 0.75 when they separate the classes well. */
    private static ExperimentReport experiment(double shift, String policy) {
        Leaderboard board = HtmlReportSinkTest.leaderboard(3, shift, shift > 3 ? new double[] {0.65, 0.7, 0.75}
                : new double[] {0.25, 0.3, 0.35});
        return ExperimentReport.of("Comparison", Optional.of(new DatasetSummary("nasa.csv", 1500, 150, 30,
                new dev.rareclass.domain.data.LabelMapping("Hazardous", "True", "False"))), board, policy, Map.of());
    }

    @Test
    void aComparisonMarksEachConfigurationsOperatingPointAndTheBestOnesThresholds() {
        ExperimentReport report = experiment(1.8, "max-f1");
        ExperimentReportPage page = new ExperimentReportPage(report);
        List<Charts.Chart> charts = page.charts();
        assertThat(charts).extracting(Charts.Chart::name).containsExactly("ranking", "metrics", "roc", "pr",
                "threshold", "gain", "confusion-matrix");
        List<String> labels = ExperimentReportPage.labels(report.leaderboard());
        for (int i = 0; i < 3; i++) {
            LeaderboardRow row = report.leaderboard().rows().get(i);
            ConfusionCounts c = ExperimentReportPage.pooledCounts(row);
            assertThat(dot(chart(charts, "roc").chart(), labels.get(i) + " at its thresholds"))
                    .containsExactly(1 - c.specificity(), c.recall());
            assertThat(dot(chart(charts, "pr").chart(), labels.get(i) + " at its thresholds"))
                    .containsExactly(c.recall(), c.precision());
            assertThat(dot(chart(charts, "gain").chart(), labels.get(i) + " at its thresholds"))
                    .containsExactly((double) (c.tp() + c.fp()) / c.total(), c.recall());
        }
        // the dots are not listed in the legend: one entry per configuration and the no-skill line
        assertThat(chart(charts, "roc").chart().getXYPlot().getLegendItems().getItemCount()).isEqualTo(4);
        // the splits' thresholds 0.25, 0.3, 0.35: their median as a line, their range shaded
        JFreeChart threshold = chart(charts, "threshold").chart();
        assertThat(verticalLines(threshold)).containsExactly(0.3);
        Marker band = (Marker) threshold.getXYPlot().getDomainMarkers(Layer.BACKGROUND).iterator().next();
        assertThat(band).isInstanceOfSatisfying(org.jfree.chart.plot.IntervalMarker.class, m -> {
            assertThat(m.getStartValue()).isEqualTo(0.25);
            assertThat(m.getEndValue()).isEqualTo(0.35);
        });
        assertThat(chart(charts, "threshold").caption()).contains("median of the splits' thresholds");
        assertThat(page.html()).contains("threshold policy").contains("max-f1");
    }

    @Test
    void aComparisonUnderACostPolicyDrawsTheBestConfigurationsCostCurve() {
        ExperimentReportPage page = new ExperimentReportPage(experiment(1.8, "cost:5:1"));
        Charts.Chart cost = chart(page.charts(), "cost");
        assertThat(verticalLines(cost.chart())).containsExactly(0.3);
        assertThat(cost.caption()).contains("5 x false negatives + 1 x false positives");
        assertThat(page.html()).contains("id=\"chart-cost\"");
    }

    @Test
    void aComparisonUnderAPerRowCostPolicyDrawsTheCostCurveOfThePooledRowsCosts() {
        ExperimentReport flat = experiment(1.8, "cost:@amount:5");
        List<LeaderboardRow> rows = new ArrayList<>();
        for (LeaderboardRow row : flat.leaderboard().rows()) {
            List<FoldOutcome> folds = new ArrayList<>();
            for (FoldOutcome f : row.folds()) {
                LabelledScores ls = f.scores();
                folds.add(new FoldOutcome(f.repeat(), f.fold(), f.trainRows(), f.testRows(), f.testPositives(),
                        f.threshold(), f.fitSeconds(), f.metrics(), new LabelledScores(ls.source(), ls.mapping(),
                        ls.labels(), ls.scores(), amounts(ls.labels(), 10 * f.fold() + 1))));
            }
            rows.add(new LeaderboardRow(row.model(), row.backend(), row.params(), row.sampler(), row.classWeight(),
                    folds, row.worseThanBest(), row.pValue()));
        }
        Leaderboard board = new Leaderboard("payments.csv", "stratified 3-fold cross-validation", 42,
                dev.rareclass.domain.metrics.MetricName.PR_AUC, rows);
        ExperimentReportPage page = new ExperimentReportPage(ExperimentReport.of("Comparison", flat.dataset(), board,
                "cost:@amount:5", Map.of()));
        Charts.Chart cost = chart(page.charts(), "cost");
        assertThat(verticalLines(cost.chart())).containsExactly(0.3);
        assertThat(cost.caption()).contains("column 'amount'").contains("pooled out-of-fold scores");
        // the dot: every split's rows at its own threshold, their costs summed over the splits, per row
        double total = 0;
        int n = 0;
        for (FoldOutcome f : rows.get(0).folds()) {
            total += costByHand(f.scores(), f.threshold(), 5) * f.scores().labels().length;
            n += f.scores().labels().length;
        }
        assertThat(dot(cost.chart(), "cost at the splits' thresholds")[1]).isCloseTo(total / n, within(1e-9));
        // pooled, the least cost is where the policy would land on the pooled rows
        LabelledScores pooled = rows.get(0).pooledScores();
        assertThat(pooled.rowCosts()).isPresent();
        assertThat(cost.caption()).contains("is at threshold " + ModelReportPage.fmt(ThresholdPolicies
                .parse("cost:@amount:5").choose(pooled.labels(), pooled.scores(), pooled.rowCosts().orElseThrow())));

        assertThat(new ExperimentReportPage(flat).charts()).extracting(Charts.Chart::name)
                .as("splits scored without their costs: no curve to draw").doesNotContain("cost");
    }

    @Test
    void aComparisonWhereEveryConfigurationScoresAboveNinetyZoomsItsAxes() {
        List<Charts.Chart> good = new ExperimentReportPage(experiment(4.0, "max-f1")).charts();
        XYPlot roc = chart(good, "roc").chart().getXYPlot();
        assertThat(roc.getDomainAxis().getUpperBound()).isLessThanOrEqualTo(0.5);
        assertThat(roc.getRangeAxis().getLowerBound()).isGreaterThanOrEqualTo(0.5);
        assertThat(chart(good, "roc").caption()).contains("every configuration's ROC-AUC is above 0.9");
        assertThat(chart(good, "pr").chart().getXYPlot().getDomainAxis().getLowerBound()).isGreaterThan(0);
        var ranking = chart(good, "ranking").chart().getCategoryPlot().getRangeAxis();
        assertThat(ranking.getLowerBound()).isGreaterThan(0.8);
        assertThat(ranking.getLabel()).contains("zoomed");
        assertThat(chart(good, "ranking").caption()).contains("The axis starts at");

        List<Charts.Chart> fair = new ExperimentReportPage(experiment(1.0, "max-f1")).charts();
        assertThat(chart(fair, "roc").chart().getXYPlot().getDomainAxis().getUpperBound()).isGreaterThan(1);
        assertThat(chart(fair, "ranking").chart().getCategoryPlot().getRangeAxis().getLowerBound()).isZero();
        assertThat(chart(fair, "roc").caption()).doesNotContain("zoomed");
    }
}
