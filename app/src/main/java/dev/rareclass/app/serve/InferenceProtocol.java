package dev.rareclass.app.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.scoring.ReasonCodes;
import dev.rareclass.domain.scoring.ScoredRows;
import dev.rareclass.embed.RareclassModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Open Inference Protocol (KServe V2) REST bodies: an inference request's tensors become columns (one input per
 * column, named as in the table, {@code shape [n]} or {@code [n, 1]}), and the scores go back as the outputs
 * {@code p} (FP64) and {@code predicted} (INT32), with {@code reason_K} (BYTES) and {@code change_K} (FP64) when the
 * request's {@code parameters} ask for {@code reasons} ({@code null} where a row has fewer than K). A request's
 * {@code outputs} may name any of these, and then gets exactly those, in its order. As an extension, {@code null} in
 * {@code data} is a missing value. Every refusal is a {@link HttpError} 400 naming the input.
 */
final class InferenceProtocol {

    static final List<String> OUTPUTS = List.of("p", "predicted");
    private static final Set<String> NUMERIC = Set.of("FP16", "FP32", "FP64", "INT8", "INT16", "INT32", "INT64",
            "UINT8", "UINT16", "UINT32", "UINT64");
    private static final Set<String> DATATYPES;

    /**
     * The whole numbers an integer datatype holds, worked out once from its width: a batch's values are checked one by
     * one. {@code high} is capped at a long's largest (UINT64's top is checked apart); {@code shown} is the range as
     * messages give it.
     */
    private record IntegerRange(long low, long high, String shown) {
        static IntegerRange of(String datatype) {
            int bits = Integer.parseInt(datatype.replaceAll("[^0-9]", ""));
            boolean unsigned = datatype.startsWith("U");
            java.math.BigInteger one = java.math.BigInteger.ONE;
            java.math.BigInteger low = unsigned ? java.math.BigInteger.ZERO : one.shiftLeft(bits - 1).negate();
            java.math.BigInteger high = one.shiftLeft(unsigned ? bits : bits - 1).subtract(one);
            return new IntegerRange(low.longValue(), high.min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue(),
                    "(" + low + " to " + high + ")");
        }
    }

    /** The largest finite half-precision float. */
    private static final double FP16_MAX = 65504;

    private static final Map<String, IntegerRange> INTEGER_RANGES = NUMERIC.stream().filter(t -> !t.startsWith("FP"))
            .collect(java.util.stream.Collectors.toUnmodifiableMap(t -> t, IntegerRange::of));

    static {
        Set<String> all = new LinkedHashSet<>(NUMERIC);
        all.add("BOOL");
        all.add("BYTES");
        DATATYPES = Set.copyOf(all);
    }

