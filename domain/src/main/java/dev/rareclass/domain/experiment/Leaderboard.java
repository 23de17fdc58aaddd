package dev.rareclass.domain.experiment;

import dev.rareclass.domain.metrics.MetricName;
import java.util.Comparator;
import java.util.List;

/**
 * Configurations ranked by one metric (best first), with significance marks against the best.
 *
 * @param dataset  what was evaluated
 * @param protocol how rows were split, described
 * @param seed     the seed of the splits and of training
 * @param metric   the ranking metric
 * @param rows     best first
 * @param splitTestRows for each split in protocol order, the 1-based source row numbers of its test part, so
 *                      other tools can be evaluated on exactly the same folds
 * @param warnings every warning the run said, without its {@code warning: } prefix (trials of a search left out, rows
 *                 identical across configurations, a model that flagged nothing, ...), for the results file and the
 *                 report; empty when there was none
 */
public record Leaderboard(String dataset, String protocol, long seed, MetricName metric, List<LeaderboardRow> rows,
                          List<List<Integer>> splitTestRows, List<String> warnings) {

    public Leaderboard {
        rows = List.copyOf(rows);
        splitTestRows = splitTestRows.stream().map(List::copyOf).toList();
        warnings = List.copyOf(warnings);
    }

    /** Without warnings. */
    public Leaderboard(String dataset, String protocol, long seed, MetricName metric, List<LeaderboardRow> rows,
                       List<List<Integer>> splitTestRows) {
        this(dataset, protocol, seed, metric, rows, splitTestRows, List.of());
    }

    /**
     * This leaderboard with the run's warnings (as kept by
     * {@link dev.rareclass.domain.model.ProgressListener#keepingWarningsIn}).
     */
    public Leaderboard withWarnings(List<String> said) {
        return new Leaderboard(dataset, protocol, seed, metric, rows, splitTestRows, said);
    }

    /** A leaderboard that does not record its splits' rows. */
    public Leaderboard(String dataset, String protocol, long seed, MetricName metric, List<LeaderboardRow> rows) {
        this(dataset, protocol, seed, metric, rows, List.of());
    }

    /**
     * Whether every row was measured on one test split ({@code --holdout}, {@code --time-split}): its numbers then have
     * no spread and no test of significance, and a "± 0.000" would read as a measured agreement.
     */
    public boolean oneSplit() {
        return rows.stream().allMatch(r -> r.folds().size() == 1);
    }

    /** Significance level for {@link LeaderboardRow#worseThanBest()}. */
    public static final double ALPHA = 0.05;

    /**
     * Ranks rows best first by the plan's metric and, when the plan's protocol allows it, marks each row that is
     * significantly worse than the best (Nadeau-Bengio corrected resampled t-test over the splits, {@link #ALPHA}).
     *
     * @param testToTrain the splits' mean ratio of test rows to training rows (the test's correction)
     */
    public static List<LeaderboardRow> rankedAndMarked(List<LeaderboardRow> rows, ExperimentPlan plan,
                                                       double testToTrain) {
        List<LeaderboardRow> ranked = ranked(rows, plan.metric());
        if (!plan.protocol().supportsSignificance()) {
            return ranked;
        }
        LeaderboardRow best = ranked.get(0);
        double[] bestValues = best.values(plan.metric());
        List<LeaderboardRow> out = new java.util.ArrayList<>();
        out.add(best);
        for (int i = 1; i < ranked.size(); i++) {
            LeaderboardRow row = ranked.get(i);
            double p = Significance.correctedPairedTTest(bestValues, row.values(plan.metric()), testToTrain);
            out.add(row.withSignificance(p < ALPHA, p));
        }
        return out;
    }

    /** Orders rows best first by the metric's mean; a NaN mean ranks last. */
    static List<LeaderboardRow> ranked(List<LeaderboardRow> rows, MetricName metric) {
        double sign = metric.higherIsBetter() ? -1 : 1;
        Comparator<LeaderboardRow> best = Comparator.comparingDouble(r -> {
            double v = r.metric(metric).mean();
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : sign * v;
        });
        return rows.stream().sorted(best).toList();
    }
}
