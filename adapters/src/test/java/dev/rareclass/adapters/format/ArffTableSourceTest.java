package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

class ArffTableSourceTest extends ReaderTestFiles {

    private final FormatTableSource source = new FormatTableSource();

    private static final String WEATHER = """
            % the classic Weka example
            @RELATION weather

            @ATTRIBUTE outlook {sunny, overcast, 'light rain'}
            @attribute temperature NUMERIC
            @Attribute "relative humidity" real
            @attribute windy {TRUE, FALSE}
            @attribute note string
            @attribute seen date "yyyy-MM-dd HH:mm:ss"
            @attribute day date yyyy-MM-dd
            @attribute play {yes, no}

            @DATA
            sunny, 85, 85, FALSE, 'it\\'s hot', "2024-01-02 03:04:05", 2024-01-02, no
            % a comment between rows
            overcast,83,86,FALSE,"plain",?,1970-01-02,yes
            'light rain', 70, ?, TRUE, ?, "1970-01-01 00:01:00", ?, yes
            """;

    @Test
    void readsEveryAttributeKindWithDeclaredLevelsQuotesCommentsAndMissingValues() throws IOException {
        Path p = write("weather.arff", WEATHER);
        DataOptions o = DataOptions.labelled(p, "play", "no").withMissing(MissingPolicy.MEAN);
        Table t = source.read(o);
        assertThat(t.featureNames()).containsExactly("outlook", "temperature", "relative humidity", "windy", "note",
                "seen", "day");
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0, 0);
        CategoricalColumn outlook = (CategoricalColumn) t.columns().get(0);
        assertThat(outlook.levels()).containsExactly("sunny", "overcast", "light rain");
        assertThat(outlook.value(2)).isEqualTo("light rain");
        assertThat(((NumericColumn) t.columns().get(1)).values()).containsExactly(85f, 83f, 70f);
        assertThat(((NumericColumn) t.columns().get(2)).get(2)).isNaN();
        CategoricalColumn windy = (CategoricalColumn) t.columns().get(3);
        assertThat(windy.levels()).containsExactly("TRUE", "FALSE");
        TextColumn note = (TextColumn) t.columns().get(4);
        assertThat(note.get(0)).isEqualTo("it's hot");
        assertThat(note.get(2)).isNull();
        NumericColumn seen = (NumericColumn) t.columns().get(5);
        assertThat(seen.get(0)).isEqualTo((float) 1704164645L);
        assertThat(seen.get(1)).isNaN();
        assertThat(seen.get(2)).isEqualTo(60f);
        assertThat(((NumericColumn) t.columns().get(6)).get(1)).isEqualTo(86400f);
        assertThat(t.notes()).anyMatch(n -> n.contains("'seen' read as seconds since 1970"));
    }

    /**
     * A date pattern that leaves fields out reads them as Weka's SimpleDateFormat does (1970, January, the first,
     * midnight, a morning hour without am/pm): such files were refused as "not a date". Values worked out with
     * {@code date -u -d ... +%s}.
     */
    @Test
    void aDatePatternWithoutEveryFieldTakesWekasDefaultsForTheRest() throws IOException {
        String[][] cases = {
            {"yyyy", "2020", "1577836800"}, // 2020-01-01T00:00Z
            {"yyyy-MM", "2020-03", "1583020800"}, // 2020-03-01T00:00Z
            {"uuuu-MM", "2020-03", "1583020800"},
            {"HH:mm", "12:30", "45000"}, // 1970-01-01T12:30Z
            {"hh:mm a", "02:30 PM", "52200"}, // 14:30
            {"hh:mm", "12:15", "900"}, // 12 o'clock without am/pm: the morning's, 00:15
            {"hh:mm", "02:30", "9000"}, // 02:30
            {"MM-dd", "02-03", "2851200"}, // 1970-02-03
            {"yyyy-MM-dd HH:mm:ss", "2024-01-02 03:04:05", "1704164645"},
            {"yyyy-MM-dd HH:mm XXX", "2024-01-02 03:04 +01:00", "1704161040"}, // 02:04Z
            {"yyyy-MM-dd HH:mm VV", "2024-07-01 12:00 Europe/Paris", "1719828000"}, // 10:00Z, summer time
        };
        for (String[] k : cases) {
            Path p = write("d.arff", "@relation d\n@attribute t date \"" + k[0] + "\"\n@attribute y {0,1}\n@data\n\""
                    + k[1] + "\",1\n?,0\n");
            Table t = source.read(DataOptions.labelled(p, "y", "1").withMissing(MissingPolicy.DROP));
            assertThat(((NumericColumn) t.columns().get(0)).get(0)).as(k[0]).isEqualTo((float) Long.parseLong(k[2]));
        }
        Path wrong = write("w.arff", "@relation d\n@attribute t date \"yyyy-MM\"\n@attribute y {0,1}\n@data\n2020-13,1\n");
        assertThatThrownBy(() -> source.read(DataOptions.labelled(wrong, "y", "1"))).isInstanceOf(DataException.class)
                .hasMessageContaining("'2020-13' is not a date in the format 'yyyy-MM'");
    }

    @Test
    void missingValuesAreRefusedWithTheirLineByDefaultAndDroppedOnRequest() throws IOException {
        Path p = write("weather.arff", WEATHER);
        assertThatThrownBy(() -> source.read(DataOptions.labelled(p, "play", "no")))
                .isInstanceOf(DataException.class)
                .hasMessage(p + ", line 16, column 'seen': missing value; use --missing drop, mean, median or "
                        + "most-frequent, or --drop the column");
        Table t = source.read(DataOptions.labelled(p, "play", "no").withMissing(MissingPolicy.DROP));
        assertThat(t.rows()).isEqualTo(1);
        assertThat(t.rowNumbers()).containsExactly(1);
    }

    @Test
    void theLabelMayBeGivenByIndexAndNumericColumnsReadAsCategorical() throws IOException {
        Path p = write("n.arff", """
                @relation n
                @attribute code integer
                @attribute x numeric
                @attribute class {0,1}
                @data
                3,1.5,0
                4,2.5,1
                3,0.5,0
                """);
        Table t = source.read(DataOptions.labelled(p, "2", "1").withCategorical(List.of("code")));
        assertThat(t.featureNames()).containsExactly("code", "x");
        CategoricalColumn code = (CategoricalColumn) t.columns().get(0);
        assertThat(code.levels()).containsExactly("3", "4");
        assertThat(t.requireLabels().toArray()).containsExactly(0, 1, 0);
        assertThat(t.labelMapping().orElseThrow().column()).isEqualTo("class");
    }

    @Test
    void sparseRowsLeaveUnlistedNumbersZeroAndNominalsAtTheirFirstValue() throws IOException {
        Path p = write("s.arff.gz", "");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("""
                    @relation sparse
                    @attribute a numeric
                    @attribute b numeric
                    @attribute c {x,y}
                    @attribute label {neg,pos}
                    @data
                    {1 2.5, 3 pos}
                    {0 1, 2 y}
                    { }
                    {0 ?, 3 pos}
                    """.getBytes(StandardCharsets.UTF_8));
        }
        Table t = source.read(DataOptions.labelled(p, "label", "pos").withMissing(MissingPolicy.MEDIAN));
        assertThat(((NumericColumn) t.columns().get(0)).values()).containsExactly(0f, 1f, 0f, Float.NaN);
        assertThat(((NumericColumn) t.columns().get(1)).values()).containsExactly(2.5f, 0f, 0f, 0f);
        assertThat(((CategoricalColumn) t.columns().get(2)).value(1)).isEqualTo("y");
        assertThat(((CategoricalColumn) t.columns().get(2)).value(0)).isEqualTo("x");
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0, 0, 1);
    }

    @Test
    void instanceWeightsAreIgnoredWithANote() throws IOException {
        Path p = write("w.arff", "@relation w\n@attribute x numeric\n@attribute y {a,b}\n@data\n1,a,{2}\n2,b\n");
        Table t = source.read(DataOptions.labelled(p, "y", "b"));
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.notes()).contains("1 instance weights ignored");
    }

    @Test
    void crlfLineEndsAndDoubleQuotedEscapesAreRead() throws IOException {
        Path p = write("q.arff", "@relation 'a b'\r\n@attribute \"x y\" string\r\n@attribute c {\"p,q\",r}\r\n@data\r\n"
                + "\"say \\\"hi\\\", ok\",\"p,q\"\r\n'tab\\there',r\r\n");
        Table t = source.read(DataOptions.labelled(p, "c", "p,q"));
        TextColumn x = (TextColumn) t.columns().get(0);
        assertThat(x.name()).isEqualTo("x y");
        assertThat(x.get(0)).isEqualTo("say \"hi\", ok");
        assertThat(x.get(1)).isEqualTo("tab\there");
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
            Arguments.of("too few values", "@data\n1,a\n2", "line 6: only 1 values where the header declares 2 attributes"),
            Arguments.of("too many values", "@data\n1,a,3", "line 5: more values than the header declares"),
            Arguments.of("undeclared nominal", "@data\n1,c", "line 5, column 'y': 'c' is not one of the declared values {a, b}"),
            Arguments.of("not a number", "@data\nabc,a", "line 5, column 'x': 'abc' is not a number"),
            Arguments.of("unterminated quote", "@data\n1,'a", "line 5: unterminated quote"),
            Arguments.of("sparse out of order", "@data\n{1 a, 0 2}", "line 5: sparse indices must increase (0 after 1)"),
            Arguments.of("sparse out of range", "@data\n{5 1}", "line 5: sparse index 5 outside 0..1"),
            Arguments.of("sparse unclosed", "@data\n{0 1, 1 a", "line 5: unclosed '{' in a sparse row"),
            Arguments.of("unknown type", "@attribute z blob\n@data\n1,a", "line 4: unknown attribute type 'blob' for 'z'"),
            Arguments.of("duplicate attribute", "@attribute x real\n@data\n", "line 4, column 'x': duplicate attribute name"),
            Arguments.of("unknown keyword", "@datum\n", "line 4: unknown keyword '@datum'"),
            Arguments.of("no data section", "% nothing\n", "no @data section"),
            Arguments.of("header only", "@data\n% no rows\n", "no data rows"),
            Arguments.of("relational", "@attribute r relational\n", "line 4: relational attributes are not supported"),
            Arguments.of("infinity", "@data\n1e39,a", "line 5, column 'x': '1e39' is not a finite float32 number"),
            // a NUL was trimmed with the blanks by the number parser: 3\0 read as 3, without a word
            Arguments.of("a NUL after a value", "@data\n1,a\n3\0,b", "line 6: a NUL byte; this is not a text file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsReportedWithItsLine(String name, String tail, String message) throws IOException {
        Path p = write("bad.arff", "@relation bad\n@attribute x numeric\n@attribute y {a,b}\n" + tail);
        assertDataError(p, () -> source.read(DataOptions.labelled(p, "y", "a")), message);
    }

    @Test
    void aTextFileIsNotMistakenForArff() throws IOException {
        Path p = write("x.arff", "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> source.read(DataOptions.labelled(p, "c", "3")))
                .isInstanceOf(DataException.class).hasMessage(p + ", line 1: expected @relation, @attribute or @data, found 'a,b,c'");
    }

    @Test
    void scoresAreOnlyReadFromDelimitedFiles() throws IOException {
        Path p = write("weather.arff", WEATHER);
        assertThatThrownBy(() -> source.readScores(DataOptions.labelled(p, "play", "no"), "temperature"))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void aLongNominalDeclarationIsReadInOnePass() throws IOException {
        // 200,000 declared values (a 2 MB header line): each was looked up in the values before it, 2 * 10^10
        // string comparisons, and describe ran for minutes before its first row; now each is one hash lookup
        int n = 200_000;
        StringBuilder arff = new StringBuilder("@relation wide\n@attribute id {");
        for (int i = 0; i < n; i++) {
            arff.append(i == 0 ? "" : ",").append("v").append(i);
        }
        arff.append("}\n@attribute y {a,b}\n@data\nv199999,a\nv0,b\n");
        Path p = write("wide.arff", arff.toString());
        Table t = source.read(DataOptions.labelled(p, "y", "a"));
        CategoricalColumn id = (CategoricalColumn) t.columns().get(0);
        assertThat(id.levels()).hasSize(n).startsWith("v0", "v1").endsWith("v199999");
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0);
    }
}
