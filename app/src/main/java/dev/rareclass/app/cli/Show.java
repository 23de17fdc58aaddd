package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.experiment.Experiment;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.LeaderboardRow;
import dev.rareclass.domain.experiment.Summary;
import dev.rareclass.domain.metrics.ConfusionCounts;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import dev.rareclass.domain.usecase.ExperimentUseCase;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.Locale;
import java.util.Map;

/** Plain-text renderings for stdout: evaluations, leaderboards, metric lists. */
final class Show {

    static final List<MetricName> LEADERBOARD_METRICS = List.of(MetricName.PR_AUC, MetricName.ROC_AUC,
            MetricName.MCC, MetricName.F1, MetricName.RECALL, MetricName.PRECISION, MetricName.BALANCED_ACCURACY);

    private Show() {
    }

    /**
     * An experiment's result: the leaderboard, the best parameters of a search, where the results, the report
     * and a refitted model went.
     */
    static void experiment(PrintWriter out, ExperimentUseCase.Result r, boolean manifest) {
        leaderboard(out, r.leaderboard());
        r.bestParams().ifPresent(p -> out.println("\nBest parameters: " + p));
        r.results().ifPresent(dir -> {
            out.printf(Locale.ROOT, "%nWrote %s%s and %s (%.1f s)%n", dir.resolve("leaderboard.csv"),
                    manifest ? ", " + dir.resolve("results.json") : "",
                    dir.resolve(manifest ? "manifest.json" : "results.json"), r.seconds());
            written(out, r.written());
        });
        r.model().ifPresent(m -> out.println("Refitted the best parameters on every row; saved " + m));
        out.flush();
    }

    /** One line naming the files a report wrote. */
    static void written(PrintWriter out, List<java.nio.file.Path> files) {
        if (files.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("Report:");
        List<java.nio.file.Path> pngs = files.stream().filter(f -> f.getFileName().toString().endsWith(".png")).toList();
        files.stream().filter(f -> !pngs.contains(f)).forEach(f -> sb.append(' ').append(f));
        if (!pngs.isEmpty()) {
            sb.append(" (and ").append(pngs.size()).append(" PNG charts in ").append(pngs.get(0).getParent()).append(')');
        }
        out.println(sb);
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }

    /** A chosen threshold, exactly (see {@link ThresholdPolicies#text}): reusing it must give the same predictions. */
    static String threshold(double v) {
        return ThresholdPolicies.text(v);
    }

    /**
     * " by POLICY" after a chosen threshold, or nothing for a threshold given outright, whose policy is the number
     * itself (the line goes on to say it is fixed).
     */
    static String chosenBy(String policy) {
        return ThresholdPolicies.isFixed(policy) ? "" : " by " + policy;
    }

    static void evaluation(PrintWriter out, Evaluation e) {
        out.printf(Locale.ROOT, "%s on %s (threshold %s%s)%n", e.model(), e.dataSource(),
                threshold(e.metrics().threshold()), ThresholdPolicies.isFixed(e.policy()) ? ", fixed" : ", " + e.policy());
        for (Map.Entry<MetricName, Double> m : e.metrics().asMap().entrySet()) {
            switch (m.getKey()) {
                case TP, FP, TN, FN -> { }
                default -> {
                    var ci = e.intervals().get(m.getKey().key());
                    out.printf(Locale.ROOT, "  %-18s %s%s%n", m.getKey().key(), num(m.getValue()), ci == null ? ""
                            : "   (95% interval " + num(ci.low()) + " to " + num(ci.high()) + ")");
                }
            }
        }
        // what the threshold costs, for a cost policy: what it minimised
        e.cost().ifPresent(c -> out.printf(Locale.ROOT, "  %-18s %s%n", "cost", c.text()));
        ConfusionCounts counts = e.metrics().counts();
        if (counts.positives() == 0) {
            // a table of negatives only checks false alarms: how many rows the model flags is the number that counts
            out.printf(Locale.ROOT, "  %-18s %,d of %,d rows, all false alarms (false-positive rate %s)%n", "flagged",
                    counts.fp(), counts.total(), num(1 - counts.specificity()));
        } else if (counts.negatives() == 0) {
            // and a table of positives only checks catches: how many of them the model flags
            out.printf(Locale.ROOT, "  %-18s %,d of %,d positives (recall %s)%n", "caught", counts.tp(),
                    counts.total(), num(counts.recall()));
        }
        if (!e.top().isEmpty()) {
            out.println();
            out.println("Top of the ranking (rows with the highest scores)");
            for (var t : e.top()) {
                out.printf(Locale.ROOT, "  top %-4s %7d rows   precision %s   recall %s%n",
                        Math.round(t.share() * 100) + "%", t.rows(), num(t.precision()), num(t.recall()));
            }
        }
        if (!e.intervals().isEmpty()) {
            out.println("(intervals: " + String.format(java.util.Locale.ROOT, "%,d",
                    dev.rareclass.domain.metrics.BootstrapIntervals.RESAMPLES)
                    + " stratified bootstrap resamples of the rows, seeded)");
        }
        ConfusionCounts c = e.metrics().counts();
        out.println();
        out.println("Confusion matrix (rows: true, columns: predicted)");
        out.printf(Locale.ROOT, "  %-14s %10s %10s%n", "", "negative", "positive");
        out.printf(Locale.ROOT, "  %-14s %10d %10d%n", "negative", c.tn(), c.fp());
        out.printf(Locale.ROOT, "  %-14s %10d %10d%n", "positive", c.fn(), c.tp());
        out.println();
        out.println(e.report().toText());
        out.flush();
    }

    static void leaderboard(PrintWriter out, Leaderboard board) {
        boolean oneSplit = board.oneSplit();
        out.printf(Locale.ROOT, "Leaderboard: %s, %s, seed %d, ranked by %s (%s)%n",
                board.dataset(), board.protocol(), board.seed(), board.metric().key(),
                oneSplit ? "one split: no spread to show" : "mean ± std over splits");
        List<MetricName> metrics = new ArrayList<>();
        if (!LEADERBOARD_METRICS.contains(board.metric())) {
            metrics.add(board.metric());
        }
        metrics.addAll(LEADERBOARD_METRICS);
        Map<LeaderboardRow, String> labels = labels(board.rows());
        int nameWidth = 22;
        for (String label : labels.values()) {
            nameWidth = Math.max(nameWidth, label.length());
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-4s %-" + nameWidth + "s", "#", "model"));
        for (MetricName m : metrics) {
            header.append(String.format(Locale.ROOT, " %-17s", m.key()));
        }
        header.append(" fit s");
        out.println(header);
        int rank = 1;
        boolean anyWorse = false;
        for (LeaderboardRow row : board.rows()) {
            String mark = row.worseThanBest() ? "*" : " ";
            anyWorse |= row.worseThanBest();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-4s %-" + nameWidth + "s",
                    rank++ + mark, labels.get(row)));
            for (MetricName m : metrics) {
                Summary s = row.metric(m);
                line.append(String.format(Locale.ROOT, " %-17s", oneSplit ? num3(s.mean())
                        : num3(s.mean()) + " ± " + num3(s.std())));
            }
            line.append(String.format(Locale.ROOT, " %.2f", row.fitSeconds().mean()));
            out.println(line);
        }
        if (anyWorse) {
            out.printf(Locale.ROOT, "* significantly worse than #1 on %s (corrected resampled t-test, p < %.2f)%n",
                    board.metric().key(), Experiment.ALPHA);
        }
        out.flush();
    }

