package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file remembers how its training data was read, so {@code evaluate} and {@code predict} on the same
 * kind of file need no data option repeated; options given on the command line still win.
 */
class ModelRemembersReadingTest {

    @TempDir
    Path dir;

    /** Semicolon-separated, no header, an ID column and a note column to drop, '?' for missing values. */
    private Path table(String name, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            boolean positive = i % 6 == 0;
            double a = r.nextGaussian() + (positive ? 2 : 0);
            String b = i % 37 == 5 ? "?" : String.format(Locale.ROOT, "%.4f", r.nextGaussian() - (positive ? 1.5 : 0));
            sb.append("id").append(i).append(';').append(String.format(Locale.ROOT, "%.4f", a)).append(';').append(b)
                    .append(';').append(i % 2 == 0 ? "red" : "blue").append(";note ").append(i).append(';')
                    .append(positive ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void evaluateAndPredictReadTheSameKindOfFileWithNoOptionRepeated() throws IOException {
        Path train = table("train.txt", 1);
        Path fresh = table("fresh.txt", 2);
        Path model = dir.resolve("m.model");
        CliRun trained = CliRun.of("train", train.toString(), "--format", "csv", "--delimiter", ";", "--no-header",
                "--label", "5", "--positive", "yes", "--drop", "0,4", "--categorical", "3", "--missing", "median",
                "--model", "logistic", "--out", model.toString(), "-q");
        assertThat(trained.exitCode()).as(trained.err()).isZero();

        CliRun eval = CliRun.of("evaluate", model.toString(), fresh.toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("logistic@smile on " + fresh).contains("roc_auc");

        Path predictions = dir.resolve("p.csv");
        CliRun predict = CliRun.of("predict", model.toString(), fresh.toString(), "--out", predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(301);
        assertThat(lines.get(0)).isEqualTo("row,y,p,predicted");
        // the label column was recognised from the remembered reading: y is filled in
        assertThat(lines.get(1)).startsWith("1,1,");
    }

    @Test
    void optionsGivenOnTheCommandLineWinOverTheRememberedOnes() throws IOException {
        Path train = table("train.txt", 1);
        Path model = dir.resolve("m.model");
        assertThat(CliRun.of("train", train.toString(), "--format", "csv", "--delimiter", ";", "--no-header",
                "--label", "5", "--positive", "yes", "--drop", "0,4", "--missing", "median", "--model", "logistic",
                "--out", model.toString(), "-q").exitCode()).isZero();
        // the same rows with a comma delimiter: the remembered ';' would read one column, the given ',' reads six
        Path commas = dir.resolve("commas.txt");
        Files.writeString(commas, Files.readString(train).replace(';', ','));
        CliRun eval = CliRun.of("evaluate", model.toString(), commas.toString(), "--delimiter", ",");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        CliRun remembered = CliRun.of("evaluate", model.toString(), commas.toString());
        assertThat(remembered.exitCode()).isEqualTo(65);
        assertThat(remembered.err().lines()).hasSize(1);
        // a missing value refused when the user asks for it, though training imputed them
        CliRun strict = CliRun.of("evaluate", model.toString(), train.toString(), "--missing", "error");
        assertThat(strict.exitCode()).isEqualTo(65);
        assertThat(strict.err()).contains("missing");
    }

    /**
     * 300 rows of {@code a,b,y} (the signal in a), written twice: {@code train.csv} with a first column {@code extra}
     * (row i holding {@code value(i)}), {@code fresh.csv} without it.
     */
    private Path[] withAndWithout(String extra, java.util.function.IntFunction<String> value, long seed)
            throws IOException {
        Random r = new Random(seed);
        StringBuilder train = new StringBuilder(extra + ",a,b,y\n");
        StringBuilder fresh = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 300; i++) {
            boolean positive = i % 6 == 0;
            String row = String.format(Locale.ROOT, "%.4f,%.4f,%s", r.nextGaussian() + (positive ? 2 : 0),
                    r.nextGaussian(), positive ? "yes" : "no");
            train.append(value.apply(i)).append(',').append(row).append('\n');
            fresh.append(row).append('\n');
        }
        Path[] files = {dir.resolve("train.csv"), dir.resolve("fresh.csv")};
        Files.writeString(files[0], train);
        Files.writeString(files[1], fresh);
        return files;
    }

    @Test
    void aFileWithoutAColumnTheModelDroppedIsScoredAndOneWithoutAColumnItReadsIsRefusedNamingIt() throws IOException {
        Path[] files = withAndWithout("id", i -> "id" + i, 3);
        Path trainFile = files[0];
        Path freshFile = files[1];
        Path model = dir.resolve("m.model");
        assertThat(CliRun.of("train", trainFile.toString(), "--label", "y", "--positive", "yes", "--drop", "id",
                "--model", "logistic", "--out", model.toString(), "-q").exitCode()).isZero();
        // the scoring file has no id column: the model dropped it, so it is not needed
        Path out = dir.resolve("p.csv");
        CliRun remembered = CliRun.of("predict", model.toString(), freshFile.toString(), "--out", out.toString());
        assertThat(remembered.exitCode()).as(remembered.err()).isZero();
        List<String> scored = Files.readAllLines(out);
        assertThat(scored).hasSize(301);
        // the same scores as on the training file, which has it
        Path withId = dir.resolve("p-id.csv");
        assertThat(CliRun.of("predict", model.toString(), trainFile.toString(), "--out", withId.toString()).exitCode())
                .isZero();
        assertThat(Files.readAllLines(withId)).isEqualTo(scored);
        // --drop= (drop none) reads the same; a --drop the user gives must name a column of the file
        CliRun none = CliRun.of("predict", model.toString(), freshFile.toString(), "--drop=", "--out", out.toString());
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(Files.readAllLines(out)).isEqualTo(scored);
        CliRun given = CliRun.of("predict", model.toString(), freshFile.toString(), "--drop", "id", "--out",
                out.toString());
        assertThat(given.exitCode()).isEqualTo(65);
        assertThat(given.err()).startsWith("rareclass: " + freshFile + ": --drop column 'id' not found");
    }

    @Test
    void aMissingCategoricalColumnOfTheModelIsNamedAsAMissingInputNotAsAnOptionNobodyGave() throws IOException {
        Path[] files = withAndWithout("c", i -> Integer.toString(i % 3), 4);
        Path trainFile = files[0];
        Path freshFile = files[1];
        Path model = dir.resolve("m.model");
        assertThat(CliRun.of("train", trainFile.toString(), "--label", "y", "--positive", "yes", "--categorical", "c",
                "--model", "logistic", "--out", model.toString(), "-q").exitCode()).isZero();
        for (String command : List.of("predict", "evaluate")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, model.toString(), freshFile.toString()));
            if (command.equals("predict")) {
                args.addAll(List.of("--out", dir.resolve("p.csv").toString()));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(command).isEqualTo(65);
            assertThat(run.err()).as(command).isEqualTo("rareclass: " + freshFile
                    + ": columns do not match the model's input schema: missing column(s) c" + System.lineSeparator());
        }
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }

    /** Rows of a number a, a number b, a category color and a label y; row 5's b is written as {@code bFive}. */
    private Path colors(String name, String bFive) throws IOException {
        StringBuilder sb = new StringBuilder("a,b,color,y\n");
        for (int i = 0; i < 120; i++) {
            sb.append(i % 7).append(',').append(i == 5 ? bFive : Integer.toString(i % 5)).append(',')
                    .append(i % 3 == 0 ? "red" : "blue").append(',').append(i % 6 == 0 ? "yes" : "no").append('\n');
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    @Test
    void aTextOptionOnAColumnTheModelReadAsCategoricalSaysTheModelDidNotThatTheUserNamedBoth() throws IOException {
        Path data = colors("colors.csv", "4");
        Path model = dir.resolve("m.model");
        assertThat(CliRun.of("train", data.toString(), "--label", "y", "--positive", "yes", "--model", "logistic",
                "--out", model.toString(), "-q").exitCode()).isZero();
        CliRun explain = CliRun.of("explain", model.toString(), data.toString(), "--text", "color");
        assertThat(explain.exitCode()).isEqualTo(2);
        assertThat(explain.err()).isEqualTo("rareclass: " + data + ": column 'color' is named by --text, but the model "
                + "read it as categorical: leave --text color out (the model remembers how it read its columns)"
                + System.lineSeparator());
        // both named by the user: both named in the message
        CliRun both = CliRun.of("explain", model.toString(), data.toString(), "--categorical", "color", "--text",
                "color");
        assertThat(both.err()).contains("column 'color' is named by both --categorical and --text");
    }

    @Test
    void aMissingValueForAModelTrainedWithoutImputingAdvisesOnlyWhatThatModelTakes() throws IOException {
        Path model = dir.resolve("m.model");
        assertThat(CliRun.of("train", colors("colors.csv", "4").toString(), "--label", "y", "--positive", "yes",
                "--missing", "error", "--model", "logistic", "--out", model.toString(), "-q").exitCode()).isZero();
        Path gap = colors("gap.csv", "NA");
        Path out = dir.resolve("p.csv");
        CliRun refused = CliRun.of("predict", model.toString(), gap.toString(), "--out", out.toString());
        assertThat(refused.exitCode()).isEqualTo(65);
        // not --missing mean, which this model then refuses: it puts nothing in a missing value's place
        assertThat(refused.err()).isEqualTo("rareclass: " + gap + ", line 7, column 'b': missing value 'NA'; the model "
                + "puts nothing in its place (it was trained without imputing): use --missing drop to leave such rows "
                + "out, or train it with --missing mean, median or most-frequent" + System.lineSeparator());
        CliRun dropped = CliRun.of("predict", model.toString(), gap.toString(), "--missing", "drop", "--out",
                out.toString());
        assertThat(dropped.exitCode()).as(dropped.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(120);
        // the row without a prediction is said even under --quiet: the output has fewer rows than the file
        CliRun quiet = CliRun.of("predict", model.toString(), gap.toString(), "--missing", "drop", "--out",
                out.toString(), "-q");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.err()).isEqualTo("warning: 1 row has no prediction: it has a missing value, and --missing "
                + "drop leaves such rows out (column row numbers the others as the file does)" + System.lineSeparator());
    }
}
