package dev.rareclass.spark;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.preprocess.Scaling;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The manifest of a Spark engine model file ({@code rareclass-spark.json}): everything about the model but Spark ML's
 * own stages. What the model is (kind, parameters, sampler, class weights), the threshold and the policy that chose
 * it, the label (column, positive and negative value), the features as the file names them and as the pipeline's
 * columns do, how the training table was read (so {@code evaluate} and {@code predict} read new tables the same way),
 * the seed, the Spark version, where it was trained and how it did on its validation rows, and the SHA-256 of every
 * file of the pipeline. Read as a JSON tree, every field checked; nothing in it names a class to load.
 *
 * @param refit     whether the pipeline was refit on every row after a first fit chose the threshold
 * @param checksums each pipeline file's entry name and its SHA-256 (lower-case hex)
 */
record SparkModelManifest(SparkModels.Kind kind, Hyperparameters params, String sampler, String classWeight,
                          double threshold, String policy, LabelMapping label, List<SparkTables.Feature> features,
                          ReadingOptions reading, Scaling scaling, long seed, String sparkVersion, String createdAt,
                          String source, long rows, long positives, long validationRows, boolean refit,
                          Map<String, Double> validationMetrics, Map<String, String> checksums) {

    static final String FORMAT = "rareclass-spark-model";
    static final int VERSION = 1;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FORMAT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** Made on first use. */
    private static final class Json {
        // a key given twice is refused: two readers of one checksummed manifest must not see different values
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    SparkModelManifest {
        features = List.copyOf(features);
        validationMetrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validationMetrics));
        checksums = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checksums));
    }

    /** The same manifest with the pipeline's checksums. */
    SparkModelManifest withChecksums(Map<String, String> sums) {
        return new SparkModelManifest(kind, params, sampler, classWeight, threshold, policy, label, features, reading,
                scaling, seed, sparkVersion, createdAt, source, rows, positives, validationRows, refit,
                validationMetrics, sums);
    }

    /** {@code kind@spark}. */
    String model() {
        return kind.name + "@spark";
    }

    /** Whether the pipeline imputes missing numbers (it was trained with mean, median or most-frequent). */
    boolean imputes() {
        return reading.missing().map(MissingPolicy::imputes).orElse(false);
    }

    byte[] toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("engine", "spark");
        root.put("kind", kind.name);
        ObjectNode p = root.putObject("params");
        params.asMap().forEach(p::put);
        root.put("sampler", sampler);
        root.put("class_weight", classWeight);
        ObjectNode t = root.putObject("threshold");
        t.put("value", threshold);
        t.put("policy", policy);
        ObjectNode l = root.putObject("label");
        l.put("column", label.column());
        l.put("positive", label.positiveValue());
        l.put("negative", label.negativeValue());
        ArrayNode f = root.putArray("features");
        for (SparkTables.Feature feature : features) {
            ObjectNode o = f.addObject();
            o.put("name", feature.name());
            o.put("column", feature.column());
            o.put("type", feature.numeric() ? "numeric" : "categorical");
        }
        ObjectNode r = root.putObject("read_with");
        r.put("format", reading.format().orElse(null));
        r.put("header", reading.header().orElse(true));
        r.put("delimiter", reading.delimiter().map(String::valueOf).orElse(null));
        reading.drop().orElse(List.of()).forEach(r.putArray("drop")::add);
        reading.categorical().orElse(List.of()).forEach(r.putArray("categorical")::add);
        r.put("missing", reading.missing().orElse(MissingPolicy.ERROR).key());
        root.put("scaling", scaling.key());
        root.put("seed", seed);
        root.put("spark_version", sparkVersion);
        ObjectNode tr = root.putObject("training");
        tr.put("created_at", createdAt);
        tr.put("data_source", source);
        tr.put("rows", rows);
        tr.put("positives", positives);
        tr.put("validation_rows", validationRows);
        tr.put("refit", refit);
        ObjectNode v = root.putObject("validation_metrics");
        validationMetrics.forEach((k, x) -> {
            if (Double.isFinite(x)) {
                v.put(k, x);
            } else {
                v.putNull(k);
            }
        });
        ObjectNode c = root.putObject("checksums");
        checksums.forEach(c::put);
        try {
            return Json.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest could not be written", e);
        }
    }

    /**
     * The manifest in these bytes, every field checked.
     *
     * @throws IllegalArgumentException saying which field is wrong (the caller names the file)
     */
    static SparkModelManifest parse(byte[] bytes) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("its manifest is not valid JSON");
        }
        if (m == null || !m.isObject()) {
            throw new IllegalArgumentException("its manifest is not a JSON object");
        }
        String format = m.path("format").asText("");
        JsonNode version = m.path("version");
        if (!FORMAT.equals(format) || !version.isIntegralNumber() || version.asLong() != VERSION) {
            throw new IllegalArgumentException("unsupported model format '" + shown(format) + "' version "
                    + shown(version.asText("?")) + " (this engine reads " + FORMAT + " version " + VERSION + ")");
        }
        SparkModels.Kind kind;
        try {
            kind = SparkModels.Kind.named(text(m, "kind"));
        } catch (UsageException e) {
            throw new IllegalArgumentException("manifest field 'kind' is not a kind the Spark engine fits");
        }
        Hyperparameters params = Hyperparameters.of(strings(m, "params"));
        JsonNode t = object(m, "threshold");
        JsonNode value = t.path("value");
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new IllegalArgumentException("manifest field 'threshold' has no finite value");
        }
        String policy = text(t, "policy");
        try {
            ThresholdPolicies.parse(policy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("manifest field 'threshold.policy' is not a threshold policy");
        }
        JsonNode l = object(m, "label");
        LabelMapping label = new LabelMapping(text(l, "column"), text(l, "positive"), text(l, "negative"));
        List<SparkTables.Feature> features = features(m);
        ReadingOptions reading = reading(object(m, "read_with"));
        Scaling scaling;
        try {
            scaling = Scaling.fromKey(text(m, "scaling"));
        } catch (UsageException e) {
            throw new IllegalArgumentException("manifest field 'scaling' is not a scaling");
        }
        JsonNode tr = object(m, "training");
        Map<String, Double> validation = new LinkedHashMap<>();
        object(m, "validation_metrics").properties().forEach(e -> {
            if (!e.getValue().isNumber() && !e.getValue().isNull()) {
                throw new IllegalArgumentException("manifest field 'validation_metrics." + shown(e.getKey())
                        + "' is not a number");
            }
            validation.put(e.getKey(), e.getValue().isNull() ? Double.NaN : e.getValue().doubleValue());
        });
        Map<String, String> checksums = strings(m, "checksums");
        checksums.forEach((entry, sum) -> {
            if (!SHA256.matcher(sum).matches()) {
                throw new IllegalArgumentException("manifest field 'checksums' holds '" + shown(sum)
                        + "', not a SHA-256");
            }
        });
        return new SparkModelManifest(kind, params, text(m, "sampler"), text(m, "class_weight"), value.doubleValue(),
                policy, label, features, reading, scaling, integer(m, "seed"), text(m, "spark_version"),
                text(tr, "created_at"), text(tr, "data_source"), count(tr, "rows"), count(tr, "positives"),
                count(tr, "validation_rows"), refit(tr), validation, checksums);
    }

    /**
     * Whether the model was refit on every row after the threshold was chosen: absent in the files of the engine's
     * first release, which did not refit.
     */
    private static boolean refit(JsonNode training) {
        JsonNode refit = training.path("refit");
        if (refit.isMissingNode()) {
            return false;
        }
        if (!refit.isBoolean()) {
            throw new IllegalArgumentException("manifest field 'training.refit' is not true or false");
        }
        return refit.booleanValue();
    }

    /** The features: names unique, columns {@code __f0}, {@code __f1}, ... in order, each numeric or categorical. */
    private static List<SparkTables.Feature> features(JsonNode m) {
        JsonNode f = m.path("features");
        if (!f.isArray() || f.isEmpty()) {
            throw new IllegalArgumentException("manifest field 'features' is not a list of features");
        }
        List<SparkTables.Feature> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean categorical = false;
        for (JsonNode o : f) {
            String name = text(o, "name");
            String column = text(o, "column");
            String type = text(o, "type");
            if (!column.equals("__f" + out.size())) {
                throw new IllegalArgumentException("manifest field 'features' names column '" + shown(column)
                        + "' where __f" + out.size() + " belongs");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("manifest field 'features' names '" + shown(name) + "' twice");
            }
            boolean numeric = switch (type) {
                case "numeric" -> true;
                case "categorical" -> false;
                default -> throw new IllegalArgumentException("manifest field 'features' has type '" + shown(type)
                        + "' (numeric or categorical)");
            };
            if (numeric && categorical) {
                throw new IllegalArgumentException("manifest field 'features' lists a numeric feature after a "
                        + "categorical one");
            }
            categorical |= !numeric;
            out.add(new SparkTables.Feature(name, column, numeric));
        }
        return out;
    }

    private static ReadingOptions reading(JsonNode r) {
        JsonNode format = r.path("format");
        Optional<String> f = Optional.empty();
        if (!format.isNull()) {
            String name = text(r, "format");
            if (!FORMAT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("manifest field 'read_with.format' is not a format name");
            }
            f = Optional.of(name);
        }
        JsonNode header = r.path("header");
        if (!header.isBoolean()) {
            throw new IllegalArgumentException("manifest field 'read_with.header' is not true or false");
        }
        Optional<Character> delimiter = Optional.empty();
        if (!r.path("delimiter").isNull()) {
            String d = text(r, "delimiter");
            if (d.length() != 1 || ReadingOptions.unusableDelimiter(d.charAt(0)).isPresent()) {
                throw new IllegalArgumentException("manifest field 'read_with.delimiter' is not a usable delimiter");
            }
            delimiter = Optional.of(d.charAt(0));
        }
        MissingPolicy missing = null;
        String key = text(r, "missing");
        for (MissingPolicy p : MissingPolicy.values()) {
            if (p.key().equals(key)) {
                missing = p;
            }
        }
        if (missing == null) {
            throw new IllegalArgumentException("manifest field 'read_with.missing' is not a missing-value policy");
        }
        return new ReadingOptions(f, Optional.of(header.booleanValue()), delimiter, Optional.of(list(r, "drop")),
                Optional.of(list(r, "categorical")), Optional.of(List.of()), Optional.of(missing));
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode o = node.path(field);
        if (!o.isObject()) {
            throw new IllegalArgumentException("manifest field '" + field + "' is missing or not an object");
        }
        return o;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.textValue().isEmpty()) {
            throw new IllegalArgumentException("manifest field '" + field + "' is missing or not text");
        }
        return v.textValue();
    }

    private static long integer(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("manifest field '" + field + "' is not a whole number");
        }
        return v.longValue();
    }

    private static long count(JsonNode node, String field) {
        long v = integer(node, field);
        if (v < 0) {
            throw new IllegalArgumentException("manifest field '" + field + "' is negative");
        }
        return v;
    }

    private static Map<String, String> strings(JsonNode node, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        object(node, field).properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("manifest field '" + field + "." + shown(e.getKey())
                        + "' is not text");
            }
            out.put(e.getKey(), e.getValue().textValue());
        });
        return out;
    }

    private static List<String> list(JsonNode node, String field) {
        JsonNode a = node.path(field);
        if (a.isMissingNode()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException("manifest field '" + field + "' is not a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : a) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException("manifest field '" + field + "' holds something other than text");
            }
            out.add(v.textValue());
        }
        return out;
    }

    /** Text from the file as a message may show it: at most 80 characters, control characters as {@code ?}. */
    static String shown(String s) {
        return Quoting.clipped(s, 80);
    }
}
