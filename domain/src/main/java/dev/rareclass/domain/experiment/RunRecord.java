package dev.rareclass.domain.experiment;

import java.util.Map;

/**
 * What a run's manifest records so the run can be traced and repeated.
 *
 * @param recipe        the resolved recipe (every default made explicit)
 * @param dataSha256    SHA-256 of the data file as read
 * @param startedAt     ISO-8601 start time
 * @param seconds       wall time of the run
 * @param versions      tool and library versions
 * @param leaderboard   the result, for a summary in the manifest
 */
public record RunRecord(Recipe recipe, String dataSha256, String startedAt, double seconds, Map<String, String> versions,
                        Leaderboard leaderboard) {
}
