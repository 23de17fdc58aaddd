package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.adapters.csv.CsvTableSource;
import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TableWithColumn;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every format gets the data options from the one shared step, so the same table reads the same. */
class DataOptionsStepTest extends ReaderTestFiles {

    /** A format of the simplest kind: one row a line, fields separated by ';', the first line the names. */
    static final class SemicolonRows extends ParsedTableSource {
        SemicolonRows() {
            super("semicolon rows", Optional.empty());
        }

        @Override
        protected RawTable parse(DataOptions options, TextRows.Start start) {
            List<String> lines;
            try {
                lines = Files.readAllLines(options.file());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            TextRows rows = start.columns(Arrays.asList(lines.getFirst().split(";", -1)));
            for (int i = 1; i < lines.size(); i++) {
                String[] fields = lines.get(i).split(";", -1);
                if (!rows.row(i + 1, c -> fields[c])) {
                    break;
                }
            }
            return rows.table(List.of());
        }
    }

    // t: time, a: a number (one missing), s: a category, w: a word, y: the label (one missing)
    private static final String[][] ROWS = {
        {"0", "1.5", "red", "x", "no"},
        {"1", "?", "blue", "y", "no"},
        {"2", "2.5", "red", "z", "no"},
        {"3", "3.5", "blue", "w", "yes"},
        {"4", "4.5", "red", "v", "?"},
        {"5", "5.5", "red", "u", "no"},
        {"6", "6.5", "blue", "u", "yes"},
    };

    private Path csv() throws IOException {
        StringBuilder sb = new StringBuilder("t,a,s,w,y\n");
        for (String[] r : ROWS) {
            sb.append(String.join(",", r)).append('\n');
        }
        return write("t.csv", sb.toString());
    }

    private Path semicolons() throws IOException {
        StringBuilder sb = new StringBuilder("t;a;s;w;y\n");
        for (String[] r : ROWS) {
            sb.append(String.join(";", r)).append('\n');
        }
        return write("t.semi", sb.toString());
    }

    private Path arff() throws IOException {
        StringBuilder sb = new StringBuilder("""
                @relation t
                @attribute t numeric
                @attribute a numeric
                @attribute s {red,blue}
                @attribute w string
                @attribute y {no,yes}
                @data
                """);
        for (String[] r : ROWS) {
            sb.append(String.join(",", r)).append('\n');
        }
        return write("t.arff", sb.toString());
    }

    private static DataOptions options(Path p, String label, List<String> drop, List<String> categorical,
                                       List<String> text, MissingPolicy missing, int shift) {
        return new DataOptions(p, Optional.empty(), true, Optional.empty(), Optional.of(label), Optional.of("yes"), drop,
                categorical, text, missing, shift);
    }

    /** Something to check with a reader on the same table in its format. */
    private interface Check {
        void with(TableSource reader, Path file) throws IOException;
    }

    private void inEveryFormat(Check check) throws IOException {
        check.with(new CsvTableSource(), csv());
        check.with(new SemicolonRows(), semicolons());
        check.with(new FormatTableSource(), arff());
    }

    @Test
    void theSameTableReadsTheSameInEveryFormat() throws IOException {
        inEveryFormat((reader, file) -> {
            String what = file.getFileName().toString();

            Table t = reader.read(options(file, "y", List.of("t"), List.of(), List.of("w"), MissingPolicy.DROP, 0));
            assertThat(t.featureNames()).as(what).containsExactly("a", "s", "w");
            assertThat(t.rowNumbers()).as(what).containsExactly(1, 3, 4, 6, 7);
            assertThat(t.requireLabels().toArray()).as(what).containsExactly(0, 0, 1, 0, 1);
            assertThat(t.labelMapping().orElseThrow().negativeValue()).as(what).isEqualTo("no");
            assertThat(((NumericColumn) t.columns().get(0)).values()).as(what).containsExactly(1.5f, 2.5f, 3.5f, 5.5f, 6.5f);
            assertThat(((CategoricalColumn) t.columns().get(1)).value(2)).as(what).isEqualTo("blue");
            assertThat(((TextColumn) t.columns().get(2)).get(4)).as(what).isEqualTo("u");
            assertThat(t.notes()).as(what).contains("2 rows with missing values dropped (--missing drop)");

            // by index, with --categorical and --shift-labels 1
            Table s = reader.read(options(file, "4", List.of("w"), List.of("t"), List.of(), MissingPolicy.DROP, 1));
            assertThat(s.featureNames()).as(what).containsExactly("t", "a", "s");
            assertThat(s.columns().getFirst()).as(what).isInstanceOf(CategoricalColumn.class);
            assertThat(s.requireLabels().toArray()).as(what).containsExactly(0, 1, 1);
            assertThat(s.rowNumbers()).as(what).containsExactly(1, 3, 6);

            // the imputing policies keep the missing value but refuse a missing label
            assertThatThrownBy(() -> reader.read(options(file, "y", List.of(), List.of(), List.of("w"), MissingPolicy.MEAN, 0)))
                    .as(what).isInstanceOf(DataException.class)
                    .hasMessage(file + ", line " + (what.endsWith(".arff") ? 12 : 6) + ", column 'y': missing label; "
                            + "fix the row or use --missing drop");
            // --missing error names the first missing value
            assertThatThrownBy(() -> reader.read(options(file, "y", List.of(), List.of(), List.of("w"), MissingPolicy.ERROR, 0)))
                    .as(what).isInstanceOf(DataException.class)
                    .hasMessageStartingWith(file + ", line " + (what.endsWith(".arff") ? 9 : 3) + ", column 'a': missing value");
        });
    }