    /**
     * {@code kind@backend}, then the sampler and class weight when they are not none; parameters only where
     * rows would otherwise read the same (tuning trials), and only those that differ between them.
     */
    static Map<LeaderboardRow, String> labels(List<LeaderboardRow> rows) {
        Map<String, List<LeaderboardRow>> groups = new LinkedHashMap<>();
        Map<LeaderboardRow, String> out = new LinkedHashMap<>();
        for (LeaderboardRow row : rows) {
            StringBuilder s = new StringBuilder(row.name());
            if (!row.sampler().equals("none")) {
                s.append(" +").append(row.sampler());
            }
            if (!row.classWeight().equals("none")) {
                s.append(" w=").append(row.classWeight());
            }
            out.put(row, s.toString());
            groups.computeIfAbsent(s.toString(), k -> new ArrayList<>()).add(row);
        }
        for (List<LeaderboardRow> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            Set<String> differing = new TreeSet<>();
            for (LeaderboardRow a : group) {
                for (LeaderboardRow b : group) {
                    Set<String> keys = new TreeSet<>(a.params().asMap().keySet());
                    keys.addAll(b.params().asMap().keySet());
                    for (String k : keys) {
                        if (!Objects.equals(a.params().asMap().get(k), b.params().asMap().get(k))) {
                            differing.add(k);
                        }
                    }
                }
            }
            for (LeaderboardRow row : group) {
                StringBuilder s = new StringBuilder(out.get(row));
                for (String k : differing) {
                    s.append(' ').append(k).append('=').append(row.params().asMap().getOrDefault(k, "-"));
                }
                out.put(row, s.toString());
            }
        }
        return out;
    }

    private static String num3(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }
}
