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
                .hasMessage(file + ", column 'a': '1e400' is not a finite float32 number (infinities and values beyond "
                        + "3.4e38 are refused)");
        List<SparkTables.Feature> features = List.of(new SparkTables.Feature("b", "__f0", true));
        assertOneLine(() -> SparkTables.readForScoring(SPARK.session(), DataOptions.of(file), features, false, true,
                progress), DataException.class, file).hasMessage(file + ", column 'b': '-Infinity' is not a finite "
                        + "float32 number (infinities and values beyond 3.4e38 are refused); 2 such values");
    }

    /**
     * A number a double holds but a float32 does not (the in-memory reader holds numbers as float32) is refused as in
     * memory, in every read, naming the value as written: {@code 1e39} trained on Spark, exit 0, and describe showed it
     * as a maximum. The largest float32, 3.4e38 rounded, is still a number.
     */
    @Test
    void aValueBeyondFloat32IsRefusedAsInMemoryInEveryRead() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,b,label", "1,3.4e38,yes", "3,-3.4e38,no", "5,1e39,no",
                "7,-1e39,yes", "9,2,no");
        String refusal = "column 'b': '1e39' is not a finite float32 number (infinities and values beyond 3.4e38 are "
                + "refused); 2 such values";
        assertOneLine(() -> read(labelled(file, "yes")), DataException.class, file).hasMessage(file + ", " + refusal);
        assertOneLine(() -> SparkTables.describe(SPARK.session(), DataOptions.of(file), progress), DataException.class,
                file).hasMessage(file + ", " + refusal);
        List<SparkTables.Feature> features = List.of(new SparkTables.Feature("b", "__f0", true));
        assertOneLine(() -> SparkTables.readForScoring(SPARK.session(), DataOptions.of(file), features, false, false,
                progress), DataException.class, file).hasMessage(file + ", " + refusal);
        Path largest = SyntheticCsv.lines(dir.resolve("largest.csv"), "a,b,label", "1,3.4e38,yes", "3,-3.4e38,no",
                "5,2,no");
        assertThat(read(labelled(largest, "yes")).named(List.of("__f1"))).containsExactly("b");
    }

    /**
     * Header names are trimmed as the in-memory reader trims them: Spark kept {@code ' x1'}, so {@code --label x1} or
     * {@code --drop x1} found no such column, and {@code ' x1,x1'} read as two columns where in memory it is one name
     * written twice, refused.
     */
    @Test
    void headerNamesAreTrimmedAndANameWrittenTwiceOnceTrimmedIsRefusedAsInMemory() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), " x1 ,\tx2,label ", "1,2,yes", "3,4,no", "5,6,no");
        SparkTables.Prepared t = read(labelled(file, "yes"));
        assertThat(t.features()).extracting(SparkTables.Feature::name).containsExactly("x1", "x2");
        assertThat(read(labelled(file, "yes").withDropped("x1")).features()).extracting(SparkTables.Feature::name)
                .containsExactly("x2");
        assertThat(SparkTables.describe(SPARK.session(), DataOptions.of(file), progress).columns())
                .extracting(c -> c.name()).containsExactly("x1", "x2", "label");
        Path twice = SyntheticCsv.lines(dir.resolve("twice.csv"), " x1,x1,label", "1,2,yes", "3,4,no");
        assertOneLine(() -> read(labelled(twice, "yes")), DataException.class, twice)
                .hasMessage(twice + ", line 1, column 'x1': duplicate column name (columns 0 and 1, 0-based)");
        Path blank = SyntheticCsv.lines(dir.resolve("blank.csv"), "a, ,label", "1,2,yes", "3,4,no");
        assertThat(read(labelled(blank, "yes")).features()).extracting(SparkTables.Feature::name)
                .containsExactly("a", "1");
    }

    /**
     * What only Java reads as a number is a word, as in memory (and in pandas): Spark's inference typed a column of
     * {@code 1.5d} or {@code 0x1p3} as doubles and trained on them; a column that starts with one is categorical, and
     * one among numbers is refused in training, describe and scoring. A sign and white space around a number are the
     * in-memory reader's too, and {@code NaN} is missing there, not a word.
     */
    @Test
    void javaOnlyNumberSpellingsAreWordsAsInMemory() {
        for (String first : List.of("1.5d", "2.5F", "0x1p3", "7D")) {
            Path file = SyntheticCsv.lines(dir.resolve("first.csv"), "a,b,label", first + ",1,yes", "3,2,no",
                    "5,3,no");
            notes.clear();
            SparkTables.Prepared t = read(labelled(file, "yes"));
            assertThat(t.named(t.categorical())).as(first).containsExactly("a");
            assertThat(notes).as(first).contains("column 'a' read as categorical (first value '" + first + "')");
            Path later = SyntheticCsv.lines(dir.resolve("later.csv"), "a,b,label", "3,1,yes", first + ",2,no",
                    "5,3,no");
            String refusal = "column 'a': '" + first + "' is not a number in a numeric column (its first value, '3', "
                    + "is one); --drop a, or --categorical a if it holds categories";
            assertOneLine(() -> read(labelled(later, "yes")), DataException.class, later)
                    .as(first).hasMessage(later + ", " + refusal);
            assertOneLine(() -> SparkTables.describe(SPARK.session(), DataOptions.of(later), progress),
                    DataException.class, later).as(first).hasMessage(later + ", " + refusal);
            List<SparkTables.Feature> numericA = List.of(new SparkTables.Feature("a", "__f0", true));
            assertOneLine(() -> SparkTables.readForScoring(SPARK.session(), DataOptions.of(later), numericA, false,
                    false, progress), DataException.class, later).as(first).hasMessage(later + ", column 'a': '" + first
                    + "' is not a number, and the model was trained on numbers in it");
        }
        Path numbers = SyntheticCsv.lines(dir.resolve("numbers.csv"), "a,b,label", "NaN,1,yes", "+7,2,no",
                "\" 8 \",3,no", "-2.5e-3,4,yes", "12,5,no");
        SparkTables.Prepared t = read(labelled(numbers, "yes").withMissing(MissingPolicy.MEAN));
        assertThat(t.named(t.numeric())).containsExactly("a", "b");
        assertThat(t.rows().select("__f0").collectAsList().stream().filter(r -> !r.isNullAt(0) && !Double.isNaN(
                r.getDouble(0))).mapToDouble(r -> r.getDouble(0)).sorted().toArray())
                .containsExactly(-2.5e-3, 7, 8, 12);
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
     * A column of dates, or of sentences, read as categories is warned about as in memory, with the in-memory words
     * (but for free text, which this engine reads no words of); one named by --categorical, or with fewer than 100
     * levels, is not. nasa's 777 close-approach dates were one-hot encoded with only a note.
     */
    @Test
    void manyDatesOrSentencesAsCategoriesAreWarnedAboutAsInMemory() {
        List<String> lines = new ArrayList<>(List.of("day,said,month,code,label"));
        for (int i = 0; i < 240; i++) {
            lines.add(java.time.LocalDate.of(2020, 1, 1).plusDays(i / 2) + ",the words number " + i + " here,"
                    + java.time.LocalDate.of(2020, 1 + i % 12, 1) + ",c" + i + "," + (i % 3 == 0 ? "yes" : "no"));
        }
        Path file = SyntheticCsv.lines(dir.resolve("dates.csv"), lines.toArray(String[]::new));
        notes.clear();
        read(labelled(file, "yes"));
        assertThat(notes).contains("warning: column 'day' holds dates or times (such as '2020-01-01'), read as 120 "
                + "categories, which a model can only memorise: leave it out with --drop day",
                "warning: column 'said' has 240 distinct values, most with spaces: it looks like free text, which this "
                        + "engine does not read as words: leave it out with --drop said, or read it with --engine "
                        + "local and --text said");
        assertThat(notes).as("12 months, and 240 codes without spaces").noneMatch(n -> n.contains("'month'")
                && n.startsWith("warning")).noneMatch(n -> n.contains("'code'") && n.startsWith("warning"));
        notes.clear();
        read(new DataOptions(file, Optional.empty(), true, Optional.empty(), Optional.of("label"), Optional.of("yes"),
                List.of(), List.of("day"), List.of(), MissingPolicy.ERROR, 0));
        assertThat(notes).as("--categorical day: the user chose").noneMatch(n -> n.contains("'day'")
                && n.startsWith("warning"));
    }

    /**
     * A file named as a format of the Python stack is refused by its name before Spark reads it (a .json file was read
     * as a CSV of junk columns); Parquet under its short name .pq is read as Parquet.
     */
    @Test
    void aFileNamedAsAnotherFormatIsRefusedByName() {
        Path json = SyntheticCsv.lines(dir.resolve("records.json"), "[{\"x\": 1, \"label\": \"yes\"}]");
        assertOneLine(() -> read(labelled(json, "yes")), DataException.class, json).hasMessage(json + ": JSON, not a "
                + "text table; rareclass reads CSV, TSV and Parquet: write it as CSV first (pandas: "
                + "pd.read_json('records.json').to_csv('records.csv', index=False)); a text table so named reads with "
                + "--format csv or tsv");
        // --format says what the file is: a CSV named .json is read as one
        Path csv = SyntheticCsv.lines(dir.resolve("really-csv.json"), "x,label", "1,yes", "2,no", "3,no");
        assertThat(read(new DataOptions(csv, Optional.of("csv"), true, Optional.empty(), Optional.of("label"),
                Optional.of("yes"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0)).features())
                .extracting(SparkTables.Feature::name).containsExactly("x");
        assertThat(SparkTables.formatOf(Path.of("t.pq"))).isEqualTo("parquet");
        assertThat(SparkTables.formatOf(Path.of("T.PARQUET.gz"))).isEqualTo("parquet");
        // the in-memory engine's own formats: an ARFF file was read as a CSV and refused for its label ("no such
        // column (columns: @relation t)")
        Path arff = SyntheticCsv.lines(dir.resolve("weather.arff"), "@relation t", "@attribute x numeric",
                "@attribute label {yes,no}", "@data", "1,yes", "2,no");
        assertOneLine(() -> read(labelled(arff, "yes")), DataException.class, arff).hasMessage(arff + ": ARFF (by its "
                + "name), which the in-memory engine reads, not the Spark engine (CSV, TSV and Parquet): leave out "
                + "--engine spark, or write it as CSV; a text table so named reads with --format csv or tsv");
        Path svm = SyntheticCsv.lines(dir.resolve("rows.libsvm"), "1 1:0.5", "0 1:0.25");
        assertOneLine(() -> read(labelled(svm, "1")), DataException.class, svm).hasMessageContaining("LibSVM (by its name)");
        // standard input: it was "-: no such file"
        assertThatThrownBy(() -> read(labelled(Path.of("-"), "yes"))).isInstanceOf(UsageException.class)
                .hasMessage("the Spark engine reads files, not standard input: write the table to a file, or read it "
                        + "with --engine local");
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
        // describe too: it described the category 'caf\uFFFD' (exit 0) where train refused the file
        assertOneLine(() -> SparkTables.describe(SPARK.session(), DataOptions.of(latin1), progress),
                DataException.class, latin1).hasMessageContaining("column 'colour': 1 value with a NUL");
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
        assertThat(notes).anyMatch(n -> n.startsWith("column 'colour' read as categorical (first value '"));
    }

    /**
     * Every word the in-memory reader reads as missing ({@code ?}, {@code NA}, {@code N/A}, {@code null}, {@code NaN},
     * in any case, with white space around) is missing here too, in a numeric column and a categorical one: Spark's
     * reader knew only an empty field and NaN, so breast-cancer-wisconsin's column 6, numbers and {@code ?}, was read as
     * categorical (a note, then one-hot encoded, and --missing mean did nothing).
     */
    @Test
    void everyMissingValueWordOfTheInMemoryReaderIsMissingInEveryColumn() {
        List<String> lines = new ArrayList<>(List.of("a,colour,label", "1.5,red,yes", "2,blue,no"));
        int marked = 0;
        for (String word : dev.rareclass.domain.data.MissingTokens.WORDS) {
            for (String spelled : List.of(word, word.toUpperCase(java.util.Locale.ROOT), " " + word + " ")) {
                lines.add(spelled + "," + (marked % 2 == 0 ? spelled : "red") + "," + (marked % 3 == 0 ? "yes" : "no"));
                marked++;
            }
        }
        lines.addAll(List.of(",,no", "3,red,no", "4,?,yes"));
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), lines.toArray(String[]::new));
        assertOneLine(() -> read(labelled(file, "yes")), DataException.class, file)
                .hasMessageContaining("column 'a': " + (marked + 1) + " missing values");
        SparkTables.Prepared t = read(labelled(file, "yes").withMissing(MissingPolicy.MEAN));
        assertThat(t.named(t.numeric())).containsExactly("a");
        assertThat(t.named(t.categorical())).containsExactly("colour");
        assertThat(notes).noneMatch(n -> n.contains("column 'a'"));
        List<org.apache.spark.sql.Row> values = t.rows().select("__f0", "__f1").collectAsList();
        assertThat(values.stream().filter(r -> r.isNullAt(0)).count()).isEqualTo(marked + 1);
        assertThat(values.stream().filter(r -> !r.isNullAt(0)).mapToDouble(r -> r.getDouble(0)).sum())
                .isEqualTo(1.5 + 2 + 3 + 4);
        assertThat(values.stream().filter(r -> r.isNullAt(1)).count()).isEqualTo((marked + 1) / 2 + 2);
        assertThat(values.stream().filter(r -> !r.isNullAt(1)).map(r -> r.getString(1)).distinct())
                .containsExactlyInAnyOrder("red", "blue");
        // scoring reads them so too: missing, not "not all numbers"
        List<SparkTables.Feature> features = List.of(new SparkTables.Feature("a", "__f0", true),
                new SparkTables.Feature("colour", "__f1", false));
        assertOneLine(() -> SparkTables.readForScoring(SPARK.session(), DataOptions.of(file), features, false, false,
                progress), DataException.class, file).hasMessageContaining("column 'a': " + (marked + 1)
                + " missing values");
        SparkTables.ForScoring scored = SparkTables.readForScoring(SPARK.session(), DataOptions.of(file)
                .withMissing(MissingPolicy.MEAN), features, true, false, progress);
        assertThat(scored.rows().where("__f0 is null").count()).isEqualTo(marked + 1);
        // and describe counts them as missing in a numeric column
        var described = SparkTables.describe(SPARK.session(), labelled(file, "yes"), progress);
        assertThat(described.columns().get(0).type()).isEqualTo("numeric");
        assertThat(described.columns().get(0).missing()).isEqualTo(marked + 1);
        assertThat(described.columns().get(0).max()).isEqualTo(4.0);
        assertThat(described.columns().get(1).missing()).isEqualTo((marked + 1) / 2 + 2);
    }

    /** A label written as a missing-value word is no label, as in memory: it was read as a negative, without a word. */
    @Test
    void aLabelThatIsAMissingValueWordIsNoLabel() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,label", "1,yes", "2,no", "3,?", "4,no", "5, NA ",
                "6,yes");
        assertOneLine(() -> read(labelled(file, "yes")), DataException.class, file)
                .hasMessage(file + ", column 'label': 2 rows have no label");
        // --missing drop leaves them out, as in memory
        SparkTables.Prepared t = read(labelled(file, "yes").withMissing(MissingPolicy.DROP));
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.positives()).isEqualTo(2);
        assertThat(notes).contains("dropped 2 rows with a missing value (--missing drop)");
    }

    /** Numbers are read by the in-memory reader's rule: signs, points, exponents, inf in any case, true and false. */
    @Test
    void numbersAreReadAsTheInMemoryReaderReadsThem() {
        List<String> tokens = List.of("1.", ".5", "-2.5e-3", "+7", " 8 ", "1E+05", "true", "False", "12");
        List<String> lines = new ArrayList<>(List.of("a,label"));
        for (int i = 0; i < tokens.size(); i++) {
            lines.add(tokens.get(i) + "," + (i % 2 == 0 ? "yes" : "no"));
        }
        lines.add("?,no"); // makes the column text to Spark's inference
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), lines.toArray(String[]::new));
        SparkTables.Prepared t = read(labelled(file, "yes").withMissing(MissingPolicy.MEAN));
        assertThat(t.named(t.numeric())).containsExactly("a");
        double[] read = t.rows().select("__f0").collectAsList().stream().filter(r -> !r.isNullAt(0))
                .mapToDouble(r -> r.getDouble(0)).sorted().toArray();
        double[] expected = tokens.stream().mapToDouble(s -> s.equals("true") ? 1 : s.equals("False") ? 0
                : dev.rareclass.domain.data.Decimals.parse(s)).sorted().toArray();
        assertThat(read).containsExactly(expected);
        for (String infinite : List.of("inf", "-Infinity", "+INF")) {
            Path f = SyntheticCsv.lines(dir.resolve("inf.csv"), "a,label", "1,yes", infinite + ",no", "?,no");
            assertOneLine(() -> read(labelled(f, "yes").withMissing(MissingPolicy.MEAN)), DataException.class, f)
                    .as(infinite).hasMessage(f + ", column 'a': '" + infinite + "' is not a finite float32 number "
                            + "(infinities and values beyond 3.4e38 are refused)");
        }
    }

    /**
     * A word among numbers is the in-memory reader's error, naming the column and the value (Spark has no line to
     * give), where Spark read the column as categorical; a column whose first value is a word stays categorical.
     */
    @Test
    void aWordInANumericColumnIsRefusedAndAColumnThatStartsWithAWordIsCategorical() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,b,label", "1.5,x,yes", "?,y,no", "2,z,no", "abc,2,no",
                "3,1,yes");
        assertOneLine(() -> read(labelled(file, "yes").withMissing(MissingPolicy.MEAN)), DataException.class, file)
                .hasMessage(file + ", column 'a': 'abc' is not a number in a numeric column (its first value, '1.5', is "
                        + "one); --drop a, or --categorical a if it holds categories");
        assertOneLine(() -> SparkTables.describe(SPARK.session(), DataOptions.of(file), progress), DataException.class,
                file).hasMessageContaining("'abc' is not a number in a numeric column");
        List<SparkTables.Feature> numericA = List.of(new SparkTables.Feature("a", "__f0", true));
        assertOneLine(() -> SparkTables.readForScoring(SPARK.session(), DataOptions.of(file), numericA, true, false,
                progress), DataException.class, file)
                .hasMessage(file + ", column 'a': 'abc' is not a number, and the model was trained on numbers in it");
        SparkTables.Prepared t = read(labelled(file, "yes").withMissing(MissingPolicy.MEAN).withDropped("a"));
        assertThat(t.named(t.categorical())).containsExactly("b");
        assertThat(notes).contains("column 'b' read as categorical (first value 'x')");
        Path forced = SyntheticCsv.lines(dir.resolve("forced.csv"), "a,label", "1.5,yes", "abc,no", "2,no");
        DataOptions categorical = new DataOptions(forced, Optional.empty(), true, Optional.empty(), Optional.of("label"),
                Optional.of("yes"), List.of(), List.of("a"), List.of(), MissingPolicy.ERROR, 0);
        SparkTables.Prepared c = read(categorical);
        assertThat(c.named(c.categorical())).containsExactly("a");
    }

    /**
     * {@code --max-categories} (default 1,000) holds on Spark as in memory, counted exactly: a column of an ID's values
     * was one-hot encoded into as many columns as rows.
     */
    @Test
    void aCategoricalColumnWithMoreLevelsThanTheCapIsRefused() {
        List<String> lines = new ArrayList<>(List.of("a,colour,label"));
        for (int i = 0; i < 40; i++) {
            lines.add(i + ",c" + i + "," + (i % 4 == 0 ? "yes" : "no"));
        }
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), lines.toArray(String[]::new));
        assertOneLine(() -> SparkTables.read(SPARK.session(), labelled(file, "yes"), 39, progress),
                DataException.class, file)
                .hasMessage(file + ": column 'colour' has 40 distinct values in 40 training rows, more than the 39 "
                        + "categories one-hot encoding takes (--max-categories N raises the limit); every row differs, as "
                        + "in an ID: leave it out with --drop colour");
        assertThat(SparkTables.read(SPARK.session(), labelled(file, "yes"), 40, progress).named(
                List.of("__f1"))).containsExactly("colour");
        assertThat(read(labelled(file, "yes")).size()).isEqualTo(40); // the default cap, 1,000
        // the advice is the in-memory engine's: a column of dates is to be dropped, one of sentences read as text (with
        // the in-memory engine: Spark's reads no words)
        List<String> dated = new ArrayList<>(List.of("a,Close Date,review,label"));
        for (int i = 0; i < 40; i++) {
            dated.add(i + ",2017-04-" + (10 + i) + " 08:00,the film number " + i + " was fine," + (i % 4 == 0 ? "yes" : "no"));
        }
        Path dates = SyntheticCsv.lines(dir.resolve("dates.csv"), dated.toArray(String[]::new));
        assertOneLine(() -> SparkTables.read(SPARK.session(), labelled(dates, "yes"), 39, progress),
                DataException.class, dates)
                .hasMessageEndingWith("it holds dates or times (such as '2017-04-10 08:00'), which a model can only "
                        + "memorise: leave it out with --drop 'Close Date'");
        DataOptions withoutDates = new DataOptions(dates, Optional.empty(), true, Optional.empty(), Optional.of("label"),
                Optional.of("yes"), List.of("Close Date"), List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertOneLine(() -> SparkTables.read(SPARK.session(), withoutDates, 39, progress), DataException.class, dates)
                .hasMessageEndingWith("it looks like free text, which this engine does not read as words: leave it out "
                        + "with --drop review, or read it with --engine local and --text review");
    }

    /**
     * An empty header name is named by its 0-based index as in memory (Spark named it _c1 and logged two five-line
     * warnings), and an index another column already has is refused as in memory.
     */
    @Test
    void anEmptyHeaderNameIsNamedByItsIndex() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,,colour,label", "1,2,red,yes", "3,4,blue,no",
                "5,6,red,no");
        SparkTables.Prepared t = read(labelled(file, "yes"));
        assertThat(t.features()).extracting(SparkTables.Feature::name).containsExactly("a", "1", "colour");
        Path clash = SyntheticCsv.lines(dir.resolve("clash.csv"), "1,,label", "1,2,yes", "3,4,no");
        assertOneLine(() -> read(labelled(clash, "yes")), DataException.class, clash)
                .hasMessage(clash + ", line 1, column '1': column 1 has an empty name, so it is named by its 0-based "
                        + "index, which column 0 is named too; give the empty one a name");
    }

    /**
     * A Spark SQL setting Spark cannot take is the user's {@code --conf} (exit 2), not the file's (exit 65: "Spark
     * could not read it: The value '-1' in the config ...").
     */
    @Test
    void aSqlSettingSparkRefusesIsAUsageErrorNamingConf() {
        for (String value : List.of("-1", "abc")) {
            assertThatThrownBy(() -> SparkProvider.checkSqlSettings(SPARK.session(),
                    java.util.Map.of("spark.sql.shuffle.partitions", value)))
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--conf spark.sql.shuffle.partitions=" + value + ": Spark refuses it: ")
                    .hasMessageNotContaining("\n");
            assertThatThrownBy(() -> Failures.translate("good.csv", () -> {
                SPARK.session().conf().set("spark.sql.shuffle.partitions", value);
                return null;
            })).isInstanceOf(UsageException.class).hasMessageStartingWith("--conf: Spark refuses a setting: ")
                    .hasMessageNotContaining("good.csv");
        }
        assertThat(SPARK.session().conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
    }

    @Test
    void aTrueFalseLabelMatchesThePositiveAsTheFileWritesIt() {
        Path file = SyntheticCsv.lines(dir.resolve("t.csv"), "a,flag,label", "1,False,True", "2,True,False",
                "3,False,False", "4,True,True", "5,False,False");
        SparkTables.Prepared t = read(labelled(file, "True"));
        assertThat(t.positives()).isEqualTo(2);
        assertThat(t.negatives()).isEqualTo(3);
        assertThat(t.mapping().negativeValue()).isEqualTo("False");
        // a feature of true and false is numeric, 1 and 0, as the in-memory reader reads it
        assertThat(t.named(t.numeric())).containsExactly("a", "flag");
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
