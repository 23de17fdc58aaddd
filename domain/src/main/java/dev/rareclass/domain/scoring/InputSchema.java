package dev.rareclass.domain.scoring;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.data.Tokens;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.preprocess.OneHotTransform;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns a model reads, with their types, and the one way to turn values handed over by a program (the
 * embedding API, a request body) into a table the model scores, checked the way the CSV reader checks a file.
 *
 * <p>Values, by the column's type: a numeric column takes numbers, strings and booleans the CSV reader would read as
 * numbers ({@code "3.5"}, {@code " 7 "}, {@code true}; {@code ""} and {@code "NA"} are missing), or null for a missing
 * value; a categorical column takes strings, numbers (an integral number is its digits, so 3 and 3.0 are the level
 * "3") and booleans, or null; a text column takes strings or null. The label column, when present, is ignored; any
 * other column the model does not read is refused, as is a missing one, each by name.
 *
 * <p>A category given as text is the training level it names as the CSV reader would have read it ({@link #level}):
 * {@code " red"} is {@code red}, {@code "02134"} and {@code "2134.0"} are the level {@code 2134} a CSV column of zip
 * codes gave, {@code true} is the {@code 1} a CSV's {@code true} gave, and {@code ""}, {@code "NA"} or {@code "?"} is a
 * missing value, as in a file; a string that is itself a training level (from an ARFF file, which keeps levels as
 * written) is that level. So a row scores the same sent as values as written in a file.
 */
public final class InputSchema {

    /** One input column: its name and type ({@code numeric}, {@code categorical} or {@code text}). */
    public record Field(String name, String type) {
    }

    private final List<Field> fields;
    private final String label;
    /** Each categorical column's training levels, by column name. */
    private final Map<String, Set<String>> levels;

    private InputSchema(List<Field> fields, String label, Map<String, Set<String>> levels) {
        this.fields = List.copyOf(fields);
        this.label = label;
        this.levels = Map.copyOf(levels);
    }

    public static InputSchema of(FittedPipeline model) {
        List<Field> fields = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Map<String, Set<String>> levels = new HashMap<>();
        model.preprocessor().transforms().forEach(t -> {
            types.put(t.input(), t.inputType());
            if (t instanceof OneHotTransform oneHot) {
                levels.put(t.input(), Set.copyOf(oneHot.levels()));
            }
        });
        model.preprocessor().textTransforms().forEach(t -> types.put(t.input(), t.inputType()));
        for (String name : model.featureNames()) {
            fields.add(new Field(name, types.get(name)));
        }
        return new InputSchema(fields, model.labelMapping().column(), levels);
    }

    /** A schema of the given fields (for tests of programs that hand over values), its categories without levels. */
    static InputSchema forTest(List<Field> fields, String label) {
        return new InputSchema(fields, label, Map.of());
    }

    /** A schema of the given fields and categorical columns' training levels (for tests). */
    static InputSchema forTest(List<Field> fields, String label, Map<String, Set<String>> levels) {
        return new InputSchema(fields, label, levels);
    }

    public List<Field> fields() {
        return fields;
    }

    /** The label column's name (accepted in input and ignored). */
    public String label() {
        return label;
    }

    /**
     * A table of the given columns, each a list of the same number of values, in the model's column order.
     *
     * @param source what the values came from, for messages (such as "request" or "row 3")
     * @throws DataException naming the column (and row, 1-based) of the first problem
     */
    public Table table(String source, Map<String, ? extends List<?>> columns) {
        Map<String, Field> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        int rows = -1;
        String first = null;
        for (Map.Entry<String, ? extends List<?>> e : columns.entrySet()) {
            if (e.getKey() == null) {
                throw new DataException(source + ": a column name is null");
            }
            if (!byName.containsKey(e.getKey()) && !e.getKey().equals(label)) {
                throw new DataException(source + ": column '" + e.getKey() + "' is not one the model reads (it reads "
                        + names(8) + ")");
            }
            if (e.getValue() == null) {
                throw new DataException(source + ": column '" + e.getKey() + "' has no values");
            }
            if (rows < 0) {
                rows = e.getValue().size();
                first = e.getKey();
            } else if (e.getValue().size() != rows) {
                throw new DataException(source + ": column '" + e.getKey() + "' has " + e.getValue().size()
                        + " values but column '" + first + "' has " + rows);
            }
        }
        List<Column> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            List<?> values = columns.get(f.name());
            if (values == null) {
                throw new DataException(source + ": column '" + f.name() + "' is missing (the model reads "
                        + names(8) + ")");
            }
            out.add(column(source, f, values, levels.getOrDefault(f.name(), Set.of())));
        }
        int n = Math.max(rows, 0);
        int[] numbers = new int[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = i + 1;
        }
        return new Table(source, out, null, null, numbers, List.of());
    }

    /** One row as a table: the row's values by column name. */
    public Table row(String source, Map<String, ?> row) {
        Map<String, List<?>> columns = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            List<Object> one = new ArrayList<>(1);
            one.add(v);
            columns.put(k, one);
        });
        return table(source, columns);
    }

    private String names(int most) {
        List<String> names = fields.stream().map(Field::name).toList();
        return names.size() <= most ? String.join(", ", names)
                : String.join(", ", names.subList(0, most)) + " and " + (names.size() - most) + " more";
    }

    private static Column column(String source, Field f, List<?> values, Set<String> known) {
        int n = values.size();
        return switch (f.type()) {
            case "numeric" -> {
                float[] out = new float[n];
                for (int r = 0; r < n; r++) {
                    Object v = values.get(r);
                    if (v == null) {
                        out[r] = Float.NaN;
                    } else if (v instanceof Number x) {
                        double d = x.doubleValue();
                        if (!Double.isFinite(d) || Float.isInfinite((float) d)) {
                            throw wrong(source, f, r, "a finite number within float range", v);
                        }
                        out[r] = (float) d;
                    } else if (v instanceof String x) {
                        // as the CSV reader reads the same field: a client that posts a file's rows as they were
                        // read (Python's csv.DictReader gives strings) scores what predict scores for that file
                        out[r] = number(x, source, f, r);
                    } else if (v instanceof Boolean b) {
                        out[r] = b ? 1f : 0f; // a CSV's true in a numeric column is 1
                    } else {
                        throw wrong(source, f, r, "a number", v);
                    }
                }
                yield new NumericColumn(f.name(), out);
            }
            case "categorical" -> {
                Map<String, Integer> codes = new LinkedHashMap<>();
                int[] out = new int[n];
                for (int r = 0; r < n; r++) {
                    Object v = values.get(r);
                    String s = switch (v) {
                        case null -> null;
                        case String x -> level(x, known);
                        case Boolean b -> level(b.toString(), known);
                        // a NaN or an infinity was the level "NaN" or "Infinity", which no training file gives (the
                        // CSV reader reads NaN as a missing value): the row was scored as having an unseen category
                        case Double x when !Double.isFinite(x) -> throw wrong(source, f, r, "a string, finite number or "
                                + "boolean (null for a missing value)", v);
                        case Float x when !Float.isFinite(x) -> throw wrong(source, f, r, "a string, finite number or "
                                + "boolean (null for a missing value)", v);
                        case Number x -> level(level(x), known);
                        default -> throw wrong(source, f, r, "a string, number or boolean", v);
                    };
                    out[r] = s == null ? -1 : codes.computeIfAbsent(s, k -> codes.size());
                }
                yield new CategoricalColumn(f.name(), new ArrayList<>(codes.keySet()), out);
            }
            case "text" -> {
                String[] out = new String[n];
                for (int r = 0; r < n; r++) {
                    Object v = values.get(r);
                    if (v != null && !(v instanceof String)) {
                        throw wrong(source, f, r, "a string", v);
                    }
                    // "", "NA", "?": missing, as a text column's field in a file
                    out[r] = v == null || Tokens.isMissing(((String) v).trim()) ? null : (String) v;
                }
                yield new TextColumn(f.name(), out);
            }
            default -> throw new IllegalStateException("unknown column type " + f.type());
        };
    }

    /**
     * A number given as text, read as the CSV reader reads a numeric field: trimmed, a missing-value token
     * ({@link Tokens#isMissing}: {@code ""}, {@code NA}, {@code NaN}) is missing, {@code true} and {@code false} are 1
     * and 0, and anything else must be a number finite as a float32 ({@code inf} and {@code 1e39} are refused, as the
     * reader refuses them).
     */
    private static float number(String text, String source, Field f, int row) {
        String trimmed = text.trim();
        if (Tokens.isMissing(trimmed)) {
            return Float.NaN;
        }
        double d = Tokens.parseNumber(trimmed);
        float value = (float) d;
        if (d != d) {
            throw wrong(source, f, row, "a number", text);
        }
        if (value - value != 0) {
            throw wrong(source, f, row, "a finite number within float range", text);
        }
        return value;
    }

    /**
     * The training level a category given as text names, as the CSV reader reads a field: the text itself when it is
     * a level ({@code known}), else trimmed (when that is a level), null when it is a missing-value token
     * ({@link Tokens#isMissing}), and a number written one way ({@link Tokens#category}: {@code 1.0}, {@code 01} and {@code true} are {@code 1}); a
     * category the training did not see is returned as given.
     */
    static String level(String text, Set<String> known) {
        if (known.contains(text)) {
            return text;
        }
        String trimmed = text.trim();
        if (known.contains(trimmed)) {
            return trimmed; // before the missing words: an ARFF file's level NA is a level
        }
        if (Tokens.isMissing(trimmed)) {
            return null;
        }
        String canonical = Tokens.category(trimmed);
        return known.contains(canonical) ? canonical : text;
    }

    /**
     * A number as a category: integral values as their digits (3.0 is "3"), others as Java prints it: a float as a
     * float (0.1f is "0.1", not its double's "0.10000000149011612"), anything else as a double.
     */
    static String level(Number x) {
        if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte
                || x instanceof java.math.BigInteger) {
            return x.toString();
        }
        double d = x.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return x instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString()
                : x instanceof Float f ? Float.toString(f) : Double.toString(d);
    }

    private static DataException wrong(String source, Field f, int row, String expected, Object got) {
        return new DataException(source + ", row " + (row + 1) + ", column '" + f.name() + "': expected " + expected
                + " (" + f.type() + " column), got " + shown(got));
    }

    /**
     * A value as the caller wrote it: a number or boolean as itself, a string quoted, a collection or map by what it is
     * ("a list", not {@code List12}, the JDK's private class of a two-element {@code List.of}).
     */
    static String shown(Object got) {
        return switch (got) {
            case String s -> "a string '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
            // a BigInteger of 600 digits was shown whole
            case Number x -> x.toString().length() > 40 ? x.toString().substring(0, 40) + "… ("
                    + x.toString().length() + " characters)" : x.toString();
            case Boolean b -> b.toString();
            case Character c -> "a character '" + c + "'";
            case List<?> l -> "a list";
            case java.util.Set<?> set -> "a set";
            case java.util.Collection<?> c -> "a collection";
            case Map<?, ?> m -> "a map";
            default -> got.getClass().isArray() ? "an array" : "a value of type " + got.getClass().getName();
        };
    }
}