    /** Strict (a key given twice is refused); numbers parsed by Jackson's fast parsers (the JDK's is 5x slower). */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER).build());

    /** A parsed inference request: the columns, the reasons wanted per row, the outputs asked for and the id. */
    record Request(String id, Map<String, List<Object>> columns, int reasons, List<String> outputs) {
    }

    private InferenceProtocol() {
    }

    /**
     * @param defaultReasons reasons per row when the body does not say (from the URL's {@code ?reasons=K}), or -1
     *                       when the URL does not say either
     */
    static Request parse(byte[] body, RareclassModel model, int defaultReasons) {
        JsonNode root;
        try (JsonParser p = MAPPER.createParser(body)) {
            root = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw bad("the body holds more than one JSON value");
            }
        } catch (HttpError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw bad("the body is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad("the body must be a JSON object with an \"inputs\" array");
        }
        String id = null;
        if (root.has("id") && !root.get("id").isNull()) { // null: no id, as a client serialising an unset field writes
            if (!root.get("id").isTextual()) {
                throw bad("\"id\" must be a string");
            }
            id = root.get("id").textValue();
        }
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw bad("the body must have a non-empty \"inputs\" array, one input per column");
        }
        Map<String, String> types = new HashMap<>();
        model.inputs().forEach(i -> types.put(i.name(), i.type()));
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        for (JsonNode input : inputs) {
            if (!input.isObject()) {
                throw bad("each of \"inputs\" must be an object with name, shape, datatype and data");
            }
            String name = text(input, "name", "an input");
            String where = "input '" + shorten(name) + "'";
            if (columns.containsKey(name)) {
                throw bad(where + " is given twice");
            }
            String type = types.get(name);
            if (type == null && !name.equals(model.labelColumn())) {
                throw bad(where + " is not a column the model reads (see GET /v2/models/{name} for its inputs)");
            }
            String datatype = text(input, "datatype", where);
            if (!DATATYPES.contains(datatype)) {
                throw bad(where + ": unknown datatype '" + shorten(datatype) + "' (use FP64, INT64, BOOL or BYTES)");
            }
            if (type != null) {
                boolean fits = switch (type) {
                    case "numeric" -> NUMERIC.contains(datatype);
                    case "text" -> datatype.equals("BYTES");
                    default -> true;
                };
                if (!fits) {
                    throw bad(where + " is a " + type + " column: its datatype must be "
                            + (type.equals("numeric") ? "a number type such as FP64 or INT64" : "BYTES")
                            + ", not " + datatype);
                }
            }
            long rows = rows(input, where);
            List<Object> values = values(input.get("data"), datatype, rows, where);
            columns.put(name, values);
        }
        int reasons = Math.max(defaultReasons, 0);
        boolean reasonsGiven = defaultReasons >= 0;
        JsonNode parameters = root.get("parameters");
        if (parameters != null && !parameters.isNull()) {
            if (!parameters.isObject()) {
                throw bad("\"parameters\" must be an object");
            }
            JsonNode r = parameters.get("reasons");
            if (r != null) {
                if (!r.canConvertToInt() || !r.isIntegralNumber() || r.intValue() < 0) {
                    throw bad("parameter \"reasons\" must be a whole number of reasons per row, 0 or more");
                }
                if (defaultReasons >= 0 && defaultReasons != r.intValue()) {
                    // the URL's ?reasons and the body's parameter: one would be left out without a word
                    throw bad("reasons is given twice (?reasons=" + defaultReasons + " and parameter \"reasons\": "
                            + r.intValue() + "); give it once");
                }
                reasons = r.intValue();
                reasonsGiven = true;
            }
        }
        int most = model.inputs().size();
        reasons = Math.min(reasons, most);
        JsonNode wanted = root.get("outputs");
        if (wanted == null || wanted.isNull()) {
            return new Request(id, columns, reasons, outputs(reasons));
        }
        if (!wanted.isArray()) {
            throw bad("\"outputs\" must be an array of {\"name\": ...}");
        }
        List<String> names = new ArrayList<>();
        int deepest = 0; // the largest K of a reason_K or change_K asked for
        for (JsonNode o : wanted) {
            String name = o.isObject() ? text(o, "name", "an output") : null;
            int k = name == null ? -1 : reasonIndex(name);
            if (name == null || !(OUTPUTS.contains(name) || k > 0)) {
                throw bad("unknown output " + (name == null ? shorten(o.toString()) : "'" + shorten(name) + "'")
                        + " (the outputs are p, predicted, and reason_K and change_K for K from 1 to " + most + ")");
            }
            if (k > most) {
                throw bad("output '" + name + "': the model reads " + most + " column" + (most == 1 ? "" : "s")
                        + ", so a row has at most " + most + " reason" + (most == 1 ? "" : "s"));
            }
            deepest = Math.max(deepest, k);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return new Request(id, columns, reasons, outputs(reasons));
        }
        if (!reasonsGiven) {
            reasons = deepest;
        } else if (deepest > reasons) {
            throw bad("output 'reason_" + deepest + "' or 'change_" + deepest + "' needs " + deepest + " reasons per row, "
                    + "but reasons is " + reasons + "; ask for " + deepest + " or leave reasons out");
        } else if (reasons > 0 && deepest == 0) {
            // the reasons asked for would be worked out and then left out of the answer without a word
            throw bad("reasons is " + reasons + ", but \"outputs\" lists no reason_K or change_K: list the ones "
                    + "wanted, or leave \"outputs\" out to have them all");
        }
        return new Request(id, columns, reasons, List.copyOf(names));
    }

    /** Every output of a request that lists none: p, predicted, then each reason with its change. */
    static List<String> outputs(int reasons) {
        List<String> all = new ArrayList<>(OUTPUTS);
        for (int k = 1; k <= reasons; k++) {
            all.add("reason_" + k);
            all.add("change_" + k);
        }
        return List.copyOf(all);
    }

    /** K of an output named {@code reason_K} or {@code change_K} (K a whole number from 1, no sign or leading 0); else 0. */
    private static int reasonIndex(String name) {
        String k = name.startsWith("reason_") ? name.substring(7) : name.startsWith("change_") ? name.substring(7) : "";
        if (!k.matches("[1-9][0-9]{0,8}")) {
            return 0;
        }
        return Integer.parseInt(k);
    }

    private static long rows(JsonNode input, String where) {
        JsonNode shape = input.get("shape");
        if (shape == null || !shape.isArray() || shape.isEmpty() || shape.size() > 2) {
            throw bad(where + ": \"shape\" must be [rows] or [rows, 1]");
        }
        for (JsonNode d : shape) {
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.longValue() < 0) {
                throw bad(where + ": \"shape\" must hold whole numbers, 0 or more");
            }
        }
        if (shape.size() == 2 && shape.get(1).longValue() != 1) {
            throw bad(where + ": shape " + shape + " has " + shape.get(1) + " values per row; one input carries one "
                    + "column, so its shape is [rows] or [rows, 1]");
        }
        return shape.get(0).longValue();
    }

    private static List<Object> values(JsonNode data, String datatype, long rows, String where) {
        if (data == null || !data.isArray()) {
            throw bad(where + ": \"data\" must be an array");
        }
        if (data.size() != rows) {
            throw bad(where + ": \"data\" has " + data.size() + " values but its shape says " + rows);
        }
        List<Object> out = new ArrayList<>(data.size());
        int row = 0;
        for (JsonNode v : data) {
            row++;
            if (v.isArray() && v.size() == 1) {
                v = v.get(0);
            }
            out.add(value(v, datatype, where, row));
        }
        return out;
    }

    private static Object value(JsonNode v, String datatype, String where, int row) {
        if (v.isNull()) {
            return null;
        }
        switch (datatype) {
            case "BYTES" -> {
                if (v.isTextual()) {
                    return v.textValue();
                }
            }
            case "BOOL" -> {
                if (v.isBoolean()) {
                    return v.booleanValue();
                }
            }
            default -> {
                if (datatype.startsWith("FP") && v.isNumber()) {
                    // as the integer types are range-checked: FP16 holds no number past 65504 (70000 was scored)
                    if (datatype.equals("FP16") && !(Math.abs(v.doubleValue()) <= FP16_MAX)) {
                        throw bad(where + ", row " + row + ": " + shorten(v.toString()) + " is out of range for FP16 "
                                + "(-65504 to 65504)");
                    }
                    return v.doubleValue();
                }
                if (v.isIntegralNumber()) {
                    // INT8 200 was scored as 200; UINT64 2^64-1 was "not a whole number"
                    IntegerRange range = INTEGER_RANGES.get(datatype);
                    if (v.canConvertToLong() && v.longValue() >= range.low() && v.longValue() <= range.high()) {
                        return v.longValue();
                    }
                    if (datatype.equals("UINT64") && v.bigIntegerValue().signum() > 0
                            && v.bigIntegerValue().bitLength() <= 64) { // past a long, within 2^64 - 1
                        return v.bigIntegerValue().doubleValue();
                    }
                    throw bad(where + ", row " + row + ": " + shorten(v.toString()) + " is out of range for "
                            + datatype + " " + range.shown());
                }
            }
        }
        String shown = v.isTextual() ? "the string " + clip(v.textValue()) : v.isContainerNode() ? "a nested value"
                : shorten(v.toString());
        throw bad(where + ", row " + row + ": " + (datatype.matches("[AEIOU].*") ? "an " : "a ") + datatype
                + " value must be "
                + switch (datatype) {
                    case "BYTES" -> "a string";
                    case "BOOL" -> "true or false";
                    // 1.0 and 1e2 were told they "must be a whole number", which they are: JSON writes them as floats
                    default -> datatype.startsWith("FP") ? "a number"
                            : "a whole number written without a decimal point or exponent";
                } + ", not " + shown);
    }

    /** The answer to an inference request. */
    static byte[] response(String model, Request request, ScoredRows scored, double threshold) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + scored.size() * 32);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(bytes)) {
            int n = scored.size();
            g.writeStartObject();
            g.writeStringField("model_name", model);
            if (request.id() != null) {
                g.writeStringField("id", request.id());
            }
            g.writeObjectFieldStart("parameters");
            g.writeNumberField("threshold", threshold);
            g.writeEndObject();
            g.writeArrayFieldStart("outputs");
            for (String name : request.outputs()) {
                switch (name) {
                    case "p" -> {
                        start(g, name, "FP64", n);
                        for (int r = 0; r < n; r++) {
                            number(g, scored.scores()[r]);
                        }
                    }
                    case "predicted" -> {
                        start(g, name, "INT32", n);
                        for (int r = 0; r < n; r++) {
                            g.writeNumber(scored.predicted()[r]);
                        }
                    }
                    default -> {
                        // reason_K or change_K; null where the row has fewer than K reasons, as predict leaves them blank
                        boolean feature = name.startsWith("reason_");
                        int k = reasonIndex(name) - 1;
                        start(g, name, feature ? "BYTES" : "FP64", n);
                        for (int r = 0; r < n; r++) {
                            List<ReasonCodes.Reason> why = scored.reasons().get(r);
                            if (k >= why.size()) {
                                g.writeNull();
                            } else if (feature) {
                                g.writeString(why.get(k).feature());
                            } else {
                                number(g, why.get(k).change());
                            }
                        }
                    }
                }
                end(g);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void start(JsonGenerator g, String name, String datatype, int n) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("datatype", datatype);
        g.writeArrayFieldStart("shape");
        g.writeNumber(n);
        g.writeEndArray();
        g.writeArrayFieldStart("data");
    }

    private static void end(JsonGenerator g) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /** {@code GET /v2/models/NAME}: the model's inputs (one per column, with its datatype), outputs and decision. */
    static byte[] metadata(ServedModel served) {
        RareclassModel m = served.model();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", served.name());
        root.putArray("versions");
        root.put("platform", "rareclass");
        ArrayNode inputs = root.putArray("inputs");
        for (RareclassModel.Input in : m.inputs()) {
            ObjectNode i = inputs.addObject();
            i.put("name", in.name());
            i.put("datatype", in.type().equals("numeric") ? "FP64" : "BYTES");
            i.putArray("shape").add(-1);
            i.putObject("parameters").put("column_type", in.type());
        }
        ArrayNode outputs = root.putArray("outputs");
        ObjectNode p = outputs.addObject();
        p.put("name", "p");
        p.put("datatype", "FP64");
        p.putArray("shape").add(-1);
        ObjectNode predicted = outputs.addObject();
        predicted.put("name", "predicted");
        predicted.put("datatype", "INT32");
        predicted.putArray("shape").add(-1);
        ObjectNode parameters = root.putObject("parameters");
        parameters.put("kind", m.kind());
        parameters.put("backend", m.backend());
        parameters.put("threshold", m.threshold());
        parameters.put("threshold_policy", m.pipeline().thresholdPolicy());
        parameters.put("label", m.labelColumn());
        parameters.put("positive", m.positiveValue());
        parameters.put("file", served.file().getFileName().toString());
        return json(root);
    }

    static byte[] json(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code {"error": message}}, the protocol's error body: one line. */
    static byte[] error(String message) {
        ObjectNode root = MAPPER.createObjectNode();
        // a message may quote what the client sent (a column name from a CSV header, an input's name): never all of a
        // huge one, and its line breaks and other control characters as '?', as the command line shows them (an
        // input named "a\n" broke a client's log line in two)
        root.put("error", message == null ? "refused" : Quoting.printable(cut(message, 1000)));
        return json(root);
    }

    private static String text(JsonNode node, String field, String what) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw bad(what + " needs a string \"" + field + "\"");
        }
        return v.textValue();
    }

    private static String clip(String s) {
        return "\"" + shorten(s) + "\"";
    }

    /** A client's string as a message quotes it: at most 40 characters, never the whole of a huge one. */
    private static String shorten(String s) {
        return cut(s, 40);
    }

    /** At most {@code most} characters of {@code s} and "…" when it is longer, never half of a surrogate pair. */
    private static String cut(String s, int most) {
        if (s.length() <= most) {
            return s;
        }
        return s.substring(0, Character.isHighSurrogate(s.charAt(most - 1)) ? most - 1 : most) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        // Jackson names its own classes in some messages ("from `StreamReadConstraints.getMaxNestingDepth()`",
        // "[Source: REDACTED (`StreamReadFeature...` disabled); line: 1", "enable `JsonReadFeature...` to allow")
        String line = message.lines().findFirst().orElse(message).replaceAll(",? from `[^`]*`", "")
                .replaceAll("Source: REDACTED \\(`[^`]*` disabled\\); ", "").replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll("`[^`]*`", "");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private static HttpError bad(String message) {
        return new HttpError(400, message);
    }
}
