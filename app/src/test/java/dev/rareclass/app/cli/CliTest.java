package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rareclass.domain.metrics.MetricName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void writeTable() throws IOException {
        data = GeneratedCsv.write(dir.resolve("train.csv"), 600, 5, 4, 0.1, 3, "f1,f2,f3,f4,f5,label", "rare",
                "common");
    }

    /** A value given with a line break in it is quoted on the message's one line; the message's own second line stays. */
    @Test
    void aLineBreakInAnArgumentDoesNotBreakTheMessageOverMoreLines() {
        String label = "ev\nent";
        assertThat(Cli.shown("t.csv: label column '" + label + "' not found", List.of("describe", "--label", label)))
                .isEqualTo("t.csv: label column 'ev?ent' not found");
        // one element of a comma list, a value after '=', a path: each as it is quoted
        assertThat(Cli.shown("model 'kn\r\nn': the kind is not a name", List.of("--models", "logistic,kn\r\nn")))
                .isEqualTo("model 'kn??n': the kind is not a name");
        assertThat(Cli.shown("/tmp/a\nb.csv: no such file\nsecond line", List.of("--data=/tmp/a\nb.csv")))
                .isEqualTo("/tmp/a?b.csv: no such file" + System.lineSeparator() + "second line");
        // a part that is a line break alone is changed where it is quoted, not in the message's own line break
        assertThat(Cli.shown("model '\n': the kind is not a name\nsecond line", List.of("--models", "a,\n")))
                .isEqualTo("model '?': the kind is not a name" + System.lineSeparator() + "second line");
        assertThat(Cli.shown("label column '\r\n' not found\nsecond", List.of("--label", "\r\n")))
                .isEqualTo("label column '??' not found" + System.lineSeparator() + "second");
        // arguments without a line break change nothing
        assertThat(Cli.shown("one\ntwo", List.of("one", "two"))).isEqualTo("one" + System.lineSeparator() + "two");

        CliRun r = CliRun.of("describe", data.toString(), "--label", "la\nbel", "--positive", "rare");
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err().strip().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("'la?bel'");
        CliRun option = CliRun.of("describe", data.toString(), "--lab\nel", "label");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err().strip().lines().toList()).hasSize(1);
        assertThat(option.err()).contains("'--lab?el'");
    }

    @Test
    void aMessageLineIsCutAtAThousandCharactersAndTwoLinesStayTwo() {
        // a recipe's 900 kB value went whole into its one-line message
        String shown = Cli.shown("r.yaml: metric: unknown metric '" + "m".repeat(900_000) + "'\nsecond line");
        assertThat(shown.lines().toList()).hasSize(2);
        assertThat(shown.lines().findFirst().orElseThrow()).hasSize(Cli.MAX_LINE).startsWith("r.yaml: metric:")
                .contains("m…m").endsWith("m'");
        // the end of a line is the reason: kept, where a cut at the start lost it
        String path = "/tmp/" + "d".repeat(900_000);
        assertThat(Cli.shown(path + ": cannot write here (File name too long)")).hasSize(Cli.MAX_LINE)
                .startsWith("/tmp/ddd").endsWith(": cannot write here (File name too long)");
        assertThat(shown.lines().skip(1).findFirst().orElseThrow()).isEqualTo("second line");
        assertThat(Cli.shown("short")).isEqualTo("short");
    }

    @Test
    void controlCharactersAMessageQuotesAreShownAsQuestionMarks() {
        // a column name from a forged model file, holding a terminal escape that would turn the terminal red
        assertThat(Cli.shown("m.model: column 'a\u001b[31mRED\u0007' is text\there"))
                .isEqualTo("m.model: column 'a?[31mRED?' is text?here");
        assertThat(Cli.shown("caf\u00e9 \u0085end")).isEqualTo("caf\u00e9 ?end");
    }

    /** An empty file name is the working folder to the JDK: it was refused as ": is a folder" with exit 66. */
    @Test
    void anEmptyFileNameIsAUsageErrorNamingTheArgument() {
        for (String[] args : List.of(new String[] {"evaluate", "", data.toString()},
                new String[] {"predict", "m.model", "", "--out", "p.csv"},
                new String[] {"describe", ""},
                new String[] {"inspect", ""})) {
            CliRun r = CliRun.of(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("rareclass: Invalid value for ")
                    .contains(": an empty file name; give a file's path").doesNotContain("is a folder");
        }
    }

    @Test
    void trainEvaluatePredictAndScoreWorkTogether() throws IOException {
        Path model = dir.resolve("logistic.model");
        CliRun train = CliRun.of("train", data.toString(), "--label", "label", "--positive", "rare",
                "--model", "logistic", "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("Trained logistic@smile").contains("Saved");
        assertThat(model).exists();

        Path json = dir.resolve("eval.json");
        CliRun eval = CliRun.of("evaluate", model.toString(), data.toString(), "--json", json.toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("pr_auc").contains("Confusion matrix").contains("macro avg");
        JsonNode evalJson = new ObjectMapper().readTree(json.toFile());
        assertThat(evalJson.path("roc_auc").asDouble()).isGreaterThan(0.8);

        Path predictions = dir.resolve("p.csv");
        CliRun predict = CliRun.of("predict", model.toString(), data.toString(), "--out", predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).isEqualTo("row,y,p,predicted");
        assertThat(lines).hasSize(601);
        assertThat(lines.get(1)).startsWith("1,");

        CliRun score = CliRun.of("score", predictions.toString(), "--label", "y", "--score", "p", "--positive", "1", "--json");
        assertThat(score.exitCode()).as(score.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(score.out());
        for (MetricName m : MetricName.values()) {
            assertThat(metrics.has(m.key())).as(m.key()).isTrue();
        }
        // scoring the written predictions reproduces the evaluation's threshold-free metrics
        assertThat(metrics.path("roc_auc").asDouble()).isCloseTo(evalJson.path("roc_auc").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(metrics.path("threshold").asDouble()).isEqualTo(0.5);
    }

    @Test
    void predictWithoutTheLabelColumnWritesNoLabels() throws IOException {
        Path model = dir.resolve("rf.model");
        assertThat(CliRun.of("train", data.toString(), "--label", "label", "--positive", "rare", "--model", "random-forest",
                "--param", "trees=20", "--out", model.toString()).exitCode()).isZero();
        Path unlabelled = dir.resolve("new.csv");
        Files.writeString(unlabelled, "f1,f2,f3,f4,f5\n0,0,0,0,0\n3,3,3,3,0\n");
        Path out = dir.resolve("new-p.csv");
        CliRun predict = CliRun.of("predict", model.toString(), unlabelled.toString(), "--out", out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(3).first().isEqualTo("row,p,predicted");
    }

    @Test
    void predictRefusesColumnsThatDoNotMatchTheModel() throws IOException {
        Path model = dir.resolve("lr2.model");
        assertThat(CliRun.of("train", data.toString(), "--label", "label", "--positive", "rare", "--model", "logistic",
                "--out", model.toString()).exitCode()).isZero();
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "f1,f2,x,f4,f5\n0,0,0,0,0\n");
        Path out = dir.resolve("other-p.csv");
        CliRun r = CliRun.of("predict", model.toString(), other.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("missing column(s) f3");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing file|<none>|66|no such file",
        "empty file|''|65|the file is empty",
        "header only|'a,label\n'|65|no data rows",
        "label column not found|'a,b\n1,2\n3,4\n'|65|label column 'label' not found",
        "positive value absent|'a,label\n1,common\n2,common\n'|65|positive value 'rare' never occurs",
        "single class|'a,label\n1,rare\n2,rare\n3,rare\n'|65|only positive rows",
        "non-numeric value|'a,label\n1,rare\nx,common\n'|65|line 3, column 'a': 'x' is not a number in a numeric column; --drop a, or --categorical a if it holds categories",
        "non-numeric value, a name of two words|'a b,label\n1,rare\nx,common\n'|65|line 3, column 'a b': 'x' is not a number in a numeric column; --drop it, or --categorical if it holds categories",
        "NaN|'a,label\n1,rare\nNaN,common\n'|65|line 3, column 'a': missing value 'NaN'",
        "infinity|'a,label\n1,rare\nInfinity,common\n'|65|not a finite float32 number",
        "ragged row|'a,b,label\n1,2,rare\n1,common\n'|65|ragged row",
    })
    void badInputGetsOnePlainLineTheRightExitCodeAndNoModelFile(String name, String content, int code, String message) throws IOException {
        Path input = dir.resolve(name.replace(' ', '-') + ".csv");
        if (!content.equals("<none>")) {
            Files.writeString(input, content);
        }
        Path model = dir.resolve(name.replace(' ', '-') + ".model");
        CliRun r = CliRun.of("train", input.toString(), "--label", "label", "--positive", "rare", "--model", "logistic",
                "--out", model.toString());
        assertThat(r.exitCode()).isEqualTo(code);
        assertThat(r.err()).contains(input.getFileName().toString()).contains(message);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(model).doesNotExist();
    }

    @Test
    void unknownModelsAndParametersAreUsageErrorsListingTheKnownOnes() {
        CliRun unknown = CliRun.of("train", data.toString(), "--label", "label", "--positive", "rare",
                "--model", "xgboost", "--out", dir.resolve("x.model").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown model 'xgboost'").contains("logistic@smile").contains("mlp@dl4j");

        CliRun badParam = CliRun.of("train", data.toString(), "--label", "label", "--positive", "rare",
                "--model", "random-forest", "--param", "tress=10", "--out", dir.resolve("y.model").toString());
        assertThat(badParam.exitCode()).isEqualTo(2);
        assertThat(badParam.err()).contains("tress").contains("trees");

        CliRun wrongBackend = CliRun.of("train", data.toString(), "--label", "label", "--positive", "rare",
                "--model", "random-forest", "--backend", "dl4j", "--out", dir.resolve("z.model").toString());
        assertThat(wrongBackend.exitCode()).isEqualTo(2);
        assertThat(wrongBackend.err()).contains("no model 'random-forest' on backend 'dl4j'");
    }

    @Test
    void missingOptionsAndUnknownCommandsExitTwo() {
        assertThat(CliRun.of("train", data.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
        CliRun none = CliRun.of();
        assertThat(none.exitCode()).isEqualTo(2);
    }

    @Test
    void describeReportsRowsColumnsAndClassBalance() {
        CliRun r = CliRun.of("describe", data.toString(), "--label", "label", "--positive", "rare");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("600 rows, 5 feature columns").contains("positive rate").contains("f5");
    }

    @Test
    void describeRefusesAPositiveValueThatNeverOccursInALibSvmFileOrATextCorpusAsInACsv() throws IOException {
        Path libsvm = dir.resolve("ls.libsvm");
        Files.writeString(libsvm, "+1 1:0.5 2:1\n-1 1:0.2\n-1 2:3\n+1 1:1\n");
        CliRun svm = CliRun.of("describe", libsvm.toString(), "--positive", "7");
        assertThat(svm.exitCode()).as(svm.out()).isEqualTo(65);
        assertThat(svm.err()).contains(libsvm + ": positive value '7' never occurs in label column 'label'; "
                + "values seen: +1, -1");
        Path corpus = dir.resolve("corpus");
        Files.writeString(Files.createDirectories(corpus.resolve("pos")).resolve("a.txt"), "good");
        Files.writeString(Files.createDirectories(corpus.resolve("neg")).resolve("b.txt"), "bad");
        CliRun text = CliRun.of("describe", corpus.toString(), "--format", "text", "--positive", "Pos");
        assertThat(text.exitCode()).as(text.out()).isEqualTo(65);
        assertThat(text.err()).contains(corpus + ": positive value 'Pos' never occurs in label column 'label'; "
                + "values seen: neg, pos");
        // a value that occurs is described as before; without --positive the label's values are counted, none positive
        assertThat(CliRun.of("describe", libsvm.toString(), "--positive", "+1").out()).contains("2 positive ('+1')");
        assertThat(CliRun.of("describe", libsvm.toString()).out()).contains("label 'label': 2 classes, '+1' 2 (50.00%), "
                + "'-1' 2 (50.00%); --positive names the rare one\n").doesNotContain("positive rate");
    }

    @Test
    void aModelGivenAsStandardInputIsSaidToNeedAFileNotToBeMissing() {
        CliRun r = CliRun.of("predict", "-", "-", "--out", dir.resolve("never.csv").toString());
        assertThat(r.exitCode()).isEqualTo(66);
        assertThat(r.err()).isEqualTo("rareclass: -: a model cannot be read from standard input; give the model "
                + "file's path\n");
        assertThat(dir.resolve("never.csv")).doesNotExist();
    }

    @Test
    void scoreRefusesAMissingScoreColumn() {
        CliRun r = CliRun.of("score", data.toString(), "--label", "label", "--positive", "rare", "--score", "nope");
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("score column 'nope' not found");
    }

    /** A start builds only the command it runs: that command must read its options and help as in the whole tree. */
    @Test
    void aCommandLineBuiltForOneCommandMatchesTheWholeOne() {
        com.google.inject.Injector injector = com.google.inject.Guice.createInjector(new dev.rareclass.app.wiring.AppModule());
        picocli.CommandLine full = Cli.commandLine(injector);
        int checked = 0;
        for (var e : full.getSubcommands().entrySet()) {
            String name = e.getKey();
            if (name.equals("help") || name.equals("completion")) {
                assertThat(Cli.command(name)).isNull(); // these list every command: built whole
                continue;
            }
            picocli.CommandLine lean = Cli.commandLine(injector, name, "--help");
            assertThat(lean.getSubcommands()).hasSizeLessThan(full.getSubcommands().size()).containsKey(name);
            assertThat(lean.getSubcommands().get(name).getUsageMessage()).isEqualTo(e.getValue().getUsageMessage());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(11);
        assertThat(Cli.commandLine(injector, "frobnicate").getSubcommands()).hasSameSizeAs(full.getSubcommands());
        assertThat(Cli.commandLine(injector, "--help").getSubcommands()).hasSameSizeAs(full.getSubcommands());
        CliRun nested = CliRun.of("datasets", "list");
        assertThat(nested.exitCode()).as(nested.err()).isZero();
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("demo", "describe", "train", "evaluate", "predict", "score")) {
            CliRun r = CliRun.of(command, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out().toLowerCase(Locale.ROOT)).contains("usage: rareclass " + command);
        }
    }

    @Test
    void tunesHelpOffersOneSamplerAndOneClassWeightAndComparesSeveral() {
        // tune's help showed --samplers=S[,S...] and --class-weights=W[,W...], then refused a second value
        CliRun tune = CliRun.of("tune", "--help");
        assertThat(tune.exitCode()).isZero();
        assertThat(tune.out()).contains("[--samplers=S]", "[--class-weights=W]").doesNotContain("S[,S...]", "W[,W...]")
                .doesNotContain("comma-separated: none, adasyn");
        CliRun compare = CliRun.of("compare", "--help");
        assertThat(compare.out()).contains("--samplers=S[,S...]", "Samplers to try on the training parts", "Class weights to try");
    }
}
