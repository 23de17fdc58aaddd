package dev.rareclass.adapters.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rareclass.adapters.io.AtomicFiles;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.LeaderboardRow;
import dev.rareclass.domain.experiment.Protocol;
import dev.rareclass.domain.experiment.Recipe;
import dev.rareclass.domain.experiment.RunRecord;
import dev.rareclass.domain.experiment.SearchSpace;
import dev.rareclass.domain.experiment.Tuning;
import dev.rareclass.domain.experiment.FitSettings;
import dev.rareclass.domain.model.ClassWeighting;
import dev.rareclass.domain.sampling.SamplerCatalog;
import dev.rareclass.domain.sampling.SamplerChoice;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import dev.rareclass.domain.preprocess.Scaling;
import dev.rareclass.domain.preprocess.UnknownCategories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recipes in YAML and run manifests in Mappers.JSON. Both are read as a tree and checked key by key (an unknown
 * key is an error that lists the known ones), so nothing is instantiated by name. A manifest holds the
 * fully resolved recipe — every default explicit, paths absolute — and reads back to the same recipe.
 * The format is documented in {@code docs/RECIPES.md}.
 */
public final class YamlRecipeStore implements RecipeStore {

    static final String MANIFEST_FORMAT = "rareclass-run-manifest";

    /** Made on first use, not when the store is created: every command is created at start-up. */
    private static final class Mappers {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        static final ObjectMapper YAML = new YAMLMapper();
    }

    private static final Set<String> TOP = Set.of("data", "preprocessing", "split", "validation-split", "seed", "models",
            "samplers", "sampler-params", "class-weights", "threshold", "metric", "jobs", "report", "tune");
    private static final Set<String> DATA = Set.of("file", "label", "positive", "format", "header", "delimiter", "drop",
            "categorical", "text", "missing", "shift-labels");
    private static final Set<String> PREPROCESSING = Set.of("scale", "unknown", "select-top-k", "vocabulary");
    private static final Set<String> SPLIT = Set.of("kind", "folds", "repeats", "test-fraction");
    private static final Set<String> MODEL = Set.of("model", "params");
    private static final Set<String> TUNE = Set.of("model", "params", "search", "trials", "space", "refit");

