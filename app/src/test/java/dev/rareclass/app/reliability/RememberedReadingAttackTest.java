package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model files whose manifest carries valid checksums but hostile {@code provenance.read_with} and
 * {@code provenance.environment} values, run through {@code evaluate} and {@code predict}. A malformed value
 * (wrong type, a delimiter the reader cannot use, a path as a format, a key given twice, ...) refuses the model
 * file: exit 65 and one line naming it. A well-formed value that does not fit the data behaves exactly as the
 * same option given on the command line with the untouched model: same exit code, same message.
 */
class RememberedReadingAttackTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path good;
    static Map<String, byte[]> parts;

    /** What a case must do: be refused, or act as the good model with these command-line options. */
    record Case(String name, String section, String raw, boolean refused, List<String> cli) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void train() throws IOException {
        data = dir.resolve("d.csv");
        StringBuilder sb = new StringBuilder("a,b,s,y\n");
        for (int i = 0; i < 300; i++) {
            sb.append(i % 7).append(',').append((i * 13) % 11).append(',').append("xyz".charAt(i % 3)).append(',')
                    .append(i % 6 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(data, sb);
        good = dir.resolve("good.model");
        assertThat(InProcessCli.run("train", data.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", good.toString()).exitCode()).isZero();
        parts = ModelZip.read(good);
        assertThat(new String(parts.get("manifest.json"), StandardCharsets.UTF_8)).contains("\"read_with\"")
                .contains("\"environment\"");
    }

    // ---- the corpus -------------------------------------------------------------------------------------

    private static final String READ = "read_with";
    private static final String ENV = "environment";
    private static final String SHIFT = "shift_labels";

    static Case refused(String name, String section, String raw) {
        return new Case(name, section, raw, true, List.of());
    }

    static Case asCli(String name, String section, String raw, String... cli) {
        return new Case(name, section, raw, false, List.of(cli));
    }

    /** The good model's read_with with one field's value replaced by raw JSON (or given twice when dup). */
    static String readWith(String field, String raw) {
        return withField(READ, field, raw, false);
    }

    static String env(String field, String raw) {
        return withField(ENV, field, raw, false);
    }

    static String withField(String section, String field, String raw, boolean duplicate) {
        try {
            ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(manifestOfGood());
            ObjectNode node = ((ObjectNode) manifest.path("provenance").path(section)).deepCopy();
            if (!duplicate) {
                node.remove(field);
            }
            String text = new ObjectMapper().writeValueAsString(node);
            String sep = node.isEmpty() ? "" : ",";
            return raw == null ? text : text.substring(0, text.length() - 1) + sep + "\"" + field + "\":" + raw + "}";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] manifestOfGood() {
        return parts.get("manifest.json");
    }

    static String nested(String open, String close, int depth, String inner) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    static Stream<Case> corpus() {
        String manyNumbers = IntStream.range(0, 100_000).mapToObj(Integer::toString)
                .collect(Collectors.joining(",", "[", "]"));
        List<String> manyNames = IntStream.range(0, 100_000).mapToObj(i -> "c" + i).toList();
        String manyNamesJson = manyNames.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                // read_with itself of the wrong type
                refused("read_with a number", READ, "42"),
                refused("read_with null", READ, "null"),
                refused("read_with an array of numbers", READ, "[1,2,3]"),
                refused("read_with a string", READ, "\"csv\""),
                refused("read_with nested 5000 deep", READ, nested("{\"a\":", "}", 5000, "1")),
                // header
                refused("header a string", READ, readWith("header", "\"true\"")),
                refused("header a number", READ, readWith("header", "1")),
                refused("header null", READ, readWith("header", "null")),
                refused("header given twice", READ, withField(READ, "header", "false", true)),
                // format
                refused("format a number", READ, readWith("format", "5")),
                refused("format an object", READ, readWith("format", "{}")),
                refused("format path-like ../x", READ, readWith("format", "\"../x\"")),
                refused("format an absolute path", READ, readWith("format", "\"/etc/passwd\"")),
                refused("format empty", READ, readWith("format", "\"\"")),
                refused("format blank", READ, readWith("format", "\" \"")),
                refused("format 3000 arrays deep", READ, readWith("format", nested("[", "]", 3000, "\"csv\""))),
                asCli("format CSV (upper case)", READ, readWith("format", "\"CSV\""), "--format", "CSV"),
                asCli("format tsv on a csv file", READ, readWith("format", "\"tsv\""), "--format", "tsv"),
                // a name no reader here knows (Spark's parquet): refused, not blamed on a --format never given
                refused("format unknown but a name", READ, readWith("format", "\"parquet\"")),
                refused("format unknown, upper case", READ, readWith("format", "\"PARQUET\"")),
                asCli("format svmlight (libsvm's other name)", READ, readWith("format", "\"svmlight\""), "--format",
                        "svmlight"),
                // delimiter
                refused("delimiter empty", READ, readWith("delimiter", "\"\"")),
                refused("delimiter two characters", READ, readWith("delimiter", "\";;\"")),
                refused("delimiter a quote", READ, readWith("delimiter", "\"\\\"\"")),
                refused("delimiter a newline", READ, readWith("delimiter", "\"\\n\"")),
                refused("delimiter a carriage return", READ, readWith("delimiter", "\"\\r\"")),
                refused("delimiter the comment character", READ, readWith("delimiter", "\"#\"")),
                refused("delimiter a number", READ, readWith("delimiter", "44")),
                refused("delimiter 'tab' spelled out", READ, readWith("delimiter", "\"tab\"")),
                asCli("delimiter a control character", READ, readWith("delimiter", "\"\\u0001\""), "--delimiter",
                        "\u0001"),
                asCli("delimiter NUL", READ, readWith("delimiter", "\"\\u0000\""), "--delimiter", "\u0000"),
                asCli("delimiter ; on a comma file", READ, readWith("delimiter", "\";\""), "--delimiter", ";"),
                asCli("delimiter tab on a comma file", READ, readWith("delimiter", "\"\\t\""), "--delimiter", "tab"),
                // missing
                refused("missing unknown policy", READ, readWith("missing", "\"bogus\"")),
                refused("missing a number", READ, readWith("missing", "1")),
                refused("missing null", READ, readWith("missing", "null")),
                refused("missing a list", READ, readWith("missing", "[\"drop\"]")),
                asCli("missing drop", READ, readWith("missing", "\"drop\""), "--missing", "drop"),
                // drop, categorical, text
                refused("drop a string", READ, readWith("drop", "\"a\"")),
                refused("drop numbers", READ, readWith("drop", "[1,2]")),
                refused("drop [null]", READ, readWith("drop", "[null]")),
                refused("drop an object", READ, readWith("drop", "{\"a\":1}")),
                refused("drop 100000 numbers", READ, readWith("drop", manyNumbers)),
                refused("categorical nested lists", READ, readWith("categorical", "[[\"s\"]]")),
                refused("categorical 500 lists deep", READ, readWith("categorical", nested("[", "]", 500, ""))),
                refused("text null", READ, readWith("text", "null")),
                refused("text a boolean", READ, readWith("text", "true")),
                // a column the model remembers dropping may be absent from the table: read if present
                asCli("drop a column that does not exist", READ, readWith("drop", "[\"zz\"]"), "--drop="),
                asCli("drop 100000 columns that do not exist", READ, readWith("drop", manyNamesJson), "--drop="),
                // remembered, it is passed over (the label is never a feature); given now, --drop y is refused
                asCli("drop the label column", READ, readWith("drop", "[\"y\"]")),
                // refused on load: it was read as --drop a, and every table then blamed for missing column a
                refused("drop a feature the model needs", READ, readWith("drop", "[\"a\"]")),
                // the same for a type given to the label; given now, --categorical y and --text y are refused
                asCli("categorical names the label", READ, readWith("categorical", "[\"y\"]")),
                asCli("text names the label", READ, readWith("text", "[\"y\"]")),
                asCli("text names a numeric column", READ, readWith("text", "[\"a\"]"), "--text", "a"),
                asCli("header false on a headed file", READ, readWith("header", "false"), "--no-header"),
                asCli("read_with empty", READ, "{}"),
                asCli("read_with absent (an older model file)", READ, null),
                // environment
                refused("environment a number", ENV, "7"),
                refused("environment null", ENV, "null"),
                refused("environment an array", ENV, "[\"Linux\"]"),
                refused("environment empty", ENV, "{}"),
                refused("environment without os", ENV, env("os", null)),
                refused("environment without cpus", ENV, env("cpus", null)),
                refused("environment os an object", ENV, env("os", "{}")),
                refused("environment commit a number", ENV, env("commit", "123")),
                refused("environment cpus a string", ENV, env("cpus", "\"2\"")),
                refused("environment cpus a word", ENV, env("cpus", "\"many\"")),
                refused("environment cpus negative", ENV, env("cpus", "-1")),
                refused("environment cpus a fraction", ENV, env("cpus", "1.5")),
                refused("environment cpus beyond int", ENV, env("cpus", "99999999999999999999")),
                refused("environment jdk given twice", ENV, withField(ENV, "jdk", "\"other\"", true)),
                refused("environment 5000 deep", ENV, nested("[", "]", 5000, "")),
                asCli("environment with an extra field", ENV, env("gpu", "\"none\"")),
                asCli("environment absent (an older model file)", ENV, null),
                // shift_labels: a whole number of rows, 0 or more (its use: ShiftLabelsRememberedTest)
                refused("shift_labels negative", SHIFT, "-1"),
                refused("shift_labels a string", SHIFT, "\"2\""),
                refused("shift_labels a fraction", SHIFT, "1.5"),
                refused("shift_labels null", SHIFT, "null"),
                refused("shift_labels beyond int", SHIFT, "99999999999"),
                refused("shift_labels a list", SHIFT, "[2]"),
                refused("shift_labels a boolean", SHIFT, "true"),
                asCli("shift_labels 0", SHIFT, "0"),
                asCli("shift_labels absent (an older model file)", SHIFT, null));
    }

    @Test
    void theCorpusIsLarge() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
        assertThat(corpus().map(Case::name).distinct().count()).isEqualTo(corpus().count());
    }

    /** A format the model remembers that no reader here knows gives way to the one the user gives. */
    @Test
    void aFormatGivenOnTheCommandLineOverridesAnUnknownRememberedOne() throws IOException {
        Path model = hostile(refused("format parquet, then --format csv", READ, readWith("format", "\"parquet\"")));
        for (String command : List.of("evaluate", "predict")) {
            InProcessCli r = run(command, model, List.of("--format", "csv"));
            InProcessCli expected = run(command, good, List.of("--format", "csv"));
            assertThat(r.exitCode()).as(command + ": " + r.err()).isZero();
            assertThat(r.out().replace(model.getFileName().toString(), "M"))
                    .isEqualTo(expected.out().replace(good.getFileName().toString(), "M"));
        }
        InProcessCli explain = InProcessCli.run("explain", model.toString(), data.toString());
        assertThat(explain.exitCode()).isEqualTo(65);
        assertThat(explain.err().strip())
                .startsWith("rareclass: " + model + ": refused: its training data was read as 'parquet'")
                .contains("known: arff, csv, libsvm, tab, text, tsv").hasLineCount(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void evaluateAndPredict(Case c) throws IOException {
        Path model = hostile(c);
        for (String command : List.of("evaluate", "predict")) {
            InProcessCli r = run(command, model, List.of());
            String err = r.err().strip();
            System.out.printf("%-8s %-42s exit %d  %s%n", command, c.name(),
                    r.exitCode(), err.length() > 160 ? err.substring(0, 160) + "…" : err);
            assertThat(err).as(c.name()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error");
            assertThat(r.exitCode()).as(c.name() + ": " + err).isNotEqualTo(70);
            if (c.refused()) {
                assertThat(r.exitCode()).as(c.name() + ": " + err).isEqualTo(65);
                assertThat(err).as(c.name()).contains(model.toString()).contains("refused");
                assertThat(err.lines().count()).as(c.name()).isEqualTo(1);
            } else {
                InProcessCli expected = run(command, good, c.cli());
                assertThat(r.exitCode()).as(c.name() + ": " + err).isEqualTo(expected.exitCode());
                assertThat(err).as(c.name()).isEqualTo(expected.err().strip());
                assertThat(err.lines().count()).as(c.name()).isLessThanOrEqualTo(2);
                if (r.exitCode() == 0) {
                    assertThat(r.out().replace(model.getFileName().toString(), "M"))
                            .isEqualTo(expected.out().replace(good.getFileName().toString(), "M"));
                }
            }
        }
    }

    private static InProcessCli run(String command, Path model, List<String> options) throws IOException {
        Path out = dir.resolve(command + ".out");
        Files.deleteIfExists(out);
        List<String> args = new ArrayList<>(List.of(command, model.toString(), data.toString()));
        args.addAll(List.of(command.equals("predict") ? "--out" : "--json", out.toString()));
        args.addAll(options);
        InProcessCli r = InProcessCli.run(args.toArray(String[]::new));
        if (r.exitCode() != 0) {
            assertThat(out).as("no half-written output").doesNotExist();
        }
        Files.deleteIfExists(out);
        return r;
    }

    /** The good model with one provenance section replaced by raw JSON (absent when null), checksums valid. */
    private static Path hostile(Case c) throws IOException {
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(manifestOfGood());
        ObjectNode provenance = (ObjectNode) manifest.path("provenance");
        String marker = "@@HOSTILE@@";
        if (c.raw() == null) {
            provenance.remove(c.section());
        } else {
            provenance.put(c.section(), marker);
        }
        String text = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        if (c.raw() != null) {
            text = text.replace("\"" + marker + "\"", c.raw());
        }
        byte[] m = text.getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> out = new LinkedHashMap<>(parts);
        ModelZip.putManifest(out, m);
        return ModelZip.write(dir.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-") + ".model"), out);
    }
}
