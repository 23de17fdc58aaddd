package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text corpus (a folder per class) through the commands, as a scikit-learn user would check them: predictions name
 * each document so they join back to the files (a CSV's predictions keep their columns); describe counts the classes
 * the folders give without being told which is positive; inspect names the words a logistic regression weighs most.
 */
class TextCorpusCommandsTest {

    @TempDir
    static Path dir;

    static Path corpus;
    static Path model;

    private static final String[] GOOD = {"great", "lovely", "superb", "moving", "funny"};
    private static final String[] BAD = {"awful", "boring", "dull", "weak", "tedious"};

    @BeforeAll
    static void train() throws IOException {
        corpus = dir.resolve("reviews");
        // 30 positive and 60 negative reviews; some positives one folder deeper
        for (int i = 0; i < 90; i++) {
            boolean positive = i % 3 == 0;
            String[] words = positive ? GOOD : BAD;
            Path folder = corpus.resolve(positive ? (i % 2 == 0 ? "pos/2019" : "pos") : "neg");
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(String.format("r%02d.txt", i)), "a " + words[i % 5] + " film, "
                    + words[(i / 5) % 5] + " acting and a plot");
        }
        model = dir.resolve("reviews.model");
        CliRun r = CliRun.of("train", corpus.toString(), "--format", "text", "--positive", "pos", "--model", "logistic",
                "--out", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void predictionsOfACorpusNameEachDocumentByItsPathInTheCorpus() throws IOException {
        Path out = dir.resolve("p.csv");
        CliRun r = CliRun.of("predict", model.toString(), corpus.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo("row,document,y,p,predicted");
        assertThat(lines).hasSize(91);
        // path order: neg/..., pos/2019/..., pos/...; each name is a file of the corpus, with its own label
        assertThat(lines.get(1)).startsWith("1,neg/r01.txt,0,");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertThat(corpus.resolve(f[1])).as(line).isRegularFile();
            assertThat(f[2]).as(line).isEqualTo(f[1].startsWith("pos/") ? "1" : "0");
        }
        assertThat(lines).anyMatch(l -> l.contains(",pos/2019/r00.txt,1,"));
        // --id document says the same; --id names another column when asked
        Path same = dir.resolve("same.csv");
        assertThat(CliRun.of("predict", model.toString(), corpus.toString(), "--id", "document", "--out",
                same.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(same)).isEqualTo(lines);
    }

    @Test
    void describeCountsTheClassesOfACorpusWithoutPositive() {
        CliRun r = CliRun.of("describe", corpus.toString(), "--format", "text");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("90 rows, 1 feature columns\nlabel 'label': 2 classes, 'pos' 30 (33.33%), "
                + "'neg' 60 (66.67%); --positive names the rare one\n");
        // with --positive, as for a CSV with --label
        CliRun positive = CliRun.of("describe", corpus.toString(), "--format", "text", "--positive", "pos");
        assertThat(positive.out()).contains("label 'label': 30 positive ('pos'), 60 negative, positive rate 33.33%\n")
                .doesNotContain("classes");
    }

    @Test
    void describeCountsOneNumberSpelledSeveralWaysAsOneClassAsPositiveMatchesIt() throws IOException {
        // --positive 1 takes 1, +1 and 1.0 alike: counted apart, describe said 4 classes of a table of two
        Path svm = Files.writeString(dir.resolve("spellings.svm"), "1 1:1\n+1 1:2\n1.0 1:3\n-1 1:4\n-1 1:5\n-1.0 1:6\n"
                + "-1 1:7\n");
        CliRun r = CliRun.of("describe", svm.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("label 'label': 2 classes, '+1' or '1' or '1.0' 3 (42.86%), '-1' or '-1.0' 4 "
                + "(57.14%); --positive names the rare one\n");
        assertThat(CliRun.of("describe", svm.toString(), "--positive", "1").out()).contains("3 positive ('1')");
    }

    @Test
    void describeShowsAClassFolderNameAsPrintableTextAndSaysOneClassIsNotEnough() throws IOException {
        Path odd = dir.resolve("odd");
        Files.writeString(Files.createDirectories(odd.resolve("red\u001b[31malert")).resolve("1.txt"), "alarm");
        Files.writeString(Files.createDirectories(odd.resolve("L".repeat(200))).resolve("2.txt"), "calm");
        CliRun r = CliRun.of("describe", odd.toString(), "--format", "text");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // no escape sequence reaches the terminal, and a long name is cut
        assertThat(r.out()).doesNotContain("\u001b").contains("'red?[31malert' 1 (50.00%)")
                .contains("'" + "L".repeat(60) + "…' 1 (50.00%)");
        // the note that names a corpus's sentence files shows them as printable text too
        Path rt = Files.createDirectories(dir.resolve("rt"));
        Files.writeString(rt.resolve("\u001b[31mred.pos"), "great film\nsuperb\n");
        Files.writeString(rt.resolve("\u001b[31mred.neg"), "awful\ndull\n");
        CliRun sentences = CliRun.of("describe", rt.toString(), "--format", "text");
        assertThat(sentences.exitCode()).as(sentences.err()).isZero();
        assertThat(sentences.err()).doesNotContain("\u001b").contains("?[31mred.pos (pos)");
        Path one = dir.resolve("one");
        Files.writeString(Files.createDirectories(one.resolve("pos")).resolve("1.txt"), "good");
        Files.createDirectories(one.resolve("neg"));
        assertThat(CliRun.of("describe", one.toString(), "--format", "text").out())
                .contains("label 'label': 1 class, 'pos' 1 (100.00%); a classifier needs two\n");
    }

    @Test
    void inspectNamesTheWordsALogisticTextModelWeighsMostEachWay() throws IOException {
        CliRun r = CliRun.of("inspect", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("Words (the logistic regression's weights, its coef_: what a word adds to the "
                + "log-odds of 'pos'):");
        String towardsPos = out.lines().filter(l -> l.startsWith("  towards pos ")).findFirst().orElseThrow();
        String towardsNeg = out.lines().filter(l -> l.startsWith("  towards neg ")).findFirst().orElseThrow();
        // the five good words lead one way and the five bad ones the other; the shared words weigh less
        List<String> pos = words(towardsPos);
        List<String> neg = words(towardsNeg);
        assertThat(pos.subList(0, 5)).containsExactlyInAnyOrder(GOOD);
        assertThat(neg.subList(0, 5)).containsExactlyInAnyOrder(BAD);
        assertThat(weights(towardsPos)).isSortedAccordingTo(java.util.Comparator.reverseOrder()).allMatch(w -> w > 0);
        assertThat(weights(towardsNeg)).isSorted().allMatch(w -> w < 0);

        CliRun json = CliRun.of("inspect", model.toString(), "--json");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(tree.path("kind").asText()).isEqualTo("logistic"); // the manifest's fields, as before
        var top = tree.path("top_words");
        assertThat(top.path("positive_class").asText()).isEqualTo("pos");
        assertThat(top.path("towards_positive").get(0).path("word").asText()).isEqualTo(pos.getFirst());
        assertThat(top.path("towards_negative")).hasSize(neg.size());
    }

    @Test
    void inspectNamesTheWordsOfTheNetworkFormOfLogisticRegressionToo() {
        // logistic@dl4j is one sigmoid unit over the words (an embedding-sum with the bias in its row 0): its weights
        // are coef_ as logistic@smile's are, and the same words lead each way
        Path network = dir.resolve("reviews-dl4j.model");
        CliRun t = CliRun.of("train", corpus.toString(), "--format", "text", "--positive", "pos", "--model",
                "logistic@dl4j", "--out", network.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        CliRun r = CliRun.of("inspect", network.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String towardsPos = r.out().lines().filter(l -> l.startsWith("  towards pos ")).findFirst().orElseThrow();
        String towardsNeg = r.out().lines().filter(l -> l.startsWith("  towards neg ")).findFirst().orElseThrow();
        assertThat(words(towardsPos).subList(0, 5)).containsExactlyInAnyOrder(GOOD);
        assertThat(words(towardsNeg).subList(0, 5)).containsExactlyInAnyOrder(BAD);
        assertThat(weights(towardsPos)).allMatch(w -> w > 0);
        assertThat(weights(towardsNeg)).allMatch(w -> w < 0);
        // an MLP's weights say nothing of a word alone: no words
        Path mlp = dir.resolve("reviews-mlp.model");
        assertThat(CliRun.of("train", corpus.toString(), "--format", "text", "--positive", "pos", "--model",
                "mlp@dl4j", "--param", "epochs=3", "--out", mlp.toString()).exitCode()).isZero();
        assertThat(CliRun.of("inspect", mlp.toString()).out()).doesNotContain("towards pos");
    }

    /** The words of a {@code towards} line ({@code great 1.23, superb 1.1}). */
    private static List<String> words(String line) {
        return java.util.Arrays.stream(line.substring(21).split(", ")).map(w -> w.split(" ")[0]).toList();
    }

    private static List<Double> weights(String line) {
        return java.util.Arrays.stream(line.substring(21).split(", ")).map(w -> Double.parseDouble(w.split(" ")[1]))
                .toList();
    }

    @Test
    void predictionsOfACsvKeepTheirColumns() throws IOException {
        StringBuilder csv = new StringBuilder("review,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append("a ").append(i % 2 == 0 ? GOOD[i % 5] : BAD[i % 5]).append(" film,").append(i % 2 == 0 ? 1 : 0)
                    .append('\n');
        }
        Path data = Files.writeString(dir.resolve("reviews.csv"), csv);
        Path csvModel = dir.resolve("csv.model");
        assertThat(CliRun.of("train", data.toString(), "--label", "y", "--positive", "1", "--text", "review",
                "--model", "logistic", "--out", csvModel.toString()).exitCode()).isZero();
        Path out = dir.resolve("csv-p.csv");
        CliRun r = CliRun.of("predict", csvModel.toString(), data.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out).getFirst()).isEqualTo("row,y,p,predicted");
    }
}
