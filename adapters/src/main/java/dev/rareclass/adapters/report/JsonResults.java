package dev.rareclass.adapters.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.experiment.FoldOutcome;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.LeaderboardRow;
import dev.rareclass.domain.experiment.Summary;
import dev.rareclass.domain.metrics.ClassReportRow;
import dev.rareclass.domain.metrics.Curve;
import dev.rareclass.domain.metrics.MetricName;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON documents rareclass writes. Metric keys are {@link MetricName#key()}, so the same
 * names appear on the command line, in JSON and in reports. Undefined values (NaN) are written as null.
 */
final class JsonResults {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonResults() {
    }

    /** Every metric, the confusion counts, the threshold and the classification report; the curves when asked for. */
    static ObjectNode evaluation(Evaluation e, boolean curves) {
        ObjectNode root = MAPPER.createObjectNode();
        for (Map.Entry<MetricName, Double> m : e.metrics().asMap().entrySet()) {
            put(root, m.getKey().key(), m.getValue(), m.getKey());
        }
        root.put("threshold", e.metrics().threshold());
        root.put("threshold_policy", e.policy());
        // what the threshold costs, for a cost policy (what it minimised): the total and its two parts
        e.cost().ifPresent(c -> {
            number(root, "cost", c.total());
            number(root, "cost_of_missed_positives", c.missedCost());
            number(root, "cost_of_false_alarms", c.falseAlarmCost());
        });
        root.put("model", e.model());
        root.put("data", e.dataSource());
        root.put("rows", e.metrics().counts().tp() + e.metrics().counts().fp() + e.metrics().counts().tn() + e.metrics().counts().fn());
        // every warning the command said of the table and the numbers (a table of one class, the training file), as said
        ArrayNode warnings = root.putArray("warnings");
        e.warnings().forEach(warnings::add);
        ArrayNode report = root.putArray("classification_report");
        for (ClassReportRow row : e.report().rows()) {
            ObjectNode r = report.addObject();
            r.put("class", row.label());
            number(r, "precision", row.precision());
            number(r, "recall", row.recall());
            number(r, "f1", row.f1());
            r.put("support", row.support());
        }
        ArrayNode top = root.putArray("top_shares");
        for (dev.rareclass.domain.metrics.TopShares.Top t : e.top()) {
            ObjectNode o = top.addObject();
            o.put("share", t.share());
            o.put("rows", t.rows());
            o.put("threshold", t.threshold());
            number(o, "precision", t.precision());
            number(o, "recall", t.recall());
        }
        ObjectNode intervals = root.putObject("intervals_95");
        e.intervals().forEach((metric, ci) -> {
            ArrayNode bounds = intervals.putArray(metric);
            bounds.add(ci.low());
            bounds.add(ci.high());
        });
        if (curves) {
            root.set("roc_curve", curve(e.roc(), "fpr", "tpr"));
            root.set("pr_curve", curve(e.precisionRecall(), "recall", "precision"));
        }
        return root;
    }

    /** The experiment's full results: every configuration with its summary and every split's metrics. */
    static ObjectNode leaderboard(Leaderboard board) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("data", board.dataset());
        root.put("protocol", board.protocol());
        root.put("seed", board.seed());
        root.put("metric", board.metric().key());
        // every warning the run said (trials of a search left out, ...), as said without its prefix; empty when none
        ArrayNode warnings = root.putArray("warnings");
        board.warnings().forEach(warnings::add);
        ArrayNode splits = root.putArray("splits");
        for (List<Integer> testRows : board.splitTestRows()) {
            ArrayNode rowNumbers = splits.addObject().putArray("test_rows");
            testRows.forEach(rowNumbers::add);
        }
        ArrayNode rows = root.putArray("rows");
        int rank = 1;
        for (LeaderboardRow row : board.rows()) {
            ObjectNode r = rows.addObject();
            r.put("rank", rank++);
            r.put("model", row.model());
            r.put("backend", row.backend());
            ObjectNode params = r.putObject("params");
            row.params().asMap().forEach(params::put);
            r.put("sampler", row.sampler());
            r.put("class_weight", row.classWeight());
            for (MetricName name : MetricName.values()) {
                Summary s = row.metric(name);
                number(r, name.key() + "_mean", s.mean());
                number(r, name.key() + "_std", s.std());
            }
            number(r, "fit_seconds_mean", row.fitSeconds().mean());
            r.put("worse_than_best", row.worseThanBest());
            number(r, "p_value", row.pValue());
            if (row.folds().size() == 1) {
                // a hold-out protocol: the one test split's numbers, under the names recipes report
                FoldOutcome f = row.folds().get(0);
                ObjectNode test = r.putObject("test");
                number(test, "test_roc_auc", f.metrics().get(MetricName.ROC_AUC));
                number(test, "test_pr_auc", f.metrics().get(MetricName.PR_AUC));
                number(test, "recall", f.metrics().get(MetricName.RECALL));
                number(test, "false_positive_rate", 1 - f.metrics().get(MetricName.SPECIFICITY));
                number(test, "precision", f.metrics().get(MetricName.PRECISION));
                number(test, "mcc", f.metrics().get(MetricName.MCC));
                number(test, "threshold", f.threshold());
                test.put("tp", (long) f.metrics().get(MetricName.TP));
                test.put("fp", (long) f.metrics().get(MetricName.FP));
                test.put("tn", (long) f.metrics().get(MetricName.TN));
                test.put("fn", (long) f.metrics().get(MetricName.FN));
            }
            ArrayNode folds = r.putArray("folds");
            for (FoldOutcome f : row.folds()) {
                ObjectNode fold = folds.addObject();
                fold.put("repeat", f.repeat());
                fold.put("fold", f.fold());
                fold.put("train_rows", f.trainRows());
                fold.put("test_rows", f.testRows());
                fold.put("test_positives", f.testPositives());
                number(fold, "threshold", f.threshold());
                number(fold, "fit_seconds", f.fitSeconds());
                ObjectNode metrics = fold.putObject("metrics");
                for (Map.Entry<MetricName, Double> m : f.metrics().asMap().entrySet()) {
                    put(metrics, m.getKey().key(), m.getValue(), m.getKey());
                }
            }
        }
        return root;
    }

    private static ObjectNode curve(Curve c, String xName, String yName) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode x = node.putArray(xName);
        ArrayNode y = node.putArray(yName);
        ArrayNode t = node.putArray("thresholds");
        double[] xs = c.x();
        double[] ys = c.y();
        double[] ts = c.thresholds();
        for (int i = 0; i < xs.length; i++) { // NaN (the true positive rates of labels without a positive): null
            addNumber(x, xs[i]);
            addNumber(y, ys[i]);
        }
        for (double v : ts) {
            if (Double.isFinite(v)) {
                t.add(v);
            } else {
                t.addNull();
            }
        }
        return node;
    }

    private static void addNumber(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }

    private static void put(ObjectNode node, String key, double value, MetricName name) {
        switch (name) {
            case TP, FP, TN, FN -> node.put(key, (long) value);
            default -> number(node, key, value);
        }
    }

    static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
