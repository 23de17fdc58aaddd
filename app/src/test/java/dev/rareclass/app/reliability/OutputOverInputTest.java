package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An output that names one of the command's own inputs, by the same path, another spelling, a symbolic link or a
 * hard link: every command that writes a file refuses it with exit 73 and one line, and the input keeps every byte.
 * Before, {@code predict m.model t.csv --out t.csv} replaced the user's table with the predictions, exit 0.
 */
class OutputOverInputTest {

    @TempDir
    static Path shared;

    static Path model;

    @BeforeAll
    static void trainModel() throws IOException {
        Path data = SmallTable.write(shared.resolve("good.csv"));
        model = SmallTable.trainLogistic(data, shared.resolve("logistic.model"));
    }

    /** How the output names the input: gives the path to pass as the output. */
    interface Naming {
        String name(Path input) throws IOException;
    }

    /** @param over the input the output names: table, model or space */
    record Case(String name, String over, String[] args) {
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        List<Named<Naming>> namings = List.of(
                Named.of("the same path", p -> p.toString()),
                Named.of("another spelling (./)", p -> p.getParent().resolve(".").resolve(p.getFileName()).toString()),
                Named.of("a symbolic link", p -> Files.createSymbolicLink(p.resolveSibling("link-" + p.getFileName()),
                        p.getFileName()).toString()),
                Named.of("a hard link", p -> Files.createLink(p.resolveSibling("hard-" + p.getFileName()), p).toString()));
        String table = "{table}";
        String m = "{model}";
        String o = "{out}";
        List<Case> commands = List.of(
                new Case("train --out", "table", new String[] {"train", table, "--label", "y", "--positive", "1",
                        "--categorical", "color", "--model", "logistic", "--out", o}),
                new Case("train --report", "table", new String[] {"train", table, "--label", "y", "--positive", "1",
                        "--categorical", "color", "--model", "logistic", "--out", "{dir}/m.model", "--report", o}),
                new Case("predict --out", "table", new String[] {"predict", m, table, "--out", o}),
                new Case("predict --out over the model", "model", new String[] {"predict", m, table, "--out", o}),
                new Case("evaluate --json", "table", new String[] {"evaluate", m, table, "--json", o}),
                new Case("evaluate --json over the model", "model", new String[] {"evaluate", m, table, "--json", o}),
                new Case("resample --out", "table", new String[] {"resample", table, "--label", "y", "--positive", "1",
                        "--categorical", "color", "--sampler", "random-over", "--out", o}),
                new Case("tune --out", "table", new String[] {"tune", table, "--label", "y", "--positive", "1",
                        "--categorical", "color", "--model", "logistic", "--folds", "2", "--space", "{space}",
                        "--trials", "2", "--out", o}),
                // the space file was replaced by the refitted model, exit 0
                new Case("tune --out over the space", "space", new String[] {"tune", table, "--label", "y",
                        "--positive", "1", "--categorical", "color", "--model", "logistic", "--folds", "2",
                        "--space", "{space}", "--trials", "2", "--out", o}),
                // refused before Spark starts: train --engine spark --out the table replaced it with the model, exit 0
                new Case("train --engine spark --out", "table", new String[] {"train", table, "--label", "y",
                        "--positive", "1", "--model", "logistic", "--engine", "spark", "--out", o}),
                new Case("predict --engine spark --out", "table", new String[] {"predict", m, table, "--engine",
                        "spark", "--out", o}),
                new Case("predict --engine spark --out over the model", "model", new String[] {"predict", m, table,
                        "--engine", "spark", "--out", o}),
                new Case("evaluate --engine spark --json", "table", new String[] {"evaluate", m, table, "--engine",
                        "spark", "--json", o}),
                new Case("evaluate --engine spark --json over the model", "model", new String[] {"evaluate", m, table,
                        "--engine", "spark", "--json", o}),
                new Case("resample --engine spark --out", "table", new String[] {"resample", table, "--label", "y",
                        "--positive", "1", "--sampler", "random-over", "--engine", "spark", "--out", o}));
        for (Case c : commands) {
            for (Named<Naming> n : namings) {
                out.add(Arguments.of(Named.of(c.name() + ", " + n.getName(), c), n));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refusesAnOutputThatIsOneOfTheInputs(Case c, Naming naming) throws IOException {
        Path dir = Files.createTempDirectory(shared, "case");
        Path table = SmallTable.write(dir.resolve("data.csv"));
        Path ownModel = Files.copy(model, dir.resolve("logistic.model"));
        Path space = Files.writeString(dir.resolve("space.yaml"), "lambda: [0.1, 1.0]\n");
        Path input = switch (c.over()) {
            case "model" -> ownModel;
            case "space" -> space;
            default -> table;
        };
        byte[] before = Files.readAllBytes(input);
        String output = naming.name(input);
        String[] args = Arrays.stream(c.args()).map(a -> a.replace("{table}", table.toString())
                .replace("{model}", ownModel.toString()).replace("{out}", output).replace("{space}", space.toString())
                .replace("{dir}", dir.toString())).toArray(String[]::new);

        InProcessCli r = InProcessCli.run(args);

        String err = r.err().lines().filter(l -> !l.startsWith("note:") && !l.startsWith("warning:"))
                .reduce("", (a, b) -> a + b + "\n").strip();
        assertThat(r.exitCode()).as(err).isEqualTo(73);
        assertThat(err).startsWith("rareclass: ").contains("cannot write over an input of this command")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(Files.readAllBytes(input)).as("the input keeps every byte").isEqualTo(before);
        assertThat(dir.resolve("m.model")).as("nothing of the run is put in place").doesNotExist();
        OutputTargetCorpusTest.assertNoTemporaries(dir);
    }

    @Test
    void explainRefusesToReplaceTheInputTableInsideItsOutputFolder() throws IOException {
        Path dir = Files.createTempDirectory(shared, "explain");
        Path out = Files.createDirectory(dir.resolve("out"));
        // explain writes importance.csv into its folder: here that is the very table it explains
        Path table = SmallTable.write(out.resolve("importance.csv"));
        byte[] before = Files.readAllBytes(table);

        InProcessCli r = InProcessCli.run("explain", model.toString(), table.toString(), "--out", out.toString(),
                "--repeats", "1", "--top", "1");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(73);
        assertThat(r.err()).contains("importance.csv: cannot write over an input of this command");
        assertThat(Files.readAllBytes(table)).isEqualTo(before);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("importance.csv");
        }
    }

    @Test
    void explainRefusesToRemoveTheModelItExplainsFromAnEarlierReport() throws IOException {
        // a report folder of run/tune holds its model.rareclass; explain of that model with --out that folder replaced
        // the earlier report, removing the model it had just read (exit 0)
        Path dir = Files.createTempDirectory(shared, "report");
        Path out = Files.createDirectory(dir.resolve("tunerep"));
        Path own = Files.copy(model, out.resolve("model.rareclass"));
        Files.writeString(out.resolve("leaderboard.csv"), "rank,model\n1,logistic\n");
        Files.writeString(out.resolve("report.html"), "<html></html>\n");
        Path table = SmallTable.write(dir.resolve("data.csv"));
        byte[] before = Files.readAllBytes(own);

        InProcessCli r = InProcessCli.run("explain", own.toString(), table.toString(), "--out", out.toString(),
                "--repeats", "1", "--top", "1");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(73);
        assertThat(r.err()).contains(out + ": cannot write the report there: it holds an earlier report, whose "
                + "model.rareclass (an input of this command)").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(own)).isEqualTo(before);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("model.rareclass", "leaderboard.csv", "report.html");
        }
        // a copy of the model elsewhere explains into that folder as before, replacing the earlier report
        Path copy = Files.copy(own, dir.resolve("copy.model"));
        InProcessCli again = InProcessCli.run("explain", copy.toString(), table.toString(), "--out", out.toString(),
                "--repeats", "1", "--top", "1");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(out.resolve("importance.csv")).isRegularFile();
    }

