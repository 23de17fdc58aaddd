package dev.rareclass.adapters.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rareclass.domain.explain.Explanation;
import dev.rareclass.domain.explain.PartialDependence;
import dev.rareclass.domain.explain.PermutationImportance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/** The files of {@code rareclass explain}: importance and dependence as CSV and JSON, and the HTML page. */
final class ExplanationPage {

    /** Columns shown in the importance chart at most (the table and files have every column). */
    static final int CHART_COLUMNS = 20;

    private final Explanation e;

    ExplanationPage(Explanation e) {
        this.e = e;
    }

    String importanceCsv() {
        StringBuilder sb = new StringBuilder("rank,feature,importance_mean,importance_std");
        for (int r = 0; r < e.repeats(); r++) {
            sb.append(",drop_").append(r + 1);
        }
        sb.append('\n');
        int rank = 1;
        for (PermutationImportance.Importance i : e.importances()) {
            sb.append(rank++).append(',').append(csv(i.feature())).append(',').append(i.mean()).append(',')
                    .append(i.std());
            for (double d : i.drops()) {
                sb.append(',').append(d);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    String dependenceCsv() {
        StringBuilder sb = new StringBuilder("feature,type,value,mean_score\n");
        for (PartialDependence.Curve c : e.dependence()) {
            for (int g = 0; g < c.values().size(); g++) {
                sb.append(csv(c.feature())).append(',').append(c.type()).append(',').append(csv(c.values().get(g)))
                        .append(',').append(c.average()[g]).append('\n');
            }
        }
        return sb.toString();
    }

    String json() {
        ObjectNode root = JsonResults.MAPPER.createObjectNode();
        root.put("model", e.model());
        root.put("kind", e.modelName());
        root.put("data", e.data());
        root.put("rows", e.rows());
        root.put("positives", e.positives());
        root.put("metric", e.metric());
        root.put("baseline", e.baseline());
        root.put("repeats", e.repeats());
        root.put("seed", e.seed());
        ArrayNode imps = root.putArray("importance");
        for (PermutationImportance.Importance i : e.importances()) {
            ObjectNode o = imps.addObject();
            o.put("feature", i.feature());
            o.put("mean", i.mean());
            o.put("std", i.std());
            ArrayNode drops = o.putArray("drops");
            for (double d : i.drops()) {
                drops.add(d);
            }
        }
        ArrayNode deps = root.putArray("partial_dependence");
        for (PartialDependence.Curve c : e.dependence()) {
            ObjectNode o = deps.addObject();
            o.put("feature", c.feature());
            o.put("type", c.type());
            ArrayNode values = o.putArray("values");
            ArrayNode avg = o.putArray("mean_score");
            for (int g = 0; g < c.values().size(); g++) {
                if (c.type().equals("numeric")) {
                    values.add(c.x()[g]);
                } else {
                    values.add(c.values().get(g));
                }
                avg.add(c.average()[g]);
            }
        }
        try {
            return JsonResults.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    List<Charts.Chart> charts() {
        List<Charts.Chart> charts = new ArrayList<>();
        List<PermutationImportance.Importance> shown = e.importances().subList(0,
                Math.min(CHART_COLUMNS, e.importances().size()));
        List<String> labels = shown.stream().map(PermutationImportance.Importance::feature).toList();
        double[] means = shown.stream().mapToDouble(PermutationImportance.Importance::mean).toArray();
        double[] stds = shown.stream().mapToDouble(PermutationImportance.Importance::std).toArray();
        int height = Math.max(260, 60 + 26 * shown.size());
        charts.add(new Charts.Chart("importance", "Drop in " + e.metric() + " when the column's values are shuffled "
                + "across rows: mean and ± one standard deviation over " + e.repeats() + " shuffles. "
                + (e.importances().size() > shown.size() ? "The " + shown.size() + " most important of "
                + e.importances().size() + " columns." : ""),
                Charts.meanBars("Permutation importance", e.metric(), "drop in " + e.metric()
                        + " (mean ± std over shuffles)", labels, means, stds), Charts.WIDTH, height));
        int k = 0;
        for (PartialDependence.Curve c : e.dependence()) {
            JFreeChart chart;
            if (c.type().equals("numeric")) {
                chart = Charts.lines("Partial dependence: " + c.feature(), c.feature(), "mean score",
                        List.of(Charts.Line.of("mean score", c.x(), c.average())), false, Charts.palette(1));
            } else {
                chart = Charts.meanBars("Partial dependence: " + c.feature(), "mean score", "mean score", c.values(),
                        c.average(), new double[c.average().length]);
            }
            charts.add(new Charts.Chart("dependence-" + (++k), "The model's mean score over all " + e.rows()
                    + " rows with " + c.feature() + " set to each value"
                    + (c.type().equals("numeric") ? " (5th to 95th percentile)." : " (its levels)."), chart));
        }
        return charts;
    }

    String html() {
        List<Charts.Chart> charts = charts();
        Html page = new Html("Explanation of " + e.modelName(), e.model() + " on " + e.data());
        page.section("summary", "Summary");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("model", e.model() + " (" + e.modelName() + ")");
        facts.put("data", e.data() + ": " + e.rows() + " rows, " + e.positives() + " positive");
        facts.put(e.metric() + " on the data", Html.num4(e.baseline()));
        facts.put("shuffles per column", e.repeats() + " (seed " + e.seed() + ")");
        page.facts(facts);
        page.section("importance", "Permutation importance");
        page.paragraph("How much " + e.metric() + " drops when one column's values are shuffled across rows, breaking "
                + "its link to the label while keeping its distribution (scikit-learn's permutation_importance). "
                + "Near zero: the model does not rely on the column; negative: shuffling happened to help.");
        page.charts(charts.subList(0, 1));
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (PermutationImportance.Importance i : e.importances()) {
            rows.add(List.of(Integer.toString(rank++), i.feature(), Html.num4(i.mean()), Html.num4(i.std())));
        }
        page.table(List.of("rank", "column", "drop (mean)", "std"), rows, 2, null);
        if (!e.dependence().isEmpty()) {
            page.section("dependence", "Partial dependence");
            page.paragraph("For the most important columns: the model's mean score when every row's value of the "
                    + "column is set to each value in turn, the others left as they are (scikit-learn's "
                    + "partial_dependence, average kind).");
            page.charts(charts.subList(1, charts.size()));
        }
        return page.render("Written by rareclass explain. Self-contained: no scripts, nothing loaded from the network.");
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
