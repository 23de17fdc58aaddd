package dev.rareclass.adapters.report;

import dev.rareclass.domain.metrics.ConfusionCounts;
import java.util.Map;

/** Markdown fragments shared by the summaries. */
final class Markdown {

    private Markdown() {
    }

    /** Escapes the characters that would break a table cell. */
    static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    static void facts(StringBuilder md, Map<String, String> facts) {
        md.append("| | |\n|---|---|\n");
        facts.forEach((k, v) -> md.append("| ").append(cell(k)).append(" | ").append(cell(v)).append(" |\n"));
    }

    static void confusion(StringBuilder md, ConfusionCounts c, String negative, String positive) {
        md.append("| actual \\ predicted | ").append(cell(negative)).append(" | ").append(cell(positive)).append(" |\n")
                .append("|---|---:|---:|\n")
                .append("| ").append(cell(negative)).append(" | ").append(c.tn()).append(" | ").append(c.fp()).append(" |\n")
                .append("| ").append(cell(positive)).append(" | ").append(c.fn()).append(" | ").append(c.tp()).append(" |\n");
    }
}