    /** The Spark engine replaces a folder of part files as a whole: a folder holding the table is no such place. */
    @Test
    void theSparkEngineRefusesToReplaceAFolderHoldingItsInput() throws IOException {
        Path dir = Files.createTempDirectory(shared, "parts");
        Path out = Files.createDirectory(dir.resolve("scored"));
        Path table = SmallTable.write(out.resolve("part-00000.csv"));
        byte[] before = Files.readAllBytes(table);

        InProcessCli r = InProcessCli.run("resample", table.toString(), "--label", "y", "--positive", "1",
                "--sampler", "random-over", "--engine", "spark", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(73);
        assertThat(r.err().strip()).isEqualTo("rareclass: " + out + ": cannot write over an input of this command ("
                + table + "); choose another folder");
        assertThat(Files.readAllBytes(table)).isEqualTo(before);
    }

    @Test
    void anOutputBesideTheInputIsStillWritten() throws IOException {
        Path dir = Files.createTempDirectory(shared, "beside");
        Path table = SmallTable.write(dir.resolve("data.csv"));

        InProcessCli r = InProcessCli.run("predict", model.toString(), table.toString(), "--out",
                dir.resolve("data.predictions.csv").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("data.predictions.csv")).isRegularFile();
    }

    /**
     * Two outputs of one command given one name: the second replaced the first, exit 0, so one of the outputs the user
     * asked for was lost (train --out m --report m left the report where the model should be). Refused, exit 2, and
     * nothing is put in place.
     */
    static Stream<Arguments> collisions() {
        String t = "{table}";
        String m = "{model}";
        List<String> train = List.of("train", t, "--label", "y", "--positive", "1", "--categorical", "color",
                "--model", "logistic");
        return Stream.of(
                Arguments.of("train --out X --report X", concat(train, "--out", "{dir}/x", "--report", "{dir}/x")),
                Arguments.of("train --out X.md --report X.html", concat(train, "--out", "{dir}/x.md", "--report",
                        "{dir}/x.html")),
                Arguments.of("evaluate --report X --json X", List.of("evaluate", m, t, "--report", "{dir}/x",
                        "--json", "{dir}/x")),
                Arguments.of("evaluate --report X --json ./X", List.of("evaluate", m, t, "--report", "{dir}/r.html",
                        "--json", "{dir}/./r.html")),
                Arguments.of("evaluate --report r.html --json r.md", List.of("evaluate", m, t, "--report",
                        "{dir}/r.html", "--json", "{dir}/r.md")),
                Arguments.of("evaluate --report pp/roc.png --plots pp", List.of("evaluate", m, t, "--report",
                        "{dir}/pp/roc.png", "--plots", "{dir}/pp")));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collisions")
    void refusesTwoOutputsOfOneName(String name, List<String> template) throws IOException {
        Path dir = Files.createTempDirectory(shared, "twice");
        Path table = SmallTable.write(dir.resolve("data.csv"));
        Path ownModel = Files.copy(model, dir.resolve("logistic.model"));
        String[] args = template.stream().map(a -> a.replace("{table}", table.toString())
                .replace("{model}", ownModel.toString()).replace("{dir}", dir.toString())).toArray(String[]::new);

        InProcessCli r = InProcessCli.run(args);

        String err = r.err().lines().filter(l -> !l.startsWith("note:") && !l.startsWith("warning:"))
                .reduce("", (a, b) -> a + b + "\n").strip();
        assertThat(r.exitCode()).as(err).isEqualTo(2);
        assertThat(err).startsWith("rareclass: ").contains(dir.toString()).contains("own name")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.lines().count()).isEqualTo(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("nothing of the run is put in place").containsExactly("data.csv", "logistic.model");
        }
        OutputTargetCorpusTest.assertNoTemporaries(dir);
    }
}
