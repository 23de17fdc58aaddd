package dev.rareclass.adapters.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.adapters.format.FormatTableSource;
import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Predictions;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resample --out} and {@code predict --out} write the format the output's name will be read as, so that
 * rareclass, pandas and scikit-learn read back what was written: {@code resample --out t.tsv} wrote CSV, which every
 * reader then split on tabs into one column. The Python figures in the comments were computed once with
 * /usr/bin/python3 (pandas, SciPy 1.10.1, scikit-learn 1.2.1 and its bundled liac-arff) on the exact text each test
 * asserts.
 */
class TableOutputFormatsTest {

    @TempDir
    Path dir;

    private final FileResultSink sink = new FileResultSink();
    private final FormatTableSource reader = new FormatTableSource();

    private static final float[] X = {0.1f, -2.5f, Float.NaN, 1e-5f, 0f, 1_577_836_800f};
    private static final List<String> CITIES = List.of("New York, NY", "it's", "say \"hi\"", "Zürich €",
            "tab\there", "plain", "never used");
    private static final int[] CITY_CODES = {0, 1, 2, 3, -1, 4};
    private static final List<String> LABELS = List.of("rare one", "common", "common", "rare one", "common", "common");

    /** Six rows: a numeric column with a missing value, a categorical one whose names need quoting, and the label. */
    private static Table mixed() {
        List<Column> columns = List.of(new NumericColumn("x value", X.clone()),
                new CategoricalColumn("city, \"quoted\"", CITIES, CITY_CODES.clone()));
        return new Table("mixed", columns, Labels.of(1, 0, 0, 1, 0, 0),
                new LabelMapping("class label", "rare one", "common"), rows(6), List.of());
    }

    private static int[] rows(int n) {
        return IntStream.rangeClosed(1, n).toArray();
    }

    private Table readBack(Path file, String label, String positive) {
        // MEAN keeps a missing value missing in the table read (it is imputed when a model is fitted)
        return reader.read(DataOptions.labelled(file, label, positive).withMissing(MissingPolicy.MEAN));
    }

    private static String text(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            boolean gzip = bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
            return gzip ? new String(new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes(),
                    StandardCharsets.UTF_8) : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static boolean gzipped(Path file) throws IOException {
        byte[] head = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            return in.read(head) == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        }
    }

    private static void assertSameMixedTable(Table back) {
        assertThat(back.rows()).isEqualTo(6);
        assertThat(back.featureNames()).containsExactly("x value", "city, \"quoted\"");
        NumericColumn x = (NumericColumn) back.columns().get(0);
        for (int r = 0; r < X.length; r++) {
            assertThat(Float.valueOf(x.get(r))).as("row %d", r).isEqualTo(Float.valueOf(X[r])); // NaN equals NaN boxed
        }
        CategoricalColumn city = (CategoricalColumn) back.columns().get(1);
        for (int r = 0; r < CITY_CODES.length; r++) {
            assertThat(city.value(r)).as("row %d", r).isEqualTo(CITY_CODES[r] < 0 ? null : CITIES.get(CITY_CODES[r]));
        }
        assertThat(back.requireLabels().toArray()).containsExactly(1, 0, 0, 1, 0, 0);
    }

    // pandas.read_csv(f, sep='\t') reads this text as columns ['x value', 'city, "quoted"', 'class label'] with
    // x value [0.1, -2.5, nan, 1e-05, 0.0, 1577836800.0], city ['New York, NY', "it's", 'say "hi"', 'Zürich €', nan,
    // 'tab\there'] and the labels as written
    private static final String MIXED_TSV = """
            x value\t"city, ""quoted""\"\tclass label
            0.1\tNew York, NY\trare one
            -2.5\tit's\tcommon
            \t"say ""hi""\"\tcommon
            0.00001\tZürich €\trare one
            0\t\tcommon
            1577836800\t"tab\there"\tcommon
            """;

    @Test
    void aTsvNameIsWrittenTabSeparatedWithCsvQuotingAndReadsBackAsTheSameTable() throws IOException {
        Path out = dir.resolve("out.tsv");
        sink.writeTable(mixed(), LABELS, out);
        assertThat(text(out)).isEqualTo(MIXED_TSV);
        assertSameMixedTable(readBack(out, "class label", "rare one"));
    }

