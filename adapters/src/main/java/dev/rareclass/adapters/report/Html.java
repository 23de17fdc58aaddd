package dev.rareclass.adapters.report;

import java.util.List;
import java.util.Locale;

/**
 * A small HTML writer for self-contained reports: one page, its style inline, its charts inline SVG, no
 * scripts and nothing loaded from anywhere.
 */
final class Html {

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 0;
                   color: #1d1d1f; background: #fafafa; line-height: 1.45; }
            header { background: #0b3d5c; color: #fff; padding: 18px 24px; }
            header h1 { margin: 0 0 4px 0; font-size: 22px; }
            header p { margin: 0; opacity: .85; font-size: 14px; }
            nav { padding: 8px 24px; background: #e8eef2; font-size: 14px; position: sticky; top: 0; }
            nav a { margin-right: 14px; color: #0b3d5c; text-decoration: none; }
            main { padding: 8px 24px 40px 24px; max-width: 1400px; }
            section { background: #fff; border: 1px solid #e2e2e2; border-radius: 6px; padding: 12px 16px; margin: 16px 0; }
            h2 { font-size: 18px; margin: 6px 0 10px 0; color: #0b3d5c; }
            table { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
            div.wide { overflow-x: auto; }
            th, td { border-bottom: 1px solid #e6e6e6; padding: 4px 6px; text-align: right; vertical-align: top; }
            th { background: #f3f5f7; }
            td.l, th.l { text-align: left; }
            td:not(.l) { white-space: nowrap; }
            tr.best td { background: #eef7ee; }
            tr.worse td { color: #777; }
            .charts { display: flex; flex-wrap: wrap; gap: 16px; }
            figure.chart { margin: 0; flex: 1 1 560px; max-width: 660px; }
            figure.chart svg { width: 100%; height: auto; display: block; }
            figcaption { font-size: 12.5px; color: #555; margin-top: 4px; }
            pre { background: #f6f8fa; padding: 10px; font-size: 13px; overflow-x: auto; }
            .note { color: #6a4b00; background: #fff8e1; border-left: 4px solid #f0b400; padding: 6px 10px; font-size: 13px; }
            code { font-size: 12.5px; }
            footer { color: #777; font-size: 12px; padding: 0 24px 24px 24px; }
            """;

    private final StringBuilder body = new StringBuilder();
    private final StringBuilder nav = new StringBuilder();
    private final String title;
    private final String subtitle;

    Html(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    Html section(String id, String heading) {
        if (!body.isEmpty()) {
            body.append("</section>\n");
        }
        body.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(heading)).append("</h2>\n");
        nav.append("<a href=\"#").append(id).append("\">").append(esc(heading)).append("</a>");
        return this;
    }

    Html paragraph(String text) {
        body.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    Html note(String text) {
        body.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
        return this;
    }

    Html pre(String text) {
        body.append("<pre>").append(esc(text)).append("</pre>\n");
        return this;
    }

    /** A table; the first {@code leftColumns} columns are left-aligned text, the rest right-aligned numbers. */
    Html table(List<String> headers, List<List<String>> rows, int leftColumns, List<String> rowClasses) {
        // a wide table scrolls inside its section rather than widening the page; a header such as
        // balanced_accuracy may break after its underscore
        body.append("<div class=\"wide\"><table>\n<thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            body.append(i < leftColumns ? "<th class=\"l\">" : "<th>")
                    .append(esc(headers.get(i)).replace("_", "_<wbr>")).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cls = rowClasses == null || rowClasses.get(r) == null ? "" : " class=\"" + rowClasses.get(r) + "\"";
            body.append("<tr").append(cls).append('>');
            List<String> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                body.append(i < leftColumns ? "<td class=\"l\">" : "<td>").append(esc(row.get(i))).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table></div>\n");
        return this;
    }

    /** A key → value table. */
    Html facts(java.util.Map<String, String> facts) {
        return table(List.of("", ""), facts.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList(),
                2, null);
    }

    Html charts(List<Charts.Chart> charts) {
        body.append("<div class=\"charts\">\n");
        for (Charts.Chart c : charts) {
            body.append("<figure class=\"chart\" id=\"chart-").append(c.name()).append("\">\n")
                    .append(c.svg()).append("\n<figcaption>").append(esc(c.caption())).append("</figcaption>\n</figure>\n");
        }
        body.append("</div>\n");
        return this;
    }

    String render(String footer) {
        StringBuilder sb = new StringBuilder(body.length() + 8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"rareclass\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<header><h1>").append(esc(title)).append("</h1><p>").append(esc(subtitle))
                .append("</p></header>\n<nav>").append(nav).append("</nav>\n<main>\n").append(body);
        if (!body.isEmpty()) {
            sb.append("</section>\n");
        }
        sb.append("</main>\n<footer>").append(esc(footer)).append("</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** A number for tables: 4 significant decimals, {@code n/a} when undefined. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String num4(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }
}
