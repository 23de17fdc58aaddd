/** Result writers: predictions CSV, evaluation and leaderboard JSON, HTML reports with Markdown summaries. */
package dev.rareclass.adapters.report;
