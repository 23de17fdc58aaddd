package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained with {@code --shift-labels N} learned the N rows before each event: {@code evaluate} read a table's
 * labels as the file had them, so its metrics were about the events themselves, a target the model was never fitted
 * to, without a word. The model file now records the shift; evaluate and explain label a table as training did unless
 * given their own, inspect shows it, and predict scores every row.
 */
class ShiftLabelsRememberedTest {

    @TempDir
    static Path dir;

    static Path series;
    static Path model;

    /** A series of 600 rows with an event every 50th; feature a rises in the 3 rows before each event. */
    @BeforeAll
    static void train() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("t,a,b,state\n");
        for (int i = 0; i < 600; i++) {
            double a = random.nextDouble() + (i % 50 >= 46 ? 0.8 : 0);
            csv.append(i).append(',').append(String.format(Locale.ROOT, "%.4f,%.4f", a, random.nextDouble()))
                    .append(',').append(i % 50 == 49 ? "break" : "ok").append('\n');
        }
        series = Files.writeString(dir.resolve("series.csv"), csv);
        model = dir.resolve("shifted.model");
        CliRun trained = CliRun.of("train", series.toString(), "--label", "state", "--positive", "break", "--drop",
                "t", "--shift-labels", "2", "--model", "logistic", "--out", model.toString(), "--quiet");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
    }

    @Test
    void evaluateLabelsTheTableAsTrainingDidAndSaysSo() {
        CliRun remembered = CliRun.of("evaluate", model.toString(), series.toString());
        CliRun given = CliRun.of("evaluate", model.toString(), series.toString(), "--shift-labels", "2");
        assertThat(remembered.exitCode()).as(remembered.err()).isZero();
        assertThat(remembered.out()).isEqualTo(given.out());
        // 12 events dropped, the 2 rows before each positive: 24 of 588 rows (the file's own labels: 12 of 600)
        assertThat(remembered.out()).containsPattern("break( +[0-9.]+){3} +24\n").containsPattern("accuracy .* 588\n");
        assertThat(remembered.err()).contains("the labels are shifted as this model's training shifted them "
                + "(--shift-labels 2)").contains("12 event rows dropped");
        assertThat(given.err()).doesNotContain("training shifted them").doesNotContain("otherwise");
    }

    @Test
    void anotherShiftIsUsedWithAWarning() {
        CliRun other = CliRun.of("evaluate", model.toString(), series.toString(), "--shift-labels", "3");
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(other.err()).contains("warning: --shift-labels 3 labels the rows otherwise than training this "
                + "model did (--shift-labels 2)");
        assertThat(other.out()).containsPattern("break( +[0-9.]+){3} +36\n");
    }

    @Test
    void inspectShowsTheShiftAndPredictScoresEveryRow() throws IOException {
        CliRun inspect = CliRun.of("inspect", model.toString());
        assertThat(inspect.out()).contains("(positive: break, negative: ok); shifted 2 rows earlier, the event rows "
                + "dropped (--shift-labels 2)");
        assertThat(CliRun.of("inspect", model.toString(), "--json").out()).contains("\"shift_labels\" : 2");
        Path out = dir.resolve("p.csv");
        CliRun predict = CliRun.of("predict", model.toString(), series.toString(), "--out", out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(601);
    }

    @Test
    void explainMeasuresAgainstTheShiftedLabels() {
        CliRun explain = CliRun.of("explain", model.toString(), series.toString(), "--repeats", "1", "--top", "0",
                "--out", dir.resolve("why").toString());
        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.err()).contains("(--shift-labels 2)");
    }
}
