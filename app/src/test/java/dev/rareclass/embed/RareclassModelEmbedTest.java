package dev.rareclass.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.app.cli.CliRun;
import dev.rareclass.domain.error.DataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding API's promise for bad input: a {@link DataException} (a RareclassException) naming the row and what
 * is wrong in the caller's terms; never a bare NullPointerException or the name of a JDK class.
 */
class RareclassModelEmbedTest {

    @TempDir
    static Path dir;

    static RareclassModel model;

    @BeforeAll
    static void train() throws Exception {
        SplittableRandom rng = new SplittableRandom(4);
        StringBuilder csv = new StringBuilder("amount,country,y\n");
        for (int i = 0; i < 200; i++) {
            boolean positive = i % 8 == 0;
            csv.append(Math.round((rng.nextGaussian() + (positive ? 2 : 0)) * 100) / 100.0).append(',')
                    .append(positive ? "NL" : rng.nextBoolean() ? "DE" : "FR").append(',').append(positive ? 1 : 0).append('\n');
        }
        Path table = Files.writeString(dir.resolve("t.csv"), csv);
        Path file = dir.resolve("t.model");
        CliRun run = CliRun.withAllCommands(com.google.inject.Guice.createInjector(new dev.rareclass.app.wiring.AppModule()),
                "train", table.toString(), "--label", "y", "--positive", "1", "--model", "logistic", "--out", file.toString(),
                "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        model = RareclassModel.load(file);
    }

    private static Map<String, Object> row(Object amount, Object country) {
        Map<String, Object> row = new HashMap<>();
        row.put("amount", amount);
        row.put("country", country);
        return row;
    }

    @Test
    void aGoodRowScores() {
        assertThat(model.score(row(2.5, "NL")).score()).isBetween(0.0, 1.0);
    }

    @Test
    void aNullRowIsADataErrorNamingTheRowNotANullPointerException() {
        assertThatThrownBy(() -> model.score((Map<String, ?>) null)).isInstanceOf(DataException.class)
                .hasMessageEndingWith("row 1: the row is null, not a map of column name to value");
        List<Map<String, ?>> batch = new ArrayList<>(Arrays.asList(row(1.0, "DE"), null));
        assertThatThrownBy(() -> model.score(batch)).isInstanceOf(DataException.class)
                .hasMessageEndingWith("row 2: the row is null, not a map of column name to value");
    }

    @Test
    void aNullBatchIsADataErrorNotANullPointerException() {
        assertThatThrownBy(() -> model.score((List<Map<String, ?>>) null)).isInstanceOf(DataException.class)
                .hasMessageEndingWith(": the batch is null, not a list of rows");
        assertThatThrownBy(() -> model.score((List<Map<String, ?>>) null, 2)).isInstanceOf(DataException.class)
                .hasMessageEndingWith(": the batch is null, not a list of rows");
        assertThatThrownBy(() -> model.scoreColumns(null, 0)).isInstanceOf(DataException.class)
                .hasMessageEndingWith(": the columns are null, not a map of column name to values");
    }

    @Test
    void aNullColumnNameIsADataErrorNamingTheRow() {
        Map<String, Object> keyless = row(1.0, "DE");
        keyless.put(null, 3);
        assertThatThrownBy(() -> model.score(keyless)).isInstanceOf(DataException.class)
                .hasMessageEndingWith("row 1: a column name is null");
        assertThatThrownBy(() -> model.score(List.of(row(1.0, "DE"), keyless))).isInstanceOf(DataException.class)
                .hasMessageEndingWith("row 2: a column name is null");
    }

    @Test
    void aWrongValueIsDescribedInTheCallersTermsNotAsAJdkClass() {
        // a List.of(1, 2) in a numeric column was reported as "got List12"
        assertThatThrownBy(() -> model.score(row(List.of(1, 2), "DE"))).isInstanceOf(DataException.class)
                .hasMessageEndingWith("row 1, column 'amount': expected a number (numeric column), got a list");
        assertThatThrownBy(() -> model.score(row("abc", "DE")))
                .hasMessageEndingWith("column 'amount': expected a number (numeric column), got a string 'abc'");
        assertThatThrownBy(() -> model.score(row(Map.of("value", 1), "DE"))).hasMessageEndingWith("got a map");
        assertThatThrownBy(() -> model.score(row(new double[] {1}, "DE"))).hasMessageEndingWith("got an array");
        assertThatThrownBy(() -> model.score(row(1.0, List.of("NL"))))
                .hasMessageEndingWith("column 'country': expected a string, number or boolean (categorical column), got a list");
    }
}
