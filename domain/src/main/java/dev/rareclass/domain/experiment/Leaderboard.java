package dev.rareclass.domain.experiment;

import dev.rareclass.domain.metrics.MetricName;
import java.util.Comparator;
import java.util.List;

/**
 * Cross-validated candidates ranked by one metric (best first).
 *
 * @param dataset what was evaluated
 * @param folds   number of folds
 * @param seed    the seed of the folds and of training
 * @param metric  the ranking metric
 * @param rows    best first
 */
public record Leaderboard(String dataset, int folds, long seed, MetricName metric, List<LeaderboardRow> rows) {

    public Leaderboard {
        // best first; a NaN mean (metric undefined on some fold) ranks last
        double sign = metric.higherIsBetter() ? -1 : 1;
        Comparator<LeaderboardRow> best = Comparator.comparingDouble(r -> {
            double v = r.metric(metric).mean();
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : sign * v;
        });
        rows = rows.stream().sorted(best).toList();
    }
}
