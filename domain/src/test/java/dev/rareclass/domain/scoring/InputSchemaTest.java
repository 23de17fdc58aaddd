package dev.rareclass.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InputSchemaTest {

    private final InputSchema schema = InputSchema.forTest(List.of(new InputSchema.Field("amount", "numeric"),
            new InputSchema.Field("country", "categorical"), new InputSchema.Field("note", "text")), "fraud");

    private static Map<String, List<?>> columns(Object... pairs) {
        Map<String, List<?>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (List<?>) pairs[i + 1]);
        }
        return out;
    }

    private static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    @Test
    void valuesBecomeTypedColumnsInTheModelsOrder() {
        Table t = schema.table("request", columns("note", list("hi", null), "country", list("NL", 3.0),
                "amount", list(12.5, null), "fraud", list("1", "0")));
        assertThat(t.featureNames()).containsExactly("amount", "country", "note");
        assertThat(((NumericColumn) t.columns().get(0)).values()).containsExactly(12.5f, Float.NaN);
        CategoricalColumn country = (CategoricalColumn) t.columns().get(1);
        assertThat(country.value(0)).isEqualTo("NL");
        assertThat(country.value(1)).as("an integral number is its digits").isEqualTo("3");
        assertThat(t.labels()).as("the label column is ignored").isEmpty();
    }

    /**
     * A category given as text names the level the CSV reader made of the same field: trimmed, numbers written one way,
     * "", NA and ? missing. A JSON "02134" was an unseen category where the file's 02134 had trained the level 2134.
     */
    @Test
    void aCategoryAsTextIsTheLevelTheSameFieldInAFileGave() {
        // levels as the CSV reader makes them: trimmed, 02134 -> 2134, 1.0 -> 1, true -> 1
        InputSchema trained = InputSchema.forTest(List.of(new InputSchema.Field("zip", "categorical"),
                new InputSchema.Field("note", "text")), "y", Map.of("zip", Set.of("2134", "1", "red", "NA?")));
        Table t = trained.table("request", columns("zip", list("02134", " red ", "2134.0", "1.0", true, " n/a ", "",
                "?", "blue", " blue", "NA?", 1, 2134L), "note", list("fine", "NA", " ", null, "n/a", "ok", "x", "y",
                "z", "w", "v", "u", "t")));
        CategoricalColumn zip = (CategoricalColumn) t.columns().get(0);
        List<String> read = new ArrayList<>();
        for (int r = 0; r < zip.size(); r++) {
            read.add(zip.code(r) < 0 ? null : zip.value(r));
        }
        assertThat(read).containsExactly("2134", "red", "2134", "1", "1", null, null, null, "blue", " blue", "NA?", "1",
                "2134");
        // a text column's missing words are missing too, as in a file
        TextColumn note = (TextColumn) t.columns().get(1);
        assertThat(java.util.stream.IntStream.range(0, 5).mapToObj(note::get).toList())
                .containsExactly("fine", null, null, null, null);
        // a level written otherwise in training (an ARFF file keeps " 7" and "007" as written) is matched as written
        InputSchema arff = InputSchema.forTest(List.of(new InputSchema.Field("code", "categorical")), "y",
                Map.of("code", Set.of(" 7", "007", "NA")));
        CategoricalColumn code = (CategoricalColumn) arff.table("request", columns("code", list(" 7", "007", "NA",
                "7", " NA "))).columns().get(0);
        assertThat(List.of(code.value(0), code.value(1), code.value(2), code.value(3), code.value(4)))
                .containsExactly(" 7", "007", "NA", "7", "NA");
        assertThat(InputSchema.level("na", Set.of("NA"))).as("another spelling of a missing word").isNull();
        assertThat(InputSchema.level("7", Set.of())).as("unseen: as given").isEqualTo("7");
        assertThat(InputSchema.level(" 07 ", Set.of())).isEqualTo(" 07 ");
    }

    /**
     * A number given as text is read as the CSV reader reads the same field (its {@code ColumnBuilder.Numeric} over
     * {@code Tokens.parseNumber}): a client posting the rows of csv.DictReader, all strings, scores what predict scores
     * for the file. Such a string was refused ("expected a number").
     */
    @Test
    void aNumberAsTextIsTheNumberTheSameFieldInAFileGave() {
        Table t = schema.table("request", columns("amount", list("3.5", " 7 ", "-0.25e2", "1e30", true, false, "TRUE",
                "", "NA", " nan ", "?"), "country", list("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"),
                "note", list("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")));
        assertThat(((NumericColumn) t.columns().get(0)).values()).containsExactly(3.5f, 7f, -25f, 1e30f, 1f, 0f, 1f,
                Float.NaN, Float.NaN, Float.NaN, Float.NaN);
        // what the reader refuses: not a number, or no finite float32 (a CSV's 1e39, inf and 1,5 are refused)
        for (String bad : List.of("1e39", "inf", "-Infinity", "1,5", "0x10", "abc", "3.5 kg")) {
            assertThatThrownBy(() -> schema.table("request", columns("amount", list(bad), "country", list("a"),
                    "note", list("n")))).as(bad).isInstanceOf(DataException.class)
                    .hasMessageStartingWith("request, row 1, column 'amount': expected a ")
                    .hasMessageEndingWith("(numeric column), got a string '" + bad + "'");
        }
    }

    @Test
    void numbersAsCategories() {
        assertThat(InputSchema.level(3)).isEqualTo("3");
        assertThat(InputSchema.level(3L)).isEqualTo("3");
        assertThat(InputSchema.level(3.0)).isEqualTo("3");
        assertThat(InputSchema.level(-2.5)).isEqualTo("-2.5");
        assertThat(InputSchema.level(new BigDecimal("1.50"))).isEqualTo("1.5");
        // a float as a float: 0.1f is "0.1" as written, not its double's "0.10000000149011612"
        assertThat(InputSchema.level(0.1f)).isEqualTo("0.1");
        assertThat(InputSchema.level(2.0f)).isEqualTo("2");
        assertThat(InputSchema.level(0.1)).isEqualTo("0.1");
    }

    @Test
    void refusalsNameTheColumnAndRow() {
        assertThatThrownBy(() -> schema.table("request", columns("amount", list(1.0), "country", list("x"))))
                .isInstanceOf(DataException.class).hasMessageContaining("column 'note' is missing");
        assertThatThrownBy(() -> schema.table("request", columns("amount", list(1.0), "country", list("x"),
                "note", list("n"), "extra", list(1)))).hasMessageContaining("column 'extra' is not one the model reads");
        assertThatThrownBy(() -> schema.table("request", columns("amount", list(1.0, "7 euros"), "country",
                list("x", "y"), "note", list("n", "m")))).hasMessage("request, row 2, column 'amount': expected a number "
                + "(numeric column), got a string '7 euros'");
        assertThatThrownBy(() -> schema.table("request", columns("amount", list(1e300), "country", list("x"),
                "note", list("n")))).hasMessageContaining("finite number within float range");
        // a NaN or an infinity was the category "NaN" or "Infinity": an unseen level, scored without a word
        for (Object notANumber : List.of(Double.NaN, Double.NEGATIVE_INFINITY, Float.NaN, Float.POSITIVE_INFINITY)) {
            assertThatThrownBy(() -> schema.table("request", columns("amount", list(1.0, 2.0), "country",
                    list("x", notANumber), "note", list("n", "m")))).isInstanceOf(DataException.class)
                    .hasMessage("request, row 2, column 'country': expected a string, finite number or boolean (null for "
                            + "a missing value) (categorical column), got " + notANumber);
        }
        assertThatThrownBy(() -> schema.table("request", columns("amount", list(1.0), "country", list(List.of()),
                "note", list("n")))).hasMessageContaining("column 'country': expected a string, number or boolean");
        assertThatThrownBy(() -> schema.table("request", columns("amount", list(1.0), "country", list("x"),
                "note", list(5)))).hasMessageContaining("column 'note': expected a string");
        assertThatThrownBy(() -> schema.table("request", columns("amount", list(1.0, 2.0), "country", list("x"),
                "note", list("n")))).hasMessageContaining("column 'country' has 1 values but column 'amount' has 2");
    }

    @Test
    void aWrongValueIsShownInTheCallersTermsAndANullColumnNameIsRefused() {
        // a two-element List.of in a numeric column was "got List12", the JDK's private class
        assertThat(InputSchema.shown(List.of(1, 2))).isEqualTo("a list");
        assertThat(InputSchema.shown("abc")).isEqualTo("a string 'abc'");
        assertThat(InputSchema.shown(java.util.Set.of(1))).isEqualTo("a set");
        assertThat(InputSchema.shown(Map.of("a", 1))).isEqualTo("a map");
        assertThat(InputSchema.shown(new int[] {1})).isEqualTo("an array");
        assertThat(InputSchema.shown(2.5)).isEqualTo("2.5");
        assertThat(InputSchema.shown(true)).isEqualTo("true");
        assertThat(InputSchema.shown(java.math.BigInteger.TEN.pow(99))).isEqualTo("1" + "0".repeat(39) + "… (100 characters)");
        assertThat(InputSchema.shown(java.time.LocalDate.of(2025, 1, 2))).isEqualTo("a value of type java.time.LocalDate");
        Map<String, List<?>> keyless = new java.util.HashMap<>(columns("amount", list(1.0), "country", list("x"),
                "note", list("n")));
        keyless.put(null, list(1));
        assertThatThrownBy(() -> schema.table("request", keyless)).isInstanceOf(DataException.class)
                .hasMessage("request: a column name is null");
    }
}
