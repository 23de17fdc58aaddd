package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResampleCommandTest {

    @TempDir
    static Path dir;

    static Path data;

    /** 200 rows: a numeric column, a categorical one, and 20 rare rows. */
    @BeforeAll
    static void writeTable() throws IOException {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("x,colour,z,label\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 200; i++) {
            boolean rare = i % 10 == 0;
            sb.append(String.format(java.util.Locale.ROOT, "%.3f,%s,%.3f,%s%n", rng.nextGaussian() + (rare ? 2 : 0),
                    colours[rng.nextInt(rare ? 1 : 3)], rng.nextGaussian(), rare ? "rare" : "common"));
        }
        data = dir.resolve("t.csv");
        Files.writeString(data, sb);
    }

    /**
     * An output named {@code .gz} is gzip-compressed, as every reader here reads such a name: it was plain CSV under
     * that name, which no reader, ours included, could read back. The same for predictions.
     */
    @Test
    void anOutputNamedGzIsCompressedAndReadsBack() throws IOException {
        Path plain = dir.resolve("plain.csv");
        Path packed = dir.resolve("packed.csv.gz");
        for (Path out : List.of(plain, packed)) {
            CliRun r = CliRun.of("resample", data.toString(), "--label", "label", "--positive", "rare", "--sampler",
                    "random-under", "--out", out.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(packed))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(plain));
        }
        CliRun back = CliRun.of("describe", packed.toString(), "--label", "label", "--positive", "rare");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).contains("40 rows");
        Path model = dir.resolve("gz.model");
        assertThat(CliRun.of("train", data.toString(), "--label", "label", "--positive", "rare", "--model", "logistic",
                "--out", model.toString()).exitCode()).isZero();
        Path predictions = dir.resolve("p.csv.gz");
        CliRun predict = CliRun.of("predict", model.toString(), data.toString(), "--out", predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        CliRun scored = CliRun.of("score", predictions.toString(), "--label", "y", "--score", "p", "--positive", "1");
        assertThat(scored.exitCode()).as(scored.err()).isZero();
    }

    @Test
    void smoteBalancesTheClassesKeepsOriginalRowsFirstAndInventsNoCategories() throws IOException {
        Path out = dir.resolve("smote.csv");
        CliRun r = CliRun.of("resample", data.toString(), "--label", "label", "--positive", "rare", "--sampler", "smote",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("200 rows -> 360 rows (160 synthetic, 180 positive)");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("x,colour,z,label");
        assertThat(lines).hasSize(361);
        List<String> input = Files.readAllLines(data);
        // original rows first, in order, with their values (float32 round trip of 3-decimal values)
        String[] first = lines.get(1).split(",");
        String[] firstIn = input.get(1).split(",");
        assertThat(Float.parseFloat(first[0])).isEqualTo(Float.parseFloat(firstIn[0]));
        assertThat(first[1]).isEqualTo(firstIn[1]);
        assertThat(first[3]).isEqualTo("rare");
        // every synthetic row is rare and red, like every rare input row
        for (String line : lines.subList(201, 361)) {
            String[] f = line.split(",");
            assertThat(f[3]).isEqualTo("rare");
            assertThat(f[1]).isEqualTo("red");
        }
    }

    @Test
    void underSamplingWithARatioRemovesMajorityRowsOnly() throws IOException {
        Path out = dir.resolve("under.csv");
        CliRun r = CliRun.of("resample", data.toString(), "--label", "label", "--positive", "rare", "--sampler",
                "random-under", "--ratio", "0.5", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.stream().filter(l -> l.endsWith(",rare")).count()).isEqualTo(20);
        assertThat(lines.stream().filter(l -> l.endsWith(",common")).count()).isEqualTo(40);
    }

    @Test
    void samplerMistakesAreClearUsageOrDataErrors() throws IOException {
        CliRun unknown = CliRun.of("resample", data.toString(), "--label", "label", "--positive", "rare", "--sampler",
                "smoteish", "--out", dir.resolve("x.csv").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown sampler 'smoteish'").contains("borderline-smote-1").contains("near-miss-3");

        CliRun bigK = CliRun.of("resample", data.toString(), "--label", "label", "--positive", "rare", "--sampler",
                "near-miss-1", "--k", "50", "--out", dir.resolve("y.csv").toString());
        assertThat(bigK.exitCode()).isEqualTo(2);
        assertThat(bigK.err()).contains("50").contains("20");
        assertThat(dir.resolve("y.csv")).doesNotExist();
        // SMOTE interpolates between minority rows: its k is capped at the 20 there are less one, and it says so
        CliRun capped = CliRun.of("resample", data.toString(), "--label", "label", "--positive", "rare", "--sampler",
                "smote", "--k", "50", "--out", dir.resolve("capped.csv").toString());
        assertThat(capped.exitCode()).as(capped.err()).isZero();
        assertThat(capped.err()).contains("note: smote k=50 capped at 19: only 20 positive rows to draw neighbours from");

        Path one = dir.resolve("one.csv");
        Files.writeString(one, "x,label\n1,rare\n2,rare\n3,rare\n");
        CliRun oneClass = CliRun.of("resample", one.toString(), "--label", "label", "--positive", "rare", "--sampler",
                "smote", "--out", dir.resolve("z.csv").toString());
        assertThat(oneClass.exitCode()).isEqualTo(65);
        assertThat(oneClass.err().strip().lines()).hasSize(1);
    }

    @Test
    void tooFewMinorityRowsForTheDefaultKAreADataErrorAndForAGivenKAUsageError() throws IOException {
        // near-miss-1's default k=3 on 2 positive rows exited 2, as if the user had asked for k=3
        Path two = dir.resolve("two-positives.csv");
        StringBuilder sb = new StringBuilder("x,label\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i).append(',').append(i == 3 || i == 7 ? "rare" : "common").append('\n');
        }
        Files.writeString(two, sb);
        String said = "rareclass: sampler near-miss-1: k=3 neighbours needs more rows, but there are 2 minority rows; lower k";
        CliRun byDefault = CliRun.of("resample", two.toString(), "--label", "label", "--positive", "rare", "--sampler",
                "near-miss-1", "--out", dir.resolve("nm-default.csv").toString());
        assertThat(byDefault.exitCode()).as(byDefault.err()).isEqualTo(65);
        assertThat(byDefault.err().strip()).isEqualTo(said);
        CliRun given = CliRun.of("resample", two.toString(), "--label", "label", "--positive", "rare", "--sampler",
                "near-miss-1", "--k", "3", "--out", dir.resolve("nm-given.csv").toString());
        assertThat(given.exitCode()).as(given.err()).isEqualTo(2);
        assertThat(given.err().strip()).isEqualTo(said);
        assertThat(dir.resolve("nm-default.csv")).doesNotExist();
    }

    /**
     * An output is written in the format its name is read as: {@code --out t.tsv} was CSV under that name, which
     * rareclass then read as one tab-free column. Each reads back with the same rows and class balance.
     */
    @Test
    void eachFormatANameSaysIsWrittenSoAndReadsBack() throws IOException {
        for (String name : List.of("under.tsv", "under.arff.gz", "under.svmlight")) {
            Path out = dir.resolve(name);
            List<String> args = new java.util.ArrayList<>(List.of("resample", data.toString(), "--label", "label",
                    "--positive", "rare", "--sampler", "random-under", "--out", out.toString()));
            if (name.endsWith(".svmlight")) {
                args.addAll(List.of("--drop", "colour")); // LibSVM holds numbers only
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isZero();
            // LibSVM's labels are numbers: rare/common are written 1/0, and its label column is called label
            CliRun back = CliRun.of("describe", out.toString(), "--label", "label", "--positive",
                    name.endsWith(".svmlight") ? "1" : "rare");
            assertThat(back.exitCode()).as(name + ": " + back.err()).isZero();
            assertThat(back.out()).as(name).contains("40 rows").contains("20 positive");
        }
        assertThat(Files.readString(dir.resolve("under.tsv"))).startsWith("x\tcolour\tz\tlabel\n");
        assertThat(Files.readString(dir.resolve("under.svmlight")).lines())
                .allMatch(l -> l.matches("[01] 1:\\S+ 2:\\S+"), "a 0/1 label, then x and z");
    }

    @Test
    void aCategoricalColumnToLibSvmIsAUsageErrorBeforeTheSamplerRunsAndWritesNothing() {
        Path out = dir.resolve("refused.libsvm");
        CliRun r = CliRun.of("resample", data.toString(), "--label", "label", "--positive", "rare", "--sampler",
                "smote", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines().filter(l -> !l.startsWith("note: "))).hasSize(1);
        assertThat(r.err()).contains("column 'colour' is categorical, and LibSVM holds numbers only");
        assertThat(out).doesNotExist();
    }

    @Test
    void predictionsNamedArffOrLibSvmAreRefusedBeforeTheModelIsRead() {
        // the model does not exist: refused on the name first, it is a usage error (2), not a missing input (66)
        for (String name : List.of("p.arff", "p.libsvm.gz")) {
            Path out = dir.resolve(name);
            CliRun r = CliRun.of("predict", dir.resolve("no-such.model").toString(), data.toString(), "--out",
                    out.toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("predictions are written as CSV or TSV");
            assertThat(out).doesNotExist();
        }
    }
}