    // liac-arff (sklearn.externals._arff.loads) reads the data of this text as [[0.1, 'New York, NY', 'rare one'],
    // [-2.5, "it's", 'common'], [None, 'say "hi"', 'common'], [1e-05, 'Zürich €', 'rare one'], [0.0, None, 'common'],
    // [1577836800.0, 'tab\there', 'common']] and the city levels as declared, unused ones too; it does not unescape
    // attribute names (the name reads as 'city, \"quoted\'), and SciPy reads no non-ASCII nominal value (it holds them
    // as bytes): ARFF names with quotes and values beyond ASCII are for Weka, liac-arff and rareclass
    private static final String MIXED_ARFF = """
            @relation out

            @attribute 'x value' numeric
            @attribute 'city, \\"quoted\\"' {'New York, NY','it\\'s','say \\"hi\\"','Zürich €','tab\\there','plain','never used'}
            @attribute 'class label' {'rare one','common'}

            @data
            0.1,'New York, NY','rare one'
            -2.5,'it\\'s','common'
            ?,'say \\"hi\\"','common'
            0.00001,'Zürich €','rare one'
            0,?,'common'
            1577836800,'tab\\there','common'
            """;

    @Test
    void anArffNameIsWrittenAsArffAndReadsBackWithItsDeclaredLevels() throws IOException {
        Path out = dir.resolve("out.arff");
        sink.writeTable(mixed(), LABELS, out);
        assertThat(text(out)).isEqualTo(MIXED_ARFF);
        Table back = readBack(out, "class label", "rare one");
        assertSameMixedTable(back);
        assertThat(((CategoricalColumn) back.columns().get(1)).levels()).isEqualTo(CITIES);
    }

    // scipy.io.arff.loadarff reads this text as names ['x value', 'city', 'class label'], types ['numeric', 'nominal',
    // 'nominal'], rows (0.1, b'New York, NY', b'rare one'), (nan, b'two words', b'common'), (-1e-05, b'?', b'common'),
    // (3.0, b'plain', b'rare one') (b'?' is SciPy's missing nominal); liac-arff reads the same, None for missing
    private static final String SCIPY_ARFF = """
            @relation safe

            @attribute 'x value' numeric
            @attribute city {'New York, NY','two words','plain'}
            @attribute 'class label' {'rare one','common'}

            @data
            0.1,'New York, NY','rare one'
            ?,'two words','common'
            -0.00001,?,'common'
            3,'plain','rare one'
            """;

    @Test
    void anArffOfAsciiNamesWithSpacesAndCommasIsOneScipyReads() throws IOException {
        List<Column> columns = List.of(new NumericColumn("x value", new float[] {0.1f, Float.NaN, -1e-5f, 3}),
                new CategoricalColumn("city", List.of("New York, NY", "two words", "plain"), new int[] {0, 1, -1, 2}));
        Table t = new Table("safe", columns, Labels.of(1, 0, 0, 1), new LabelMapping("class label", "rare one", "common"),
                rows(4), List.of());
        Path out = dir.resolve("safe.arff");
        sink.writeTable(t, List.of("rare one", "common", "common", "rare one"), out);
        assertThat(text(out)).isEqualTo(SCIPY_ARFF);
        Table back = readBack(out, "class label", "rare one");
        assertThat(((CategoricalColumn) back.columns().get(1)).value(2)).isNull();
        assertThat(((NumericColumn) back.columns().get(0)).get(2)).isEqualTo(-1e-5f);
    }

    /**
     * What only quoting keeps: a text value "?" (a bare ? is missing), an empty one, a backslash, a control
     * character, a line break, braces (a bare '{' starts a sparse row), '%' (a comment). liac-arff reads the values
     * of this file as ['?', '', None, 'back\\slash', 'bell\x07', 'line\nbreak', '{brace}', '100%'].
     */
    @Test
    void anArffStringAttributeKeepsWhatOnlyQuotingKeeps() throws IOException {
        String[] texts = {"?", "", null, "back\\slash", "bell\u0007", "line\nbreak", "{brace}", "100%"};
        int n = texts.length;
        Table t = new Table("text", List.of(new TextColumn("note", texts.clone()), new NumericColumn("v", new float[n])),
                Labels.wrap(new int[] {1, 0, 0, 0, 0, 0, 0, 1}), new LabelMapping("y", "yes", "no"), rows(n), List.of());
        Path out = dir.resolve("text.arff");
        sink.writeTable(t, List.of("yes", "no", "no", "no", "no", "no", "no", "yes"), out);
        assertThat(text(out)).contains("@attribute note string\n")
                .contains("\n'?',0,'yes'\n''").contains("\n?,0,'no'\n").contains("'back\\\\slash'")
                .contains("'bell\\u0007'").contains("'line\\nbreak'").contains("'100\\%'");
        TextColumn note = (TextColumn) readBack(out, "y", "yes").columns().get(0);
        for (int r = 0; r < n; r++) {
            assertThat(note.get(r)).as("row %d", r).isEqualTo(texts[r]);
        }
    }

