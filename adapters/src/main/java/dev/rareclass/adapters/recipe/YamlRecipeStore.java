package dev.rareclass.adapters.recipe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rareclass.adapters.io.AtomicFiles;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.EngineSettings;
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
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.port.ClusterEngines;
import dev.rareclass.domain.port.RecipeStore;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import dev.rareclass.domain.preprocess.Scaling;
import dev.rareclass.domain.preprocess.UnknownCategories;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.reader.UnicodeReader;

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

    private static final Set<String> TOP = Set.of("data", "preprocessing", "split", "validation-split", "threshold-cv", "calibration", "deploy-prevalence", "seed", "models",
            "samplers", "sampler-params", "class-weights", "threshold", "metric", "jobs", "report", "tune", "engine");
    private static final Set<String> ENGINE = Set.of("name", "master", "conf");
    private static final Set<String> DATA = Set.of("file", "label", "positive", "format", "header", "delimiter", "drop",
            "categorical", "text", "missing", "shift-labels");
    private static final Set<String> PREPROCESSING = Set.of("scale", "unknown", "select-top-k", "vocabulary",
            "max-categories");
    private static final Set<String> SPLIT = Set.of("kind", "folds", "repeats", "test-fraction");
    private static final Set<String> MODEL = Set.of("model", "params");
    private static final Set<String> TUNE = Set.of("model", "params", "search", "trials", "space", "refit");

    @Override
    public Loaded read(Path file) {
        String where = file.toString();
        JsonNode root;
        try {
            byte[] bytes = bounded(file, "recipe");
            root = readTree(where.toLowerCase(Locale.ROOT).endsWith(".json") ? Mappers.JSON : Mappers.YAML, bytes, where,
                    "the recipe");
        } catch (NoSuchFileException e) {
            throw new InputMissingException(where + ": no such recipe file", e);
        } catch (IOException e) {
            throw unreadable(file, "recipe", e);
        }
        if (root == null || !root.isObject()) {
            throw new DataException(where + ": a recipe is a mapping of keys such as data, models, samplers");
        }
        Path base = file.toAbsolutePath().getParent();
        JsonNode format = root.path("format");
        if (!format.isMissingNode() && !MANIFEST_FORMAT.equals(format.asText())) {
            // a recipe has no such key; only a run manifest has one, and it says which
            throw new DataException(where + ": format " + Quoting.clipped(format.toString(), 60) + " is not a run "
                    + "manifest this rareclass reads (a run manifest says format: " + MANIFEST_FORMAT + "; a recipe has "
                    + "no format key)");
        }
        if (MANIFEST_FORMAT.equals(format.asText())) {
            JsonNode version = root.path("version");
            if (!version.isMissingNode() && !(version.isIntegralNumber() && version.asLong() == 1)) {
                // a later rareclass may mean something else by the same keys: not run as if it did not
                throw new DataException(where + ": run manifest version " + Quoting.clipped(version.toString(), 20)
                        + " is not one this rareclass reads (version 1)");
            }
            // the run keeps its name (the recipe's), not the manifest file's
            String name = root.path("name").isTextual() && !root.path("name").asText().isBlank()
                    ? root.path("name").asText() : name(file);
            Recipe recipe = recipe(root.path("recipe"), base, where, name);
            JsonNode sum = root.path("data_sha256");
            // compared with the data's checksum and shown shortened when they differ: anything else crashed there
            if (!sum.isTextual() || !sum.asText().matches("[0-9a-f]{64}")) {
                throw new DataException(where + ": data_sha256 is not a SHA-256 checksum (64 hex digits), got "
                        + (sum.isMissingNode() ? "none" : sum.toString()));
            }
            return new Loaded(recipe, Optional.of(sum.asText()));
        }
        return new Loaded(recipe(root, base, where, name(file)), Optional.empty());
    }

    /** A recipe or search space is a short text: this many bytes is far more than any needs. */
    static final int MAX_BYTES = 1 << 20;

    /**
     * The file's bytes, refused (exit 65) past {@link #MAX_BYTES} without reading further: {@code run /dev/zero} read
     * until the heap was full (exit 70), and a recipe with one 30 MB value ran for minutes in gigabytes.
     */
    private static byte[] bounded(Path file, String what) throws IOException {
        if (file.toString().isEmpty()) { // the working folder, which was refused as "': is a folder", exit 66
            throw new UsageException("a " + what + " needs a file name (got an empty one)");
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new DataException(file + ": over " + (MAX_BYTES >> 20) + " MiB; a " + what + " is a short text "
                        + "file (is this the right file?)");
            }
            return bytes;
        }
    }

    /**
     * The document as a tree, once {@link #refuseAnchorsAndAliases} and {@link #refuseDuplicateKeys} passed it.
     * Jackson itself keeps the last of two same keys and reads an alias as its bare name ({@code *small} as the
     * text {@code small}): either way the recipe would run with something other than what its author sees.
     */
    private static JsonNode readTree(ObjectMapper mapper, byte[] bytes, String where, String document) throws IOException {
        requireUtf8(bytes, where, document);
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            // YAML's .nan and .inf are numbers Jackson cannot hold: a wrong value (exit 2, naming the line) as a
            // negative fold count is, not an unreadable file
            Optional<Event> nonFinite = Optional.empty();
            if (mapper instanceof YAMLMapper) {
                try {
                    nonFinite = firstEvent(bytes, ev -> ev instanceof ScalarEvent s && s.isPlain()
                            && s.getValue().matches("[-+]?\\.(nan|NaN|NAN|inf|Inf|INF)"));
                } catch (IOException unreadable) {
                    throw e; // Jackson's own account of what it could not read
                }
            }
            if (nonFinite.isPresent()) {
                throw new UsageException(where + ", line " + (nonFinite.get().getStartMark().getLine() + 1) + ": '"
                        + ((ScalarEvent) nonFinite.get()).getValue() + "' is not a finite number; "
                        + document.replaceFirst("^the ", "a ") + " takes finite numbers only");
            }
            throw e;
        }
        if (mapper instanceof YAMLMapper) {
            refuseAnchorsAndAliases(bytes, where, document);
            refuseSecondDocument(bytes, where, document);
            refuseValuesNotAsShown(bytes, where, document);
        } else {
            refuseSecondValue(mapper, bytes, where, document);
        }
        try (JsonParser parser = mapper.createParser(bytes)) {
            refuseDuplicateKeys(parser, where, document);
        }
        return root;
    }

    /**
     * A second YAML document (after a {@code ---} line) is a usage error naming its line: Jackson reads the first
     * only, so the settings after it would be left out without a word.
     */
    private static void refuseSecondDocument(byte[] bytes, String where, String document) throws IOException {
        int[] starts = {0};
        Optional<Event> second = firstEvent(bytes, e -> e instanceof org.yaml.snakeyaml.events.DocumentStartEvent
                && ++starts[0] == 2);
        if (second.isPresent()) {
            throw new UsageException(where + ", line " + (second.get().getStartMark().getLine() + 1) + ": a second YAML "
                    + "document begins here; " + document.replaceFirst("^the ", "a ") + " is one document: remove the "
                    + "'---' line, or put the settings after it in a file of their own");
        }
    }

    /** Plain YAML values that YAML 1.1 (and so Jackson) reads as another number than the decimal one they show. */
    private static final java.util.regex.Pattern NOT_DECIMAL = java.util.regex.Pattern.compile(
            "[-+]?(0[0-9]+|0[xX][0-9a-fA-F_]+|0[bB][01_]+|0o[0-7]+|[0-9][0-9_]*_[0-9_]*(\\.[0-9_]*)?"
                    + "|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?)");
    /** Plain YAML values that YAML 1.1 (and so Jackson) reads as true or false. */
    private static final java.util.regex.Pattern ONE_ONE_BOOLEAN = java.util.regex.Pattern.compile(
            "yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF");

    /**
     * A value that is not read as it shows is a usage error naming its line, the first in the file of two kinds, found
     * in one pass over the events:
     * <ul>
     *   <li>a plain value YAML 1.1 reads otherwise than a reader sees it: {@code 017} is the octal 15, {@code 0x1},
     *       {@code 0b101}, {@code 1_000} and {@code 1:30} are numbers in forms no other input of rareclass takes, and
     *       {@code yes}, {@code no}, {@code on}, {@code off} are true and false (a positive class {@code yes} became the
     *       text {@code true}); quoted, each is the text it shows;</li>
     *   <li>a tag ({@code !custom}, {@code !!java/object:...}): Jackson drops it and reads the value under it, so the
     *       file would run otherwise than its author meant by the tag.</li>
     * </ul>
     */
    private static void refuseValuesNotAsShown(byte[] bytes, String where, String document) throws IOException {
        Optional<Event> found = firstEvent(bytes, e -> tag(e) != null || e instanceof ScalarEvent s && s.isPlain()
                && (NOT_DECIMAL.matcher(s.getValue()).matches() || ONE_ONE_BOOLEAN.matcher(s.getValue()).matches()));
        if (found.isEmpty()) {
            return;
        }
        Event e = found.get();
        String at = where + ", line " + (e.getStartMark().getLine() + 1) + ": '";
        String tag = tag(e);
        if (tag != null) {
            tag = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
            throw new UsageException(at + Quoting.clipped(tag, 60) + "' is a YAML tag; "
                    + document.replaceFirst("^the ", "a ") + " takes plain values: remove it (quote a value to make it "
                    + "text)");
        }
        String value = ((ScalarEvent) e).getValue();
        String reading = ONE_ONE_BOOLEAN.matcher(value).matches()
                ? "YAML reads it as true or false: write true or false,"
                : "YAML 1.1 reads it as a number in another form (" + (value.matches("[-+]?0[0-9]+")
                        ? "a leading 0 makes it octal" : "hexadecimal, binary, _ or : in it") + "): write the "
                        + "number in plain decimals,";
        throw new UsageException(at + value + "' is not read as it shows; " + reading + " or quote it ('" + value
                + "') for text");
    }

    /** Whether a text holds a line break (a tab or another control character, such as a delimiter, may be meant). */
    private static boolean lineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    /** The tag a value or a collection carries, or null. */
    private static String tag(Event e) {
        return e instanceof ScalarEvent s ? s.getTag()
                : e instanceof org.yaml.snakeyaml.events.CollectionStartEvent c ? c.getTag() : null;
    }

    /** Whether two models as a recipe names them are one: the same kind, on the same backend where both name one. */
    private static boolean sameModel(dev.rareclass.domain.model.ModelId a, dev.rareclass.domain.model.ModelId b) {
        return a.kind().equals(b.kind())
                && (a.backend().isEmpty() || b.backend().isEmpty() || a.backend().equals(b.backend()));
    }

    /** A second JSON value after the first is a usage error naming its line, as a second YAML document is. */
    private static void refuseSecondValue(ObjectMapper mapper, byte[] bytes, String where, String document)
            throws IOException {
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return;
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new UsageException(where + ", line " + parser.currentTokenLocation().getLineNr() + ": a second "
                        + "JSON value begins here; " + document.replaceFirst("^the ", "a ") + " is one JSON object");
            }
        }
    }

    /**
     * Any YAML anchor ({@code &name}) or alias ({@code *name}) is a usage error naming its line. Read from SnakeYAML's
     * events, which carry every anchor: Jackson's parser drops those on single values.
     */
    private static void refuseAnchorsAndAliases(byte[] bytes, String where, String document) throws IOException {
        Optional<Event> found = firstEvent(bytes, e -> e instanceof AliasEvent
                || e instanceof NodeEvent node && node.getAnchor() != null);
        if (found.isPresent()) {
            Event e = found.get();
            String what = e instanceof AliasEvent alias ? "'*" + alias.getAnchor() + "' is a YAML alias"
                    : "'&" + ((NodeEvent) e).getAnchor() + "' is a YAML anchor";
            throw new UsageException(where + ", line " + (e.getStartMark().getLine() + 1) + ": " + what
                    + "; " + document.replaceFirst("^the ", "a ") + " takes no anchors (&) or aliases (*): "
                    + "write the value out where it is used");
        }
    }

    /**
     * The first of SnakeYAML's events of the document that {@code wanted} picks: they carry what Jackson's parser drops
     * or cannot hold (anchors on single values, {@code .nan}), each with its line.
     */
    private static Optional<Event> firstEvent(byte[] bytes, java.util.function.Predicate<Event> wanted)
            throws IOException {
        try (Reader text = new UnicodeReader(new ByteArrayInputStream(bytes))) {
            Parser events = new ParserImpl(new StreamReader(text), new LoaderOptions());
            while (!events.checkEvent(Event.ID.StreamEnd)) {
                Event e = events.getEvent();
                if (wanted.test(e)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        } catch (YAMLException e) {
            // past the first document, which Jackson read without complaint, or in one Jackson could not read either
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A mapping or list being read: its name for messages, and for a mapping the line of each key it gave. */
    private static final class Level {
        final String name;
        final Map<String, Integer> keys;
        String key;
        int entries;

        Level(String name, boolean mapping) {
            this.name = name;
            this.keys = mapping ? new HashMap<>() : null;
        }

        /** The name of the value read next in this level: {@code split}, {@code models[1].params}. */
        String child() {
            if (keys == null) {
                return name + "[" + (entries - 1) + "]";
            }
            return name.isEmpty() ? key : name + "." + key;
        }
    }

    /**
     * A key given twice in one mapping, at any depth, is a usage error naming the key and both lines; so is a key or a
     * text value with a line break, naming the line and where it stands ({@code data.label}): every setting is one line
     * of text (a name, a path, a number), and one quoted with a line break in it ({@code label: "ev\nent"}, a literal
     * block) was quoted whole into a message broken over several lines.
     */
    private static void refuseDuplicateKeys(JsonParser p, String where, String document) throws IOException {
        ArrayDeque<Level> open = new ArrayDeque<>();
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            Level in = open.peek();
            if (in != null && in.keys == null && t != JsonToken.END_ARRAY) {
                in.entries++;
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> open.push(new Level(in == null ? "" : in.child(),
                        t == JsonToken.START_OBJECT));
                case END_OBJECT, END_ARRAY -> open.pop();
                case FIELD_NAME -> {
                    String key = p.currentName();
                    int line = p.currentTokenLocation().getLineNr();
                    if (lineBreak(key)) {
                        throw lineBreakIn("a key in " + (in.name.isEmpty() ? document : in.name), key, line, where,
                                document);
                    }
                    Integer first = in.keys.putIfAbsent(key, line);
                    if (first != null) {
                        throw new UsageException(where + ", line " + line + ": key '" + key + "' is given twice in "
                                + (in.name.isEmpty() ? document : in.name) + " (first on line " + first
                                + "); give each key once");
                    }
                    in.key = key;
                }
                case VALUE_STRING -> {
                    if (lineBreak(p.getText())) {
                        throw lineBreakIn(in == null ? document : in.child(), p.getText(),
                                p.currentTokenLocation().getLineNr(), where, document);
                    }
                }
                default -> {
                    // a number, a truth value or null: nothing to check
                }
            }
        }
    }

    private static UsageException lineBreakIn(String what, String text, int line, String where, String document) {
        return new UsageException(where + ", line " + line + ": " + what + " '" + Quoting.clipped(text, 60) + "' holds "
                + "a line break; " + document.replaceFirst("^the ", "a ") + " takes each key and value as one line of text");
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
        String missing = k.text(d, "missing", "error", "data");
        int shiftLabels = k.integer(d, "shift-labels", 0, "data");
        k.require(shiftLabels >= 0, "data.shift-labels", shiftLabels, "0 or more");
        DataOptions data = new ReadingOptions(Optional.ofNullable(k.text(d, "format", null, "data")),
                Optional.of(k.bool(d, "header", true, "data")),
                Optional.ofNullable(k.text(d, "delimiter", null, "data")).map(k::delimiter),
                Optional.of(k.strings(d, "drop", "data")), Optional.of(k.strings(d, "categorical", "data")),
                Optional.of(k.strings(d, "text", "data")),
                Optional.of(k.field("data.missing", () -> MissingPolicy.fromKey(missing))))
                .applyTo(DataOptions.of(base.resolve(k.text(d, "file", null, "data")).normalize()))
                .withLabel(Optional.ofNullable(k.text(d, "label", null, "data")),
                        Optional.ofNullable(k.text(d, "positive", null, "data")))
                .withShiftLabels(shiftLabels);
        if (data.label().isEmpty() || data.positive().isEmpty()) {
            throw new UsageException(where + ": data needs label and positive");
        }
        JsonNode p = r.path("preprocessing");
        k.only(p, PREPROCESSING, "preprocessing");
        String scale = k.text(p, "scale", "standard", "preprocessing");
        String unknown = k.text(p, "unknown", "ignore", "preprocessing");
        int vocabulary = k.integer(p, "vocabulary", PreprocessingSpec.DEFAULT_VOCABULARY, "preprocessing");
        k.require(vocabulary >= 1, "preprocessing.vocabulary", vocabulary, "1 or more");
        int maxCategories = k.integer(p, "max-categories", PreprocessingSpec.DEFAULT_MAX_CATEGORIES, "preprocessing");
        k.require(maxCategories >= 1, "preprocessing.max-categories", maxCategories, "1 or more");
        int selectTopK = k.integer(p, "select-top-k", 0, "preprocessing");
        k.require(selectTopK >= 0, "preprocessing.select-top-k", selectTopK, "0 (keep all) or more");
        PreprocessingSpec pre = new PreprocessingSpec(k.field("preprocessing.scale", () -> Scaling.fromKey(scale)),
                data.missing(), k.field("preprocessing.unknown", () -> UnknownCategories.fromKey(unknown)), vocabulary,
                maxCategories);
        JsonNode s = r.path("split");
        k.only(s, SPLIT, "split");
        String kind = k.text(s, "kind", "kfold", "split");
        Protocol protocol = switch (kind) {
            case "kfold" -> {
                k.notFor(s, kind, "test-fraction", "a holdout or time split's test share; each fold is a kfold split's "
                        + "test part in turn (kind: holdout for one stratified test part of that share)");
                int folds = k.integer(s, "folds", 5, "split");
                k.require(folds >= 2, "split.folds", folds, "2 or more");
                int repeats = k.integer(s, "repeats", 1, "split");
                k.require(repeats >= 1 && repeats <= Protocol.KFold.MAX_REPEATS, "split.repeats", repeats,
                        "from 1 to " + Protocol.KFold.MAX_REPEATS);
                yield new Protocol.KFold(folds, repeats);
            }
            case "holdout", "time" -> {
                for (String key : List.of("folds", "repeats")) {
                    k.notFor(s, kind, key, "a kfold split's; a " + kind + " split is one split, its test part the "
                            + "test-fraction share" + (kind.equals("time") ? " of the last rows" : ""));
                }
                double test = k.fraction(s, "test-fraction", 0.2, "split", false);
                yield kind.equals("holdout") ? new Protocol.Holdout(test) : new Protocol.TimeOrdered(test);
            }
            default -> throw new UsageException(where + ": split.kind '" + kind + "' is not kfold, holdout or time");
        };
        List<Candidate> candidates = new ArrayList<>();
        JsonNode models = r.path("models");
        if (!models.isMissingNode() && !models.isNull() && !models.isArray()) {
            throw new UsageException(where + ": models must be a list of KIND, KIND@BACKEND or {model, params} entries, got "
                    + Keys.show(models));
        }
        for (JsonNode m : models) {
            if (m.isTextual()) {
                candidates.add(k.field("models", () -> Candidate.parse(m.asText(), Hyperparameters.empty())));
            } else if (m.isObject()) {
                k.only(m, MODEL, "models");
                String model = k.text(m, "model", null, "models");
                Hyperparameters params = k.params(m.path("params"), "models." + model + ".params");
                candidates.add(k.field("models", () -> Candidate.parse(model, params)));
            } else {
                throw new UsageException(where + ": each entry of models is KIND, KIND@BACKEND or {model, params}, got "
                        + Keys.show(m));
            }
        }
        Optional<Recipe.Tuning> tuning = Optional.empty();
        JsonNode t = r.path("tune");
        if (!t.isMissingNode()) {
            k.only(t, TUNE, "tune");
            String tuned = k.text(t, "model", null, "tune");
            Hyperparameters fixed = k.params(t.path("params"), "tune.params");
            Candidate model = k.field("tune.model", () -> Candidate.parse(tuned, fixed));
            String search = k.text(t, "search", "random", "tune");
            int trials = k.integer(t, "trials", 10, "tune");
            // as split.repeats: the search's own check said "--trials", an option the recipe's user never typed
            k.require(trials >= 1 && trials <= SearchSpace.MAX_TRIALS, "tune.trials", trials,
                    "from 1 to " + String.format(Locale.ROOT, "%,d", SearchSpace.MAX_TRIALS));
            if (t.has("trials") && search.trim().equalsIgnoreCase("grid")) {
                throw new UsageException(where + ": tune.trials sets a random search's budget; search: grid tries every "
                        + "point of tune.space: give one of them");
            }
            tuning = Optional.of(new Recipe.Tuning(model, space(k.required(t, "space", "tune"), where, "tune.space"),
                    k.field("tune.search", () -> Tuning.Method.fromKey(search)), trials,
                    k.bool(t, "refit", false, "tune")));
            Recipe.Tuning read = tuning.get();
            k.field("tune", read::search); // the search's own checks (a parameter fixed and searched), before any run
            if (candidates.isEmpty()) {
                candidates.add(model);
            } else if (candidates.stream().anyMatch(c -> !sameModel(c.model(), model.model()))) {
                // the search runs tune.model alone: the other models would be left out without a word
                throw new UsageException(where + ": a recipe with a tune section searches tune.model (" + model.model()
                        + ") alone; its models list names others (" + candidates.stream().map(c -> c.model().toString())
                        .distinct().collect(java.util.stream.Collectors.joining(", ")) + "): remove models, or compare "
                        + "them in a recipe without tune");
            }
        }
        if (candidates.isEmpty()) {
            throw new UsageException(where + ": the recipe names no models (models: [logistic, random-forest, ...]) and no tune section");
        }
        List<String> samplers = k.strings(r, "samplers", "the recipe");
        List<String> weights = k.strings(r, "class-weights", "the recipe");
        List<ClassWeighting> weighting = (weights.isEmpty() ? List.of("none") : weights).stream()
                .map(w -> k.field("class-weights", () -> ClassWeighting.parse(w))).toList();
        String threshold = k.text(r, "threshold", "max-f1", "the recipe");
        // threshold-cv: K chooses the threshold by inner cross-validation, and the hold-out is then 0 unless given
        int thresholdCv = k.integer(r, "threshold-cv", 0, "the recipe");
        double validation = k.fraction(r, "validation-split", thresholdCv > 0 ? 0 : 0.2, "the recipe", true);
        long seed = k.integer(r, "seed", 42, "the recipe");
        double deploy = k.fraction(r, "deploy-prevalence", 0, "the recipe", false);
        String calibration = k.text(r, "calibration", "none", "the recipe");
        FitSettings fit = k.field(!calibration.equals("none") ? "calibration" : thresholdCv > 0 ? "threshold-cv"
                : "threshold", () -> new FitSettings(pre, selectTopK, FitSettings.threshold(threshold), validation,
                seed, deploy, thresholdCv, calibration));
        String metric = k.text(r, "metric", "pr_auc", "the recipe");
        Hyperparameters samplerParams = k.params(r.path("sampler-params"), "sampler-params");
        // parameters no sampler takes were dropped without a word (k: -5 too), where the command line refuses them
        k.require(samplerParams.asMap().isEmpty() || samplers.stream()
                        .anyMatch(sampler -> !sampler.trim().equals(SamplerCatalog.NONE)), "sampler-params",
                samplerParams.asMap(), "empty when no sampler takes parameters (samplers: none or left out)");
        ExperimentPlan plan = ExperimentPlan.of(candidates)
                .withSamplers((samplers.isEmpty() ? List.of(SamplerCatalog.NONE) : samplers).stream()
                        .map(name1 -> SamplerChoice.named(name1).withParams(name1.trim().equals(SamplerCatalog.NONE)
                                ? Hyperparameters.empty() : samplerParams)).toList())
                .withClassWeights(weighting)
                .withFit(fit).withProtocol(protocol)
                .withMetric(k.field("metric", () -> MetricName.fromKey(metric)));
        String reportText = k.text(r, "report", "reports/" + name, "the recipe");
        // an empty name would be the recipe's own folder, whose report files of these names would go (as --report "")
        k.require(!reportText.isBlank(), "report", "''", "a folder's name");
        Path report = base.resolve(reportText).normalize();
        int jobs = k.integer(r, "jobs", Math.max(1, Runtime.getRuntime().availableProcessors()), "the recipe");
        k.require(jobs >= 1, "jobs", jobs, "1 or more");
        return new Recipe(name, data, plan, tuning, report, jobs, engine(r.path("engine"), k, where));
    }

    /** {@code engine: spark}, or {@code engine: {name: spark, master: URL, conf: {key: value}}}; none or local: in memory. */
    private static Optional<EngineSettings> engine(JsonNode e, Keys k, String where) {
        if (e.isMissingNode() || e.isNull()) {
            return Optional.empty();
        }
        String name;
        Optional<String> master = Optional.empty();
        Map<String, String> conf = Map.of();
        if (e.isTextual()) {
            name = e.asText().trim();
        } else {
            k.only(e, ENGINE, "engine");
            name = k.text(e, "name", ClusterEngines.IN_MEMORY, "engine").trim();
            master = Optional.ofNullable(k.text(e, "master", null, "engine")).filter(m -> !m.isBlank());
            conf = k.params(e.path("conf"), "engine.conf").asMap();
        }
        if (ClusterEngines.isInMemory(name)) {
            if (master.isPresent() || !conf.isEmpty()) {
                throw new UsageException(where + ": engine.master and engine.conf need engine.name: spark");
            }
            return Optional.empty();
        }
        if (!name.equals("spark")) {
            throw new UsageException(where + ": engine " + name + ": engines are " + ClusterEngines.NAMES);
        }
        return Optional.of(new EngineSettings(name, master, conf, false));
    }

    /** Single values as they are; YAML lists of them ({@code hidden: [16, 16]}) in the comma form {@code --param} takes. */
    private static String scalar(JsonNode v) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(x.asText()));
            return String.join(",", parts);
        }
        return v.asText();
    }

    /** Whether {@link #scalar} represents {@code v} faithfully: a single value, or a flat list of them. */
    private static boolean isScalar(JsonNode v) {
        if (v.isArray()) {
            for (JsonNode x : v) {
                if (!x.isValueNode()) {
                    return false;
                }
            }
            return true;
        }
        return v.isValueNode();
    }

    /** A search space; every mistake in an entry is a usage error naming the file and the parameter. */
    private static SearchSpace space(JsonNode node, String where, String section) {
        Keys k = new Keys(where);
        if (!node.isObject()) {
            throw new UsageException(where + ": " + section + " must map each parameter to a list of values or "
                    + "{uniform|log-uniform|int: [low, high]}, got " + Keys.show(node));
        }
        Map<String, SearchSpace.Distribution> m = new LinkedHashMap<>();
        node.properties().forEach(e -> m.put(e.getKey(), k.field(section + "." + e.getKey(),
                () -> distribution(e.getKey(), e.getValue()))));
        return k.field(section, () -> new SearchSpace(m));
    }

    /** One entry of a search space; a {@code UsageException} says what is wrong, the caller names the entry. */
    private static SearchSpace.Distribution distribution(String name, JsonNode v) {
        String expected = "a list of values or {uniform|log-uniform|int: [low, high]}";
        if (v.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode x : v) {
                // a value may be a flat list, as a fixed parameter may: hidden: [[16], [16, 16]] tries two layouts
                if (x.isNull() || !isScalar(x) || x.isArray() && x.isEmpty()) {
                    throw new UsageException("each value of the list must be a single value or a list of them, got "
                            + Keys.show(x));
                }
                Hyperparameters.requirePrintable(name, scalar(x)); // as a recipe's params: a newline broke the message
                values.add(scalar(x));
            }
            return new SearchSpace.Choice(values);
        }
        if (v.isObject() && v.size() == 1) {
            Map.Entry<String, JsonNode> e = v.properties().iterator().next();
            String kind = e.getKey();
            if (!Set.of("uniform", "log-uniform", "int").contains(kind)) {
                throw new UsageException("'" + kind + "' is not uniform, log-uniform or int");
            }
            JsonNode range = e.getValue();
            boolean integers = kind.equals("int");
            if (integers && range.isArray() && range.size() == 2 && range.get(0).isIntegralNumber()
                    && range.get(1).isIntegralNumber()
                    && !(range.get(0).canConvertToInt() && range.get(1).canConvertToInt())) {
                // [0, 2147483648] was told it needed "two integers", which it has
                throw new UsageException("int ranges lie within " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                        + ", got " + Keys.show(range) + " (a larger value, such as a seed, can be listed: [1, 5000000000])");
            }
            if (!range.isArray() || range.size() != 2 || !bound(range.get(0), integers) || !bound(range.get(1), integers)) {
                throw new UsageException(kind + " needs [low, high] with two " + (integers ? "integers" : "numbers")
                        + ", got " + Keys.show(range));
            }
            return switch (kind) {
                case "uniform" -> new SearchSpace.Uniform(range.get(0).asDouble(), range.get(1).asDouble());
                case "log-uniform" -> new SearchSpace.LogUniform(range.get(0).asDouble(), range.get(1).asDouble());
                default -> new SearchSpace.IntRange(range.get(0).asInt(), range.get(1).asInt());
            };
        }
        throw new UsageException("expected " + expected + ", got " + Keys.show(v));
    }

    private static boolean bound(JsonNode b, boolean integer) {
        if (integer) {
            return b.isIntegralNumber() && b.canConvertToInt();
        }
        return b.isNumber() && Double.isFinite(b.asDouble());
    }

    @Override
    public SearchSpace readSearchSpace(Path file) {
        String where = file.toString();
        JsonNode root;
        try {
            root = readTree(Mappers.YAML, bounded(file, "search space"), where, "the search space");
        } catch (NoSuchFileException e) {
            throw new InputMissingException(where + ": no such search-space file", e);
        } catch (IOException e) {
            throw unreadable(file, "search space", e);
        }
        if (root != null && root.path("space").isObject() && root.size() > 1) {
            // no model has a parameter named space: the others were read as parameters beside one named space
            // ("space.space: 'k' is not uniform, log-uniform or int")
            List<String> beside = new ArrayList<>();
            root.fieldNames().forEachRemaining(beside::add);
            beside.remove("space");
            throw new UsageException(where + ": 'space' holds the parameters searched, so no key stands beside it; "
                    + "move " + String.join(", ", beside) + " into it, or write the parameters without 'space'");
        }
        if (root != null && root.has("space") && root.size() == 1) {
            root = root.get("space");
        }
        if (root == null || root.isMissingNode() || root.isNull() || root.isObject() && root.isEmpty()) {
            // an empty file and {} are the same mistake, the user's: a space with nothing to search
            throw new UsageException(where + ": the search space names no parameter; map each parameter to a list of "
                    + "values or {uniform|log-uniform|int: [low, high]}");
        }
        if (!root.isObject()) {
            throw new DataException(where + ": a search space maps each parameter to a list of values or "
                    + "{uniform|log-uniform|int: [low, high]}");
        }
        return space(root, where, "space");
    }

    @Override
    public void writeManifest(RunRecord record, Path folder) {
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
        AtomicFiles.write(folder.resolve("manifest.json"), out -> out.write(bytes));
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
        pre.put("max-categories", p.fit().preprocessing().maxCategories());
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
        if (p.fit().thresholdFolds() > 0) {
            root.put("threshold-cv", p.fit().thresholdFolds());
        }
        if (!p.fit().calibration().equals("none")) {
            root.put("calibration", p.fit().calibration());
        }
        if (p.fit().deployPrevalence() > 0) {
            root.put("deploy-prevalence", p.fit().deployPrevalence());
        }
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
        r.engine().ifPresent(e -> {
            ObjectNode engine = root.putObject("engine");
            engine.put("name", e.engine());
            e.master().ifPresent(m -> engine.put("master", m));
            ObjectNode conf = engine.putObject("conf");
            e.conf().forEach(conf::put);
        });
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

    /**
     * Refuses bytes that are not UTF-8 text, naming the line of the first bad byte (the parser's own account named
     * a Java exception class).
     */
    private static void requireUtf8(byte[] bytes, String where, String document) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                int line = 1;
                for (int i = 0; i < in.position(); i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                throw new DataException(where + ", line " + line + ": " + document + " is not UTF-8 text (byte 0x"
                        + String.format(Locale.ROOT, "%02x", bytes[in.position()] & 0xff) + "); save it as UTF-8");
            }
            if (r.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    /**
     * The refusal of a file that could not be read as YAML or JSON: a folder or an unreadable file is a missing input
     * (exit 66); a parse error names the line and column where the parser stopped, and the parser's own words only
     * (Jackson's message goes on with the source excerpt, SnakeYAML's events print as Java objects).
     */
    private static RuntimeException unreadable(Path file, String what, IOException e) {
        String where = file.toString();
        if (java.nio.file.Files.isDirectory(file)) {
            return new InputMissingException(where + ": is a folder, not a " + what + " file", e);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new InputMissingException(where + ": cannot be read (permission denied)", e);
        }
        if (e instanceof java.nio.file.FileSystemException) { // a loop of symbolic links, ...: not the text's fault
            return new InputMissingException(where + ": cannot read (" + dev.rareclass.domain.error.IoReason.of(e) + ")",
                    e);
        }
        String at = "";
        String said = e.getMessage();
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            said = j.getOriginalMessage();
            if (j.getLocation() != null && j.getLocation().getLineNr() > 0) {
                at = ", line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
                if (m.getProblemMark() != null) { // the scanner's own place, where Jackson's is the token before
                    at = ", line " + (m.getProblemMark().getLine() + 1) + ", column " + (m.getProblemMark().getColumn() + 1);
                }
                said = m.getProblem() != null ? m.getProblem() : firstLine(m.getContext());
                if (pastKeyLimit(m.getProblemMark())) {
                    // the parser gives up on a key without '?' after 1,024 characters and then, at the key's ':',
                    // says it "could not find expected ':'"
                    said = "a key longer than 1,024 characters, more than YAML reads before its ':'; the keys of a "
                            + what + " are short names";
                }
                break;
            }
        }
        said = firstLine(said).replaceAll("org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event\\([^)]*\\)", "$1")
                .replaceAll(", from `StreamReadConstraints\\.\\w+\\(\\)`", ""); // where Jackson's limits are set
        return new DataException(where + at + ": not a readable " + what + " (" + said + ")", e);
    }

    /** Whether the parser stopped at a ':' more than 1,024 characters into its line: the end of a key too long. */
    private static boolean pastKeyLimit(org.yaml.snakeyaml.error.Mark mark) {
        if (mark == null || mark.getColumn() < 1024 || mark.getBuffer() == null) {
            return false;
        }
        int at = mark.getPointer();
        return at >= 0 && at < mark.getBuffer().length && mark.getBuffer()[at] == ':';
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Typed, checked access to recipe keys. A key or value that is wrong (unknown name, wrong type, out of range)
     * is a usage error (exit 2) naming the recipe file, the key and the value; a file that is not YAML at all
     * stays a data error.
     */
    private record Keys(String where) {
        void only(JsonNode node, Set<String> known, String section) {
            if (node.isMissingNode()) {
                return;
            }
            if (!node.isObject()) {
                throw new UsageException(where + ": " + section + " must be a mapping, got " + show(node));
            }
            node.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    throw new UsageException(where + ": unknown key '" + f + "' in " + section + "; known: "
                            + String.join(", ", new TreeSet<>(known)));
                }
            });
        }

        /**
         * Refuses a split key that the split's kind has no use for (exit 2), as the command line refuses --folds with
         * --holdout: read silently, {@code {kind: holdout, repeats: 3}} made one split where three were asked for.
         *
         * @param what what the key is, as the message says it ("a kfold split's; ...")
         */
        void notFor(JsonNode split, String kind, String key, String what) {
            if (split.has(key)) {
                throw new UsageException(where + ": split." + key + " does not apply to kind " + kind + ": it is " + what
                        + "; leave it out");
            }
        }

        JsonNode required(JsonNode node, String key, String section) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw new UsageException(where + ": " + section + " needs '" + key + "'");
            }
            return v;
        }

        String text(JsonNode node, String key, String fallback, String section) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (fallback == null && (key.equals("file") || key.equals("model"))) {
                    throw new UsageException(where + ": " + section + " needs '" + key + "'");
                }
                return fallback;
            }
            if (!v.isValueNode()) {
                throw new UsageException(where + ": " + name(section, key) + " must be a single value, got " + show(v));
            }
            if (fallback == null && key.equals("file") && v.asText().isBlank()) { // resolved, it was the recipe's folder
                throw new UsageException(where + ": " + name(section, key) + " is empty; give the data file's path");
            }
            return v.asText();
        }

        boolean bool(JsonNode node, String key, boolean fallback, String section) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw new UsageException(where + ": " + name(section, key) + " must be true or false, got " + show(v));
            }
            return v.asBoolean();
        }

        int integer(JsonNode node, String key, int fallback, String section) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new UsageException(where + ": " + name(section, key) + " must be an integer, got " + show(v));
            }
            return v.asInt();
        }

        /** A share in (0, 1), or in [0, 1) when {@code zeroAllowed}. */
        double fraction(JsonNode node, String key, double fallback, String section, boolean zeroAllowed) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            double d = v.asDouble();
            if (!v.isNumber() || !((zeroAllowed ? d >= 0 : d > 0) && d < 1)) {
                throw new UsageException(where + ": " + name(section, key) + " must be a fraction in "
                        + (zeroAllowed ? "[0, 1)" : "(0, 1)") + ", got " + show(v));
            }
            return d;
        }

        List<String> strings(JsonNode node, String key, String section) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (v.isArray()) {
                for (JsonNode x : v) {
                    if (!x.isValueNode() || x.isNull()) {
                        throw new UsageException(where + ": " + name(section, key) + " must be a list of single values, got "
                                + show(v));
                    }
                    out.add(x.asText());
                }
            } else if (v.isValueNode()) {
                for (String part : v.asText().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            } else {
                throw new UsageException(where + ": " + name(section, key) + " must be a list, got " + show(v));
            }
            return out;
        }

        /** A {@code key: value} mapping of parameters; values are single values or flat lists of them. */
        Hyperparameters params(JsonNode node, String field) {
            if (node.isMissingNode() || node.isNull()) {
                return Hyperparameters.empty();
            }
            if (!node.isObject()) {
                throw new UsageException(where + ": " + field + " must be a mapping of parameter: value, got " + show(node));
            }
            Map<String, String> m = new LinkedHashMap<>();
            node.properties().forEach(e -> {
                if (!isScalar(e.getValue())) {
                    throw new UsageException(where + ": " + field + "." + e.getKey()
                            + " must be a single value or a list of them, got " + show(e.getValue()));
                }
                try {
                    Hyperparameters.requirePrintable(e.getKey(), scalar(e.getValue()));
                } catch (UsageException bad) {
                    throw new UsageException(where + ": " + field + ": " + bad.getMessage());
                }
                m.put(e.getKey(), scalar(e.getValue()));
            });
            return Hyperparameters.of(m);
        }

        /** One character, or {@code tab}, as {@code --delimiter} takes. */
        char delimiter(String text) {
            if (text.equalsIgnoreCase("tab") || text.equals("\\t")) {
                return '\t';
            }
            if (text.length() != 1) {
                throw new UsageException(where + ": data.delimiter must be one character or tab, got '" + text + "'");
            }
            ReadingOptions.unusableDelimiter(text.charAt(0)).ifPresent(why -> {
                throw new UsageException(where + ": data.delimiter cannot separate fields with " + why);
            });
            return text.charAt(0);
        }

        void require(boolean ok, String field, Object value, String expected) {
            if (!ok) {
                throw new UsageException(where + ": " + field + " must be " + expected + ", got " + value);
            }
        }

        /** Runs a domain parser, prefixing its usage error with the recipe file and the field it read. */
        <T> T field(String field, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (UsageException e) {
                throw new UsageException(where + ": " + field + ": " + e.getMessage());
            }
        }

        /** A value as the recipe wrote it, shortened: for messages. */
        static String show(JsonNode v) {
            String text = v.isValueNode() ? "'" + v.asText() + "'" : v.toString();
            return text.length() > 80 ? text.substring(0, 77) + "..." : text;
        }

        private static String name(String section, String key) {
            return section.equals("the recipe") ? key : section + "." + key;
        }
    }
}
