package dev.rareclass.adapters.report;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a labelled table as Weka's ARFF: {@code @relation}, one {@code @attribute} per feature ({@code numeric}, a
 * categorical column {@code {its levels}} in their order, {@code string}) and the label last, nominal with the
 * values written in the order they first occur; then {@code @data}, one row a line, {@code ?} for a missing value.
 *
 * <p>Quoting follows liac-arff (the reader scikit-learn's {@code fetch_openml} uses) and Weka: a name or value is put
 * in single quotes when it is empty, is {@code ?}, or holds a space, a comma, a quote, a backslash, {@code %},
 * a brace or a control character, and inside the quotes {@code \ ' " %} and line breaks are backslash-escaped (other
 * control characters as {@code \}{@code u00XX}, which liac-arff and our reader read, where Weka's octal is not read by
 * ours). Nominal values are always quoted in the data: SciPy's {@code loadarff} guesses the quote character from the
 * first data line alone, and reads nothing else right.
 */
final class ArffWriter {

    private ArffWriter() {
    }

    static void write(Table table, List<String> labels, String relation, Writer out) throws IOException {
        List<Column> columns = table.columns();
        String labelName = table.labelMapping().orElseThrow().column();
        StringBuilder b = new StringBuilder(256);
        b.append("@relation ").append(quotedIfNeeded(relation)).append("\n\n");
        for (Column column : columns) {
            b.append("@attribute ").append(quotedIfNeeded(column.name())).append(' ');
            switch (column) {
                case NumericColumn n -> b.append("numeric");
                case CategoricalColumn k -> nominal(b, k.levels());
                case TextColumn t -> b.append("string");
            }
            b.append('\n');
        }
        Set<String> values = new LinkedHashSet<>();
        for (String label : labels) {
            if (label != null) {
                values.add(label);
            }
        }
        b.append("@attribute ").append(quotedIfNeeded(labelName)).append(' ');
        nominal(b, List.copyOf(values));
        b.append("\n\n@data\n");
        out.write(b.toString());
        for (int r = 0; r < table.rows(); r++) {
            b.setLength(0);
            for (Column column : columns) {
                switch (column) {
                    case NumericColumn n -> b.append(Float.isNaN(n.get(r)) ? "?" : FileResultSink.plain(n.get(r)));
                    case CategoricalColumn k -> b.append(k.value(r) == null ? "?" : quoted(k.value(r)));
                    case TextColumn t -> b.append(t.get(r) == null ? "?" : quotedIfNeeded(t.get(r)));
                }
                b.append(',');
            }
            b.append(labels.get(r) == null ? "?" : quoted(labels.get(r))).append('\n');
            out.write(b.toString());
        }
    }

    /** {@code {'a','b c'}}, with no space after the commas (SciPy finds a quoted name's end at a quote and a space). */
    private static void nominal(StringBuilder b, List<String> levels) {
        b.append('{');
        for (int i = 0; i < levels.size(); i++) {
            b.append(i == 0 ? "" : ",").append(quoted(levels.get(i)));
        }
        b.append('}');
    }

    /** A name or value as ARFF writes it: bare when it reads back as itself, else quoted. */
    static String quotedIfNeeded(String s) {
        return needsQuotes(s) ? quoted(s) : s;
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty() || s.equals("?")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c) || "'\"\\%,{}".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} in single quotes, with backslash escapes. */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '\'', '"', '%' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('\'').toString();
    }
}
