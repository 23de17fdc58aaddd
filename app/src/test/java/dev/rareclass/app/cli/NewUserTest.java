package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new-user rough edges of issue #21, each through the command line. */
class NewUserTest {

    static final Path DATASETS = Path.of("..", "..", "shared", "datasets");

    @TempDir
    static Path dir;

    private static Path shared(String relative) {
        Path p = DATASETS.resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "shared datasets not beside the checkout");
        return p;
    }

    // ---- 1. describe counts missing values instead of stopping at the first ------------------------------

    @Test
    void describeCountsMissingValuesWithoutMissingOption() throws IOException {
        Path data = Files.writeString(dir.resolve("gaps.csv"), """
                age,work,hours,y
                39, State-gov,40,no
                50, ?,13,no
                38, Private,,yes
                53, ?,40,no
                28, Private,NA,yes
                61, Self-emp,50,yes
                """);
        CliRun r = CliRun.of("describe", data.toString(), "--label", "y", "--positive", "yes");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 rows, 3 feature columns");
        assertThat(r.out().lines().filter(l -> l.startsWith("work ")).findFirst().orElseThrow())
                .matches("work\\s+categorical\\s+2\\s.*");
        assertThat(r.out().lines().filter(l -> l.startsWith("hours ")).findFirst().orElseThrow())
                .matches("hours\\s+numeric\\s+2\\s.*");
        assertThat(r.out()).contains("warning: 4 missing values in 2 columns ('work' 2, 'hours' 2); training refuses "
                + "them unless --missing drop, mean, median or most-frequent");
        // --missing drop still drops the rows, as asked
        CliRun dropped = CliRun.of("describe", data.toString(), "--label", "y", "--positive", "yes", "--missing", "drop");
        assertThat(dropped.exitCode()).as(dropped.err()).isZero();
        assertThat(dropped.out()).contains("2 rows, 3 feature columns").doesNotContain("missing values in");
    }

    @Test
    void describeReadsTheAdultTrainingFileWithItsQuestionMarks() {
        Path adult = shared("adult_income/adult-train.csv");
        CliRun r = CliRun.of("describe", adult.toString(), "--no-header", "--label", "14", "--positive", " >50K");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("32561 rows, 14 feature columns").contains("7841 positive");
        assertThat(r.out()).contains("missing values in 3 columns ('1' 1836, '6' 1843, '13' 583)");
    }

    // ---- 2. score --json prints the metrics; the curves only with --curves ---------------------------------

    @Test
    void scoreJsonPrintsCurvesOnlyWhenAsked() throws IOException {
        StringBuilder csv = new StringBuilder("y,p\n");
        java.util.Random random = new java.util.Random(21);
        for (int i = 0; i < 2000; i++) {
            int y = i % 20 == 0 ? 1 : 0;
            csv.append(y).append(',').append(random.nextDouble() * 0.7 + 0.3 * y).append('\n');
        }
        Path predictions = Files.writeString(dir.resolve("scores.csv"), csv);
        CliRun plain = CliRun.of("score", predictions.toString(), "--label", "y", "--positive", "1", "--score", "p",
                "--json");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(plain.out());
        assertThat(metrics.has("pr_auc")).isTrue();
        assertThat(metrics.has("classification_report")).isTrue();
        assertThat(metrics.has("roc_curve")).isFalse();
        assertThat(metrics.has("pr_curve")).isFalse();
        assertThat(plain.out().length()).isLessThan(2000);

        CliRun curves = CliRun.of("score", predictions.toString(), "--label", "y", "--positive", "1", "--score", "p",
                "--json", "--curves");
        assertThat(curves.exitCode()).as(curves.err()).isZero();
        JsonNode all = new ObjectMapper().readTree(curves.out());
        assertThat(all.path("roc_curve").path("fpr").size()).isGreaterThan(10);
        assertThat(all.path("pr_curve").path("precision").size()).isGreaterThan(1000);
        assertThat(all.path("pr_auc").asDouble()).isEqualTo(metrics.path("pr_auc").asDouble());

        CliRun alone = CliRun.of("score", predictions.toString(), "--label", "y", "--positive", "1", "--score", "p",
                "--curves");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).isEqualTo("rareclass: --curves goes with --json (the curves are printed as JSON arrays)\n");
    }

    // ---- 3. a printed threshold is the exact one: reusing it gives the same predictions --------------------

    private static String after(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }

    @Test
    void printedThresholdsAreExactAndReusingOneReproducesTheConfusionMatrix() throws IOException {
        Path data = GeneratedCsv.write(dir.resolve("thresholds.csv"), 800, 5, 3, 0.1, 21, "a,b,c,d,e,y", "1", "0");
        Path model = dir.resolve("thresholds.model");
        CliRun train = CliRun.of("train", data.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        String shown = after(train.out(), "threshold (\\S+) by max-f1");

        Path json = dir.resolve("thresholds.json");
        CliRun eval = CliRun.of("evaluate", model.toString(), data.toString(), "--json", json.toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(json.toFile());
        double exact = metrics.path("threshold").asDouble();
        assertThat(exact).isNotEqualTo(Math.round(exact * 10_000) / 10_000.0); // the case that rounding broke
        assertThat(Double.parseDouble(shown)).isEqualTo(exact);
        assertThat(shown).isEqualTo(Double.toString(exact));
        assertThat(after(eval.out(), "\\(threshold (\\S+), max-f1\\)")).isEqualTo(shown);

        Path predictions = dir.resolve("thresholds-p.csv");
        CliRun predict = CliRun.of("predict", model.toString(), data.toString(), "--out", predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(after(predict.out(), "at threshold (\\S+)\\)")).isEqualTo(shown);

        CliRun inspect = CliRun.of("inspect", model.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(after(inspect.out(), "(?m)^  threshold +(\\S+)$")).isEqualTo(shown);

        // the number as printed, given back, predicts as the model did
        CliRun rescored = CliRun.of("score", predictions.toString(), "--label", "y", "--positive", "1", "--score", "p",
                "--threshold", shown, "--json");
        assertThat(rescored.exitCode()).as(rescored.err()).isZero();
        JsonNode again = new ObjectMapper().readTree(rescored.out());
        for (String count : java.util.List.of("tp", "fp", "tn", "fn")) {
            assertThat(again.path(count).asLong()).as(count).isEqualTo(metrics.path(count).asLong());
        }
        // other metrics keep their four decimals
        assertThat(eval.out()).containsPattern("(?m)^  pr_auc +0\\.\\d{4}(   \\(95% interval|$)");
    }

    // ---- 4. predict --id copies an input column into the predictions ------------------------------------------

    /** A labelled table with two identifier columns: text keys, and numbers too long for a float. */
    private static Path withIds(String name, int rows, boolean gap) throws IOException {
        StringBuilder csv = new StringBuilder("key,a,b,account,y\n");
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < rows; i++) {
            int y = i % 10 == 0 ? 1 : 0;
            String a = gap && i == 3 ? "" : Double.toString(random.nextGaussian() + 2 * y);
            csv.append("k-").append(1000 + i).append(',').append(a).append(',').append(random.nextGaussian())
                    .append(',').append(12345678901L + 2 * i).append(',').append(y == 1 ? "fraud" : "ok").append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    @Test
    void predictIdCopiesAColumnDroppedAtTrainingAsTheSecondColumn() throws IOException {
        Path data = withIds("ids.csv", 300, false);
        Path model = dir.resolve("ids.model");
        CliRun train = CliRun.of("train", data.toString(), "--label", "y", "--positive", "fraud", "--drop",
                "key,account", "--model", "logistic", "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        java.util.List<String> input = Files.readAllLines(data);

        Path keyed = dir.resolve("ids-key.csv");
        CliRun byKey = CliRun.of("predict", model.toString(), data.toString(), "--id", "key", "--reasons", "1",
                "--out", keyed.toString());
        assertThat(byKey.exitCode()).as(byKey.err()).isZero();
        java.util.List<String> lines = Files.readAllLines(keyed);
        assertThat(lines.get(0)).isEqualTo("row,key,y,p,predicted,reason_1,change_1");
        assertThat(lines).hasSize(301);
        for (int i = 1; i <= 300; i++) {
            String[] out = lines.get(i).split(",");
            assertThat(out[0]).isEqualTo(Integer.toString(i));
            assertThat(out[1]).isEqualTo(input.get(i).split(",")[0]);
            assertThat(out[5]).isIn("a", "b");
        }

        // numbers are copied as written (a float column would print 1.2345679E10), by 0-based index too
        Path accounts = dir.resolve("ids-account.csv");
        CliRun byIndex = CliRun.of("predict", model.toString(), data.toString(), "--id", "3", "--out",
                accounts.toString());
        assertThat(byIndex.exitCode()).as(byIndex.err()).isZero();
        java.util.List<String> numbered = Files.readAllLines(accounts);
        assertThat(numbered.get(0)).isEqualTo("row,account,y,p,predicted");
        assertThat(numbered.get(2)).startsWith("2,12345678903,0,");
        // the same scores with or without --id
        assertThat(numbered.get(2).split(",")[3]).isEqualTo(lines.get(2).split(",")[3]);
    }

    @Test
    void predictIdReadsAColumnTheTrainingDataLackedAndFollowsDroppedRows() throws IOException {
        Path training = withIds("no-ids.csv", 300, false);
        Path model = dir.resolve("no-ids.model");
        // trained on a, b only: key and account are not columns the model knows at all
        Path narrow = Files.writeString(dir.resolve("narrow.csv"), String.join("\n",
                Files.readAllLines(training).stream().map(l -> {
                    String[] f = l.split(",");
                    return f[1] + "," + f[2] + "," + f[4];
                }).toList()) + "\n");
        CliRun train = CliRun.of("train", narrow.toString(), "--label", "y", "--positive", "fraud", "--model",
                "logistic", "--missing", "drop", "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();

        Path gappy = withIds("gappy.csv", 20, true);
        Path out = dir.resolve("gappy-p.csv");
        CliRun predict = CliRun.of("predict", model.toString(), gappy.toString(), "--drop", "account", "--id", "key",
                "--out", out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        java.util.List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(20); // row 4 has no 'a' and is dropped (--missing drop, remembered)
        assertThat(lines.get(3)).startsWith("3,k-1002,");
        assertThat(lines.get(4)).startsWith("5,k-1004,");
    }

    /** A logistic model of a table of {@link #withIds}, its key and account columns dropped. */
    private Path idsModel(Path data, String name) {
        Path model = dir.resolve(name);
        CliRun train = CliRun.of("train", data.toString(), "--label", "y", "--positive", "fraud", "--drop",
                "key,account", "--model", "logistic", "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        return model;
    }

    @Test
    void predictIdNamingNoColumnIsADataError() throws IOException {
        Path data = withIds("ids-missing.csv", 100, false);
        Path model = idsModel(data, "ids-missing.model");
        Path out = dir.resolve("never.csv");
        CliRun r = CliRun.of("predict", model.toString(), data.toString(), "--id", "customer", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).startsWith("rareclass: " + data + ": --id column 'customer' not found").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void predictIdNamingTheLabelColumnSaysSoAndNamesNoDropNobodyGave() throws IOException {
        Path data = withIds("ids-label.csv", 100, false);
        assertIdIsTheLabel(idsModel(data, "ids-label.model"), data, "y");
    }

    /** predict --id ID, where ID names the label column, is a usage error saying so; nothing is written. */
    private void assertIdIsTheLabel(Path model, Path data, String id) {
        Path out = dir.resolve("never.csv");
        CliRun r = CliRun.of("predict", model.toString(), data.toString(), "--id", id, "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("rareclass: --id " + id + " names the label column, whose 0/1 the predictions "
                + "carry already (column y): give --id a column that identifies the rows, or leave it out (column row "
                + "numbers them)\n");
        assertThat(out).doesNotExist();
    }

    /**
     * The label column given to --id by its 0-based index (4: key, a, b, account, y) got an old message about a --drop
     * nobody gave ("--drop 4 names the label column 'y', which is never a feature"); it gets the name's message now.
     */
    @Test
    void predictIdGivingTheLabelColumnByIndexSaysWhatItsNameSays() throws IOException {
        Path data = withIds("ids-label-index.csv", 100, false);
        Path model = idsModel(data, "ids-label-index.model");
        assertIdIsTheLabel(model, data, "4");
        Path out = dir.resolve("never.csv");
        // and with the label given by its index too, the name of the label as --id
        CliRun byName = CliRun.of("predict", model.toString(), data.toString(), "--label", "4", "--id", "y", "--out",
                out.toString());
        assertThat(byName.exitCode()).isEqualTo(2);
        assertThat(byName.err()).startsWith("rareclass: --id y names the label column, whose 0/1 the predictions");
        assertThat(out).doesNotExist();
    }

    /** A column the model reads, given to --id by its index (1: a), is copied as --id a copies it, not dropped. */
    @Test
    void predictIdGivingAFeatureByIndexCopiesItAsItsNameDoes() throws IOException {
        Path data = withIds("ids-feature-index.csv", 100, false);
        Path model = idsModel(data, "ids-feature-index.model");
        Path byIndex = dir.resolve("by-index.csv");
        Path byName = dir.resolve("by-name.csv");
        CliRun i = CliRun.of("predict", model.toString(), data.toString(), "--id", "1", "--out", byIndex.toString());
        assertThat(i.exitCode()).as(i.err()).isZero();
        CliRun n = CliRun.of("predict", model.toString(), data.toString(), "--id", "a", "--out", byName.toString());
        assertThat(n.exitCode()).as(n.err()).isZero();
        assertThat(Files.readAllLines(byIndex)).isEqualTo(Files.readAllLines(byName));
        assertThat(Files.readAllLines(byIndex).getFirst()).startsWith("row,a,y,p,predicted");
    }

    @Test
    void predictIdOnTheAsteroids() throws IOException {
        Path nasa = shared("nasa_asteroids/nasa.csv");
        Path model = dir.resolve("nasa.model");
        CliRun train = CliRun.of("train", nasa.toString(), "--label", "Hazardous", "--positive", "True", "--drop",
                "Neo Reference ID,Name,Close Approach Date,Orbit Determination Date,Orbiting Body,Equinox",
                "--model", "logistic", "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Path out = dir.resolve("nasa-p.csv");
        CliRun predict = CliRun.of("predict", model.toString(), nasa.toString(), "--id", "Neo Reference ID",
                "--out", out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        java.util.List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("row,Neo Reference ID,y,p,predicted");
        assertThat(lines.get(1)).startsWith("1,3703080,1,");
        assertThat(lines.get(2)).startsWith("2,3723955,0,");
    }

    // ---- 5. did you mean ------------------------------------------------------------------------------------

    @Test
    void aMistypedCommandGetsTheClosestOneInOnePlainLine() {
        CliRun r = CliRun.of("trian");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("rareclass: unknown command 'trian'; did you mean 'train'?\n");
        assertThat(r.out()).isEmpty();
        CliRun nested = CliRun.of("datasets", "lst");
        assertThat(nested.exitCode()).isEqualTo(2);
        assertThat(nested.err()).isEqualTo("rareclass: unknown command 'datasets lst'; did you mean 'datasets list'?\n");
        CliRun far = CliRun.of("frobnicate");
        assertThat(far.exitCode()).isEqualTo(2);
        assertThat(far.err()).isEqualTo("rareclass: unknown command 'frobnicate'; see 'rareclass --help' for the "
                + "commands\n");
    }

    @Test
    void aMistypedOptionGetsTheClosestOneEvenBehindAMissingRequiredOne() throws IOException {
        Path data = GeneratedCsv.write(dir.resolve("options.csv"), 100, 3, 2, 0.1, 5, "a,b,c,y", "1", "0");
        CliRun label = CliRun.of("describe", data.toString(), "--lable", "y", "--positive", "1");
        assertThat(label.exitCode()).isEqualTo(2);
        assertThat(label.err()).isEqualTo("rareclass: unknown option '--lable' for 'rareclass describe'; did you mean "
                + "'--label'?\n");
        // picocli reports the missing --score first; the typo behind it is what the user needs to hear
        CliRun score = CliRun.of("score", data.toString(), "--label", "y", "--positive", "1", "--scroe", "a");
        assertThat(score.exitCode()).isEqualTo(2);
        assertThat(score.err()).isEqualTo("rareclass: unknown option '--scroe' for 'rareclass score'; did you mean "
                + "'--score'?\n");
        // nothing close: picocli's own message, as before
        CliRun far = CliRun.of("describe", data.toString(), "--frobnicate");
        assertThat(far.exitCode()).isEqualTo(2);
        assertThat(far.err()).startsWith("rareclass: Unknown option: '--frobnicate'");
    }

    /** A table whose label comes after the eight columns an error message lists. */
    private static Path wide() throws IOException {
        StringBuilder csv = new StringBuilder("Neo Reference ID,Name,c1,c2,c3,c4,c5,c6,c7,Orbiting Body,Hazardous\n");
        for (int i = 0; i < 40; i++) {
            csv.append(3000 + i).append(",n").append(i);
            for (int c = 1; c <= 7; c++) {
                csv.append(',').append((i * c) % 11);
            }
            csv.append(",Earth,").append(i % 5 == 0 ? "True" : "False").append('\n');
        }
        return Files.writeString(dir.resolve("wide.csv"), csv);
    }

    @Test
    void aMistypedColumnGetsTheClosestNamesWhateverItsRole() throws IOException {
        Path data = wide();
        CliRun label = CliRun.of("describe", data.toString(), "--label", "hazardous", "--positive", "True");
        assertThat(label.exitCode()).isEqualTo(65);
        assertThat(label.err()).isEqualTo("rareclass: " + data + ": label column 'hazardous' not found; did you mean "
                + "'Hazardous'?\n");
        CliRun drop = CliRun.of("describe", data.toString(), "--label", "Hazardous", "--positive", "True", "--drop",
                "Neo Refrence ID");
        assertThat(drop.exitCode()).isEqualTo(65);
        assertThat(drop.err()).contains("--drop column 'Neo Refrence ID' not found; did you mean 'Neo Reference ID'?");
        CliRun categorical = CliRun.of("describe", data.toString(), "--label", "Hazardous", "--positive", "True",
                "--categorical", "orbiting body");
        assertThat(categorical.err()).contains("--categorical column 'orbiting body' not found; did you mean "
                + "'Orbiting Body'?");
        CliRun text = CliRun.of("describe", data.toString(), "--label", "Hazardous", "--positive", "True", "--text",
                "nmae");
        assertThat(text.err()).contains("--text column 'nmae' not found; did you mean 'Name'?");
        // one column both categorical and text: it was read as text and the model file listed it as both
        CliRun both = CliRun.of("describe", data.toString(), "--label", "Hazardous", "--positive", "True",
                "--categorical", "Name", "--text", "Name");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("rareclass: " + data + ": column 'Name' is named by both --categorical and "
                + "--text; give it one of them\n");
        // nothing close: the first columns, and how many there are
        CliRun far = CliRun.of("describe", data.toString(), "--label", "danger", "--positive", "True");
        assertThat(far.err()).contains("label column 'danger' not found; columns: Neo Reference ID, Name, c1, c2, c3, "
                + "c4, c5, c6, ... (11 in all)");
    }

    @Test
    void theAsteroidsLabelInLowerCase() {
        Path nasa = shared("nasa_asteroids/nasa.csv");
        CliRun r = CliRun.of("describe", nasa.toString(), "--label", "hazardous", "--positive", "True");
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).isEqualTo("rareclass: " + nasa + ": label column 'hazardous' not found; did you mean "
                + "'Hazardous'?\n");
    }

    // ---- 6. resample writes each row's own label --------------------------------------------------------------

    /** Rings of a few ages, like abalone's: age 19 is rare, 3 and 4 are rarer still. */
    private static Path ages() throws IOException {
        StringBuilder csv = new StringBuilder("length,weight,rings\n");
        java.util.Random random = new java.util.Random(19);
        int[] common = {7, 9, 9, 9, 15, 10, 10};
        for (int i = 0; i < 280; i++) {
            int rings = i % 20 == 0 ? 19 : i % 40 == 1 ? 3 : i % 40 == 21 ? 4 : common[i % common.length];
            csv.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%d%n", rings / 10.0 + random.nextGaussian(),
                    random.nextGaussian(), rings));
        }
        return Files.writeString(dir.resolve("ages.csv"), csv);
    }

    private static java.util.List<String> lastColumn(java.util.List<String> lines) {
        return lines.stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
    }

    @Test
    void resampleKeepsEachRowsOwnLabelAndGivesSyntheticRowsTheirClasssValue() throws IOException {
        Path data = ages();
        java.util.List<String> input = lastColumn(Files.readAllLines(data));
        Path out = dir.resolve("ages-smote.csv");
        CliRun r = CliRun.of("resample", data.toString(), "--label", "rings", "--positive", "19", "--sampler", "smote",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        java.util.List<String> labels = lastColumn(Files.readAllLines(out));
        assertThat(labels.subList(0, 280)).isEqualTo(input); // negatives keep 7, 9, 15, ..., not "not 19"
        assertThat(labels.subList(280, labels.size())).isNotEmpty().containsOnly("19");
        assertThat(String.join(" ", labels)).doesNotContain("not");

        // several positive values: synthetic rows take the most frequent of them (3: 7 rows, 4: 7 rows, 19: 14)
        Path several = dir.resolve("ages-several.csv");
        CliRun s = CliRun.of("resample", data.toString(), "--label", "rings", "--positive", "3,4,19", "--sampler",
                "smote", "--out", several.toString());
        assertThat(s.exitCode()).as(s.err()).isZero();
        java.util.List<String> sl = lastColumn(Files.readAllLines(several));
        assertThat(sl.subList(0, 280)).isEqualTo(input);
        assertThat(sl.subList(280, sl.size())).isNotEmpty().containsOnly("19");

        // an under-sampler keeps original rows only, each with its value
        Path under = dir.resolve("ages-under.csv");
        CliRun u = CliRun.of("resample", data.toString(), "--label", "rings", "--positive", "19", "--sampler",
                "random-under", "--out", under.toString());
        assertThat(u.exitCode()).as(u.err()).isZero();
        java.util.List<String> ul = lastColumn(Files.readAllLines(under));
        assertThat(ul).hasSize(28).contains("19", "9").doesNotContain("not 19");
    }

    @Test
    void whenTheNegativesAreTheSmallerClassSyntheticRowsTakeTheMostFrequentNegativeValue() throws IOException {
        Path data = ages();
        // everything but 3, 4 and 15 is "positive": SMOTE then invents negatives; 15 (40 rows) is the most frequent
        Path out = dir.resolve("ages-negatives.csv");
        CliRun r = CliRun.of("resample", data.toString(), "--label", "rings", "--positive", "7,9,10,19", "--sampler",
                "smote", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        java.util.List<String> labels = lastColumn(Files.readAllLines(out));
        assertThat(labels.subList(0, 280)).isEqualTo(lastColumn(Files.readAllLines(data)));
        assertThat(labels.subList(280, labels.size())).isNotEmpty().containsOnly("15");
    }

    @Test
    void rowsThatShiftLabelsMadePositiveAreWrittenWithThePositiveValue() throws IOException {
        Path data = Files.writeString(dir.resolve("breaks.csv"), """
                t,x,state
                0,0.1,ok
                1,0.2,ok
                2,0.9,break
                3,0.1,ok
                4,0.3,ok
                5,0.8,break
                6,0.2,ok
                """);
        Path out = dir.resolve("breaks-none.csv");
        CliRun r = CliRun.of("resample", data.toString(), "--label", "state", "--positive", "break", "--shift-labels",
                "1", "--sampler", "random-over", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        java.util.List<String> lines = Files.readAllLines(out);
        // the times as written (they were 0.0, 1.0, ...)
        assertThat(lines.subList(0, 6)).containsExactly("t,x,state", "0,0.1,ok", "1,0.2,break", "3,0.1,ok",
                "4,0.3,break", "6,0.2,ok");
        assertThat(lastColumn(lines).subList(5, lines.size() - 1)).containsOnly("break");
    }

    @Test
    void resampleKeepsAbalonesAges() throws IOException {
        Path abalone = shared("abalone/abalone.data");
        Path out = dir.resolve("abalone-smote.csv");
        CliRun r = CliRun.of("resample", abalone.toString(), "--no-header", "--label", "8", "--positive", "19",
                "--sampler", "smote", "--k", "5", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        java.util.List<String> input = Files.readAllLines(abalone).stream().filter(l -> !l.isBlank())
                .map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
        java.util.List<String> labels = lastColumn(Files.readAllLines(out));
        assertThat(labels.subList(0, input.size())).isEqualTo(input);
        assertThat(labels.subList(input.size(), labels.size())).hasSize(4113).containsOnly("19");
    }

    /** A file read with the wrong shape says which shape it has: a headerless table, a TAB-separated file. */
    @Test
    void aFileReadWithTheWrongShapeGetsAHint() throws IOException {
        Path headerless = Files.writeString(dir.resolve("headerless.csv"), "0.5,1.25,0\n0.7,2.5,1\n0.1,0.2,0\n");
        CliRun h = CliRun.of("describe", headerless.toString(), "--label", "y", "--positive", "1");
        assertThat(h.exitCode()).isEqualTo(65);
        assertThat(h.err()).contains("the first row looks like data, not column names")
                .contains("add --no-header").contains("--label 2");
        Path tabs = Files.writeString(dir.resolve("tabs.csv"), "a\tb\ty\n1\t2\t0\n3\t4\t1\n");
        CliRun t = CliRun.of("describe", tabs.toString(), "--label", "y", "--positive", "1");
        assertThat(t.exitCode()).isEqualTo(65);
        assertThat(t.err()).contains("a TAB-separated file reads with --format tab");
        // a spreadsheet's CSV where the comma is the decimal mark, and a CSV file named .tsv: "columns: a;b;y", no hint
        Path semicolons = Files.writeString(dir.resolve("semicolons.csv"), "a;b;y\n1,5;2;0\n3,5;4;1\n");
        CliRun s = CliRun.of("describe", semicolons.toString(), "--label", "y", "--positive", "1");
        assertThat(s.exitCode()).isEqualTo(65);
        assertThat(s.err()).contains("the header is one field holding semicolons: a file separated by them reads with "
                + "--delimiter ';'");
        Path commas = Files.writeString(dir.resolve("commas.tsv"), "a,b,y\n1,2,0\n3,4,1\n");
        CliRun c = CliRun.of("describe", commas.toString(), "--label", "y", "--positive", "1");
        assertThat(c.exitCode()).isEqualTo(65);
        assertThat(c.err()).contains("a comma-separated file reads with --format csv");
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b,y\n1,2,0\n3\t4\t1\n");
        CliRun r = CliRun.of("describe", ragged.toString(), "--label", "y", "--positive", "1");
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("ragged row").contains("the line holds tabs");
        CliRun ok = CliRun.of("describe", headerless.toString(), "--no-header", "--label", "2", "--positive", "1");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
    }

    /**
     * A sampler that measures distances between rows cannot see a text column's words: SMOTE failed with an internal
     * error (a matrix without the words appended to one with them), and Tomek kept the rows it chose with every row 0
     * apart. Both are refused naming the samplers that can rebalance text; random-over still trains.
     */
    @Test
    void samplersThatMeasureDistancesAreRefusedOnTextAndRandomOverTrains() throws IOException {
        StringBuilder text = new StringBuilder("review,y\n");
        for (int i = 0; i < 120; i++) {
            text.append("the meal number ").append(i).append(" was ").append(i % 6 == 0 ? "bad" : "fine").append(',')
                    .append(i % 6 == 0 ? 1 : 0).append('\n');
        }
        Path reviews = Files.writeString(dir.resolve("reviews.csv"), text);
        for (String sampler : new String[] {"smote", "tomek"}) {
            CliRun r = CliRun.of("train", reviews.toString(), "--label", "y", "--positive", "1", "--text", "review",
                    "--model", "logistic", "--sampler", sampler, "--out", dir.resolve(sampler + ".model").toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("rareclass: sampler " + sampler + " cannot rebalance text features; use "
                    + "random-over, random-under or a class weight\n");
        }
        CliRun over = CliRun.of("train", reviews.toString(), "--label", "y", "--positive", "1", "--text", "review",
                "--model", "logistic", "--sampler", "random-over", "--out", dir.resolve("over.model").toString());
        assertThat(over.exitCode()).as(over.err()).isZero();
    }

    /** Free text read as categories (the sentiment sets read without --text) says how to read it as words. */
    @Test
    void freeTextReadAsCategoriesGetsTheTextHint() throws IOException {
        StringBuilder text = new StringBuilder("review,y\n");
        StringBuilder codes = new StringBuilder("code,y\n");
        for (int i = 0; i < 150; i++) {
            text.append("the meal number ").append(i).append(" was ").append(i % 3 == 0 ? "bad" : "fine").append(',')
                    .append(i % 3 == 0 ? 1 : 0).append('\n');
            codes.append("c").append(i).append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
        }
        Path reviews = Files.writeString(dir.resolve("reviews.csv"), text);
        CliRun r = CliRun.of("describe", reviews.toString(), "--label", "y", "--positive", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: column 'review' has 150 distinct values, most with spaces")
                .contains("--text review");
        Path ids = Files.writeString(dir.resolve("codes.csv"), codes);
        CliRun c = CliRun.of("describe", ids.toString(), "--label", "y", "--positive", "1");
        assertThat(c.exitCode()).isZero();
        assertThat(c.err()).doesNotContain("--text");
    }

    /**
     * A column of dates read as categories (nasa.csv's 'Close Approach Date', 777 of them) is pointed to --drop, not
     * to --text, although a date with a time holds a space as words do.
     */
    @Test
    void datesReadAsCategoriesAreWarnedAboutAsDates() throws IOException {
        StringBuilder csv = new StringBuilder("Close Approach Date,x,y\n");
        for (int i = 0; i < 150; i++) {
            csv.append(1995 + i / 12).append('-').append(String.format("%02d", 1 + i % 12)).append("-01 08:00,")
                    .append(i % 7).append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
        }
        Path dates = Files.writeString(dir.resolve("dates.csv"), csv);
        CliRun r = CliRun.of("describe", dates.toString(), "--label", "y", "--positive", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: column 'Close Approach Date' holds dates or times (such as "
                + "'1995-01-01 08:00'), read as 150 categories, which a model can only memorise: leave it out with "
                + "--drop 'Close Approach Date'").doesNotContain("--text");
    }
}
