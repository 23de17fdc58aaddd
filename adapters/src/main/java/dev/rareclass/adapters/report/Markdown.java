package dev.rareclass.adapters.report;

import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.metrics.ConfusionCounts;
import java.util.Map;

/**
 * Markdown fragments shared by the summaries.
 *
 * <p>Every value that comes from the data or the command line (a label column and its values, a title, a model's
 * label) goes through {@link #text} or {@link #cell}. Renderers such as GitHub's and Pandoc pass HTML through, so a
 * positive value {@code <i>pos</i>} would render in italics and a column named {@code lab</td>el} could end the
 * table: {@code &}, {@code <} and {@code >} are written as entities, which render as the characters themselves. A
 * line break inside a value would end a table row, a heading or a line of the classification report: it is shown
 * as the two characters {@code \n} ({@code \r} for a carriage return), so the value keeps its line and is not
 * mistaken for one holding a space.
 */
final class Markdown {

    private Markdown() {
    }

    /** A value as text in a paragraph or heading: HTML shown as written, line breaks as {@code \n}. */
    static String text(String s) {
        return s == null ? "" : oneLine(s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    /** A value in a table cell: as {@link #text}, and {@code |} escaped so it does not end the cell. */
    static String cell(String s) {
        return text(s).replace("|", "\\|");
    }

    /** Line breaks shown as {@code \n} and {@code \r}; on its own for fenced blocks, where HTML is not interpreted. */
    private static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
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

    /**
     * The classification report as a fenced block. Every row has numbers after its class name, so none can close the
     * fence; HTML in the block is shown as written, so the names are only kept on one line.
     */
    static void classificationReport(StringBuilder md, ConfusionCounts c, String negative, String positive) {
        md.append("```\n").append(ClassificationReport.of(c, oneLine(negative), oneLine(positive)).toText(4)).append("```\n");
    }
}
