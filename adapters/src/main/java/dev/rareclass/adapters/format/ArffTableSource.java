package dev.rareclass.adapters.format;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Weka's ARFF format ({@code .arff}, {@code .arff.gz}) with a small hand-written parser (the only
 * maintained ARFF reader on Maven Central is Weka itself).
 *
 * <ul>
 * <li>{@code numeric}, {@code real}, {@code integer} → a numeric column (float32);</li>
 * <li>nominal {@code {a,b,'c d'}} → a categorical column whose levels are the declared values, in
 *     declared order (so a level that never occurs is still a level);</li>
 * <li>{@code string} → a text column;</li>
 * <li>{@code date [format]} → a numeric column of seconds since 1970-01-01T00:00Z (UTC when the value
 *     has no zone; the default format is ISO-8601 {@code yyyy-MM-dd'T'HH:mm:ss}; the pattern is read as a
 *     {@link DateTimeFormatter} pattern, which agrees with Weka's SimpleDateFormat for the usual letters; fields
 *     it leaves out are 1970, January, the first, midnight, as Weka's, and a zone or offset it reads is used).
 *     Stored as float32, so a date after 2000 keeps about 2-minute resolution; use {@code --categorical}
 *     to keep dates as labels instead;</li>
 * <li>{@code relational} attributes are refused.</li>
 * </ul>
 * {@code ?} (unquoted) is a missing value. Sparse rows {@code {i v, ...}} give 0-based attribute indices
 * in increasing order; an unlisted numeric or date value is 0, an unlisted nominal value is the first
 * declared value (as Weka), an unlisted string is empty. Lines starting with {@code %} are comments;
 * keywords are case-insensitive; names and values may be quoted with single or double quotes and use
 * backslash escapes. A trailing instance weight ({@code , {w}}) is ignored with a note.
 */
public final class ArffTableSource extends ParsedTableSource {

    public ArffTableSource() {
        super("ARFF", Optional.empty());
    }

    @Override
    protected RawTable parse(DataOptions options, TextRows.Start rows) {
        return parse(options.file().toString(), Inputs.readAll(options.file()));
    }

    private enum Kind { NUMERIC, NOMINAL, STRING, DATE }

    /** One declared attribute and the values read so far. */
    private static final class Attribute {
        final String name;
        final Kind kind;
        final List<String> levels;
        final Map<String, Integer> codes = new HashMap<>();
        final DateTimeFormatter dateFormat;
        final String datePattern;
        float[] numbers;
        int[] categories;
        String[] texts;

        Attribute(String name, Kind kind, List<String> levels, String datePattern) {
            this.name = name;
            this.kind = kind;
            this.levels = levels;
            this.datePattern = datePattern;
            this.dateFormat = datePattern == null ? null
                    : DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
            for (int i = 0; i < levels.size(); i++) {
                codes.put(levels.get(i), i);
            }
            switch (kind) {
                case NUMERIC, DATE -> numbers = new float[256];
                case NOMINAL -> categories = new int[256];
                case STRING -> texts = new String[256];
            }
        }

        void ensure(int n) {
            switch (kind) {
                case NUMERIC, DATE -> {
                    if (n >= numbers.length) {
                        numbers = Arrays.copyOf(numbers, numbers.length * 2);
                    }
                }
                case NOMINAL -> {
                    if (n >= categories.length) {
                        categories = Arrays.copyOf(categories, categories.length * 2);
                    }
                }
                case STRING -> {
                    if (n >= texts.length) {
                        texts = Arrays.copyOf(texts, texts.length * 2);
                    }
                }
            }
        }

        /** Sets row {@code r} to the value Weka gives an attribute a sparse row leaves out. */
        void setDefault(int r) {
            switch (kind) {
                case NUMERIC, DATE -> numbers[r] = 0f;
                case NOMINAL -> categories[r] = 0;
                case STRING -> texts[r] = "";
            }
        }

        Column build(int n) {
            return switch (kind) {
                case NUMERIC, DATE -> new NumericColumn(name, Arrays.copyOf(numbers, n));
                case NOMINAL -> new CategoricalColumn(name, levels, Arrays.copyOf(categories, n));
                case STRING -> new TextColumn(name, Arrays.copyOf(texts, n));
            };
        }
    }

    /** Parses a whole ARFF file (exposed to the package for tests). */
    static RawTable parse(String file, byte[] bytes) {
        String text = Inputs.decode(bytes).text();
        List<Attribute> attributes = new ArrayList<>();
        Map<String, Integer> byName = new HashMap<>();
        boolean relation = false;
        boolean data = false;
        int rows = 0;
        long[] lines = new long[256];
        int weighted = 0;
        int lineNo = 0;
        int pos = 0;
        int len = text.length();
        while (pos < len) {
            int end = pos;
            while (end < len && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(pos, end);
            lineNo++;
            pos = end < len && text.charAt(end) == '\r' && end + 1 < len && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            String s = line.strip();
            if (s.isEmpty() || s.charAt(0) == '%') {
                continue;
            }
            if (!data) {
                Cursor c = new Cursor(file, lineNo, s);
                String keyword = c.word().toLowerCase(Locale.ROOT);
                switch (keyword) {
                    case "@relation" -> {
                        if (relation || !attributes.isEmpty()) {
                            throw c.error("@relation must come once, before the attributes");
                        }
                        c.rest("the relation name");
                        relation = true;
                    }
                    case "@attribute" -> {
                        if (attributes.size() == ColumnLimit.MAX_COLUMNS) {
                            throw ColumnLimit.exceeded(file, lineNo);
                        }
                        Attribute a = attribute(c);
                        Integer previous = byName.putIfAbsent(a.name, attributes.size());
                        if (previous != null) {
                            throw DataException.at(file, lineNo, "'" + a.name + "'",
                                    "duplicate attribute name (attributes " + previous + " and " + attributes.size()
                                            + ", 0-based)");
                        }
                        attributes.add(a);
                    }
                    case "@data" -> {
                        if (attributes.isEmpty()) {
                            throw c.error("@data before any @attribute");
                        }
                        c.end();
                        data = true;
                    }
                    default -> throw c.error(keyword.startsWith("@")
                            ? "unknown keyword '" + keyword + "' (expected @relation, @attribute or @data)"
                            : "expected @relation, @attribute or @data, found '" + abbreviate(s) + "'");
                }
                continue;
            }
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows * 2);
            }
            for (Attribute a : attributes) {
                a.ensure(rows);
            }
            lines[rows] = lineNo;
            Cursor c = new Cursor(file, lineNo, s);
            if (s.charAt(0) == '{') {
                sparseRow(c, attributes, rows);
            } else {
                for (int i = 0; i < attributes.size(); i++) {
                    if (i > 0) {
                        c.expectComma(i, attributes.size());
                    }
                    Token t = c.value("a value");
                    store(c, attributes.get(i), rows, t);
                }
            }
            if (c.weight()) {
                weighted++;
            }
            c.end();
            rows++;
        }
        if (!data) {
            throw new DataException(file + ": no @data section" + (attributes.isEmpty() ? " (is this an ARFF file?)" : ""));
        }
        if (rows == 0) {
            throw new DataException(file + ": no data rows (only a header)");
        }
        List<Column> columns = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Attribute a : attributes) {
            columns.add(a.build(rows));
            if (a.kind == Kind.DATE) {
                notes.add("date attribute '" + a.name + "' read as seconds since 1970-01-01 UTC");
            }
        }
        if (weighted > 0) {
            notes.add(weighted + " instance weights ignored");
        }
        return new RawTable(file, columns, Arrays.copyOf(lines, rows), notes);
    }

    private static Attribute attribute(Cursor c) {
        Token name = c.name("an attribute name");
        c.skipSpace();
        if (c.peek() == '{') {
            c.next();
            List<String> levels = new ArrayList<>();
            Set<String> declared = new HashSet<>(); // a list's contains made a long declaration quadratic
            c.skipSpace();
            if (c.peek() != '}') {
                while (true) {
                    Token level = c.value("a nominal value");
                    if (!declared.add(level.text())) {
                        throw c.error("nominal value '" + level.text() + "' declared twice for '" + name.text() + "'");
                    }
                    levels.add(level.text());
                    if (!c.listContinues("in the nominal values of '" + name.text() + "'")) {
                        break;
                    }
                }
            }
            c.next();
            c.end();
            if (levels.isEmpty()) {
                throw c.error("nominal attribute '" + name.text() + "' declares no values");
            }
            return new Attribute(name.text(), Kind.NOMINAL, levels, null);
        }
        String type = c.word().toLowerCase(Locale.ROOT);
        switch (type) {
            case "numeric", "real", "integer" -> {
                c.end();
                return new Attribute(name.text(), Kind.NUMERIC, List.of(), null);
            }
            case "string" -> {
                c.end();
                return new Attribute(name.text(), Kind.STRING, List.of(), null);
            }
            case "date" -> {
                c.skipSpace();
                String pattern = c.atEnd() ? "yyyy-MM-dd'T'HH:mm:ss" : c.rest("a date format").text();
                c.end();
                try {
                    return new Attribute(name.text(), Kind.DATE, List.of(), pattern);
                } catch (IllegalArgumentException e) {
                    throw c.error("bad date format '" + pattern + "' (" + e.getMessage() + ")");
                }
            }
            case "relational" -> throw c.error("relational attributes are not supported ('" + name.text() + "')");
            case "" -> throw c.error("attribute '" + name.text() + "' has no type");
            default -> throw c.error("unknown attribute type '" + type + "' for '" + name.text()
                    + "' (expected numeric, real, integer, string, date or {values})");
        }
    }

    private static void sparseRow(Cursor c, List<Attribute> attributes, int row) {
        for (Attribute a : attributes) {
            a.setDefault(row);
        }
        c.next(); // '{'
        c.skipSpace();
        int last = -1;
        if (c.peek() != '}') {
            while (true) {
                c.skipSpace();
                String indexText = c.word();
                int index;
                try {
                    index = Integer.parseInt(indexText);
                } catch (NumberFormatException e) {
                    throw c.error(indexText.isEmpty() ? "expected an attribute index in a sparse row"
                            : "'" + abbreviate(indexText) + "' is not an attribute index in a sparse row");
                }
                if (index < 0 || index >= attributes.size()) {
                    throw c.error("sparse index " + index + " outside 0.." + (attributes.size() - 1));
                }
                if (index <= last) {
                    throw c.error("sparse indices must increase (" + index + " after " + last + ")");
                }
                last = index;
                Token t = c.value("a value after sparse index " + index);
                store(c, attributes.get(index), row, t);
                if (!c.listContinues("in a sparse row")) {
                    break;
                }
            }
        }
        c.next(); // '}'
    }

    private static void store(Cursor c, Attribute a, int row, Token t) {
        boolean missing = !t.quoted() && t.text().equals("?");
        String where = "'" + a.name + "'";
        switch (a.kind) {
            case NUMERIC -> {
                if (missing) {
                    a.numbers[row] = Float.NaN;
                    return;
                }
                double v;
                try {
                    v = dev.rareclass.domain.data.Decimals.parse(t.text());
                } catch (NumberFormatException e) {
                    throw DataException.at(c.file, c.line, where, "'" + abbreviate(t.text()) + "' is not a number");
                }
                if (Double.isNaN(v) || Float.isInfinite((float) v)) {
                    throw DataException.at(c.file, c.line, where, "'" + abbreviate(t.text())
                            + "' is not a finite float32 number (NaN, infinities and values beyond 3.4e38 are refused; ? marks a missing value)");
                }
                a.numbers[row] = (float) v;
            }
            case DATE -> {
                if (missing) {
                    a.numbers[row] = Float.NaN;
                    return;
                }
                a.numbers[row] = epochSeconds(c, a, t.text());
            }
            case NOMINAL -> {
                if (missing) {
                    a.categories[row] = -1;
                    return;
                }
                Integer code = a.codes.get(t.text());
                if (code == null) {
                    throw DataException.at(c.file, c.line, where, "'" + abbreviate(t.text())
                            + "' is not one of the declared values {" + DataOptionsStep.abbreviate(a.levels) + "}");
                }
                a.categories[row] = code;
            }
            case STRING -> a.texts[row] = missing ? null : t.text();
        }
    }

    private static float epochSeconds(Cursor c, Attribute a, String text) {
        try {
            return epochSeconds(a.dateFormat.parse(text));
        } catch (java.time.DateTimeException e) {
            throw DataException.at(c.file, c.line, "'" + a.name + "'", "'" + abbreviate(text)
                    + "' is not a date in the format '" + a.datePattern + "'");
        }
    }

    /**
     * Seconds since 1970-01-01T00:00Z of a parsed date, in its zone or offset when it has one, else UTC. A pattern that
     * leaves fields out reads them as Weka's {@code SimpleDateFormat} does: the year 1970, January, the first day,
     * midnight ({@code yyyy} reads {@code 2020} as 2020-01-01T00:00, {@code HH:mm} reads {@code 12:30} as
     * 1970-01-01T12:30, {@code hh:mm} without {@code a} as a morning hour); such files were refused as "not a date".
     */
    static long epochSeconds(TemporalAccessor parsed) {
        LocalDate date = parsed.query(TemporalQueries.localDate());
        if (date == null) {
            date = LocalDate.of(field(parsed, ChronoField.YEAR, 1970), field(parsed, ChronoField.MONTH_OF_YEAR, 1),
                    field(parsed, ChronoField.DAY_OF_MONTH, 1));
        }
        LocalTime time = parsed.query(TemporalQueries.localTime());
        if (time == null) {
            // without am/pm, hh's 1-12 is resolved to the 0-11 of HOUR_OF_AMPM, if at all: a morning hour
            int hour = field(parsed, ChronoField.HOUR_OF_DAY, field(parsed, ChronoField.HOUR_OF_AMPM,
                    field(parsed, ChronoField.CLOCK_HOUR_OF_AMPM, 12) % 12));
            time = LocalTime.of(hour, field(parsed, ChronoField.MINUTE_OF_HOUR, 0),
                    field(parsed, ChronoField.SECOND_OF_MINUTE, 0), field(parsed, ChronoField.NANO_OF_SECOND, 0));
        }
        ZoneId zone = parsed.query(TemporalQueries.zone()); // an offset (+01:00), or a zone (Europe/Paris, PST)
        return date.atTime(time).atZone(zone == null ? ZoneOffset.UTC : zone).toEpochSecond();
    }

    private static int field(TemporalAccessor parsed, ChronoField field, int absent) {
        return parsed.isSupported(field) ? parsed.get(field) : absent;
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
    }

    /** A value as written: its text (quotes removed, escapes resolved) and whether it was quoted. */
    record Token(String text, boolean quoted) {
    }

    /** Reads one line: words, quoted or bare values, commas; every error names file and line. */
    static final class Cursor {
        final String file;
        final long line;
        private final String s;
        private int i;

        Cursor(String file, long line, String s) {
            this.file = file;
            this.line = line;
            this.s = s;
        }

        DataException error(String problem) {
            return DataException.at(file, line, null, problem);
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        void next() {
            i++;
        }

        void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        /** A bare word up to whitespace, a comma or a brace. */
        String word() {
            skipSpace();
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && ",{}".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i);
        }

        /** A data value: quoted, or bare up to a comma or brace (outer spaces trimmed, inner ones kept). */
        Token value(String what) {
            return token(what, 0);
        }

        /** A name in the header: quoted, or bare up to whitespace or a brace. */
        Token name(String what) {
            return token(what, 1);
        }

        /** The rest of the line (relation name, date format): quoted, or everything up to the end. */
        Token rest(String what) {
            return token(what, 2);
        }

        private Token token(String what, int mode) {
            skipSpace();
            if (atEnd()) {
                throw error("expected " + what + ", found the end of the line");
            }
            char q = peek();
            if (q == '\'' || q == '"') {
                return quoted(q);
            }
            int start = i;
            while (i < s.length()) {
                char ch = s.charAt(i);
                boolean stop = switch (mode) {
                    case 0 -> ch == ',' || ch == '}' || ch == '{';
                    case 1 -> Character.isWhitespace(ch) || ch == '{';
                    default -> false;
                };
                if (stop) {
                    break;
                }
                i++;
            }
            String text = s.substring(start, i).strip();
            if (text.isEmpty()) {
                throw error("expected " + what + ", found '" + peek() + "'");
            }
            return new Token(text, false);
        }

        private Token quoted(char q) {
            int start = i;
            i++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("unterminated quote starting at character " + (start + 1));
                }
                char ch = s.charAt(i++);
                if (ch == q) {
                    return new Token(b.toString(), true);
                }
                if (ch != '\\' || i >= s.length()) {
                    b.append(ch);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'u' -> {
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException | IndexOutOfBoundsException ex) {
                            throw error("bad \\u escape in a quoted value");
                        }
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        /**
         * After an item of a {@code {...}} list: true after a ',' (another item follows), false at the '}'
         * (left for the caller); anything else is an error {@code where} (such as "in a sparse row").
         */
        boolean listContinues(String where) {
            skipSpace();
            if (peek() == ',') {
                i++;
                return true;
            }
            if (peek() == '}') {
                return false;
            }
            throw error(atEnd() ? "unclosed '{' " + where : "expected ',' or '}' " + where);
        }

        void expectComma(int index, int count) {
            skipSpace();
            if (peek() != ',') {
                throw error(atEnd() ? "only " + index + " values where the header declares " + count + " attributes"
                        : "expected ',' after value " + index + ", found '" + peek() + "'");
            }
            i++;
        }

        /** Consumes a trailing instance weight {@code , {w}}; true if there was one. */
        boolean weight() {
            skipSpace();
            int save = i;
            if (peek() == ',') {
                i++;
                skipSpace();
                if (peek() == '{') {
                    int close = s.indexOf('}', i);
                    if (close > 0) {
                        try {
                            dev.rareclass.domain.data.Decimals.parse(s.substring(i + 1, close));
                            i = close + 1;
                            return true;
                        } catch (NumberFormatException e) {
                            // not a weight: fall through to the arity error
                        }
                    }
                }
            }
            i = save;
            return false;
        }

        /** Requires the rest of the line to be empty (or a % comment). */
        void end() {
            skipSpace();
            if (!atEnd() && peek() != '%') {
                if (peek() == ',') {
                    int extra = 0;
                    for (int k = i; k < s.length(); k++) {
                        if (s.charAt(k) == ',') {
                            extra++;
                        }
                    }
                    throw error("more values than the header declares (" + extra + " more separators)");
                }
                throw error("unexpected '" + abbreviate(s.substring(i)) + "'");
            }
        }
    }
}
