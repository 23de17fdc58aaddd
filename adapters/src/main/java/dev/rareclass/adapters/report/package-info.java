/** Result writers: predictions CSV, evaluation and leaderboard JSON. */
package dev.rareclass.adapters.report;