    /** A numeric table, rows 1 and n positive; values that print alike as float32 and in scikit-learn's %.16g. */
    private static Table numeric(float[]... columns) {
        List<Column> cs = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            cs.add(new NumericColumn("v" + c, columns[c]));
        }
        int n = columns[0].length;
        int[] y = new int[n];
        y[0] = 1;
        y[n - 1] = 1;
        return new Table("numeric", cs, Labels.wrap(y), new LabelMapping("class", "g", "b"), rows(n), List.of());
    }

    // io = BytesIO(); dump_svmlight_file(X, y, io, zero_based=False) with X = [[0.5, 0, 7], [0, 0, 0],
    // [-2.25, 1024.75, 0], [3, 0.125, -1]] (float32) and y = [1, 0, 0, 1] writes exactly this text (a row of zeros
    // ends in a space); load_svmlight_file reads it back as X, y = [1.0, 0.0, 0.0, 1.0], shape (4, 3)
    private static final String SKLEARN_SVMLIGHT = "1 1:0.5 3:7\n0 \n0 1:-2.25 2:1024.75\n1 1:3 2:0.125 3:-1\n";

    @Test
    void aLibSvmNameIsWrittenAsScikitLearnDumpsItWithWordLabelsAsOneAndZero() throws IOException {
        Table t = numeric(new float[] {0.5f, 0, -2.25f, 3}, new float[] {0, 0, 1024.75f, 0.125f},
                new float[] {7, 0, 0, -1});
        Path out = dir.resolve("out.libsvm");
        sink.writeTable(t, List.of("g", "b", "b", "g"), out);
        assertThat(text(out)).isEqualTo(SKLEARN_SVMLIGHT);
        Table back = readBack(out, "label", "1");
        assertThat(back.featureNames()).containsExactly("f1", "f2", "f3");
        assertThat(back.requireLabels().toArray()).containsExactly(1, 0, 0, 1);
        for (int c = 0; c < 3; c++) {
            float[] expected = ((NumericColumn) t.columns().get(c)).values();
            assertThat(((NumericColumn) back.columns().get(c)).values()).as("f%d", c + 1).containsExactly(expected);
        }
    }

    // load_svmlight_file reads "19 1:0.5\n7 1:-1.5\n9 \n" as y = [19.0, 7.0, 9.0]: numeric labels stay as written
    @Test
    void numericLabelsAreWrittenAsTheInputWroteThemSoThePositiveValueStaysTheSame() throws IOException {
        Table t = numeric(new float[] {0.5f, -1.5f, 0});
        Path out = dir.resolve("rings.svmlight");
        sink.writeTable(t, List.of("19", "7", "9"), out);
        assertThat(text(out)).isEqualTo("19 1:0.5\n7 1:-1.5\n9 \n");
        assertThat(readBack(out, "label", "19").requireLabels().toArray()).containsExactly(1, 0, 0);
    }

    // load_svmlight_file reads "1 1:0.5 2:3 3:0\n0 2:1\n" with shape (2, 3): the explicit 3:0 keeps the last column
    @Test
    void aLastColumnOfZerosIsNamedOnceSoTheFileReadsBackAsWideAsItWasWritten() throws IOException {
        Table t = numeric(new float[] {0.5f, 0}, new float[] {3, 1}, new float[] {0, -0f});
        Path out = dir.resolve("wide.libsvm");
        sink.writeTable(t, List.of("g", "g"), out);
        assertThat(text(out)).isEqualTo("1 1:0.5 2:3 3:0\n1 2:1\n");
        assertThat(readBack(out, "label", "1").featureNames()).containsExactly("f1", "f2", "f3");
    }

    @Test
    void libSvmRefusesACategoricalColumnOrAMissingValueNamingItAndWritesNothing() {
        Path out = dir.resolve("out.libsvm.gz");
        assertThatThrownBy(() -> sink.checkTable(mixed(), out)).isInstanceOf(UsageException.class)
                .hasMessageContaining("'city, \"quoted\"' is categorical");
        assertThatThrownBy(() -> sink.writeTable(mixed(), LABELS, out)).isInstanceOf(UsageException.class)
                .hasMessageContaining("'city, \"quoted\"'");
        Table holes = numeric(new float[] {1, Float.NaN, 2});
        sink.checkTable(holes, out); // an imputation may yet fill it: refused when written
        assertThatThrownBy(() -> sink.writeTable(holes, List.of("g", "b", "g"), out))
                .isInstanceOf(UsageException.class).hasMessageContaining("'v0' has missing values");
        assertThat(out).doesNotExist();
        assertThat(dir).isEmptyDirectory(); // no temporary file left either
        sink.checkTable(mixed(), dir.resolve("out.arff")); // the other formats hold them
        sink.checkTable(mixed(), dir.resolve("out.tsv"));
    }

    @Test
    void aGzNameOfEachFormatIsCompressedAndReadsBackTheSame() throws IOException {
        for (String name : List.of("out.tsv", "out.arff")) {
            Path plain = dir.resolve(name);
            Path packed = dir.resolve(name + ".gz");
            sink.writeTable(mixed(), LABELS, plain);
            sink.writeTable(mixed(), LABELS, packed);
            assertThat(gzipped(packed)).as(name).isTrue();
            assertThat(text(packed)).isEqualTo(Files.readString(plain));
            assertSameMixedTable(readBack(packed, "class label", "rare one"));
        }
        Path packed = dir.resolve("out.SVM.GZ");
        sink.writeTable(numeric(new float[] {0.5f, 0, 2}), List.of("g", "b", "g"), packed);
        assertThat(gzipped(packed)).isTrue();
        assertThat(text(packed)).isEqualTo("1 1:0.5\n0 \n1 1:2\n");
    }

    /** Names as the readers read them, every corner of the rule in one place. */
    @Test
    void theFormatOfAnOutputIsTheOneItsNameIsReadAs() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("out.TSV", "tsv");
        expected.put("out.tsv.gz", "tsv");
        expected.put("out.Tab", "tsv");
        expected.put(".tsv", "tsv"); // the reader reads such a name as TSV too
        expected.put("out.csv.tsv", "tsv");
        expected.put("out.tsv.csv", "csv");
        expected.put("out.arff.gz", "arff");
        expected.put("out.ARFF", "arff");
        expected.put("out.svm", "libsvm");
        expected.put("out.SVMLIGHT.GZ", "libsvm");
        expected.put("out.libsvm", "libsvm");
        expected.put("out", "csv");
        expected.put("out.", "csv");
        expected.put("out.gz", "csv");
        expected.put("out.txt", "csv");
        expected.put("out.tsv.gz.bak", "csv");
        expected.put("x.arff/out.csv", "csv");
        expected.put("-", "csv");
        expected.forEach((name, format) -> assertThat(sink.outputFormat(Path.of(name))).as(name).isEqualTo(format));
        for (String corpus : List.of("out.tar.gz", "out.TGZ", "out.tar")) {
            assertThatThrownBy(() -> sink.outputFormat(Path.of(corpus))).as(corpus).isInstanceOf(UsageException.class)
                    .hasMessageContaining("is read as text");
        }
    }

    @Test
    void aFolderNamedLikeATableIsRefusedAsAnOutputAndLeftAsItWas() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("x.tsv"));
        assertThatThrownBy(() -> sink.writeTable(mixed(), LABELS, folder)).isInstanceOf(OutputException.class);
        assertThat(folder).isEmptyDirectory();
        assertThat(dir).isDirectoryContaining(p -> p.equals(folder)).satisfies(d -> assertThat(d.toFile().list())
                .containsExactly("x.tsv"));
    }

    @Test
    void aFormatAPlugInRegisteredWithoutAWriterIsRefusedNotWrittenAsCsv() {
        FileResultSink withPlugIn = new FileResultSink(Map.of(".jsonl", "jsonl", ".tsv", "tsv"));
        assertThatThrownBy(() -> withPlugIn.outputFormat(Path.of("rows.jsonl"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("is read as jsonl");
        assertThat(withPlugIn.outputFormat(Path.of("rows.tsv"))).isEqualTo("tsv");
    }

    private static Predictions predictions() {
        return new Predictions(new int[] {1, 2}, Optional.of(new int[] {1, 0}), new double[] {0.75, 0.125},
                new int[] {1, 0}, 0.5);
    }

    @Test
    void predictionsNamedTsvAreTabSeparated() throws IOException {
        Path out = dir.resolve("p.tsv.gz");
        sink.writePredictions(predictions(), out);
        assertThat(text(out)).isEqualTo("row\ty\tp\tpredicted\n1\t1\t0.75\t1\n2\t0\t0.125\t0\n");
    }

    @Test
    void predictionsNamedArffOrLibSvmAreRefusedAndNothingIsWritten() {
        for (String name : List.of("p.arff", "p.libsvm.gz", "p.svm")) {
            assertThatThrownBy(() -> sink.writePredictions(predictions(), dir.resolve(name))).as(name)
                    .isInstanceOf(UsageException.class).hasMessageContaining("predictions are written as CSV or TSV");
        }
        assertThat(dir).isEmptyDirectory();
    }
}
