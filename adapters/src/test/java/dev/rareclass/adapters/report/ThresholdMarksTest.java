package dev.rareclass.adapters.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rareclass.domain.experiment.DatasetSummary;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.LeaderboardRow;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.metrics.ConfusionCounts;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

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
        assertThat(least.bestThreshold()).isEqualTo(ThresholdPolicies.parse("cost:10:1").choose(y, s));
        assertThat(cost.caption()).contains("least cost").contains(ModelReportPage.fmt(least.bestThreshold()));
    }

    @Test
    void onlyACostPolicyWithTwoFixedCostsHasACostCurve() {
        assertThat(ThresholdCharts.Costs.of("cost:10:1")).contains(new ThresholdCharts.Costs(10, 1));
        assertThat(ThresholdCharts.Costs.of("COST: 2.5 : 0")).contains(new ThresholdCharts.Costs(2.5, 0));
        assertThat(ThresholdCharts.Costs.of("cost:@amount:1")).isEmpty();
        assertThat(ThresholdCharts.Costs.of("max-f1")).isEmpty();
        assertThat(ThresholdCharts.Costs.of("0.5")).isEmpty();
        assertThat(ThresholdCharts.Costs.of("cost:0:0")).isEmpty();
        assertThat(ThresholdCharts.Costs.of("")).isEmpty();
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
