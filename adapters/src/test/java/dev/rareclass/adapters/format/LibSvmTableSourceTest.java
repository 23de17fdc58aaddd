package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LibSvmTableSourceTest extends ReaderTestFiles {

    private final FormatTableSource source = new FormatTableSource();

    private static DataOptions positive(Path p, String positive) {
        return new DataOptions(p, Optional.empty(), true, Optional.empty(), Optional.empty(), Optional.of(positive),
                List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
    }

    /** Issue 21: 40 bytes naming feature 1,048,576 took 20 s and 1.7 GB to describe; now refused at once. */
    @Test
    void aFeatureIndexBeyondWhatIsHeldDenselyIsRefusedWithTheWayOut() throws IOException {
        Path p = write("wide.svm", "1 1:0.5 1048576:1\n0 2:0.3\n1 3:1\n0 1:0.1\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.read(positive(p, "1")))
                .isInstanceOf(dev.rareclass.domain.error.DataException.class)
                .hasMessageContaining("line 1").hasMessageContaining("more than 100,000 columns")
                .hasMessageContaining("--format text");
        Path ok = write("ok.svm", "1 1:0.5 100000:1\n0 2:0.3\n");
        assertThat(source.read(positive(ok, "1")).featureNames()).hasSize(100_000);
    }

    @Test
    void readsSparseRowsIntoDenseColumnsWithTheImplicitLabel() throws IOException {
        Path p = write("a.svm", "+1 1:0.5 3:2\n-1 2:1e-1 # a comment\n\n# only a comment\n+1 qid:3 3:-4\n");
        Table t = source.read(positive(p, "1"));
        assertThat(t.featureNames()).containsExactly("f1", "f2", "f3");
        assertThat(t.numericMatrix().data()).containsExactly(0.5f, 0f, 2f, 0f, 0.1f, 0f, 0f, 0f, -4f);
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0, 1);
        assertThat(t.labelMapping().orElseThrow().column()).isEqualTo("label");
        assertThat(t.notes()).contains("qid: tokens ignored");
    }

    @Test
    void theLabelMayBeNamedOrGivenAsIndexZeroAndFeaturesDroppedByName() throws IOException {
        Path p = write("a.libsvm", "0 1:1 2:2\n1 1:3 2:4\n");
        Table byName = source.read(DataOptions.labelled(p, "label", "1"));
        Table byIndex = source.read(DataOptions.labelled(p, "0", "1"));
        assertThat(byIndex.requireLabels().toArray()).containsExactly(byName.requireLabels().toArray());
        DataOptions drop = new DataOptions(p, Optional.empty(), true, Optional.empty(), Optional.of("label"),
                Optional.of("1"), List.of("f1"), List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertThat(source.read(drop).featureNames()).containsExactly("f2");
        assertThatThrownBy(() -> source.read(DataOptions.labelled(p, "y", "1")))
                .isInstanceOf(DataException.class).hasMessageContaining("label column 'y' not found");
    }

    @Test
    void withoutAPositiveValueTheTableIsUnlabelledForPredictionAndRefusedForTraining() throws IOException {
        Path p = write("a.svmlight", "0 1:1\n1 2:4\n");
        DataOptions none = new DataOptions(p, Optional.empty(), true, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        Table t = source.readOptionallyLabelled(none);
        assertThat(t.labels()).isEmpty();
        assertThat(t.featureNames()).containsExactly("f1", "f2");
        assertThatThrownBy(() -> source.read(none)).isInstanceOf(UsageException.class).hasMessageContaining("--positive");
    }

    @Test
    void anExplicitFormatOverridesTheFileName() throws IOException {
        Path p = write("data.txt", "1 1:1\n0 1:2\n");
        DataOptions o = new DataOptions(p, Optional.of("libsvm"), true, Optional.empty(), Optional.empty(),
                Optional.of("1"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertThat(source.read(o).rows()).isEqualTo(2);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("non-increasing", "1 1:1\n0 3:1 2:5\n", "line 2, column 'f2': feature indices must increase (2 after 3)"),
                Arguments.of("repeated", "1 2:1 2:1\n", "line 1, column 'f2': feature indices must increase (2 after 2)"),
                Arguments.of("zero index", "1 0:1\n", "line 1: '0:1': feature indices start at 1"),
                Arguments.of("no colon", "1 1:1\n0 5\n", "line 2: '5' is not INDEX:VALUE"),
                Arguments.of("bad index", "1 x:1\n", "line 1: 'x:1': 'x' is not a feature index"),
                Arguments.of("bad value", "1 1:abc\n", "line 1, column 'f1': 'abc' is not a number"),
                Arguments.of("no label", "1:2 3:4\n", "line 1: the line starts with '1:2' where the label should be"),
                Arguments.of("empty", "# nothing\n", "the file has no data rows"),
                // a label that is no number was a negative row under --positive 1; scikit-learn refuses the file
                Arguments.of("label not a number", "1 1:1\nyes 1:2\n", "line 2, column 'label': 'yes' is not a number"),
                Arguments.of("multi-label", "1 1:1\n1,2 1:2\n", "line 2, column 'label': '1,2' is not a number"),
                Arguments.of("label inf", "1 1:1\ninf 1:2\n", "line 2, column 'label': 'inf' is not a number"),
                Arguments.of("positive absent", "0 1:1\n", "positive value '1' never occurs in label column 'label'"),
                // a NUL was trimmed with the blanks by the number parser: 3\0 read as 3, without a word
                Arguments.of("a NUL after a value", "1 1:1\n0 1:3\0\n", "line 2: a NUL byte; this is not a text file"),
                Arguments.of("a NUL after lone CRs", "1 1:1\r0 1:2\r\n0 1:3\r\0", "line 4: a NUL byte; this is not a text file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsReportedWithItsLine(String name, String content, String message) throws IOException {
        Path p = write("bad.libsvm", content);
        assertDataError(p, () -> source.read(positive(p, "1")), message);
    }

    @Test
    void utf16TextIsRefusedAsNotUtf8RatherThanAsAGarbledIndex() throws IOException {
        // was: "line 1: '?1?:?1?': '?1?' is not a feature index"
        Path p = dir.resolve("wide.libsvm");
        Files.write(p, "1 1:1\n0 1:2\n".getBytes(StandardCharsets.UTF_16));
        assertDataError(p, () -> source.read(positive(p, "1")),
                "line 1: a NUL byte; this is not a text file (binary data, or UTF-16 or UTF-32 text: save it as UTF-8)");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"libsvm", "arff"})
    void endlessBinaryDataIsRefusedAtItsFirstByteNotReadIntoTheHeap(String format) {
        // /dev/zero given as LibSVM or ARFF was read line by line, or whole, until the heap ran out (exit 70)
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "a Unix /dev/zero");
        DataOptions o = new DataOptions(zero, Optional.of(format), true, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertDataError(zero, () -> source.readOptionallyLabelled(o),
                "line 1: a NUL byte; this is not a text file");
    }
}
