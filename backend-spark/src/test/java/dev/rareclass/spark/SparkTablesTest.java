package dev.rareclass.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.RareclassException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a table where the cluster is: the user's mistakes are one plain line naming the file and the column, and
 * labels and column kinds are read as the in-memory engine reads them.
 */
class SparkTablesTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark();

    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();
    private final ProgressListener progress = ProgressListener.notesTo(notes::add);

    private SparkTables.Prepared read(DataOptions options) {
        return SparkTables.read(SPARK.session(), options, progress);
    }

    private static DataOptions labelled(Path file, String positive) {
        return DataOptions.labelled(file, "label", positive);
    }

    /** The error is of this kind and one line naming the file. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertOneLine(Runnable action,
                                                                               Class<? extends RareclassException> kind,
                                                                               Path file) {
        return assertThatThrownBy(action::run).isInstanceOf(kind).hasMessageContaining(file.toString())
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFileThatIsNotThereIsInputMissing() {
        Path absent = dir.resolve("absent.csv");
        assertOneLine(() -> read(labelled(absent, "yes")), InputMissingException.class, absent)
                .hasMessage(absent + ": no such file");
    }

    @Test
    void aFileWithoutAHeaderHasItsColumnsNamedByIndexAsInMemory() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "1.5,red,'1'", "2.5,blue,'-1'", "0.5,red,'-1'");
        DataOptions options = new DataOptions(file, Optional.empty(), false, Optional.empty(), Optional.of("2"),
                Optional.of("'1'"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        SparkTables.Prepared table = read(options);
        assertThat(table.features()).extracting(SparkTables.Feature::name).containsExactly("0", "1");
        assertThat(table.mapping().column()).isEqualTo("2");
        assertThat(table.positives()).isEqualTo(1);
    }

    @Test
    void aLabelColumnThatIsNotThereIsNamedWithTheColumnsThatAre() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,b,label", "1,2,yes", "3,4,no");
        assertOneLine(() -> read(DataOptions.labelled(file, "class", "yes")), DataException.class, file)
                .hasMessageContaining("--label class: no such column")
                .hasMessageContaining("columns: a, b, label");
    }

    @Test
    void aPositiveValueThatNeverOccursListsTheValuesSeen() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,b,label", "1,2,yes", "3,4,no", "5,6,no");
        assertOneLine(() -> read(labelled(file, "maybe")), DataException.class, file)
                .hasMessageContaining("column 'label'")
                .hasMessageContaining("'maybe' never occurs")
                .hasMessageContaining("values seen: ")
                .hasMessageContaining("yes")
                .hasMessageContaining("no");
    }

    @Test
    void aTableOfOneClassIsRefused() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,b,label", "1,2,yes", "3,4,yes");
        assertOneLine(() -> read(labelled(file, "yes")), DataException.class, file)
                .hasMessageContaining("column 'label'")
                .hasMessageContaining("every row is 'yes'");
    }

    @Test
    void aRaggedRowIsADataErrorNotAStackTrace() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,b,label", "1,2,yes", "3,4,no", "5,no", "7,8,no");
        assertOneLine(() -> read(labelled(file, "yes")), DataException.class, file)
                .hasMessageContaining("Spark could not read it: Malformed CSV record: 5,no")
                .hasMessageNotContaining("SQLSTATE")
                .hasMessageNotContaining("[MALFORMED");
    }

    @Test
    void missingValuesUnderTheDefaultPolicyNameTheColumnAndHowMany() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,b,label", "1,,yes", "3,4,no", "5,,no", "7,8,no");
        assertOneLine(() -> read(labelled(file, "yes")), DataException.class, file)
                .hasMessageContaining("column 'b': 2 missing values")
                .hasMessageContaining("--missing");
    }

    @Test
    void missingValuesAreDroppedWhenAsked() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,b,label", "1,,yes", "3,4,no", "5,,no", "7,8,yes",
                "9,10,no");
        SparkTables.Prepared t = read(labelled(file, "yes").withMissing(MissingPolicy.DROP));
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.positives()).isEqualTo(1);
        assertThat(t.rows().count()).isEqualTo(3);
        assertThat(notes).contains("dropped 2 rows with a missing value (--missing drop)");
    }

    /** Spark reads 1e400 and Infinity as infinite doubles, on which its estimators failed with a stack trace (exit 70). */
    @Test
    void infiniteValuesAreRefusedNamingTheColumnForTrainingAndScoring() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,b,label", "1,2,yes", "1e400,4,no", "5,-Infinity,no",
                "7,Infinity,yes");
        assertOneLine(() -> read(labelled(file, "yes")), DataException.class, file)
                .hasMessageContaining("column 'a': 1 infinite value");
        List<SparkTables.Feature> features = List.of(new SparkTables.Feature("b", "__f0", true));
        assertOneLine(() -> SparkTables.readForScoring(SPARK.session(), DataOptions.of(file), features, false, true,
                progress), DataException.class, file).hasMessageContaining("column 'b': 2 infinite values");
    }

    /** Spark renamed a repeated name (a,a: a0,a1) and trained on columns the file does not have, exit 0. */
    @Test
    void aColumnNamedTwiceIsRefusedAsInMemory() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,a,label", "1,2,yes", "3,4,no");
        assertOneLine(() -> read(labelled(file, "yes")), DataException.class, file)
                .hasMessage(file + ", line 1, column 'a': duplicate column name (columns 0 and 1, 0-based)");
        Path cased = SyntheticCsv.lines(dir.resolve("cased.csv"), "x,label,b,Label", "1,yes,2,3", "3,no,4,5");
        assertOneLine(() -> SparkTables.describe(SPARK.session(), DataOptions.of(cased), progress),
                DataException.class, cased).hasMessageContaining("line 1, column 'Label': duplicate column name "
                        + "(columns 1 and 3, 0-based, 'label' and 'Label': Spark compares column names ignoring case)");
        // names that only look like Spark's renaming are read as they are
        Path numbered = SyntheticCsv.lines(dir.resolve("numbered.csv"), "x0,x1,label", "1,2,yes", "3,4,no");
        assertThat(read(labelled(numbered, "yes")).features()).extracting(SparkTables.Feature::name)
                .containsExactly("x0", "x1");
    }

    /**
     * What is not a UTF-8 text table is refused as in memory: an empty file was "--label label: no such column
     * (columns: )", binary junk was printed back as the list of columns, and a NUL byte or a Latin-1 byte in a value
     * was read as a category of its own (trained on, exit 0).
     */
    @Test
    void whatIsNotUtf8TextIsRefusedNamingTheFileAndColumn() throws Exception {
        Path empty = SyntheticCsv.lines(dir.resolve("empty.csv"));
        java.nio.file.Files.write(empty, new byte[0]);
        assertOneLine(() -> read(labelled(empty, "yes")), DataException.class, empty)
                .hasMessage(empty + ": the file is empty");
        Path junk = dir.resolve("junk.csv");
        java.nio.file.Files.write(junk, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, ',', (byte) 0xff, '\n', 1, 2});
        assertOneLine(() -> read(labelled(junk, "yes")), DataException.class, junk)
                .hasMessageContaining("line 1: a NUL byte or bytes that are not UTF-8 text");
        Path nul = SyntheticCsv.lines(dir.resolve("nul.csv"), "a,colour,label", "1,red,yes", "2,bl\0ue,no", "3,red,no");
        assertOneLine(() -> read(labelled(nul, "yes")), DataException.class, nul)
                .hasMessageContaining("column 'colour': 1 value with a NUL byte or bytes that are not UTF-8 text");
        Path latin1 = dir.resolve("latin1.csv");
        java.nio.file.Files.write(latin1, "a,colour,label\n1,caf\u00e9,yes\n2,red,no\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        List<SparkTables.Feature> colour = List.of(new SparkTables.Feature("colour", "__f0", false));
        assertOneLine(() -> SparkTables.readForScoring(SPARK.session(), DataOptions.of(latin1), colour, false, true,
                progress), DataException.class, latin1).hasMessageContaining("column 'colour': 1 value with a NUL");
    }

    @Test
    void textColumnsAreRefusedBeforeAnythingIsRead() {
        Path file = dir.resolve("never-written.csv");
        DataOptions withText = new DataOptions(file, Optional.empty(), true, Optional.empty(), Optional.of("label"),
                Optional.of("yes"), List.of(), List.of(), List.of("review"), MissingPolicy.ERROR, 0);
        assertThatThrownBy(() -> read(withText)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--text is not available with --engine spark")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aHeaderColumnNamedLikeTheEnginesOwnIsRefused() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,__x,label", "1,2,yes", "3,4,no");
        assertOneLine(() -> read(labelled(file, "yes")), DataException.class, file)
                .hasMessageContaining("column '__x'");
    }

    @Test
    void aNumericLabelMatchesThePositiveAsANumber() {
        Path decimals = SyntheticCsv.lines(dir.resolve("decimals.csv"), "a,label", "1,1.0", "2,0.0", "3,0.0",
                "4,1.0", "5,0.0");
        SparkTables.Prepared t = read(labelled(decimals, "1"));
        assertThat(t.positives()).isEqualTo(2);
        assertThat(t.negatives()).isEqualTo(3);

        Path integers = SyntheticCsv.lines(dir.resolve("integers.csv"), "a,label", "1,1", "2,0", "3,0");
        assertThat(read(labelled(integers, "1.0")).positives()).isEqualTo(1);
    }

    @Test
    void textColumnsAreCategoricalAndNumbersNumeric() {
        Path file = SyntheticCsv.write(dir.resolve("t.csv"), 50, 5, 1.0, 1);
        SparkTables.Prepared t = read(labelled(file, "yes"));
        assertThat(t.named(t.numeric())).containsExactly("x1", "x2", "noise");
        assertThat(t.named(t.categorical())).containsExactly("colour");
        assertThat(t.rows().columns()).containsExactly(SparkTables.KEY, SparkTables.Y, "__f0", "__f1", "__f2", "__f3");
        assertThat(t.rows().schema().apply("__f3").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(t.rows().schema().apply("__f0").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(t.positives()).isEqualTo(5);
        assertThat(t.negatives()).isEqualTo(45);
        assertThat(t.mapping().negativeValue()).isEqualTo("no");
        assertThat(notes).contains("column 'colour' read as categorical (its values are not all numbers)");
    }

    @Test
    void aTrueFalseLabelMatchesThePositiveAsTheFileWritesIt() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,flag,label", "1,False,True", "2,True,False",
                "3,False,False", "4,True,True", "5,False,False");
        SparkTables.Prepared t = read(labelled(file, "True"));
        assertThat(t.positives()).isEqualTo(2);
        assertThat(t.negatives()).isEqualTo(3);
        assertThat(t.mapping().negativeValue()).isEqualTo("False");
        assertThat(t.named(t.categorical())).containsExactly("flag");
    }

    /** As the in-memory engine names it: ecoli's negatives (cp, im, pp, ...) were all called 'cp', the first row's. */
    @Test
    void aNegativeClassOfSeveralValuesIsNamedNotThePositive() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,label", "1,cp", "2,imU", "3,im", "4,pp", "5,cp");
        SparkTables.Prepared t = read(labelled(file, "imU"));
        assertThat(t.negatives()).isEqualTo(4);
        assertThat(t.mapping().negativeValue()).isEqualTo("not imU");
        Path two = SyntheticCsv.lines(dir.resolve("two.csv"), "a,label", "1,cp", "2,imU", "3, cp", "4,cp");
        assertThat(read(labelled(two, "imU")).mapping().negativeValue()).isEqualTo("cp");
    }

    @Test
    void severalPositiveValuesSeparatedByCommasAreEachPositive() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,label", "1,3", "2,4", "3,5", "4,6", "5,3.0");
        SparkTables.Prepared t = read(labelled(file, "3,4"));
        assertThat(t.positives()).isEqualTo(3);
        assertThat(t.negatives()).isEqualTo(2);

        Path text = SyntheticCsv.lines(dir.resolve("text.csv"), "a,label", "1,spam", "2,ham", "3,scam", "4,ham");
        assertThat(read(labelled(text, "spam, scam")).positives()).isEqualTo(2);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsName() {
        Path file = SyntheticCsv.lines(dir.resolve("bom.csv"), "\uFEFFid,a,label", "1,0.5,yes", "2,0.7,no",
                "3,0.1,no");
        SparkTables.Prepared t = read(labelled(file, "yes").withDropped("id"));
        assertThat(t.named(t.numeric())).containsExactly("a");
    }

    @Test
    void columnNamesWithDotsAndSpacesAreReadAndDropped() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a.b,c d,label", "1,,yes", "2,4,no", "3,5,no", "4,6,yes",
                "5,7,no");
        SparkTables.Prepared t = read(labelled(file, "yes").withMissing(MissingPolicy.DROP));
        assertThat(t.named(t.numeric())).containsExactly("a.b", "c d");
        assertThat(t.size()).isEqualTo(4);
    }

    /** The same table as CSV, gzipped CSV and Parquet (written by Spark) reads to the same rows, classes and values. */
    @Test
    void gzippedCsvAndParquetReadAsThePlainCsv() throws Exception {
        Path csv = SyntheticCsv.lines(dir.resolve("t.csv"), "a,b,label", "1.5,x,yes", "2.5,y,no", "0.5,x,no",
                "3.5,z,yes", "4.0,y,no");
        Path gz = dir.resolve("t.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
            out.write(java.nio.file.Files.readAllBytes(csv));
        }
        SparkTables.Prepared plain = read(labelled(csv, "yes"));
        Path parquet = dir.resolve("t.parquet");
        SPARK.session().read().option("header", true).option("inferSchema", true).csv(csv.toUri().toString())
                .write().parquet(parquet.toUri().toString());
        for (Path other : List.of(gz, parquet)) {
            SparkTables.Prepared t = read(labelled(other, "yes"));
            assertThat(t.size()).as(other.toString()).isEqualTo(5);
            assertThat(t.positives()).as(other.toString()).isEqualTo(2);
            assertThat(t.features()).extracting(SparkTables.Feature::name).containsExactly("a", "b");
            assertThat(t.rows().select(t.numeric().get(0)).collectAsList().stream().mapToDouble(r -> r.getDouble(0))
                    .sum()).isEqualTo(plain.rows().select(plain.numeric().get(0)).collectAsList().stream()
                    .mapToDouble(r -> r.getDouble(0)).sum());
        }
    }
}
