package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void train() throws IOException {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder("id;a;b;y\n");
        for (int i = 0; i < 400; i++) {
            boolean positive = i % 8 == 0;
            sb.append(i).append(';').append(String.format(Locale.ROOT, "%.4f", r.nextGaussian() + (positive ? 2 : 0)))
                    .append(';').append(String.format(Locale.ROOT, "%.4f", r.nextGaussian())).append(';')
                    .append(positive ? "yes" : "no").append('\n');
        }
        Path data = dir.resolve("t.csv");
        Files.writeString(data, sb);
        model = dir.resolve("m.model");
        CliRun trained = CliRun.of("train", data.toString(), "--delimiter", ";", "--label", "y", "--positive", "yes",
                "--drop", "id", "--model", "random-forest", "--param", "trees=7", "--threshold", "recall>=0.8",
                "--out", model.toString(), "-q");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
    }

    @Test
    void showsWhatTheModelIsItsStructureThresholdMetricsAndProvenance() {
        CliRun r = CliRun.of("inspect", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("random-forest@smile").contains("trees=7").contains("recall>=0.8")
                .contains("Structure:").contains("7 trees").contains("pr_auc").contains("Provenance:")
                .contains("seed               42").contains("dropped id").contains("delimiter ';'")
                .containsPattern("tp\\s+\\d+\\n");
    }

    /**
     * --select-top-k keeps K features: inspect (and the model's report) said how many input columns there were and how
     * many weights the model had, not which features it reads, as SelectKBest's get_feature_names_out says.
     */
    @Test
    void theFeaturesSelectTopKKeptAreNamed() {
        Path selected = dir.resolve("top1.model");
        CliRun trained = CliRun.of("train", dir.resolve("t.csv").toString(), "--delimiter", ";", "--label", "y",
                "--positive", "yes", "--drop", "id", "--select-top-k", "1", "--model", "logistic", "--out",
                selected.toString(), "-q");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        CliRun r = CliRun.of("inspect", selected.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // a carries the signal, b is noise: a has the larger F-score
        assertThat(r.out()).containsPattern("selected features +1 of 2 features \\(best ANOVA F-scores\\): a\\n");
        assertThat(CliRun.of("inspect", model.toString()).out()).doesNotContain("selected features");
    }

    /** A file's checksum is in the provenance; a pipe, read once, has none, and says so rather than "generated". */
    @Test
    void theDataChecksumIsTheFilesOrSaysThereIsNone() throws Exception {
        assertThat(CliRun.of("inspect", model.toString()).out()).containsPattern("data SHA-256 +[0-9a-f]{64}\\n");
        Path pipe = dir.resolve("rows.pipe");
        Process mk = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(pipe), "no mkfifo here");
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                Files.writeString(pipe, Files.readString(dir.resolve("t.csv")));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Path piped = dir.resolve("piped.model");
        CliRun trained = CliRun.of("train", pipe.toString(), "--delimiter", ";", "--label", "y", "--positive", "yes",
                "--drop", "id", "--model", "logistic", "--out", piped.toString(), "-q");
        writer.join(60_000);
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(CliRun.of("inspect", piped.toString()).out())
                .contains("data SHA-256       (none: generated data, or read from standard input or a pipe)\n");
    }

    @Test
    void jsonIsTheManifest() {
        CliRun r = CliRun.of("inspect", model.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).startsWith("{").endsWith("}");
        // words only for a linear model with text columns (TextCorpusCommandsTest)
        assertThat(r.out()).doesNotContain("top_words");
        assertThat(CliRun.of("inspect", model.toString()).out()).doesNotContain("Words");
        assertThat(r.out()).contains("\"kind\" : \"random-forest\"").contains("\"read_with\"").contains("\"environment\"");
    }

    @Test
    void aDamagedOrMissingFileIsRefusedInOneLine() throws IOException {
        Path damaged = dir.resolve("damaged.model");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(damaged, bytes);
        CliRun bad = CliRun.of("inspect", damaged.toString());
        assertThat(bad.exitCode()).isEqualTo(65);
        assertThat(bad.err().lines()).hasSize(1).allMatch(l -> l.contains(damaged.toString()));
        CliRun missing = CliRun.of("inspect", dir.resolve("nope.model").toString());
        assertThat(missing.exitCode()).isEqualTo(66);
    }
}