    @Override
    public Loaded read(Path file) {
        String where = file.toString();
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(file);
            root = (where.toLowerCase(Locale.ROOT).endsWith(".json") ? Mappers.JSON : Mappers.YAML).readTree(bytes);
        } catch (NoSuchFileException e) {
            throw new InputMissingException(where + ": no such recipe file", e);
        } catch (IOException e) {
            throw new DataException(where + ": not a readable recipe (" + firstLine(e.getMessage()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new DataException(where + ": a recipe is a mapping of keys such as data, models, samplers");
        }
        Path base = file.toAbsolutePath().getParent();
        if (MANIFEST_FORMAT.equals(root.path("format").asText())) {
            Recipe recipe = recipe(root.path("recipe"), base, where, name(file));
            return new Loaded(recipe, Optional.of(root.path("data_sha256").asText()));
        }
        return new Loaded(recipe(root, base, where, name(file)), Optional.empty());
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private Recipe recipe(JsonNode r, Path base, String where, String name) {
        Keys k = new Keys(where);
        k.only(r, TOP, "the recipe");
        JsonNode d = k.required(r, "data", "the recipe");
        k.only(d, DATA, "data");
        DataOptions data = new DataOptions(base.resolve(k.text(d, "file", null, "data")).normalize(),
                Optional.ofNullable(k.text(d, "format", null, "data")), k.bool(d, "header", true, "data"),
                Optional.ofNullable(k.text(d, "delimiter", null, "data")).map(s -> s.equals("tab") ? '\t' : s.charAt(0)),
                Optional.ofNullable(k.text(d, "label", null, "data")), Optional.ofNullable(k.text(d, "positive", null, "data")),
                k.strings(d, "drop"), k.strings(d, "categorical"), k.strings(d, "text"),
                MissingPolicy.fromKey(k.text(d, "missing", "error", "data")), k.integer(d, "shift-labels", 0, "data"));
        if (data.label().isEmpty() || data.positive().isEmpty()) {
            throw new DataException(where + ": data needs label and positive");
        }
        JsonNode p = r.path("preprocessing");
        k.only(p, PREPROCESSING, "preprocessing");
        PreprocessingSpec pre = new PreprocessingSpec(Scaling.fromKey(k.text(p, "scale", "standard", "preprocessing")),
                data.missing(), UnknownCategories.fromKey(k.text(p, "unknown", "ignore", "preprocessing")),
                k.integer(p, "vocabulary", PreprocessingSpec.DEFAULT_VOCABULARY, "preprocessing"));
        JsonNode s = r.path("split");
        k.only(s, SPLIT, "split");
        String kind = k.text(s, "kind", "kfold", "split");
        Protocol protocol = switch (kind) {
            case "kfold" -> new Protocol.KFold(k.integer(s, "folds", 5, "split"), k.integer(s, "repeats", 1, "split"));
            case "holdout" -> new Protocol.Holdout(k.decimal(s, "test-fraction", 0.2, "split"));
            case "time" -> new Protocol.TimeOrdered(k.decimal(s, "test-fraction", 0.2, "split"));
            default -> throw new DataException(where + ": split kind '" + kind + "' is not kfold, holdout or time");
        };
        List<Candidate> candidates = new ArrayList<>();
        JsonNode models = r.path("models");
        if (models.isArray()) {
            for (JsonNode m : models) {
                if (m.isTextual()) {
                    candidates.add(Candidate.parse(m.asText(), Hyperparameters.empty()));
                } else {
                    k.only(m, MODEL, "models");
                    candidates.add(Candidate.parse(k.text(m, "model", null, "models"), params(m.path("params"))));
                }
            }
        }
        Optional<Recipe.Tuning> tuning = Optional.empty();
        JsonNode t = r.path("tune");
        if (!t.isMissingNode()) {
            k.only(t, TUNE, "tune");
            Candidate model = Candidate.parse(k.text(t, "model", null, "tune"), params(t.path("params")));
            tuning = Optional.of(new Recipe.Tuning(model, space(k.required(t, "space", "tune"), where),
                    Tuning.Method.fromKey(k.text(t, "search", "random", "tune")), k.integer(t, "trials", 10, "tune"),
                    k.bool(t, "refit", false, "tune")));
            if (candidates.isEmpty()) {
                candidates.add(model);
            }
        }
        if (candidates.isEmpty()) {
            throw new DataException(where + ": the recipe names no models (models: [logistic, random-forest, ...]) and no tune section");
        }
        List<String> samplers = k.strings(r, "samplers");
        List<String> weights = k.strings(r, "class-weights");
        Hyperparameters samplerParams = params(r.path("sampler-params"));
        FitSettings fit = new FitSettings(pre, k.integer(p, "select-top-k", 0, "preprocessing"),
                FitSettings.threshold(k.text(r, "threshold", "max-f1", "the recipe")),
                k.decimal(r, "validation-split", 0.2, "the recipe"), k.integer(r, "seed", 42, "the recipe"));
        ExperimentPlan plan = ExperimentPlan.of(candidates)
                .withSamplers((samplers.isEmpty() ? List.of(SamplerCatalog.NONE) : samplers).stream()
                        .map(s1 -> SamplerChoice.named(s1).withParams(s1.trim().equals(SamplerCatalog.NONE)
                                ? Hyperparameters.empty() : samplerParams)).toList())
                .withClassWeights((weights.isEmpty() ? List.of("none") : weights).stream()
                        .map(ClassWeighting::parse).toList())
                .withFit(fit).withProtocol(protocol)
                .withMetric(MetricName.fromKey(k.text(r, "metric", "pr_auc", "the recipe")));
        Path report = base.resolve(k.text(r, "report", "reports/" + name, "the recipe")).normalize();
        int jobs = k.integer(r, "jobs", Math.max(1, Runtime.getRuntime().availableProcessors()), "the recipe");
        return new Recipe(name, data, plan, tuning, report, jobs);
    }

    private static Hyperparameters params(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        node.properties().forEach(e -> m.put(e.getKey(), scalar(e.getValue())));
        return Hyperparameters.of(m);
    }

    /** YAML lists of numbers ({@code hidden: [16, 16]}) become the comma form {@code --param} takes. */
    private static String scalar(JsonNode v) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(x.asText()));
            return String.join(",", parts);
        }
        return v.asText();
    }

    private static SearchSpace space(JsonNode node, String where) {
        Map<String, SearchSpace.Distribution> m = new LinkedHashMap<>();
        node.properties().forEach(e -> m.put(e.getKey(), distribution(e.getKey(), e.getValue(), where)));
        return new SearchSpace(m);
    }

    private static SearchSpace.Distribution distribution(String name, JsonNode v, String where) {
        if (v.isArray()) {
            List<String> values = new ArrayList<>();
            v.forEach(x -> values.add(scalar(x)));
            return new SearchSpace.Choice(values);
        }
        if (v.isObject() && v.size() == 1) {
            Map.Entry<String, JsonNode> e = v.properties().iterator().next();
            JsonNode range = e.getValue();
            if (range.isArray() && range.size() == 2) {
                return switch (e.getKey()) {
                    case "uniform" -> new SearchSpace.Uniform(range.get(0).asDouble(), range.get(1).asDouble());
                    case "log-uniform" -> new SearchSpace.LogUniform(range.get(0).asDouble(), range.get(1).asDouble());
                    case "int" -> new SearchSpace.IntRange(range.get(0).asInt(), range.get(1).asInt());
                    default -> throw new DataException(where + ": space." + name + ": '" + e.getKey()
                            + "' is not uniform, log-uniform or int");
                };
            }
        }
        throw new DataException(where + ": space." + name + " is neither a list of values nor {uniform|log-uniform|int: [low, high]}");
    }

    @Override
    public SearchSpace readSearchSpace(Path file) {
        String where = file.toString();
        JsonNode root;
        try {
            root = Mappers.YAML.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InputMissingException(where + ": no such search-space file", e);
        } catch (IOException e) {
            throw new DataException(where + ": not a readable search space (" + firstLine(e.getMessage()) + ")", e);
        }
        if (root != null && root.has("space") && root.size() == 1) {
            root = root.get("space");
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new DataException(where + ": a search space maps each parameter to a list of values or "
                    + "{uniform|log-uniform|int: [low, high]}");
        }
        return space(root, where);
    }

    @Override
    public void writeManifest(RunRecord record) {
        Recipe r = record.recipe();
        ObjectNode root = Mappers.JSON.createObjectNode();
        root.put("format", MANIFEST_FORMAT);
        root.put("version", 1);
        root.put("name", r.name());
        root.put("started_at", record.startedAt());
        root.put("seconds", record.seconds());
        root.put("data_sha256", record.dataSha256());
        ObjectNode versions = root.putObject("versions");
        record.versions().forEach(versions::put);
        root.set("recipe", resolved(r));
        ObjectNode result = root.putObject("result");
        result.put("protocol", record.leaderboard().protocol());
        result.put("metric", record.leaderboard().metric().key());
        ArrayNode rows = result.putArray("leaderboard");
        for (LeaderboardRow row : record.leaderboard().rows()) {
            ObjectNode o = rows.addObject();
            o.put("model", row.name());
            ObjectNode params = o.putObject("params");
            row.params().asMap().forEach(params::put);
            o.put("sampler", row.sampler());
            o.put("class_weight", row.classWeight());
            double mean = row.metric(record.leaderboard().metric()).mean();
            if (Double.isFinite(mean)) {
                o.put(record.leaderboard().metric().key() + "_mean", mean);
            } else {
                o.putNull(record.leaderboard().metric().key() + "_mean");
            }
        }
        byte[] bytes;
        try {
            bytes = Mappers.JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("manifest could not be written", e);
        }
        try {
            Files.createDirectories(r.reportDir());
        } catch (IOException e) {
            throw new OutputException(r.reportDir() + ": cannot create folder (" + e.getMessage() + ")", e);
        }
        AtomicFiles.write(r.reportDir().resolve("manifest.json"), out -> out.write(bytes));
    }

    /** The recipe with every default explicit and absolute paths: reading it back gives the same recipe. */
    static ObjectNode resolved(Recipe r) {
        ObjectNode root = Mappers.JSON.createObjectNode();
        DataOptions d = r.data();
        ObjectNode data = root.putObject("data");
        data.put("file", d.file().toAbsolutePath().toString());
        d.label().ifPresent(v -> data.put("label", v));
        d.positive().ifPresent(v -> data.put("positive", v));
        d.format().ifPresent(v -> data.put("format", v));
        data.put("header", d.header());
        d.delimiter().ifPresent(c -> data.put("delimiter", c == '\t' ? "tab" : String.valueOf(c)));
        strings(data, "drop", d.drop());
        strings(data, "categorical", d.categorical());
        strings(data, "text", d.text());
        data.put("missing", d.missing().key());
        data.put("shift-labels", d.shiftLabels());
        ExperimentPlan p = r.plan();
        ObjectNode pre = root.putObject("preprocessing");
        pre.put("scale", p.fit().preprocessing().scaling().key());
        pre.put("unknown", p.fit().preprocessing().unknown().key());
        pre.put("select-top-k", p.fit().selectTopK());
        pre.put("vocabulary", p.fit().preprocessing().vocabulary());
        ObjectNode split = root.putObject("split");
        switch (p.protocol()) {
            case Protocol.KFold kf -> {
                split.put("kind", "kfold");
                split.put("folds", kf.folds());
                split.put("repeats", kf.repeats());
            }
            case Protocol.Holdout h -> {
                split.put("kind", "holdout");
                split.put("test-fraction", h.testFraction());
            }
            case Protocol.TimeOrdered t -> {
                split.put("kind", "time");
                split.put("test-fraction", t.testFraction());
            }
        }
        root.put("validation-split", p.fit().validationFraction());
        root.put("seed", p.seed());
        ArrayNode models = root.putArray("models");
        for (Candidate c : p.candidates()) {
            ObjectNode m = models.addObject();
            m.put("model", c.model().toString());
            ObjectNode params = m.putObject("params");
            c.params().asMap().forEach(params::put);
        }
        strings(root, "samplers", p.samplers().stream().map(SamplerChoice::name).toList());
        ObjectNode sp = root.putObject("sampler-params");
        // every sampler of a recipe takes the same parameters
        p.samplers().stream().filter(c -> !c.isNone()).findFirst().ifPresent(c -> c.params().asMap().forEach(sp::put));
        strings(root, "class-weights", p.classWeights().stream().map(ClassWeighting::spec).toList());
        root.put("threshold", p.fit().threshold().spec());
        root.put("metric", p.metric().key());
        root.put("jobs", r.jobs());
        root.put("report", r.reportDir().toAbsolutePath().toString());
        r.tune().ifPresent(t -> {
            ObjectNode tune = root.putObject("tune");
            tune.put("model", t.base().model().toString());
            ObjectNode params = tune.putObject("params");
            t.base().params().asMap().forEach(params::put);
            tune.put("search", t.method().name().toLowerCase(Locale.ROOT));
            tune.put("trials", t.trials());
            tune.put("refit", t.refit());
            ObjectNode space = tune.putObject("space");
            t.space().params().forEach((name, dist) -> {
                switch (dist) {
                    case SearchSpace.Choice c -> strings(space, name, c.values());
                    case SearchSpace.Uniform u -> space.putObject(name).putArray("uniform").add(u.low()).add(u.high());
                    case SearchSpace.LogUniform l -> space.putObject(name).putArray("log-uniform").add(l.low()).add(l.high());
                    case SearchSpace.IntRange i -> space.putObject(name).putArray("int").add(i.low()).add(i.high());
                }
            });
        });
        return root;
    }

    private static void strings(ObjectNode node, String key, List<String> values) {
        ArrayNode a = node.putArray(key);
        values.forEach(a::add);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Typed, checked access to recipe keys; every error names the recipe file and the key. */
    private record Keys(String where) {
        void only(JsonNode node, Set<String> known, String section) {
            if (node.isMissingNode()) {
                return;
            }
            if (!node.isObject()) {
                throw new DataException(where + ": " + section + " must be a mapping");
            }
            node.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    throw new DataException(where + ": unknown key '" + f + "' in " + section + "; known: "
                            + String.join(", ", new TreeSet<>(known)));
                }
            });
        }

        JsonNode required(JsonNode node, String key, String section) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw new DataException(where + ": " + section + " needs '" + key + "'");
            }
            return v;
        }

        String text(JsonNode node, String key, String fallback, String section) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (fallback == null && (key.equals("file") || key.equals("model"))) {
                    throw new DataException(where + ": " + section + " needs '" + key + "'");
                }
                return fallback;
            }
            if (!v.isValueNode()) {
                throw new DataException(where + ": " + section + "." + key + " must be a single value");
            }
            return v.asText();
        }

        boolean bool(JsonNode node, String key, boolean fallback, String section) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw new DataException(where + ": " + section + "." + key + " must be true or false");
            }
            return v.asBoolean();
        }

        int integer(JsonNode node, String key, int fallback, String section) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new DataException(where + ": " + section + "." + key + " must be an integer");
            }
            return v.asInt();
        }

        double decimal(JsonNode node, String key, double fallback, String section) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isNumber()) {
                throw new DataException(where + ": " + section + "." + key + " must be a number");
            }
            return v.asDouble();
        }

        List<String> strings(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(x -> out.add(x.asText()));
            } else if (v.isValueNode()) {
                for (String part : v.asText().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            } else {
                throw new DataException(where + ": " + key + " must be a list");
            }
            return out;
        }
    }
}