    @Test
    void optionErrorsAreTheSameInEveryFormat() throws IOException {
        inEveryFormat((reader, file) -> {
            assertThatThrownBy(() -> reader.read(options(file, "y", List.of("nope"), List.of(), List.of(), MissingPolicy.DROP, 0)))
                    .isInstanceOf(DataException.class)
                    .hasMessage(file + ": --drop column 'nope' not found; columns: t, a, s, w, y");
            assertThatThrownBy(() -> reader.read(options(file, "z", List.of(), List.of(), List.of(), MissingPolicy.DROP, 0)))
                    .isInstanceOf(DataException.class)
                    .hasMessage(file + ": label column 'z' not found; columns: t, a, s, w, y");
            assertThatThrownBy(() -> reader.read(options(file, "y", List.of("t", "a", "s", "w"), List.of(), List.of(),
                    MissingPolicy.DROP, 0)))
                    .isInstanceOf(DataException.class)
                    .hasMessage(file + ": no feature columns left after the label and --drop");
            DataOptions noPositive = new DataOptions(file, Optional.empty(), true, Optional.empty(), Optional.of("y"),
                    Optional.empty(), List.of(), List.of(), List.of(), MissingPolicy.DROP, 0);
            assertThatThrownBy(() -> reader.read(noPositive)).isInstanceOf(UsageException.class)
                    .hasMessageContaining("--positive is needed with --label");
            DataOptions noLabel = new DataOptions(file, Optional.empty(), true, Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), List.of(), List.of(), MissingPolicy.DROP, 0);
            assertThatThrownBy(() -> reader.read(noLabel)).isInstanceOf(UsageException.class)
                    .hasMessage("a label column is needed (--label NAME or 0-based index)");
            assertThat(reader.readOptionallyLabelled(noLabel).labels()).isEmpty();
        });
    }

    @Test
    void aCopiedColumnIsReadAsWrittenForTheRowsKeptInEveryFormat() throws IOException {
        inEveryFormat((reader, file) -> {
            String what = file.getFileName().toString();
            // a dropped column, under --missing drop: rows 2 (a) and 5 (y) go
            TableWithColumn w = reader.readWithColumn(options(file, "y", List.of("w"), List.of(), List.of(),
                    MissingPolicy.DROP, 0), true, "w", "--id");
            assertThat(w.column()).as(what).isEqualTo("w");
            assertThat(w.table().featureNames()).as(what).containsExactly("t", "a", "s");
            assertThat(w.table().rowNumbers()).as(what).containsExactly(1, 3, 4, 6, 7);
            assertThat(w.values()).as(what).containsExactly("x", "z", "w", "u", "u");
            // the label column, as written
            TableWithColumn y = reader.readWithColumn(options(file, "y", List.of(), List.of(), List.of("w"),
                    MissingPolicy.DROP, 0), true, "4", "label");
            assertThat(y.column()).as(what).isEqualTo("y");
            assertThat(y.values()).as(what).containsExactly("no", "no", "yes", "no", "yes");
            // a dropped column's missing value drops no row and is copied as written (ARFF's ? is its syntax for
            // none, copied as null); a feature is copied too
            TableWithColumn a = reader.readWithColumn(options(file, "y", List.of("a"), List.of(), List.of("w"),
                    MissingPolicy.DROP, 0), true, "a", "--id");
            assertThat(a.table().rowNumbers()).as(what).containsExactly(1, 2, 3, 4, 6, 7);
            assertThat(a.values()).as(what).containsExactly("1.5", what.endsWith(".arff") ? null : "?", "2.5", "3.5",
                    "5.5", "6.5");
            TableWithColumn s = reader.readWithColumn(options(file, "y", List.of(), List.of(), List.of("w"),
                    MissingPolicy.DROP, 0), true, "s", "--id");
            assertThat(s.table().featureNames()).as(what).containsExactly("t", "a", "s", "w");
            assertThat(s.values()).as(what).containsExactly("red", "red", "blue", "red", "blue");
            // a file without the column: a data error naming the option
            assertThatThrownBy(() -> reader.readWithColumn(options(file, "y", List.of(), List.of(), List.of("w"),
                    MissingPolicy.DROP, 0), true, "customer", "--id"))
                    .as(what).isInstanceOf(DataException.class)
                    .hasMessageStartingWith(file + ": --id column 'customer' not found");
        });
    }

