package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ID-like column left in a table (100,000 distinct strings, one a row) is refused when the preprocessing is
 * fitted, with one line naming the column, its distinct count and {@code --drop}, exit 65. Before, it became
 * 100,000 one-hot columns: {@code train} failed with "ArithmeticException: integer overflow" (80,000 rows x 100,000
 * columns, exit 70) and {@code compare} ran out of a 6 GB heap. An exit of 65 here is also the proof that the check
 * comes first: building the matrix would overflow or run out of memory before any refusal.
 */
class ManyCategoriesTest {

    @TempDir
    static Path dir;

    static Path ids;

    /**
     * Writes {@code rows} rows of {@code id} (u0000000, u0000001, ...: every row differs), {@code x} and {@code z}
     * (numbers) and {@code y} (1 on every fortieth row, and where x is high); returns the file.
     */
    static Path idTable(Path file, int rows) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,x,z,y\n");
            for (int i = 0; i < rows; i++) {
                double x = ((i * 7919L) % 1000) / 100.0;
                double z = ((i * 104729L) % 997) / 997.0;
                w.write(String.format(Locale.ROOT, "u%07d,%.2f,%.4f,%d%n", i, x, z, i % 40 == 0 || x > 9.7 ? 1 : 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @BeforeAll
    static void writeTable() {
        ids = idTable(dir.resolve("ids.csv"), 100_000);
    }

    /** stderr without the informational notes; asserted to be one plain line. */
    private static String refusal(InProcessCli r, int exit) {
        String err = r.err().lines().filter(l -> !l.startsWith("note:") && !l.isBlank()).collect(Collectors.joining("\n"));
        assertThat(r.exitCode()).as(err).isEqualTo(exit);
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err).startsWith("rareclass: ").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("internal error").doesNotContain("out of memory");
        return err;
    }

    private static List<Path> left(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> !p.equals(folder)).toList();
        }
    }

    @Test
    void trainRefusesAnIdColumnNamingItsCountAndDrop() throws IOException {
        Path out = Files.createDirectories(dir.resolve("train-out"));
        InProcessCli r = InProcessCli.run("train", ids.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", out.resolve("m.model").toString());
        // 80,000 training rows: 20% are held out to tune the threshold
        assertThat(refusal(r, 65)).isEqualTo("rareclass: " + ids + ": column 'id' has 80000 distinct values in 80000 "
                + "training rows, more than the 1000 categories one-hot encoding takes (--max-categories N raises the "
                + "limit); every row differs, as in an ID: leave it out with --drop id");
        assertThat(left(out)).isEmpty();
    }

    @Test
    void compareRefusesItInTheFirstFold() throws IOException {
        Path report = dir.resolve("compare-report");
        InProcessCli r = InProcessCli.run("compare", ids.toString(), "--label", "y", "--positive", "1",
                "--models", "logistic,random-forest", "--folds", "2", "--jobs", "2", "--report", report.toString());
        assertThat(refusal(r, 65)).contains(ids.toString(), "column 'id' has 40000 distinct values in 40000 training rows",
                "--drop id");
        assertThat(left(report)).isEmpty();
    }

    @Test
    void resampleRefusesIt() throws IOException {
        Path out = dir.resolve("resampled.csv");
        InProcessCli r = InProcessCli.run("resample", ids.toString(), "--label", "y", "--positive", "1",
                "--sampler", "smote", "--out", out.toString());
        assertThat(refusal(r, 65)).contains("column 'id' has 100000 distinct values", "--drop id");
        assertThat(out).doesNotExist();
    }

    @Test
    void describeStillShowsItAsIdLike() {
        InProcessCli r = InProcessCli.run("describe", ids.toString(), "--label", "y", "--positive", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String idRow = r.out().lines().filter(l -> l.startsWith("id ")).findFirst().orElseThrow();
        assertThat(idRow).contains("categorical").contains("100000").endsWith("ID-like");
        assertThat(r.out()).contains("column 'id' looks like an ID");
    }

    @Test
    void droppingItTrains() {
        Path model = dir.resolve("dropped.model");
        InProcessCli r = InProcessCli.run("train", ids.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--drop", "id", "--out", model.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(model).exists();
    }

    /** 2,000 rows whose {@code shop} takes 1,500 values (a real, if wide, category) and {@code x}, {@code y}. */
    private static Path shops(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("shop,x,y\n");
        for (int i = 0; i < 2_000; i++) {
            sb.append("s").append(i % 1_500).append(',').append(i % 13).append(',').append(i % 10 == 0 ? 1 : 0).append('\n');
        }
        return Files.writeString(file, sb);
    }

    @Test
    void maxCategoriesRaisesTheCapInTrainCompareAndRecipes() throws IOException {
        Path data = shops(dir.resolve("shops.csv"));
        InProcessCli refused = InProcessCli.run("train", data.toString(), "--label", "y", "--positive", "1",
                "--model", "logistic", "--out", dir.resolve("shops-refused.model").toString());
        assertThat(refusal(refused, 65)).contains("column 'shop' has", "--max-categories N", "--drop shop")
                .doesNotContain("every row differs");

        InProcessCli train = InProcessCli.run("train", data.toString(), "--label", "y", "--positive", "1",
                "--model", "logistic", "--max-categories", "1500", "--out", dir.resolve("shops.model").toString(), "-q");
        assertThat(train.exitCode()).as(train.err()).isZero();

        InProcessCli compare = InProcessCli.run("compare", data.toString(), "--label", "y", "--positive", "1",
                "--models", "logistic", "--folds", "2", "--jobs", "1", "--max-categories", "2000", "-q");
        assertThat(compare.exitCode()).as(compare.err()).isZero();

        Path recipe = Files.writeString(dir.resolve("shops.yaml"), """
                data: {file: shops.csv, label: y, positive: "1"}
                preprocessing: {max-categories: 1500}
                split: {kind: kfold, folds: 2}
                models: [logistic]
                jobs: 1
                report: shops-report
                """);
        InProcessCli run = InProcessCli.run("run", recipe.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("shops-report/manifest.json"))).contains("\"max-categories\" : 1500");
    }

    @Test
    void aColumnOfSentencesIsPointedToText() throws IOException {
        StringBuilder sb = new StringBuilder("note,x,y\n");
        for (int i = 0; i < 3_000; i++) {
            sb.append("parcel ").append(i).append(" came late,").append(i % 13).append(',').append(i % 10 == 0 ? 1 : 0)
                    .append('\n');
        }
        Path data = Files.writeString(dir.resolve("notes.csv"), sb);
        InProcessCli r = InProcessCli.run("train", data.toString(), "--label", "y", "--positive", "1",
                "--model", "logistic", "--out", dir.resolve("notes.model").toString());
        assertThat(refusal(r, 65)).contains("column 'note' has 2400 distinct values")
                .endsWith("it looks like free text: read it as words with --text note");
    }
}
