package dev.rareclass.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.adapters.format.ReaderTestFiles;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.RareclassException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTableSourceTest extends ReaderTestFiles {

    private final CsvTableSource source = new CsvTableSource();

    private static DataOptions labelled(Path p, String label, String positive) {
        return DataOptions.labelled(p, label, positive);
    }

    /**
     * ecoli.csv read without --no-header: its first row (seven numbers and a class) became the column names, a row lost
     * without a word. Names that are each column's own index (pandas' to_csv of unnamed columns) are names.
     */
    @Test
    void aHeaderOfNumbersIsSaidToLookLikeData() throws IOException {
        Path ecoli = write("ecoli.csv", "0.49,0.29,0.48,cp\n0.07,0.40,0.48,cp\n0.56,0.40,0.48,imU\n0.59,0.49,0.48,cp\n");
        Table t = source.read(labelled(ecoli, "3", "imU"));
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.notes()).contains("warning: 3 of the 4 column names are numbers (such as '0.49'): the first row "
                + "looks like data, read as the header; if the file has no header, add --no-header and name columns by "
                + "0-based index");
        Path pandas = write("pandas.csv", "0,1,2,y\n0.5,1,2,1\n0.7,3,4,0\n");
        assertThat(source.read(labelled(pandas, "y", "1")).notes()).isEmpty();
        Path named = write("named.csv", "a,2019,2020,y\n0.5,1,2,1\n0.7,3,4,0\n");
        assertThat(source.read(labelled(named, "y", "1")).notes()).isEmpty();
        DataOptions headerless = new DataOptions(ecoli, Optional.empty(), false, Optional.empty(), Optional.of("3"),
                Optional.of("imU"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertThat(source.read(headerless).notes()).noneMatch(n -> n.contains("looks like data"));
    }

    @Test
    void readsAHeadedCsvWithTheLabelMappedToTheExplicitPositiveValue() throws IOException {
        Path p = write("t.csv", "a,b,y\n1,2.5,yes\n3,-4e-1,no\n5,6,maybe\n");
        Table t = source.read(labelled(p, "y", "yes"));
        assertThat(t.featureNames()).containsExactly("a", "b");
        assertThat(t.numericMatrix().data()).containsExactly(1f, 2.5f, 3f, -0.4f, 5f, 6f);
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0, 0);
        assertThat(t.labelMapping().orElseThrow().column()).isEqualTo("y");
        assertThat(t.rowNumbers()).containsExactly(1, 2, 3);
    }

    @Test
    void severalCommaSeparatedPositiveValuesAllMarkThePositiveClass() throws IOException {
        // wine quality <= 4: --positive 3,4 (numbers also match by value: 4.0 is 4)
        Path p = write("wine.csv", "a,quality\n1,3\n2,4.0\n3,5\n4,6\n5,4\n");
        Table t = source.read(labelled(p, "quality", "3,4"));
        assertThat(t.requireLabels().toArray()).containsExactly(1, 1, 0, 0, 1);
        assertThat(t.labelMapping().orElseThrow().positiveValue()).isEqualTo("3,4");
        assertThat(t.labelMapping().orElseThrow().negativeValue()).isEqualTo("not 3,4");
        assertThatThrownBy(() -> source.read(labelled(p, "quality", "8,9")))
                .isInstanceOf(DataException.class).hasMessageContaining("'8,9' never occurs");
    }

    @Test
    void handlesBomCrlfQuotedHeaderAndBooleans() throws IOException {
        Path p = dir.resolve("bom.csv");
        Files.write(p, ("\uFEFF\"Time\",\"V1\",\"Flag\",\"Class\"\r\n0,1.5,True,\"0\"\r\n1,2.5,False,\"1\"\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Table t = source.read(labelled(p, "Class", "1"));
        assertThat(t.featureNames()).containsExactly("Time", "V1", "Flag");
        assertThat(t.numericMatrix().data()).containsExactly(0f, 1.5f, 1f, 1f, 2.5f, 0f);
        assertThat(t.requireLabels().toArray()).containsExactly(0, 1);
    }

    @Test
    void withoutAHeaderColumnsAreNamedByIndexAndTheLabelIsAnIndex() throws IOException {
        Path p = write("iono.data", "1,0,0.5,g\n1,0,-0.5,b\n0,0,0.1,g\n");
        DataOptions o = new DataOptions(p, Optional.empty(), false, Optional.empty(), Optional.of("3"), Optional.of("b"), List.of("1"),
                List.of(), List.of(), MissingPolicy.ERROR, 0);
        Table t = source.read(o);
        assertThat(t.featureNames()).containsExactly("0", "2");
        assertThat(t.requireLabels().toArray()).containsExactly(0, 1, 0);
    }

    @Test
    void readsGzipAndTsvTransparently() throws IOException {
        Path p = dir.resolve("t.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("x\ty\n1\t1\n2\t0\n".getBytes(StandardCharsets.UTF_8));
        }
        Table t = source.read(labelled(p, "y", "1"));
        assertThat(t.numericMatrix().data()).containsExactly(1f, 2f);
    }

    @Test
    void aFileCompressedTwiceIsSaidToBeSoNotToNeedAGzName() throws IOException {
        ByteArrayOutputStream once = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(once)) {
            out.write("x,y\n1,1\n2,0\n".getBytes(StandardCharsets.UTF_8));
        }
        Path twice = dir.resolve("d.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(twice))) {
            out.write(once.toByteArray());
        }
        assertThatThrownBy(() -> source.read(labelled(twice, "y", "1"))).isInstanceOf(DataException.class)
                .hasMessage(twice + ": gzip data inside the gzip data: the file looks compressed twice; gunzip it once "
                        + "and read the result as a .gz file");
    }

    @Test
    void predictionInputMayLackTheLabelColumn() throws IOException {
        Path p = write("new.csv", "a,b\n1,2\n");
        Table t = source.readOptionallyLabelled(labelled(p, "y", "1"));
        assertThat(t.labels()).isEmpty();
        assertThat(t.featureNames()).containsExactly("a", "b");
    }

    @Test
    void readsScoresAtDoublePrecisionIgnoringOtherColumns() throws IOException {
        Path p = write("p.csv", "id,y,p,note\nx,1,0.123456789012,hello\nz,0,0.123456789011,world\n");
        LabelledScores s = source.readScores(labelled(p, "y", "1"), "p");
        assertThat(s.labels()).containsExactly(1, 0);
        assertThat(s.scores()).containsExactly(0.123456789012, 0.123456789011);
    }

    @Test
    void aMissingFileIsAnInputError() {
        assertThatThrownBy(() -> source.read(labelled(dir.resolve("nope.csv"), "y", "1")))
                .isInstanceOf(InputMissingException.class).hasMessageContaining("nope.csv").hasMessageContaining("no such file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty file|''|the file is empty",
        "header only|'a,y\n'|no data rows",
        "label not found|'a,b\n1,2\n'|label column 'y' not found",
        "positive absent|'a,y\n1,0\n2,0\n'|positive value '1' never occurs",
        "non-numeric|'a,y\n1,1\nabc,0\n'|line 3, column 'a': 'abc' is not a number",
        "NaN|'a,y\n1,1\nNaN,0\n'|line 3, column 'a': missing value 'NaN'",
        "infinity|'a,y\n1,1\n-Infinity,0\n'|not a finite float32 number",
        "too large for float|'a,y\n1,1\n1e300,0\n'|not a finite float32 number",
        "missing label|'a,y\n1,1\n2,\n'|line 3, column 'y': missing label",
        "ragged row|'a,b,y\n1,2,1\n3,0\n'|line 3: ragged row: 2 fields where the header has 3",
        "unterminated quote|'a,b,y\n1,2,1\n\"3,4,0\n5,6,1\n'|line 3: ragged row: 1 fields where the header has 3 (a quoted field runs on over the next lines",
        "missing value|'a,y\n1,1\n,0\n'|line 3, column 'a': missing value",
        "duplicate names|'a,a,y\n1,2,1\n'|duplicate column name",
        // haberman.csv has no header: its first row, numbers with two 1s, was only "duplicate column name"
        "a first row of data read as names|'30,64,1,1\n30,62,3,1\n'|'1': duplicate column name (columns 2 and 3, 0-based); the first row looks like data, not column names (every field is a number): if the file has no header, add --no-header and name columns by 0-based index (such as --label 3)",
        "an empty name that is another's index|'1,,y\n1,2,1\n'|column 1 has an empty name, so it is named by its 0-based index, which column 0 is named too",
    })
    void badInputIsADataErrorNamingTheFileLineAndColumn(String name, String content, String message) throws IOException {
        Path p = write("bad.csv", content);
        assertThatThrownBy(() -> source.read(labelled(p, "y", "1")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("bad.csv")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((RareclassException) e).exitCode()).isEqualTo(65));
    }

    /**
     * Bytes that are no text are refused naming the file (and the line): before, a NUL was dropped ('3\0' read as 3),
     * a bad UTF-8 label became U+FFFD and counted as negative, and gzip or a program was reported as a missing label
     * column followed by its bytes.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("notText")
    void bytesThatAreNoTextAreADataErrorNamingTheFile(String name, byte[] content, String message) throws IOException {
        Path p = dir.resolve("notext.csv");
        Files.write(p, content);
        assertThatThrownBy(() -> source.read(labelled(p, "y", "p")))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining(message)
                .hasMessageNotContaining("cannot parse")
                .satisfies(e -> assertThat(((RareclassException) e).exitCode()).isEqualTo(65));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> notText() throws IOException {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write("a,y\n1,p\n".getBytes(StandardCharsets.UTF_8));
        }
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("a NUL byte", bytes("a,b,y\n1,2,p\n3\0,4,n\n"),
                        "line 3: a NUL byte"),
                org.junit.jupiter.params.provider.Arguments.of("UTF-16 without a byte-order mark",
                        "a,y\n1,p\n2,n\n".getBytes(StandardCharsets.UTF_16LE), "line 1: a NUL byte"),
                org.junit.jupiter.params.provider.Arguments.of("gzip under a .csv name", gz.toByteArray(), "gzip data"),
                org.junit.jupiter.params.provider.Arguments.of("a Latin-1 label", latin1("a,y\n1,p\n2,\u00e9t\u00e9\n"),
                        "line 3, column 'y'"),
                org.junit.jupiter.params.provider.Arguments.of("a Latin-1 category", latin1("a,c,y\n1,caf\u00e9,p\n2,tea,n\n"),
                        "line 2, column 'c'"),
                // a column name too (it read as 'temp\uFFFDrature' before)
                org.junit.jupiter.params.provider.Arguments.of("a Latin-1 column name",
                        latin1("temp\u00e9rature,y\n1,p\n2,n\n"), "line 1, column 'temp\uFFFDrature': the column name "
                        + "holds bytes that are not UTF-8 text"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void utf16WithItsByteOrderMarkAndUtf8CategoriesStillRead() throws IOException {
        Path u16 = dir.resolve("u16.csv");
        Files.write(u16, "a,c,y\n1,caf\u00e9,p\n2,tea,n\n".getBytes(StandardCharsets.UTF_16)); // with its BOM
        Table t = source.read(labelled(u16, "y", "p"));
        assertThat(((CategoricalColumn) t.columns().get(1)).levels()).containsExactly("caf\u00e9", "tea");
    }

    /** Rows are read ahead on a second thread in batches: errors must still come out in file order. */
    @Test
    void theFirstBadLineIsReportedWhicheverThreadFindsIt() throws IOException {
        StringBuilder csv = new StringBuilder("a,y\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i == 1200 ? "abc" : Integer.toString(i)).append(',').append(i % 2).append('\n');
        }
        String lines = csv.toString();
        // a bad number at line 1202 (found while building columns) before a ragged row at line 3002 (found reading ahead)
        Path both = write("both.csv", lines.replace("\n3000,0\n", "\n3000\n"));
        assertThatThrownBy(() -> source.read(labelled(both, "y", "1"))).isInstanceOf(DataException.class)
                .hasMessageContaining("line 1202, column 'a': 'abc' is not a number");
        // a missing value (refused by the shared step after reading) before the same ragged row
        Path missing = write("missing.csv", lines.replace("\nabc,0\n", "\n,0\n").replace("\n3000,0\n", "\n3000\n"));
        assertThatThrownBy(() -> source.read(labelled(missing, "y", "1"))).isInstanceOf(DataException.class)
                .hasMessageContaining("line 1202, column 'a': missing value;");
        // the ragged row alone, far past the first batches
        Path ragged = write("ragged.csv", lines.replace("\nabc,0\n", "\n1200,0\n").replace("\n3000,0\n", "\n3000\n"));
        assertThatThrownBy(() -> source.read(labelled(ragged, "y", "1"))).isInstanceOf(DataException.class)
                .hasMessageContaining("line 3002: ragged row");
        // and without either, every row arrives, in order
        Path good = write("good.csv", lines.replace("\nabc,0\n", "\n1200,0\n"));
        Table t = source.read(labelled(good, "y", "1"));
        assertThat(t.rows()).isEqualTo(5000);
        NumericColumn a = (NumericColumn) t.columns().getFirst();
        for (int i = 0; i < 5000; i++) {
            assertThat(a.get(i)).isEqualTo(i);
        }
    }

    /**
     * A table longer than a batch of rows and a block of a column's values, without a header (its first row is a
     * data row), with empty lines, padded and quoted numbers: every value arrives where it belongs, and a later
     * bad row is reported at its line in the file (empty lines counted).
     */
    @Test
    void aLongTableIsReadExactlyAcrossBatchesAndBlocks() throws IOException {
        int n = 600_000; // past the first 524,288-value block of a numeric column
        StringBuilder csv = new StringBuilder();
        int line = 0;
        for (int i = 0; i < n; i++) {
            if (i % 1000 == 999) {
                csv.append('\n');
                line++;
            }
            String b = switch (i % 4) {
                case 0 -> " " + i + ".5 ";
                case 1 -> "\"-" + i + "\"";
                case 2 -> "1e1";
                default -> "\t0.25";
            };
            csv.append(i).append(',').append(b).append(',').append(i % 7 == 0 ? "1" : "0").append('\n');
            line++;
        }
        Path p = write("long.csv", csv.toString());
        DataOptions o = new DataOptions(p, Optional.empty(), false, Optional.empty(), Optional.of("2"), Optional.of("1"),
                List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        Table t = source.read(o);
        assertThat(t.rows()).isEqualTo(n);
        float[] a = ((NumericColumn) t.columns().get(0)).values();
        float[] b = ((NumericColumn) t.columns().get(1)).values();
        int[] y = t.requireLabels().toArray();
        List<String> wrong = new java.util.ArrayList<>();
        for (int i = 0; i < n && wrong.size() < 5; i++) {
            float expected = switch (i % 4) {
                case 0 -> (float) (i + 0.5);
                case 1 -> -i;
                case 2 -> 10;
                default -> 0.25f;
            };
            if (a[i] != i || b[i] != expected || y[i] != (i % 7 == 0 ? 1 : 0)) {
                wrong.add("row " + i + ": " + a[i] + ", " + b[i] + ", " + y[i]);
            }
        }
        assertThat(wrong).isEmpty();
        Path ragged = write("long-ragged.csv", csv + "1,2\n");
        assertThatThrownBy(() -> source.read(new DataOptions(ragged, Optional.empty(), false, Optional.empty(),
                Optional.of("2"), Optional.of("1"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0)))
                .isInstanceOf(DataException.class).hasMessageContaining("line " + (line + 1) + ": ragged row");
    }

    /** A wide table is handed over a few rows at a time (a batch holds at most 32,768 fields): all arrive, in order. */
    @Test
    void aWideTableIsReadExactly() throws IOException {
        int width = 5000;
        int rows = 10;
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < width; c++) {
            csv.append('f').append(c).append(',');
        }
        csv.append("y\n");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                csv.append(r * width + c).append(',');
            }
            csv.append(r % 2).append('\n');
        }
        Table t = source.read(labelled(write("wide.csv", csv.toString()), "y", "1"));
        assertThat(t.rows()).isEqualTo(rows);
        assertThat(t.columns()).hasSize(width);
        int wrong = 0;
        for (int c = 0; c < width; c++) {
            float[] v = ((NumericColumn) t.columns().get(c)).values();
            for (int r = 0; r < rows; r++) {
                wrong += v[r] == r * width + c ? 0 : 1;
            }
        }
        assertThat(wrong).isZero();
        assertThat(t.requireLabels().toArray()).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
    }

    /**
     * The columns every reader allows ({@code ColumnLimit}, 100,000; FastCSV's own handler stops at 16,384) hold for
     * the rows read straight from its buffer too.
     */
    @Test
    void aRecordOfMoreThanTheColumnLimitIsADataError() throws IOException {
        String header = String.join(",", java.util.stream.IntStream.range(0, 100_000).mapToObj(c -> "f" + c).toList());
        Path p = write("too-wide.csv", header + ",y\n");
        assertThatThrownBy(() -> source.read(labelled(p, "y", "1"))).isInstanceOf(DataException.class)
                .hasMessage(p + ", line 1: more than 100,000 columns, the most a table may have (each is held densely; "
                        + "for word counts, use a text column or --format text, which keep them sparse)");
        String fits = String.join(",", java.util.stream.IntStream.range(0, 99_999).mapToObj(c -> "f" + c).toList());
        assertThat(source.read(labelled(write("wide-enough.csv", fits + ",y\n" + "0,".repeat(99_999) + "1\n"), "y", "1"))
                .columns()).hasSize(99_999);
    }

    /** A quote that never closes, followed by more than a field may hold: one plain line, not FastCSV's paragraph. */
    @Test
    void aFieldOverTheLimitIsADataErrorInPlainWords() throws IOException {
        String line = "x".repeat(999) + "\n";
        Path p = write("open-quote.csv", "a,y\n1,1\n\"2" + line.repeat(17_000));
        assertThatThrownBy(() -> source.read(labelled(p, "y", "1"))).isInstanceOf(DataException.class)
                .hasMessage(p + ": a field runs on for over 16,777,216 characters, the most a field may have (a quote that "
                        + "never closes?)");
    }

    /**
     * A quote that never closes in the last field: FastCSV ends the field at the end of the file, so the rows after
     * the quote were read into it and lost (1 row of 3, exit 0, and a server answered one score for three rows).
     */
    @Test
    void aQuoteOpenInTheLastFieldAtTheEndIsADataErrorNamingItsLine() throws IOException {
        Path p = write("open-last.csv", "a,b,y\n1,2,\"12\"\" screen\n3,4,1\n5,6,0\n");
        assertThatThrownBy(() -> source.read(labelled(p, "y", "1"))).isInstanceOf(DataException.class)
                .hasMessage(p + ", line 2: a quoted field opened here never closes: every line after its '\"' was read "
                        + "into it (close the quote, or write a '\"' inside a field as '\"\"')");
        Path noBreak = write("open-at-eof.csv", "a,b,y\n1,2,1\n3,4,\"0");
        assertThatThrownBy(() -> source.read(labelled(noBreak, "y", "1"))).isInstanceOf(DataException.class)
                .hasMessageStartingWith(noBreak + ", line 3: a quoted field opened here never closes");
        // closed quoted last fields, over lines and followed by line breaks, read as they are
        Path closed = write("closed.csv", "a,b,y\n1,2,\"1\"\n3,4,\"0\"\r\n\r\n");
        assertThat(source.read(labelled(closed, "y", "1")).rows()).isEqualTo(2);
        Path overLines = write("over-lines.csv", "a,b,y\n1,2,\"1\"\n3,\"4\n\",0\n5,6,\"0\n\"\n");
        assertThat(source.read(labelled(overLines, "b", "4\n")).rows()).isEqualTo(3);
    }

    @Test
    void aTruncatedGzipIsADataError() throws IOException {
        Path full = dir.resolve("full.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
            for (int i = 0; i < 5000; i++) {
                out.write((i + "," + (i % 2) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        DataOptions o = new DataOptions(cut, Optional.empty(), false, Optional.empty(), Optional.of("1"), Optional.of("1"), List.of(),
                List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertThatThrownBy(() -> source.read(o)).isInstanceOf(DataException.class).hasMessageContaining("gzip");
    }

    @Test
    void anUnknownFormatIsAUsageError() throws IOException {
        Path p = write("t.csv", "a,y\n1,1\n");
        DataOptions o = new DataOptions(p, Optional.of("xlsx"), true, Optional.empty(), Optional.of("y"), Optional.of("1"), List.of(),
                List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertThatThrownBy(() -> source.read(o)).isInstanceOf(UsageException.class).hasMessageContaining("csv, tsv");
    }

    @Test
    void readsTheIonosphereFileFromTheSharedDatasets() {
        Path p = Path.of("..", "..", "shared", "datasets", "uci_ionosphere", "ionosphere.data");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(p), "shared datasets not beside the checkout");
        DataOptions o = new DataOptions(p, Optional.empty(), false, Optional.empty(), Optional.of("34"), Optional.of("b"), List.of(),
                List.of(), List.of(), MissingPolicy.ERROR, 0);
        Table t = source.read(o);
        // 351 rows x 34 features, 126 bad returns (CATALOG.md: 35.9% positive)
        assertThat(t.rows()).isEqualTo(351);
        assertThat(t.columns()).hasSize(34);
        assertThat(t.requireLabels().positives()).isEqualTo(126);
    }

    @Test
    void aColumnWhoseFirstValueIsNoNumberIsReadAsCategoricalWithANote() throws IOException {
        Path p = write("c.csv", "sex,len,y\nM,0.5,1\nF,0.4,0\nI,0.3,0\nM,0.2,0\n");
        Table t = source.read(labelled(p, "y", "1"));
        CategoricalColumn sex = (CategoricalColumn) t.columns().get(0);
        assertThat(sex.levels()).containsExactly("M", "F", "I");
        assertThat(sex.value(3)).isEqualTo("M");
        assertThat(t.columns().get(1)).isInstanceOf(NumericColumn.class);
        assertThat(t.notes()).singleElement().asString().contains("'sex' read as categorical").contains("line 2");
    }

    @Test
    void wholeNumbersThatFloat32RoundsAreSaid() throws IOException {
        // seconds since 1970, one apart: float32 keeps 7 significant digits, so 60 timestamps read as one value and
        // describe called the column constant without a word on why
        StringBuilder sb = new StringBuilder("ts,small,y\n");
        for (int i = 0; i < 60; i++) {
            sb.append(1_577_836_800L + i).append(',').append(16_777_216 - i).append(',').append(i % 5 == 0 ? 1 : 0)
                    .append('\n');
        }
        Path p = write("epoch.csv", sb.toString());
        Table t = source.read(labelled(p, "y", "1"));
        // 1577836800 itself is a float32 exactly (a multiple of 128); its 59 followers are not
        assertThat(t.notes()).singleElement().asString().startsWith("warning: column 'ts' has whole numbers above "
                + "16,777,216 (such as 1577836801) that 32-bit floats").contains("nearby values may read as one");
        // the same through the reader's other path (a quoted field is no plain number) and within 2^24: no note
        Path quoted = write("quoted.csv", "ts,y\n\"1577836801\",1\n16777216,0\n-16777215,0\n");
        assertThat(source.read(labelled(quoted, "y", "1")).notes()).singleElement().asString()
                .contains("'ts' has whole numbers above 16,777,216 (such as 1577836801)");
        // digits a float32 keeps: 2^24, 2e9 (exact), 1e30 and 123456700000 (it reads back as written)
        Path exact = write("exact.csv", "ts,y\n16777216,1\n0.1,0\n1e30,0\n-16777216,0\n2000000000,0\n123456700000,0\n");
        assertThat(source.read(labelled(exact, "y", "1")).notes()).isEmpty();
    }

    /**
     * A column whose values differ only past float32's 7 significant digits reads as one value: 1.000000001,
     * 1.000000002, ... read as constant, and describe advised dropping it, where pandas saw 60 values. The read says
     * so, once, with the range as written.
     */
    @Test
    void aColumnThatFloat32HoldsAsOneValueIsSaid() throws IOException {
        StringBuilder sb = new StringBuilder("fine,plain,y\n");
        for (int i = 0; i < 60; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "%.10f", 1 + i * 1e-9)).append(',').append(i * 0.25)
                    .append(',').append(i % 5 == 0 ? 1 : 0).append('\n');
        }
        Table t = source.read(labelled(write("fine.csv", sb.toString()), "y", "1"));
        assertThat(t.notes()).singleElement().asString().isEqualTo("warning: column 'fine' reads as one value, 1.0, "
                + "where its values as written run from 1.0 to 1.000000059: they differ only past the 7 significant "
                + "digits of the 32-bit floats rareclass reads numbers into (subtract an offset, such as 1.0)");
        // one value written several ways (0.1, 0.10; -0 and 0), a constant, or values float32 tells apart: no note
        Path same = write("same.csv", "x,z,w,y\n0.1,0,7,1\n0.10,-0,7,0\n0.1000,0,7,0\n0.1000001,-0,7.0,0\n");
        assertThat(source.read(labelled(same, "y", "1")).notes()).isEmpty();
    }

    @Test
    void theNoteOnACategoricalColumnCutsALongFirstValue() throws IOException {
        // a 10 MB first value went whole into the note, to stderr
        Path p = write("long.csv", "t,y\n" + "x".repeat(100_000) + ",1\nw,0\nw,0\n");
        Table t = source.read(labelled(p, "y", "1"));
        assertThat(t.notes()).singleElement().asString().contains("'t' read as categorical (first value 'xxx")
                .contains("…' on line 2").hasSizeLessThan(120);
    }

    @Test
    void declaredCategoricalAndTextColumnsAreTypedAsAsked() throws IOException {
        Path p = write("d.csv", "code,review,y\n1,good film,1\n2.0,bad,0\n1.0,meh,0\n");
        DataOptions o = new DataOptions(p, Optional.empty(), true, Optional.empty(), Optional.of("y"), Optional.of("1"),
                List.of(), List.of("code"), List.of("review"), MissingPolicy.ERROR, 0);
        Table t = source.read(o);
        CategoricalColumn code = (CategoricalColumn) t.columns().get(0);
        // numbers are one category however they are written
        assertThat(code.levels()).containsExactly("1", "2");
        assertThat(((TextColumn) t.columns().get(1)).get(0)).isEqualTo("good film");
    }

    @Test
    void missingValuesAreKeptForImputationOrDroppedWithTheirRows() throws IOException {
        Path p = write("m.csv", "a,b,y\n1,?,1\n2,5,0\n,6,0\n4,7,1\n");
        DataOptions keep = DataOptions.labelled(p, "y", "1").withMissing(MissingPolicy.MEAN);
        Table t = source.read(keep);
        assertThat(((NumericColumn) t.columns().get(1)).values()[0]).isNaN();
        assertThat(t.columns().get(0).missing()).isEqualTo(1);
        Table dropped = source.read(DataOptions.labelled(p, "y", "1").withMissing(MissingPolicy.DROP));
        assertThat(dropped.rows()).isEqualTo(2);
        assertThat(dropped.rowNumbers()).containsExactly(2, 4);
        assertThat(dropped.requireLabels().toArray()).containsExactly(0, 1);
        assertThat(dropped.notes()).anyMatch(n -> n.contains("2 rows with missing values dropped"));
    }

    @Test
    void shiftLabelsMarksTheRowsBeforeEachEvent() throws IOException {
        Path p = write("s.csv", "t,y\n0,0\n1,0\n2,0\n3,1\n4,0\n");
        DataOptions o = new DataOptions(p, Optional.empty(), true, Optional.empty(), Optional.of("y"), Optional.of("1"),
                List.of(), List.of(), List.of(), MissingPolicy.ERROR, 2);
        Table t = source.read(o);
        assertThat(t.requireLabels().toArray()).containsExactly(0, 1, 1, 0);
        assertThat(t.rowNumbers()).containsExactly(1, 2, 3, 5);
    }

    /** Bad values are found by the reader and refused missing values by the shared step: the first in file order is reported. */
    @Test
    void theFirstProblemInFileOrderIsReported() throws IOException {
        String header = "a,b,y\n1,2,1\n";
        // rows after the header and a good row; the policy; what must be reported
        String[][] cases = {
            {",2,0\n1,x,0\n", "ERROR", "line 3, column 'a': missing value;"}, // a missing value before a bad one
            {"1,x,0\n,2,0\n", "ERROR", "line 3, column 'b': 'x' is not a number"}, // a bad value before a missing one
            {",x,0\n", "ERROR", "line 3, column 'a': missing value;"}, // in one row, the columns in order
            {"x,,0\n", "ERROR", "line 3, column 'a': 'x' is not a number"},
            {",2,\n", "ERROR", "line 3, column 'a': missing value;"}, // the features before the label
            {"NA,2,0\n1,2\n", "ERROR", "line 3, column 'a': missing value 'NA';"}, // before a ragged row
            {"1,2\n,2,0\n", "ERROR", "line 3: ragged row"},
            {",2,0\n1,2,\n", "MEAN", "line 4, column 'y': missing label"}, // imputed values pass, a missing label not
        };
        for (String[] c : cases) {
            Path p = write("order.csv", header + c[0]);
            assertThatThrownBy(() -> source.read(labelled(p, "y", "1").withMissing(MissingPolicy.valueOf(c[1]))))
                    .as(c[0]).isInstanceOf(DataException.class).hasMessageContaining(c[2]);
        }
    }
}