    @Test
    void aCopiedIdColumnKeepsItsSpacesAndMissingValueTokensAndRefusesBytesThatAreNotUtf8() throws IOException {
        Path p = write("ids.csv", "id,a,y\n 5 ,1,yes\nNA,2,no\n,3,no\n\"x, y\",4,no\n");
        TableWithColumn ids = new CsvTableSource().readWithColumn(options(p, "y", List.of("id"), List.of(), List.of(),
                MissingPolicy.ERROR, 0), false, "id", "--id");
        // Namibia's country code is no missing value here: the column is only copied
        assertThat(ids.values()).containsExactly(" 5 ", "NA", null, "x, y");
        // a Latin-1 byte would be copied as U+FFFD: refused naming the row, as in a category or a label
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "id,a,y\nok,1,yes\nS\u00e3o,2,no\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new CsvTableSource().readWithColumn(options(latin1, "y", List.of("id"), List.of(),
                List.of(), MissingPolicy.ERROR, 0), false, "id", "--id"))
                .isInstanceOf(DataException.class)
                .hasMessage(latin1 + ", line 3, column 'id': 'S\uFFFDo' holds bytes that are not UTF-8 text (shown as "
                        + "\uFFFD); save the file as UTF-8");
    }

    @Test
    void aLabelThatDiffersFromThePositiveValueOnlyInCaseCountsAsNegativeWithAWarning() throws IOException {
        Path p = write("case.csv", "a,y\n1,yes\n2,Yes\n3,no\n4,YES\n5,Yes\n6,no\n");
        Table t = new CsvTableSource().read(options(p, "y", List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0));
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0, 0, 0, 0, 0);
        assertThat(t.notes()).containsExactly(
                "warning: label 'Yes' of column 'y' differs from --positive 'yes' only in case; its 2 rows count as "
                        + "negative (name it in --positive to count them as positive)",
                "warning: label 'YES' of column 'y' differs from --positive 'yes' only in case; its 1 row counts as "
                        + "negative (name it in --positive to count them as positive)");
        // named, they are positive, and nothing is said
        Table named = new CsvTableSource().read(new DataOptions(p, Optional.empty(), true, Optional.empty(),
                Optional.of("y"), Optional.of("yes,Yes,YES"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0));
        assertThat(named.requireLabels().toArray()).containsExactly(1, 1, 0, 1, 1, 0);
        assertThat(named.notes()).isEmpty();
        // numbers have no case: 1.0 is 1
        Path n = write("numbers.csv", "a,y\n1,1\n2,1.0\n3,0\n");
        Table numeric = new CsvTableSource().read(new DataOptions(n, Optional.empty(), true, Optional.empty(),
                Optional.of("y"), Optional.of("1"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0));
        assertThat(numeric.requireLabels().toArray()).containsExactly(1, 1, 0);
        assertThat(numeric.notes()).isEmpty();
    }

    @Test
    void aFormatThatFindsNoRowsIsRefused() throws IOException {
        Path p = write("empty.semi", "a;y\n");
        assertDataError(p, () -> new SemicolonRows().read(options(p, "y", List.of(), List.of(), List.of(),
                MissingPolicy.ERROR, 0)), "no data rows");
    }
}
