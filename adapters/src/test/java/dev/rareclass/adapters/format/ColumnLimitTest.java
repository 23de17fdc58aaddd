package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.DataException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader takes a table of up to {@link ColumnLimit#MAX_COLUMNS} columns and refuses a wider one in the same
 * words, naming the file and line. Before, CSV stopped at 16,384 fields ("a record of more than 16,384 fields"), ARFF
 * took any number of attributes, and LibSVM stopped at feature 100,000 in words of its own.
 */
class ColumnLimitTest {

    @TempDir
    Path dir;

    private final FormatTableSource source = new FormatTableSource();

    private static final String WORDS = "more than 100,000 columns, the most a table may have (each is held densely; "
            + "for word counts, use a text column or --format text, which keep them sparse)";

    /** A header of {@code columns} names, the last one {@code y}, and two rows, in {@code delimiter}-separated text. */
    private Path delimited(String name, int columns, char delimiter) throws IOException {
        Path p = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            for (int c = 0; c < columns - 1; c++) {
                w.write("f" + c + delimiter);
            }
            w.write("y\n");
            for (int r = 0; r < 2; r++) {
                w.write(String.valueOf(delimiter).repeat(columns - 1).replace(String.valueOf(delimiter), "1" + delimiter));
                w.write(r + "\n");
            }
        }
        return p;
    }

    /** An ARFF file of {@code columns} numeric attributes, the last one {@code y} of {0, 1}, and two rows. */
    private Path arff(int columns) throws IOException {
        Path p = dir.resolve("wide" + columns + ".arff");
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("@relation wide\n");
            for (int c = 0; c < columns - 1; c++) {
                w.write("@attribute f" + c + " numeric\n");
            }
            w.write("@attribute y {0,1}\n@data\n");
            for (int r = 0; r < 2; r++) {
                w.write("1,".repeat(columns - 1) + r + "\n");
            }
        }
        return p;
    }

    private static DataOptions labelled(Path p, String format) {
        return new DataOptions(p, Optional.ofNullable(format), true, Optional.empty(), Optional.of("y"),
                Optional.of("1"), java.util.List.of(), java.util.List.of(), java.util.List.of(),
                dev.rareclass.domain.preprocess.MissingPolicy.ERROR, 0);
    }

    @Test
    void everyReaderRefusesOneColumnMoreInTheSameWords() throws IOException {
        int over = ColumnLimit.MAX_COLUMNS + 1;
        Path csv = delimited("wide.csv", over, ',');
        Path tsv = delimited("wide.tsv", over, '\t');
        Path arff = arff(over);
        // line 100,002: the attribute one past the limit, after the @relation line
        assertThatThrownBy(() -> source.read(labelled(arff, null))).isInstanceOf(DataException.class)
                .hasMessage(arff + ", line 100002: " + WORDS);
        assertThatThrownBy(() -> source.read(labelled(csv, null))).isInstanceOf(DataException.class)
                .hasMessage(csv + ", line 1: " + WORDS);
        assertThatThrownBy(() -> source.read(labelled(tsv, null))).isInstanceOf(DataException.class)
                .hasMessage(tsv + ", line 1: " + WORDS);
        assertThatThrownBy(() -> source.read(labelled(tsv, "tab"))).isInstanceOf(DataException.class)
                .hasMessage(tsv + ", line 1: " + WORDS);
        Path svm = Files.writeString(dir.resolve("wide.libsvm"), "1 1:0.5\n0 100001:1\n");
        assertThatThrownBy(() -> source.read(DataOptions.labelled(svm, "label", "1"))).isInstanceOf(DataException.class)
                .hasMessage(svm + ", line 2: " + WORDS);
    }

    @Test
    void anArffFileAtTheLimitIsRead() throws IOException {
        assertThat(source.read(labelled(arff(ColumnLimit.MAX_COLUMNS), null)).columns())
                .hasSize(ColumnLimit.MAX_COLUMNS - 1);
    }
}
