package dev.rareclass.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.adapters.format.ReaderTestFiles;
import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A large file is read in parts by several threads ({@link Chunks}): whatever the bytes, the outcome must be the
 * reading in one part's, to the value, the line in a message and the message itself. The parts here are a few dozen
 * bytes, so that small files are cut in many places: inside quoted fields that run over lines, between a CR and its
 * LF's line, at empty lines, before and after bad rows.
 */
class PartsReadingTest extends ReaderTestFiles {

    private static final CsvTableSource ONE_PART = new CsvTableSource(1, Chunks.DEFAULT_SIZE);

    /** The cuts the reader makes in {@code path}'s file, as it plans them: null when it reads it in one part. */
    private static long[] plan(Path path, int size) throws IOException {
        if (!Chunks.eligible(path)) {
            return null;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path)) {
            return Chunks.plan(channel, size);
        }
    }

    /** The outcome of a reading: the table, value by value, or the error's class and message. */
    private static String outcome(CsvTableSource source, DataOptions options) {
        try {
            return fingerprint(source.read(options));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String fingerprint(Table t) {
        StringBuilder out = new StringBuilder("rows " + t.rows() + "\n");
        for (Column c : t.columns()) {
            out.append(c.name()).append(' ').append(c.type()).append(": ");
            switch (c) {
                case NumericColumn n -> out.append(Arrays.toString(n.values()));
                case CategoricalColumn k -> {
                    int[] codes = new int[k.size()];
                    for (int r = 0; r < codes.length; r++) {
                        codes[r] = k.code(r);
                    }
                    out.append(k.levels()).append(Arrays.toString(codes));
                }
                case TextColumn x -> {
                    for (int r = 0; r < x.size(); r++) {
                        out.append('[').append(x.get(r)).append(']');
                    }
                }
            }
            out.append('\n');
        }
        t.labels().ifPresent(l -> out.append("labels ").append(Arrays.toString(l.toArray())).append('\n'));
        return out.append("notes ").append(t.notes()).toString();
    }

    private static DataOptions options(Path file, boolean header, String label) {
        return new DataOptions(file, Optional.empty(), header, Optional.empty(), Optional.of(label), Optional.of("1"),
                List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
    }

    /** Reads {@code file} in one part and in parts of every size given, on 2 and 3 threads: one outcome for all. */
    private static String sameOutcome(DataOptions options, int... sizes) throws IOException {
        String expected = outcome(ONE_PART, options);
        for (int size : sizes) {
            assertThat(plan(options.file(), size)).as("cut in parts of %d bytes", size).isNotNull();
            for (int threads : new int[] {2, 3}) {
                assertThat(outcome(new CsvTableSource(threads, size), options))
                        .as("parts of %d bytes on %d threads", size, threads).isEqualTo(expected);
            }
        }
        return expected;
    }

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of("numbers", rows(300, r -> r + "," + (r * 0.25) + "," + (r % 7 == 0 ? 1 : 0) + "\n")),
                Arguments.of("CR LF line ends", rows(300, r -> r + ",-" + r + ".5," + (r % 5 == 0 ? 1 : 0) + "\r\n")),
                Arguments.of("lone CR line ends among LF", rows(300, r -> r + "," + r + "," + (r % 3 == 0 ? 1 : 0)
                        + (r % 4 == 0 ? "\r" : "\n"))),
                Arguments.of("a bad number late after lone CR and CR LF line ends", rows(300, r -> (r == 280 ? "x" : r) + ","
                        + r + "," + (r % 3 == 0 ? 1 : 0) + (r % 4 == 0 ? "\r" : r % 4 == 1 ? "\r\n" : "\n"))),
                // FastCSV counts a CR inside quotes with a later LF as one line break (found in review): the line of
                // the bad number after such a field, and a row whose quoted last field ends in a CR before a cut
                Arguments.of("a bad number late after a quoted CR then LF", "a,b,y\n1,\"p\rq\nr\",0\n"
                        + rows(300, r -> (r == 280 ? "x" : r) + ",w," + (r % 2) + "\n").substring(6)),
                Arguments.of("a ragged row from a quoted last field ending in CR", "a,y,b\n"
                        + rows(300, r -> r + "," + (r % 2) + (r == 200 ? ",\"p\r\"" : ",w") + "\n").substring(6)),
                // a column name over two lines, long enough that the first cut falls inside the header
                Arguments.of("a quoted column name over lines", "a,\"b" + "x".repeat(40) + "\nname\",y\n"
                        + rows(300, r -> r + "," + r + "," + (r % 2) + "\n").substring(6)),
                Arguments.of("quoted fields over lines", rows(300, r -> r + ",\"x" + r + "\ny\r\nz\"," + (r % 2) + "\n")),
                // cut inside such a field (the last), the part before the cut ends in a record of three fields, and
                // the part after it starts with what reads as another
                Arguments.of("quoted last fields holding rows", "y,a,b\n" + rows(300, r -> (r % 2) + "," + r
                        + ",\"1,1\n2,2,2\"\n").substring(6)),
                Arguments.of("quoted fields with quotes and line ends at their ends",
                        rows(300, r -> r + ",\"a\"\"\n\"," + (r % 2) + "\n")),
                Arguments.of("a quoted header only", "\"a\",\"b\",\"y\"\n" + rows(300, r -> r + "," + r + "," + (r % 2) + "\n")
                        .substring(6)),
                Arguments.of("empty lines", rows(300, r -> r + "," + r + "," + (r % 2) + "\n" + (r % 3 == 0 ? "\n\n" : "")
                        + (r % 11 == 0 ? "\r\n" : ""))),
                Arguments.of("no line end at the end", rows(300, r -> r + "," + r + "," + (r % 2) + "\n").strip()),
                Arguments.of("a byte-order mark", "\uFEFF" + rows(300, r -> r + "," + r + "," + (r % 2) + "\n")),
                Arguments.of("categories and text", rows(300, r -> "c" + (r % 4) + ",\"w " + r + "\"," + (r % 2) + "\n")),
                Arguments.of("a ragged row late", rows(300, r -> r == 250 ? "1,1\n" : r + "," + r + "," + (r % 2) + "\n")),
                Arguments.of("a ragged row early", rows(300, r -> r == 3 ? "1,1,1,1\n" : r + "," + r + "," + (r % 2) + "\n")),
                Arguments.of("a bad number late", rows(300, r -> (r == 280 ? "x1" : r) + "," + r + "," + (r % 2) + "\n")),
                Arguments.of("a missing value late", rows(300, r -> (r == 280 ? "" : r) + "," + r + "," + (r % 2) + "\n")),
                Arguments.of("a NUL late", rows(300, r -> r + "," + (r == 270 ? "1\0" : r) + "," + (r % 2) + "\n")),
                Arguments.of("a Latin-1 category late (invalid UTF-8)", rows(300, r -> r + "," + (r == 260 ? "caf\u00e9" : "tea")
                        + "," + (r % 2) + "\n")),
                Arguments.of("a quote that never closes, late", rows(300, r -> r + "," + (r == 290 ? "\"open" : r) + ","
                        + (r % 2) + "\n")),
                Arguments.of("a quote open in the last field of the last row", rows(300, r -> r + "," + r + ","
                        + (r == 299 ? "\"1 and on" : r % 2) + "\n")),
                Arguments.of("lines longer than a part", rows(40, r -> r + "," + "ab".repeat(75) + "," + (r % 2) + "\n")),
                Arguments.of("a stray quote inside unquoted fields", rows(300, r -> r + ",a\"b" + (r % 3) + "," + (r % 2) + "\n")));
    }

    /** {@code a,b,y} then the rows {@code row(0..n-1)}; a Latin-1 character is written as its one byte. */
    private static String rows(int n, java.util.function.IntFunction<String> row) {
        StringBuilder s = new StringBuilder("a,b,y\n");
        for (int r = 0; r < n; r++) {
            s.append(row.apply(r));
        }
        return s.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void aFileReadInPartsReadsAsInOne(String name, String content) throws IOException {
        Path p = dir.resolve("parts.csv");
        Files.write(p, content.getBytes(name.contains("Latin-1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        String outcome = sameOutcome(options(p, true, "y"), 32, 61, 200, 1000);
        // the corpus means what its names say: valid tables read, broken ones are refused at their line
        if (name.equals("a ragged row late")) {
            assertThat(outcome).contains("line 252: ragged row");
        } else if (name.equals("a NUL late")) {
            assertThat(outcome).contains("line 272: a NUL byte");
        } else if (name.equals("a bad number late")) {
            assertThat(outcome).contains("line 282, column 'a'");
        } else if (name.startsWith("a ") && !name.startsWith("a quoted") && !name.startsWith("a byte-order")
                && !name.startsWith("a stray")) {
            assertThat(outcome).startsWith("DataException");
        } else {
            assertThat(outcome).startsWith("rows ");
        }
    }

    /** Without a header the first row is data: the parts' rows follow it, lines counted from the file's start. */
    @Test
    void withoutAHeaderTheRowsAndLinesAreTheSame() throws IOException {
        Path p = write("headless.csv", rows(300, r -> r + "," + r + "," + (r % 2) + (r == 299 ? "" : "\n")).substring(6));
        assertThat(sameOutcome(options(p, false, "2"), 32, 333)).startsWith("rows 300");
        Path bad = write("headless-bad.csv", rows(300, r -> (r == 200 ? "1,2" : r + "," + r + "," + (r % 2)) + "\n")
                .substring(6));
        assertThat(sameOutcome(options(bad, false, "2"), 32, 333)).contains("line 201: ragged row");
    }

    /**
     * Random bytes of a small alphabet of the characters that matter to a CSV reader (delimiters, quotes, line ends,
     * white space, digits, a letter), under a valid header: every file reads (or fails) in parts as in one.
     */
    @Test
    void randomFilesReadInPartsAsInOne() throws IOException {
        char[] alphabet = {'0', '1', '2', '.', '-', ',', ',', ',', '"', '\n', '\n', '\n', '\r', ' ', 'a', 'e'};
        SplittableRandom random = new SplittableRandom(20261206);
        List<String> refused = new ArrayList<>();
        int read = 0;
        for (int file = 0; file < 300; file++) {
            StringBuilder s = new StringBuilder("a,b,y\n");
            int length = 200 + random.nextInt(1200);
            int noise = file % 3 == 0 ? 0 : 4 + random.nextInt(200); // a third well-formed, the others with random bytes
            for (int i = 0; i < length; i++) {
                if (noise > 0 && random.nextInt(noise) == 0) {
                    s.append(alphabet[random.nextInt(alphabet.length)]);
                } else {
                    s.append(random.nextInt(10)).append(',').append(random.nextInt(3)).append(',')
                            .append(random.nextInt(2)).append('\n');
                }
            }
            Path p = write("random-" + file + ".csv", s.toString());
            String outcome = sameOutcome(options(p, true, "y"), 16 + random.nextInt(48), 100 + random.nextInt(400));
            if (outcome.startsWith("rows ")) {
                read++;
            } else {
                refused.add(outcome);
            }
        }
        // both kinds are in the corpus, and no refusal is an internal error
        assertThat(read).isGreaterThanOrEqualTo(100);
        assertThat(refused).isNotEmpty().allMatch(o -> o.startsWith("DataException"));
    }

    /** Not cut: standard input, compressed files, UTF-16 text, and files under two parts. */
    @Test
    void whatIsNotCutInParts() throws IOException {
        String table = rows(300, r -> r + "," + r + "," + (r % 2) + "\n");
        assertThat(plan(write("small.csv", table), table.length())).isNull();
        assertThat(plan(write("big.csv", table), table.length() / 2 - 10)).hasSizeGreaterThan(2);
        Path gz = dir.resolve("t.csv.gz");
        Files.write(gz, table.getBytes(StandardCharsets.UTF_8)); // the name alone decides
        assertThat(plan(gz, 32)).isNull();
        Path u16 = dir.resolve("u16.csv");
        Files.write(u16, table.getBytes(StandardCharsets.UTF_16));
        assertThat(plan(u16, 32)).isNull();
        assertThat(plan(Path.of("-"), 32)).isNull();
        // a file without a line feed after its first part has nothing to cut at
        assertThat(plan(write("cr.csv", table.replace('\n', '\r')), 32)).isNull();
    }
}
