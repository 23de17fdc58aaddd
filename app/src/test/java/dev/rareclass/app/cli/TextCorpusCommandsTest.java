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
 * the folders give without being told which is positive.
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
