package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.adapters.format.TarBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed or hostile input of the corpus ({@code src/test/resources/bad-inputs}, plus a few large or
 * structural ones generated here) goes through the real command line, which must answer with the PRODUCT's
 * exit code, at most two plain lines on stderr naming the file, no stack trace, and no output file left.
 */
class BadInputCorpusTest {

    @TempDir
    static Path dir;

    static Path model;
    static Path strictModel;

    /** A case: how to make the input, the command (with {in}, {out}, {model}, {strict}), what must come out. */
    record Case(String name, Function<Path, Path> input, List<String> args, int exit, String mentions) {
    }

    @BeforeAll
    static void trainModels() throws IOException {
        Path good = SmallTable.write(dir.resolve("good.csv"));
        model = SmallTable.trainLogistic(good, dir.resolve("logistic.model"));
        strictModel = dir.resolve("strict.model");
        InProcessCli t = InProcessCli.run("train", good.toString(), "--label", "y", "--positive", "1", "--categorical", "color",
                "--unknown", "error", "--model", "logistic", "--out", strictModel.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
    }

    static Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>();
        List<String> train = List.of("train", "{in}", "--label", "y", "--positive", "1", "--model", "logistic", "--out", "{out}");
        // CSV
        cases.add(res("empty.csv", train, 65, "empty"));
        cases.add(res("header-only.csv", train, 65, "no data rows"));
        cases.add(res("blank-lines-only.csv", train, 65, "empty"));
        cases.add(res("ragged-short.csv", train, 65, "line 3"));
        cases.add(res("ragged-long.csv", train, 65, "ragged row"));
        cases.add(res("unclosed-quote.csv", train, 65, "line"));
        cases.add(res("nul-bytes.csv", train, 65, "line 42: a NUL byte")); // the line, not the column: no text
        cases.add(res("invalid-utf8.csv", train, 65, "column 'b'"));
        cases.add(res("nan.csv", train, 65, "column 'b'"));
        cases.add(res("inf.csv", train, 65, "column 'b'"));
        cases.add(res("neg-inf.csv", train, 65, "column 'c'"));
        cases.add(res("overflow-float.csv", train, 65, "column 'c'"));
        cases.add(res("duplicate-columns.csv", train, 65, "duplicate column"));
        cases.add(res("label-absent.csv", train, 65, "'y' not found"));
        cases.add(res("one-class.csv", train, 65, "never occurs"));
        cases.add(res("positive-absent.csv", List.of("train", "{in}", "--label", "y", "--positive", "maybe",
                "--model", "logistic", "--out", "{out}"), 65, "'maybe' never occurs"));
        cases.add(res("missing-label.csv", train, 65, "missing label"));
        // score read an empty label cell as the negative class, without a word: a row's truth made up
        List<String> score = List.of("score", "{in}", "--label", "y", "--score", "p", "--positive", "1");
        cases.add(gen("score-missing-label.csv", d -> text(d, "score-missing-label.csv",
                "y,p\n1,0.9\n0,0.2\n,0.7\n0,0.1\n"), score, 65, "line 4, column 'y': missing label"));
        cases.add(gen("score-na-label.csv", d -> text(d, "score-na-label.csv",
                "y,p\n1,0.9\n0,0.2\nNA,0.7\n0,0.1\n"), score, 65, "line 4, column 'y': missing label"));
        cases.add(res("missing-value.csv", train, 65, "missing value"));
        cases.add(res("text-in-numeric.csv", train, 65, "'abc' is not a number"));
        cases.add(res("label-only.csv", train, 65, "no feature columns"));
        cases.add(res("empty-header-names.csv", train, 65, "'y' not found"));
        cases.add(res("image.png.csv", train, 65, "image.png.csv"));
        cases.add(gen("huge-field.csv", BadInputCorpusTest::hugeField, train, 65, "column 'b'"));
        cases.add(gen("wide-200k.csv", BadInputCorpusTest::wide, train, 65, "line 1: more than 100,000 columns, the most a table may have"));
        // TSV
        cases.add(res("empty.tsv", train, 65, "empty"));
        cases.add(res("ragged.tsv", train, 65, "ragged row"));
        cases.add(res("stray-quote.tsv", train, 65, "line"));
        cases.add(res("commas-not-tabs.tsv", train, 65, "'y' not found"));
        // ARFF
        cases.add(res("no-data.arff", train, 65, "no @data"));
        cases.add(res("header-only.arff", train, 65, "no data rows"));
        cases.add(res("unknown-type.arff", train, 65, "line 2"));
        cases.add(res("too-few-values.arff", train, 65, "line 36"));
        cases.add(res("too-many-values.arff", train, 65, "line 36"));
        cases.add(res("unclosed-nominal.arff", train, 65, "line 3"));
        cases.add(res("undeclared-nominal.arff", train, 65, "'maybe'"));
        cases.add(res("unterminated-quote.arff", train, 65, "line 6"));
        cases.add(res("sparse-bad-index.arff", train, 65, "line 36"));
        cases.add(res("data-before-attribute.arff", train, 65, "line 2"));
        cases.add(res("duplicate-attribute.arff", train, 65, "'a'"));
        cases.add(res("not-a-number.arff", train, 65, "'x' is not a number"));
        cases.add(res("relational.arff", train, 65, "relational"));
        // LibSVM (labels are the first token; --label is implied)
        List<String> trainSvm = List.of("train", "{in}", "--positive", "1", "--model", "logistic", "--out", "{out}");
        cases.add(res("empty.libsvm", trainSvm, 65, "no data rows"));
        cases.add(res("bad-token.libsvm", trainSvm, 65, "line 31"));
        cases.add(res("decreasing-index.libsvm", trainSvm, 65, "line 31"));
        cases.add(res("nan-value.libsvm", trainSvm, 65, "line 31"));
        cases.add(res("huge-index.libsvm", trainSvm, 65, "line 31"));
        cases.add(res("no-label.libsvm", trainSvm, 65, "line 31"));
        cases.add(res("no-features.libsvm", trainSvm, 65, "no row has any"));
        cases.add(res("zero-index.libsvm", trainSvm, 65, "line 31"));
        // gzip
        cases.add(res("truncated.csv.gz", train, 65, "gzip"));
        cases.add(res("not-gzip.csv.gz", train, 65, "gzip"));
        cases.add(res("empty.csv.gz", train, 65, "empty.csv.gz"));
        cases.add(res("gzip-of-garbage.csv.gz", train, 65, "gzip-of-garbage.csv.gz"));
        // other packed data: a NUL byte and UTF-16 were blamed, and a table downloaded as .zip sent users re-encoding it
        String unpack = "not a text table; unpack it and read the table inside";
        cases.add(gen("zipped.csv.zip", d -> zipped(d, "zipped.csv.zip"), train, 65, "zip data, " + unpack));
        cases.add(gen("zipped-under-csv.csv", d -> zipped(d, "zipped-under-csv.csv"), train, 65, "zip data"));
        cases.add(gen("bzip2.csv.bz2", d -> write(d.resolve("bzip2.csv.bz2"), magic("BZh91AY&SY")), train, 65,
                "bzip2 data, " + unpack));
        cases.add(gen("xz.csv.xz", d -> write(d.resolve("xz.csv.xz"), magic("\u00fd7zXZ\u0000")), train, 65,
                "xz data, " + unpack));
        cases.add(gen("zstd.csv.zst", d -> write(d.resolve("zstd.csv.zst"), magic("\u0028\u00b5\u002f\u00fd")), train,
                65, "zstd data, " + unpack));
        cases.add(gen("zip-in-gzip.csv.gz", d -> gzipped(d, "zip-in-gzip.csv.gz", zipBytes()), train, 65,
                "zip data, " + unpack));
        cases.add(gen("zipped.arff", d -> zipped(d, "zipped.arff"), train, 65, "zip data, " + unpack));
        cases.add(gen("bzip2.libsvm", d -> write(d.resolve("bzip2.libsvm"), magic("BZh91AY&SY")), List.of("train", "{in}",
                "--positive", "1", "--model", "logistic", "--out", "{out}"), 65, "bzip2 data, " + unpack));
        // tables of the Python stack: Parquet was blamed on "a NUL byte ... UTF-16", an .xlsx was to be unpacked, JSON
        // was read as a CSV of one column
        String csvFirst = "not a text table; rareclass reads CSV, TSV, ARFF, LibSVM and text corpora";
        cases.add(gen("table.parquet", d -> write(d.resolve("table.parquet"), magic("PAR1\u0015")), train, 65,
                "Parquet, " + csvFirst));
        cases.add(gen("parquet-named.csv", d -> write(d.resolve("parquet-named.csv"), magic("PAR1\u0015")), train, 65,
                "Parquet, " + csvFirst));
        cases.add(gen("table.xlsx", d -> zipped(d, "table.xlsx"), train, 65, "an Excel workbook, " + csvFirst));
        cases.add(gen("table.xls", d -> write(d.resolve("table.xls"), magic("\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1")),
                train, 65, "an Excel workbook (or another Office file)"));
        cases.add(gen("table.feather", d -> write(d.resolve("table.feather"), magic("ARROW1\u0000\u0000")), train, 65,
                "Feather (Arrow)"));
        cases.add(gen("table.h5", d -> write(d.resolve("table.h5"), magic("\u0089HDF\r\n\u001a\n")), train, 65, "HDF5"));
        cases.add(gen("array.npy", d -> write(d.resolve("array.npy"), magic("\u0093NUMPY")), train, 65, "a NumPy array"));
        cases.add(gen("table.sqlite", d -> write(d.resolve("table.sqlite"), magic("SQLite format 3\u0000")), train, 65,
                "an SQLite database"));
        cases.add(gen("table.avro", d -> write(d.resolve("table.avro"), magic("Obj\u0001")), train, 65, "Avro"));
        cases.add(gen("frame.pkl", d -> write(d.resolve("frame.pkl"), magic("\u0080\u0004\u0095")), train, 65,
                "a Python pickle"));
        cases.add(gen("records.json", d -> text(d, "records.json", "[{\"y\": 1, \"a\": 2}, {\"y\": 0, \"a\": 3}]\n"),
                train, 65, "pd.read_json('records.json').to_csv('records.csv', index=False)"));
        cases.add(gen("lines.jsonl.gz", d -> gzipped(d, "lines.jsonl.gz", "\uFEFF {\"y\": 1}\n{\"y\": 0}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), train, 65, "JSON Lines, " + csvFirst));
        // an output named as such a format: predictions were written as CSV into p.json
        cases.add(gen("out-named-json", d -> copy(d, "good-copy3.csv", "ragged-long.csv", true),
                List.of("predict", "{model}", "{in}", "--out", "{out}.json"), 2, "the name says JSON, which rareclass "
                        + "does not write"));
        cases.add(gen("out-named-parquet", d -> {
            try {
                return SmallTable.write(d.resolve("resample-me.csv"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        },
                List.of("resample", "{in}", "--label", "y", "--positive", "1", "--sampler", "random-under", "--out",
                        "{out}.parquet.gz"), 2, "the name says Parquet"));
        // text corpora
        List<String> trainText = List.of("train", "{in}", "--format", "text", "--positive", "pos", "--model", "logistic",
                "--out", "{out}");
        cases.add(res("truncated-corpus.tar.gz", trainText, 65, "truncated"));
        cases.add(res("random-bytes.tar", trainText, 65, "random-bytes.tar"));
        cases.add(res("truncated-plain.tar", trainText, 65, "truncated"));
        cases.add(gen("empty-folder", d -> folder(d, "empty-folder"), trainText, 65, "empty-folder"));
        cases.add(gen("two-pos-files", d -> folder(d, "two-pos-files", "a.pos", "x\n", "b.pos", "y\n", "c.neg", "z\n"),
                trainText, 65, "two-pos-files"));
        cases.add(gen("files-without-classes", d -> folder(d, "files-without-classes", "a.txt", "x\n", "b.txt", "y\n"),
                trainText, 65, "files-without-classes"));
        cases.add(res("one-class-corpus.tar.gz", trainText, 65, "one-class-corpus.tar.gz"));
        // hostile archives (see also MemoryProcessTest for the 2 GiB document and the bomb of a million entries)
        cases.add(gen("huge-document.tar.gz", d -> TarBuilder.gz(d.resolve("huge-document.tar.gz"), t -> t
                .file("c/neg/1.txt", "fine").header("c/pos/big.txt", '0', 17L << 20, "").repeat('a', 17L << 20)
                .pad(17L << 20).end()), trainText, 65, "entry 'c/pos/big.txt' is a document of 17 MiB"));
        cases.add(gen("size-too-small.tar.gz", d -> TarBuilder.gz(d.resolve("size-too-small.tar.gz"), t -> t
                .header("c/pos/1.txt", '0', 10, "").repeat('a', 600).pad(600).file("c/neg/2.txt", "x").end()),
                trainText, 65, "the block after entry 'c/pos/1.txt' is not a tar header"));
        cases.add(gen("size-too-large.tar.gz", d -> TarBuilder.gz(d.resolve("size-too-large.tar.gz"), t -> t
                .file("c/neg/2.txt", "x").header("c/pos/1.txt", '0', 3000, "").repeat('a', 100)),
                trainText, 65, "the file ends inside entry 'c/pos/1.txt'"));
        cases.add(gen("size-too-small-then-zeros.tar.gz", d -> TarBuilder.gz(d.resolve("size-too-small-then-zeros.tar.gz"),
                t -> t.file("c/neg/2.txt", "x").header("c/pos/1.txt", '0', 10, "").repeat('a', 10).repeat(0, 4000)
                        .repeat('b', 100).pad(4110).end()), trainText, 65, "are not zero padding"));
        cases.add(gen("pax-size-huge.tar.gz", d -> TarBuilder.gz(d.resolve("pax-size-huge.tar.gz"), t -> t
                .pax("size=99999999999").header("c/pos/1.txt", '0', 0, "").end()), trainText, 65, "93.1 GiB"));
        cases.add(gen("absolute-name.tar.gz", d -> TarBuilder.gz(d.resolve("absolute-name.tar.gz"), t -> t
                .file("c/neg/1.txt", "x").file("/etc/pos/passwd", "root").end()), trainText, 65,
                "'/etc/pos/passwd' points outside the archive (an absolute name)"));
        cases.add(gen("dotdot-name.tar.gz", d -> TarBuilder.gz(d.resolve("dotdot-name.tar.gz"), t -> t
                .file("c/neg/1.txt", "x").file("c/../../pos/evil.txt", "x").end()), trainText, 65,
                "'c/../../pos/evil.txt' points outside the archive (a '..' in its name)"));
        cases.add(gen("link-named-outside.tar.gz", d -> TarBuilder.gz(d.resolve("link-named-outside.tar.gz"), t -> t
                .file("c/neg/1.txt", "x").header("../pos/passwd", '2', 0, "/etc/passwd").end()), trainText, 65,
                "points outside the archive"));
        cases.add(gen("links-only.tar.gz", d -> TarBuilder.gz(d.resolve("links-only.tar.gz"), t -> t
                .header("c/pos/a.txt", '2', 0, "/etc/passwd").header("c/neg/b.txt", '1', 0, "c/pos/a.txt").end()),
                trainText, 65, "no documents found"));
        cases.add(gen("nested-archive.tar.gz", d -> TarBuilder.gz(d.resolve("nested-archive.tar.gz"), t -> t
                .file("c/neg/1.txt", "x").file("c/pos/inner.tar.gz", TarBuilder.gzipped("d/pos/1.txt", "hidden")).end()),
                trainText, 65, "entry 'c/pos/inner.tar.gz' is gzip data, not text"));
        cases.add(gen("binary-document.tar.gz", d -> TarBuilder.gz(d.resolve("binary-document.tar.gz"), t -> t
                .file("c/neg/1.txt", "x").file("c/pos/photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, 0, 0x10}).end()),
                trainText, 65, "holds NUL bytes"));
        cases.add(gen("sparse-entry.tar.gz", d -> TarBuilder.gz(d.resolve("sparse-entry.tar.gz"), t -> t
                .file("c/neg/1.txt", "x").header("c/pos/1.txt", 'S', 0, "").end()), trainText, 65, "tar type 'S'"));
        cases.add(gen("long-class-name.tar.gz", d -> TarBuilder.gz(d.resolve("long-class-name.tar.gz"), t -> t
                .pax("path=c/" + "p".repeat(300) + "/1.txt").file("x", "text").end()), trainText, 65,
                "longer than 255 bytes"));
        cases.add(gen("plain-tar-named.tar.gz", d -> write(d.resolve("plain-tar-named.tar.gz"),
                TarBuilder.of("c/pos/1.txt", "x", "c/neg/2.txt", "y")), trainText, 65, "not valid gzip data"));
        cases.add(gen("gzipped-twice.tar.gz", d -> TarBuilder.gz(d.resolve("gzipped-twice.tar.gz"), t -> t
                .content(TarBuilder.gzipped("c/pos/1.txt", "x", "c/neg/2.txt", "y"))), trainText, 65, "compressed twice?"));
        cases.add(gen("truncated-gzip.tar.gz", d -> {
            byte[] whole = TarBuilder.gzipped("c/pos/1.txt", "x".repeat(5000), "c/neg/2.txt", "y".repeat(5000));
            return write(d.resolve("truncated-gzip.tar.gz"), java.util.Arrays.copyOf(whole, whole.length - 20));
        }, trainText, 65, "truncated or corrupt gzip data"));
        cases.add(gen("binary-in-folder", d -> {
            Path f = folder(d, "binary-in-folder", "pos/1.txt", "good", "neg/2.txt", "bad");
            write(f.resolve("neg/Thumbs.db"), new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, 0, 0});
            return f;
        }, trainText, 65, "Thumbs.db holds NUL bytes"));
        // symbolic links in a corpus folder are followed only within it
        cases.add(gen("link-outside", d -> linked(d, "link-outside", "pos/evil.txt", "../../secret.txt"), trainText, 65,
                "outside the corpus folder"));
        cases.add(gen("folder-link-outside", d -> linked(d, "folder-link-outside", "extra", ".."), trainText, 65,
                "outside the corpus folder"));
        cases.add(gen("pos-link-outside", d -> {
            text(d, "secret.txt", "not part of the corpus\n");
            Path f = folder(d, "pos-link-outside", "rt.neg", "bad\n");
            link(f.resolve("rt.pos"), "../secret.txt");
            return f;
        }, trainText, 65, "pos-link-outside/rt.pos"));
        cases.add(gen("link-loop", d -> linked(d, "link-loop", "pos/again", ".."), trainText, 65, "loop"));
        cases.add(gen("file-link-loop", d -> {
            Path f = linked(d, "file-link-loop", "neg/a.txt", "b.txt");
            link(f.resolve("neg/b.txt"), "a.txt");
            return f;
        }, trainText, 65, "cannot be followed"));
        cases.add(gen("dangling-link", d -> linked(d, "dangling-link", "neg/gone.txt", "nowhere.txt"), trainText, 66,
                "dangling-link/neg/gone.txt"));
        // a categorical column of 100,000 distinct values, one a row: refused before it becomes one-hot columns
        cases.add(gen("id-column-100k.csv", d -> ManyCategoriesTest.idTable(d.resolve("id-column-100k.csv"), 100_000),
                train, 65, "column 'id' has 80000 distinct values"));
        // missing or unreadable inputs
        cases.add(gen("no-such-file.csv", d -> d.resolve("no-such-file.csv"), train, 66, "no-such-file.csv"));
        // a folder is a corpus only with --format text (it was read as one, and its empty inside refused)
        cases.add(gen("a-folder.csv", d -> folder(d, "a-folder.csv"), train, 66,
                "a-folder.csv: is a folder; a folder is read as a text corpus only with --format text"));
        // predict / evaluate against a trained model (columns a, b, color; label y)
        List<String> predict = List.of("predict", "{model}", "{in}", "--out", "{out}");
        cases.add(gen("schema-differs.csv", d -> text(d, "schema-differs.csv", "a,bee,color,y\n1,2,red,0\n"), predict, 65, "missing column(s) b"));
        cases.add(gen("column-missing.csv", d -> text(d, "column-missing.csv", "a,color\n1,red\n"), predict, 65, "missing column(s) b"));
        // refused as scikit-learn refuses feature names in another order, now saying which order the model reads
        cases.add(gen("columns-reordered.csv", d -> text(d, "columns-reordered.csv", "y,color,b,a\n0,red,2,1\n"), predict,
                65, "'color' stands where the model reads 'a' (its order: a, b, color)"));
        cases.add(gen("predict-text-in-numeric.csv", d -> text(d, "predict-text-in-numeric.csv",
                "a,b,color\n1,2,red\n1,two,red\n"), predict, 65, "line 3"));
        cases.add(gen("unseen-category.csv", d -> text(d, "unseen-category.csv", "a,b,color,y\n1,2,red,0\n1,2,purple,1\n"),
                List.of("evaluate", "{strict}", "{in}", "--json", "{out}"), 65, "purple"));
        cases.add(gen("unseen-category-predict.csv", d -> text(d, "unseen-category-predict.csv",
                "a,b,color\n1,2,red\n1,2,purple\n"), List.of("predict", "{strict}", "{in}", "--out", "{out}"), 65, "purple"));
        cases.add(gen("model-is-csv.model", d -> text(d, "model-is-csv.model", "a,b\n1,2\n"),
                List.of("predict", "{in}", "{in}", "--out", "{out}"), 65, "model-is-csv.model"));
        cases.add(gen("no-such.model", d -> d.resolve("no-such.model"),
                List.of("predict", "{in}", "{in}", "--out", "{out}"), 66, "no-such.model"));
        // outputs that cannot be written
        cases.add(gen("out-folder-missing", d -> copy(d, "good-copy.csv", "ragged-long.csv", true),
                List.of("predict", "{model}", "{in}", "--out", "{out}/missing/p.csv"), 73, "p.csv"));
        cases.add(gen("out-is-a-folder", d -> copy(d, "good-copy2.csv", "ragged-long.csv", true),
                List.of("predict", "{model}", "{in}", "--out", "{outdir}"), 73, "cannot write"));
        return cases.stream().map(c -> Arguments.of(Named.of(c.name(), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithTheProductExitCodeAndAPlainMessage(Case c) throws IOException {
        Path caseDir = Files.createDirectories(dir.resolve("cases").resolve(c.name()));
        Path outDir = Files.createDirectories(caseDir.resolve("out"));
        Path input = c.input().apply(caseDir);
        Path out = outDir.resolve(c.name().replace('.', '_') + ".out");
        String[] args = c.args().stream().map(a -> a.replace("{in}", input.toString())
                .replace("{outdir}", outDir.toString())
                .replace("{out}", a.contains("{out}/") ? outDir.toString() : out.toString())
                .replace("{model}", model.toString()).replace("{strict}", strictModel.toString())).toArray(String[]::new);

        InProcessCli r = InProcessCli.run(args);

        // informational "note:" lines (how a file was read) may precede the error; they are not part of it
        String err = r.err().lines().filter(l -> !l.startsWith("note:")).collect(java.util.stream.Collectors.joining("\n")).strip();
        System.out.printf("CORPUS %-30s exit %d  %s%n", c.name(), r.exitCode(), err.replace("\n", " | "));
        assertThat(r.exitCode()).as(err).isEqualTo(c.exit());
        assertThat(err).as("stderr").isNotEmpty().doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("Error:").contains(c.mentions());
        assertThat(err.lines().count()).as(err).isLessThanOrEqualTo(2);
        assertThat(err.length()).as("message length").isLessThan(600);
        if (c.exit() != 66 && c.exit() != 73 && !c.name().startsWith("out-")) {
            assertThat(err).as("names the file").contains(input.getFileName().toString());
        }
        try (Stream<Path> left = Files.list(outDir)) {
            assertThat(left.toList()).as("nothing written or left behind").isEmpty();
        }
    }

    private static Case res(String name, List<String> args, int exit, String mentions) {
        return new Case(name, d -> copy(d, name, name, false), args, exit, mentions);
    }

    private static Case gen(String name, Function<Path, Path> input, List<String> args, int exit, String mentions) {
        return new Case(name, input, args, exit, mentions);
    }

    private static Path copy(Path d, String target, String resource, boolean goodData) {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-inputs/" + resource)) {
            Path p = d.resolve(target);
            if (goodData) {
                Files.writeString(p, "a,b,color\n1,2,red\n3,4,blue\n");
            } else {
                Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path p, byte[] content) {
        try {
            return Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip archive holding a good table, as a download might come. */
    private static byte[] zipBytes() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("table.csv"));
            zip.write("a,b,color,y\n1,2,red,1\n3,4,blue,0\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Path zipped(Path d, String name) {
        return write(d.resolve(name), zipBytes());
    }

    private static Path gzipped(Path d, String name, byte[] content) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(d.resolve(name), bytes.toByteArray());
    }

    /** A format's magic number (each char one byte) followed by bytes that are no text. */
    private static byte[] magic(String head) {
        byte[] out = new byte[head.length() + 64];
        for (int i = 0; i < head.length(); i++) {
            out[i] = (byte) head.charAt(i);
        }
        for (int i = head.length(); i < out.length; i++) {
            out[i] = (byte) (i * 37 + 11);
        }
        return out;
    }

    private static Path text(Path d, String name, String content) {
        try {
            return Files.writeString(d.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder holding the given (relative path, content) pairs. */
    private static Path folder(Path d, String name, String... pathsAndContents) {
        try {
            Path f = Files.createDirectories(d.resolve(name));
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                Path p = f.resolve(pathsAndContents[i]);
                Files.createDirectories(p.getParent());
                Files.writeString(p, pathsAndContents[i + 1]);
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A folder-per-class corpus (two documents a class) beside a file {@code secret.txt} that is not part of it,
     * with a symbolic link at {@code at} (relative to the corpus) to {@code target}.
     */
    private static Path linked(Path d, String name, String at, String target) {
        text(d, "secret.txt", "not part of the corpus\n");
        Path f = folder(d, name, "pos/1.txt", "loved it", "pos/2.txt", "great fun", "neg/3.txt", "dull", "neg/4.txt",
                "too long");
        link(f.resolve(at), target);
        return f;
    }

    private static void link(Path at, String target) {
        try {
            Files.createSymbolicLink(at, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 40 good rows, then one whose second field is 10 MB of letters. */
    private static Path hugeField(Path d) {
        Path p = d.resolve("huge-field.csv");
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("a,b,c,y\n");
            for (int i = 0; i < 40; i++) {
                w.write(i + "," + (i % 3) + "," + (i % 5) + "," + (i % 4 == 0 ? 1 : 0) + "\n");
            }
            w.write("1,");
            char[] chunk = new char[1 << 16];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 160; i++) {
                w.write(chunk);
            }
            w.write(",3,1\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** 200,000 columns (no label column y among them), three rows. */
    private static Path wide(Path d) {
        Path p = d.resolve("wide-200k.csv");
        int cols = 200_000;
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            for (int c = 0; c < cols; c++) {
                w.write((c == 0 ? "" : ",") + "f" + c);
            }
            w.write('\n');
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < cols; c++) {
                    w.write((c == 0 ? "" : ",") + ((r + c) % 10));
                }
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
