package dev.rareclass.adapters.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.experiment.DatasetSummary;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.experiment.ExperimentReport;
import dev.rareclass.domain.experiment.FoldOutcome;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.LeaderboardRow;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainingHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportSinkTest {

    private static final LabelMapping LABEL = new LabelMapping("Hazardous", "True", "False");

    @TempDir
    Path dir;

    private final HtmlReportSink sink = new HtmlReportSink();

    /** Rare positives whose scores are higher on average; anomaly scores are positive and span decades. */
    static LabelledScores scores(int n, double rate, boolean anomaly, long seed) {
        return scores(n, rate, anomaly, seed, 1.8);
    }

    /** As above, the positives' scores shifted by {@code shift} standard deviations (ROC-AUC about Φ(shift/√2)). */
    static LabelledScores scores(int n, double rate, boolean anomaly, long seed, double shift) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < rate ? 1 : 0;
            double z = rng.nextGaussian() + (y[i] == 1 ? shift : 0);
            s[i] = anomaly ? Math.exp(1.6 * z) : 1 / (1 + Math.exp(-(z - 2)));
        }
        y[0] = 1;
        y[1] = 0;
        return new LabelledScores("test.csv", LABEL, y, s);
    }

    static ModelReport modelReport(ScoreKind kind, boolean history) {
        return modelReport(kind, history, "max-f1", 1.8, kind == ScoreKind.ANOMALY ? 8.0 : 0.3);
    }

    static ModelReport modelReport(ScoreKind kind, boolean history, String policy, double shift, double threshold) {
        LabelledScores ls = scores(3000, 0.05, kind == ScoreKind.ANOMALY, 7, shift);
        BinaryMetrics m = BinaryMetrics.compute(ls.labels(), ls.scores(), threshold, kind == ScoreKind.PROBABILITY);
        Evaluation e = new Evaluation("test.csv", "mlp@dl4j", policy, m,
                ClassificationReport.of(m.counts(), "False", "True"), Curves.roc(ls.labels(), ls.scores()),
                Curves.precisionRecall(ls.labels(), ls.scores()));
        Optional<TrainingHistory> h = Optional.empty();
        if (history) {
            List<EpochRecord> epochs = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                epochs.add(new EpochRecord(i, Map.of("loss", 1.0 / i, "val_loss", 1.2 / i + 0.002 * i,
                        "val_pr_auc", 0.5 + 0.3 * (1 - Math.exp(-i / 5.0)), "val_roc_auc", 0.8 + 0.1 * (1 - Math.exp(-i / 4.0)))));
            }
            h = Optional.of(new TrainingHistory(epochs, 22));
        }
        return new ModelReport("Evaluation of <model> & \"friends\"", "every row of test.csv",
                new DatasetSummary("test.csv", 3000, 150, 12, LABEL), e, ls, kind, h,
                Map.of("model", "mlp@dl4j", "threshold", Double.toString(threshold)),
                Map.of("created", "2025-01-01T00:00:00Z", "rareclass", "0.1.0"), Map.of("pr_auc", 0.61));
    }

    static Leaderboard leaderboard(int configs) {
        return leaderboard(configs, 1.8, new double[] {0.25, 0.3, 0.35});
    }

    /** Configurations of three splits each; split f of every configuration is used at {@code thresholds[f]}. */
    static Leaderboard leaderboard(int configs, double shift, double[] thresholds) {
        List<LeaderboardRow> rows = new ArrayList<>();
        String[] models = {"logistic", "random-forest", "mlp"};
        for (int c = 0; c < configs; c++) {
            List<FoldOutcome> folds = new ArrayList<>();
            for (int f = 0; f < 3; f++) {
                LabelledScores ls = scores(500, 0.1, false, 100L * c + f, shift);
                double threshold = thresholds[f];
                BinaryMetrics m = BinaryMetrics.compute(ls.labels(), ls.scores(), threshold, true);
                folds.add(new FoldOutcome(0, f, 1000, 500, 50, threshold, 1.5, m, ls));
            }
            rows.add(new LeaderboardRow(models[c % 3], c % 3 == 2 ? "dl4j" : "smile", Hyperparameters.empty(),
                    c < 3 ? "none" : "smote", "none", folds, c > 0, c == 0 ? Double.NaN : 0.01 * c));
        }
        return new Leaderboard("nasa.csv", "stratified 3-fold cross-validation", 42, MetricName.PR_AUC, rows);
    }

    static Document parse(Path html) throws IOException {
        String text = Files.readString(html);
        assertSelfContained(text);
        return Jsoup.parse(text);
    }

    /** No scripts, no external stylesheets, fonts or images: nothing with a URL to fetch. */
    static void assertSelfContained(String html) {
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("link")).isEmpty();
        for (Element e : doc.select("[src], [href], [xlink:href]")) {
            for (String attr : List.of("src", "href", "xlink:href")) {
                String v = e.attr(attr);
                assertThat(v).as(e.tagName() + " " + attr).doesNotContain("://").doesNotStartWith("//");
                if (!v.isEmpty()) {
                    assertThat(v).as("only in-page links").startsWith("#");
                }
            }
        }
        assertThat(html).doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(http");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("</html>");
    }

    @Test
    void modelReportHasEverySectionAndChart() throws IOException {
        Path html = dir.resolve("model.html");
        Path plots = dir.resolve("plots");
        List<Path> written = sink.writeModelReport(modelReport(ScoreKind.PROBABILITY, true), html, Optional.of(plots));

        Document doc = parse(html);
        for (String id : List.of("summary", "dataset", "metrics", "confusion", "classification-report", "curves",
                "threshold", "scores", "learning", "model", "provenance")) {
            assertThat(doc.getElementById(id)).as(id).isNotNull();
        }
        List<String> charts = doc.select("figure.chart").eachAttr("id");
        assertThat(charts).containsExactly("chart-confusion-matrix", "chart-roc", "chart-pr", "chart-threshold",
                "chart-scores", "chart-gain", "chart-calibration", "chart-learning-loss", "chart-learning-metric");
        assertThat(doc.select("figure.chart > svg")).hasSize(9);
        // the caption gives the mean score against the rows' positive share, as computed from the report's rows
        LabelledScores shown = modelReport(ScoreKind.PROBABILITY, true).scores();
        double mean = java.util.Arrays.stream(shown.scores()).average().orElseThrow();
        double share = java.util.Arrays.stream(shown.labels()).average().orElseThrow();
        assertThat(doc.select("#chart-calibration figcaption").text()).contains("Brier score")
                .contains("Mean score " + Html.num4(mean) + " against a positive share of " + Html.num4(share));
        assertThat(doc.select("#chart-gain figcaption").text()).contains("Lift at 10%");
        // the page's title is escaped, not interpreted
        assertThat(doc.title()).isEqualTo("Evaluation of <model> & \"friends\"");
        assertThat(doc.select("#classification-report td").eachText()).contains("macro avg", "weighted avg", "True");
        // chart definitions have ids unique in the page, so clip paths of one chart never apply to another
        List<String> ids = doc.select("svg [id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates();

        Path md = dir.resolve("model.md");
        assertThat(written).contains(html, md, plots.resolve("roc.png"), plots.resolve("learning-loss.png"));
        assertThat(Files.readString(md)).contains("## Confusion matrix").contains("| pr_auc |").contains("macro avg");
        byte[] png = Files.readAllBytes(plots.resolve("confusion-matrix.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        try (var files = Files.list(plots)) {
            assertThat(files.count()).isEqualTo(9);
        }
    }

    /** A report of 200 rows of class {@code only} (0 or 1), scored as {@link #scores} scores them. */
    static ModelReport oneClassReport(int only) {
        LabelledScores some = scores(200, 0.5, false, 11);
        int[] y = new int[200];
        java.util.Arrays.fill(y, only);
        LabelledScores ls = new LabelledScores("month.csv", LABEL, y, some.scores());
        BinaryMetrics m = BinaryMetrics.compute(y, ls.scores(), 0.3, true);
        Evaluation e = new Evaluation("month.csv", "logistic@smile", "max-f1", m,
                ClassificationReport.of(m.counts(), "False", "True"), Curves.roc(y, ls.scores()),
                Curves.precisionRecall(y, ls.scores())).withOneClassWarning(LABEL);
        return new ModelReport("Evaluation of month", "every row of month.csv",
                new DatasetSummary("month.csv", 200, only * 200, 12, LABEL), e, ls, ScoreKind.PROBABILITY,
                Optional.empty(), Map.of("model", "logistic@smile"), Map.of("rareclass", "0.1.0"), Map.of());
    }

    @Test
    void reportOfNegativesOnlyWarnsAndDrawsNoCurveThatNeedsPositives() throws IOException {
        Path html = dir.resolve("neg.html");
        Path plots = dir.resolve("neg-plots");
        ModelReport report = oneClassReport(0);
        long flagged = report.evaluation().metrics().counts().fp();
        assertThat(flagged).isBetween(1L, 199L); // some false alarms to count
        List<Path> written = sink.writeModelReport(report, html, Optional.of(plots));

        Document doc = parse(html);
        // the console's warning, on the page: roc_auc n/a, the zero_division conventions, the false alarms
        assertThat(doc.select("#summary p.note").text()).startsWith("Warning: month.csv holds no positive row")
                .contains("roc_auc is n/a").contains("zero_division")
                .contains("every flagged row is a false alarm: " + flagged + " of 200 flagged");
        // ROC, precision-recall, precision/recall against the threshold and gain all divide by the positives
        assertThat(doc.select("figure.chart").eachAttr("id"))
                .containsExactly("chart-confusion-matrix", "chart-scores", "chart-calibration");
        assertThat(doc.select("#curves p.note").text())
                .isEqualTo("No ROC or precision-recall curve: these rows hold no positive row; both curves divide by "
                        + "the count of each class at every threshold.");
        assertThat(doc.select("#threshold p.note").text()).startsWith("No precision and recall against the threshold");
        assertThat(doc.select("#ranking h2").text()).isEqualTo("Calibration");
        assertThat(doc.select("#ranking p.note").text()).startsWith("No cumulative gain: these rows hold no positive row");
        assertThat(Files.readString(dir.resolve("neg.md"))).contains("**Warning:** month.csv holds no positive row");
        try (var files = Files.list(plots)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("calibration.png", "confusion-matrix.png", "scores.png");
        }
        assertThat(written).contains(plots.resolve("scores.png")).doesNotContain(plots.resolve("roc.png"));
    }

    @Test
    void reportOfPositivesOnlyWarnsAndKeepsRecallAgainstTheThreshold() throws IOException {
        Path html = dir.resolve("pos.html");
        ModelReport report = oneClassReport(1);
        long caught = report.evaluation().metrics().counts().tp();
        sink.writeModelReport(report, html, Optional.empty());

        Document doc = parse(html);
        assertThat(doc.select("#summary p.note").text()).startsWith("Warning: month.csv holds no negative row")
                .contains("pr_auc is 1 for any scores").contains("caught " + caught + " of 200 positives");
        // no ROC point at a false-positive rate of 1 (specificity 0 by convention), no flat precision-recall line
        assertThat(doc.select("figure.chart").eachAttr("id")).containsExactly("chart-confusion-matrix",
                "chart-threshold", "chart-scores", "chart-calibration");
        assertThat(doc.select("#curves p.note").text()).startsWith("No ROC or precision-recall curve: these rows hold "
                + "no negative row");
        assertThat(doc.select("#chart-threshold figcaption").text())
                .contains("These rows are all positive: the recall is the share of them caught");
        assertThat(doc.select("#threshold p.note")).isEmpty();
    }

    @Test
    void evaluationJsonListsTheWarningsAndAnEmptyListOnBothClasses() throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var both = mapper.readTree(new FileResultSink().evaluationJson(
                modelReport(ScoreKind.PROBABILITY, false).evaluation(), false));
        assertThat(both.get("warnings").isArray()).isTrue();
        assertThat(both.get("warnings")).isEmpty();
        Evaluation negatives = oneClassReport(0).evaluation();
        var json = mapper.readTree(new FileResultSink().evaluationJson(negatives, false));
        assertThat(json.get("warnings")).hasSize(1);
        assertThat(json.get("warnings").get(0).asText()).isEqualTo(negatives.warnings().get(0))
                .startsWith("month.csv holds no positive row");
        // the console's line is the same sentence after its prefix
        assertThat(Evaluation.oneClassWarning("month.csv", LABEL, negatives.metrics().counts()))
                .contains(ProgressListener.WARNING + negatives.warnings().get(0));
    }

    @Test
    void reportOfBothClassesHasNoOneClassNote() throws IOException {
        Path html = dir.resolve("both.html");
        sink.writeModelReport(modelReport(ScoreKind.PROBABILITY, false), html, Optional.empty());
        Document doc = parse(html);
        assertThat(doc.select("p.note").text()).doesNotContain("Warning").doesNotContain("these rows hold no");
        assertThat(doc.select("#ranking h2").text()).isEqualTo("Cumulative gain and calibration");
    }

    @Test
    void anomalyReportShowsReconstructionErrorAndNoLearningCurvesWithoutHistory() throws IOException {
        Path html = dir.resolve("ae.html");
        sink.writeModelReport(modelReport(ScoreKind.ANOMALY, false), html, Optional.empty());
        Document doc = parse(html);
        assertThat(doc.getElementById("learning")).isNull();
        assertThat(doc.select("figure.chart > svg")).hasSize(6); // an anomaly detector: gain, but no calibration
        assertThat(doc.getElementById("scores").text()).contains("Reconstruction error by class");
        assertThat(doc.select("#chart-scores svg").outerHtml()).contains("log10 reconstruction error");
        assertThat(doc.getElementById("metrics").text()).contains("brier and log_loss are undefined");
    }

    @Test
    void anExperimentOfOneSplitShowsValuesWithoutASpreadItNeverMeasured() throws IOException {
        List<LeaderboardRow> rows = new ArrayList<>();
        for (LeaderboardRow r : leaderboard(2).rows()) {
            rows.add(new LeaderboardRow(r.model(), r.backend(), r.params(), r.sampler(), r.classWeight(),
                    r.folds().subList(0, 1), false, Double.NaN));
        }
        Leaderboard board = new Leaderboard("nasa.csv", "hold-out 25%", 42, MetricName.PR_AUC, rows);
        sink.writeExperimentReport(new ExperimentReport("Comparison", Optional.empty(), board, List.of(), Map.of()),
                dir, Optional.empty());
        String html = Files.readString(dir.resolve("report.html"));
        Document doc = parse(dir.resolve("report.html"));
        assertThat(html).doesNotContain("±").doesNotContain("mean ± std");
        assertThat(doc.select("#leaderboard thead th").eachText()).containsOnlyOnce("pr_auc");
        assertThat(doc.select("#leaderboard tbody tr").get(0).select("td").get(5).text())
                .isEqualTo(Html.num4(rows.get(0).metric(MetricName.PR_AUC).mean()));
        assertThat(doc.getElementById("leaderboard").text()).contains("Values on the one test split");
        assertThat(doc.getElementById("summary").text()).contains("not tested (one split)");
        assertThat(Files.readString(dir.resolve("summary.md"))).doesNotContain("±");

        // several splits keep the spread, and the ranking metric is still one column
        sink.writeExperimentReport(new ExperimentReport("Comparison", Optional.empty(), leaderboard(2), List.of(),
                Map.of()), dir.resolve("three"), Optional.empty());
        Document three = parse(dir.resolve("three").resolve("report.html"));
        assertThat(three.select("#leaderboard thead th").eachText()).contains("pr_auc mean ± std")
                .doesNotContain("pr_auc");
        assertThat(three.select("#leaderboard tbody tr").get(0).select("td").get(5).text()).contains(" ± ");
    }

    @Test
    void experimentReportWithoutScoresDrawsOperatingPoints() throws IOException {
        Leaderboard board = leaderboard(4);
        List<Path> written = sink.writeExperimentReport(new ExperimentReport("Comparison", Optional.of(
                new DatasetSummary("nasa.csv", 1500, 150, 30, LABEL)), board, List.of(), Map.of("jobs", "2")), dir,
                Optional.empty());
        assertThat(written).containsExactly(dir.resolve("report.html"), dir.resolve("summary.md"));
        Document doc = parse(dir.resolve("report.html"));
        for (String id : List.of("summary", "dataset", "leaderboard", "curves", "best", "splits")) {
            assertThat(doc.getElementById(id)).as(id).isNotNull();
        }
        assertThat(doc.select("figure.chart").eachAttr("id")).containsExactly("chart-ranking", "chart-metrics",
                "chart-roc", "chart-pr", "chart-confusion-matrix");
        assertThat(doc.select("#leaderboard tbody tr")).hasSize(4);
        assertThat(doc.select("#leaderboard tr.best")).hasSize(1);
        assertThat(doc.getElementById("curves").text()).contains("operating point");
        assertThat(doc.select("#chart-roc svg").outerHtml()).contains("no skill").contains("#2 random-forest@smile");
        String md = Files.readString(dir.resolve("summary.md"));
        assertThat(md).contains("# Comparison").contains("| 1 | logistic@smile |").contains("macro avg");
    }

    @Test
    void markdownShowsHtmlAndLineBreaksInLabelsAsText() throws IOException {
        // a label column lab</td>el and a positive value <i>"pos"&</i> were copied raw into the .md, and a line break
        // in a value split a row of the classification report
        LabelMapping hostile = new LabelMapping("lab</td>el", "<i>\"pos\"&</i>", "neg\nline");
        ModelReport plain = modelReport(ScoreKind.PROBABILITY, false);
        Evaluation e = plain.evaluation();
        Evaluation relabelled = new Evaluation(e.dataSource(), e.model(), e.policy(), e.metrics(),
                ClassificationReport.of(e.metrics().counts(), hostile.negativeValue(), hostile.positiveValue()), e.roc(),
                e.precisionRecall());
        LabelledScores ls = plain.scores();
        ModelReport report = new ModelReport("Model <b>x</b>", plain.scoredPart(),
                new DatasetSummary("test.csv", 3000, 150, 12, hostile), relabelled,
                new LabelledScores(ls.source(), hostile, ls.labels(), ls.scores()), ScoreKind.PROBABILITY, Optional.empty(),
                plain.model(), plain.provenance(), plain.validationMetrics());
        Path html = dir.resolve("model.html");
        sink.writeModelReport(report, html, Optional.empty());
        String md = Files.readString(dir.resolve("model.md"));
        // in the fenced classification report HTML is shown as written; everywhere else it must be escaped
        String block = fenced(md);
        assertThat(block.lines()).hasSize(8).anySatisfy(l -> assertThat(l).startsWith("<i>\"pos\"&</i> "))
                .anySatisfy(l -> assertThat(l).startsWith("    neg\\nline "));
        assertThat(md.replace(block, "")).doesNotContain("<i>", "</td>", "<b>")
                .contains("# Model &lt;b&gt;x&lt;/b&gt;")
                .contains("| label | lab&lt;/td&gt;el (positive: &lt;i&gt;\"pos\"&amp;&lt;/i&gt;, negative: neg\\nline) |")
                .contains("| actual \\ predicted | neg\\nline | &lt;i&gt;\"pos\"&amp;&lt;/i&gt; |");

        sink.writeExperimentReport(new ExperimentReport("Comparison of <b>x</b>", Optional.of(
                new DatasetSummary("nasa.csv", 1500, 150, 30, hostile)), leaderboard(2), List.of(), Map.of()), dir,
                Optional.empty());
        String summary = Files.readString(dir.resolve("summary.md"));
        assertThat(fenced(summary).lines()).hasSize(8);
        assertThat(summary.replace(fenced(summary), "")).doesNotContain("<i>", "</td>", "<b>")
                .contains("# Comparison of &lt;b&gt;x&lt;/b&gt;")
                .contains("| actual \\ predicted | neg\\nline | &lt;i&gt;\"pos\"&amp;&lt;/i&gt; |");
    }

    /** The text of the first fenced block. */
    private static String fenced(String md) {
        int open = md.indexOf("```\n") + 4;
        return md.substring(open, md.indexOf("```\n", open));
    }

    @Test
    void experimentReportWithPooledScoresDrawsCurves() throws IOException {
        Leaderboard board = leaderboard(3);
        List<LabelledScores> pooled = List.of(scores(1500, 0.1, false, 1), scores(1500, 0.1, false, 2),
                scores(1500, 0.1, false, 3));
        sink.writeExperimentReport(new ExperimentReport("Comparison", Optional.empty(), board, pooled, Map.of()), dir,
                Optional.of(dir.resolve("png")));
        Document doc = parse(dir.resolve("report.html"));
        assertThat(doc.getElementById("dataset")).isNull();
        assertThat(doc.select("#chart-roc svg").outerHtml()).contains("AUC");
        assertThat(doc.select("#chart-pr svg").outerHtml()).contains("AP ");
        assertThat(doc.getElementById("curves").text()).doesNotContain("operating point rather than whole curves");
        assertThat(dir.resolve("png/pr.png")).exists();
    }

    @Test
    void markdownGoesBesideTheHtml() {
        assertThat(HtmlReportSink.markdownBeside(Path.of("a/b/report.HTML"))).isEqualTo(Path.of("a/b/report.md"));
        assertThat(HtmlReportSink.markdownBeside(Path.of("r.htm"))).isEqualTo(Path.of("r.md"));
        assertThat(HtmlReportSink.markdownBeside(Path.of("report"))).isEqualTo(Path.of("report.md"));
    }

    @Test
    void thinningKeepsEndsAndBoundsThePointCount() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (double) n;
            y[i] = Math.sqrt(x[i]);
        }
        double[][] t = Charts.thin(x, y, 800);
        assertThat(t[0].length).isLessThan(2000).isGreaterThan(100);
        assertThat(t[0][0]).isEqualTo(0);
        assertThat(t[0][t[0].length - 1]).isEqualTo(x[n - 1]);
    }
}
