package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTableSourceTest {

    @TempDir
    Path dir;

    private final FormatTableSource source = new FormatTableSource();

    private static DataOptions format(Path p, String format, String label, String positive) {
        return new DataOptions(p, Optional.ofNullable(format), format == null || !format.equals("tab"), Optional.empty(),
                Optional.ofNullable(label), Optional.ofNullable(positive), List.of(), List.of(), List.of(),
                MissingPolicy.ERROR, 0);
    }

    @ParameterizedTest
    @CsvSource({
        "a.csv, csv", "a.csv.gz, csv", "a.data, csv", "a.tsv, tsv", "a.tab.gz, tsv", "a.arff, arff",
        "a.ARFF.gz, arff", "a.libsvm, libsvm", "a.svm.gz, libsvm", "a.svmlight, libsvm", "a.tar.gz, text", "a.tgz, text",
    })
    void theFormatComesFromTheFileName(String name, String expected) {
        assertThat(source.fromName(Path.of(name))).isEqualTo(expected);
    }

    @Test
    void anUnknownFormatIsAUsageErrorListingTheKnownOnes() throws IOException {
        Path p = Files.writeString(dir.resolve("a.csv"), "x,y\n1,1\n");
        assertThatThrownBy(() -> source.read(format(p, "parquet", "y", "1")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown --format 'parquet'; known: arff, csv, libsvm, tab, text, tsv");
    }

    @Test
    void aTruncatedGzipIsADataErrorForEveryFormat() throws IOException {
        String arff = "@relation r\n@attribute x numeric\n@attribute y {a,b}\n@data\n";
        for (String name : List.of("t.arff.gz", "t.libsvm.gz", "t.csv.gz")) {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(gz)) {
                out.write((name.startsWith("t.arff") ? arff : name.startsWith("t.csv") ? "x,y\n" : "")
                        .getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 5000; i++) {
                    String y = i % 2 == 0 ? "a" : "b";
                    out.write((name.startsWith("t.libsvm") ? i % 2 + " 1:" + i + "\n" : i + "," + y + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            Path p = Files.write(dir.resolve(name), Arrays.copyOf(gz.toByteArray(), gz.size() - 20));
            boolean libsvm = name.startsWith("t.libsvm"); // whose labels are numbers
            assertThatThrownBy(() -> source.read(format(p, null, libsvm ? "label" : "y", libsvm ? "0" : "a")))
                    .as(name).isInstanceOf(DataException.class).hasMessageContaining("truncated or corrupt gzip");
        }
    }

    @Test
    void tabFormatReadsStrayQuotesLiterallyWhereTsvWouldMergeRows() throws IOException {
        Path p = Files.writeString(dir.resolve("s.txt"), "He said \"great  \t1\nnot \"bad\" at all\t0\nok\t1\n");
        DataOptions tab = new DataOptions(p, Optional.of("tab"), false, Optional.empty(), Optional.of("1"),
                Optional.of("1"), List.of(), List.of(), List.of("0"), MissingPolicy.ERROR, 0);
        Table t = source.read(tab);
        assertThat(t.rows()).isEqualTo(3);
        assertThat(((TextColumn) t.columns().get(0)).get(1)).isEqualTo("not \"bad\" at all");
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0, 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"' csv '|x,y", "'TSV '|x\ty", "' Tab'|x\ty"})
    void aDelimitedFormatIsReadWithCaseAndSpacesAsideAsTheOtherFormatsAre(String format, String header) throws IOException {
        // ' csv ' picked the CSV reader (FormatTableSource trims), which then refused it: "unknown --format ' csv ';
        // known: csv, tsv, tab", a list leaving out arff, libsvm and text
        String sep = header.substring(1, 2);
        Path p = Files.writeString(dir.resolve("t.txt"), header + "\n1" + sep + "1\n2" + sep + "0\n");
        DataOptions o = new DataOptions(p, Optional.of(format), true, Optional.empty(), Optional.of("y"),
                Optional.of("1"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        Table t = source.read(o);
        assertThat(t.featureNames()).containsExactly("x");
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0);
    }

    @Test
    void aRaggedRowReadWithASpacedTsvFormatGetsTheStrayQuoteHintAsTsvDoes() throws IOException {
        // the hints for a ragged row compared the format untrimmed: ' TSV ' was read TAB-separated but lost its hint
        Path p = Files.writeString(dir.resolve("r.txt"), "x\ty\n1\t1\n2\t0\t9\n");
        DataOptions o = new DataOptions(p, Optional.of(" TSV "), true, Optional.empty(), Optional.of("y"),
                Optional.of("1"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertThatThrownBy(() -> source.read(o)).isInstanceOf(DataException.class).hasMessageContaining("line 3")
                .hasMessageContaining("read with --format tab, which has no quoting");
    }
}
