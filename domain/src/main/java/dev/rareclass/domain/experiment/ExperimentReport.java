package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.LabelledScores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an experiment report ({@code compare}, {@code tune}, {@code run}, {@code demo}) shows.
 *
 * @param title        heading of the report
 * @param dataset      the table, when known
 * @param leaderboard  configurations ranked, with every split's metrics
 * @param pooledScores for each leaderboard row (same order), the out-of-fold labels and scores pooled over
 *                     its test splits, for ROC and PR curves; empty when the experiment did not record them
 *                     (then the report draws each split's operating point instead of curves)
 * @param thresholdPolicy the threshold policy every fit used, as its spec ({@code max-f1}, {@code cost:10:1}), for
 *                     the charts that depend on it; empty when unknown
 * @param facts        other lines worth recording (best parameters, versions, timings), in order
 */
public record ExperimentReport(String title, Optional<DatasetSummary> dataset, Leaderboard leaderboard,
                               List<LabelledScores> pooledScores, String thresholdPolicy, Map<String, String> facts) {

    public ExperimentReport {
        Objects.requireNonNull(leaderboard, "leaderboard");
        Objects.requireNonNull(thresholdPolicy, "thresholdPolicy");
        pooledScores = List.copyOf(pooledScores);
        if (!pooledScores.isEmpty() && pooledScores.size() != leaderboard.rows().size()) {
            throw new IllegalArgumentException("pooled scores for " + pooledScores.size() + " of "
                    + leaderboard.rows().size() + " configurations");
        }
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** A report that does not know the threshold policy. */
    public ExperimentReport(String title, Optional<DatasetSummary> dataset, Leaderboard leaderboard,
                            List<LabelledScores> pooledScores, Map<String, String> facts) {
        this(title, dataset, leaderboard, pooledScores, "", facts);
    }

    /** A report whose curves pool each row's out-of-fold scores over its splits. */
    public static ExperimentReport of(String title, Optional<DatasetSummary> dataset, Leaderboard leaderboard,
                                      Map<String, String> facts) {
        return of(title, dataset, leaderboard, "", facts);
    }

    /** A report whose curves pool each row's out-of-fold scores, with the threshold policy every fit used. */
    public static ExperimentReport of(String title, Optional<DatasetSummary> dataset, Leaderboard leaderboard,
                                      String thresholdPolicy, Map<String, String> facts) {
        return new ExperimentReport(title, dataset, leaderboard,
                leaderboard.rows().stream().map(LeaderboardRow::pooledScores).toList(), thresholdPolicy, facts);
    }
}
