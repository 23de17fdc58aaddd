package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rareclass score}: which data options it takes, and how it reads rows whose label or score is missing. */
class ScoreCommandTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Predictions as {@code predict} writes them (row,y,p,predicted), seeded, about 10% positive. */
    private static List<String> predictions(long seed, int rows) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("row,y,p,predicted"));
        for (int i = 1; i <= rows; i++) {
            int y = r.nextDouble() < 0.1 ? 1 : 0;
            double p = Math.round(Math.min(1, Math.max(0, 0.3 + 0.3 * y + 0.2 * r.nextGaussian())) * 100) / 100.0;
            lines.add(i + "," + y + "," + p + "," + (p >= 0.5 ? 1 : 0));
        }
        return lines;
    }

    private Path write(String name, List<String> lines) throws Exception {
        return Files.write(dir.resolve(name), lines);
    }

    private static CliRun score(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("score", file.toString(), "--label", "y", "--score", "p"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theDataOptionsScoreHasNoUseForAreRefusedInOneLineNamingTheOption() throws Exception {
        Path file = write("p.csv", predictions(1, 200));
        String[][] refused = {
            {"--drop", "row"}, {"--categorical", "predicted"}, {"--text", "row"}, {"--shift-labels", "3"},
            {"--missing", "mean"}, {"--missing", "median"}, {"--missing", "most-frequent"}};
        for (String[] option : refused) {
            CliRun r = score(file, option);
            assertThat(r.exitCode()).as(String.join(" ", option)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
            assertThat(r.err()).as(String.join(" ", option)).startsWith("rareclass: score does not use " + option[0])
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(score(file, "--missing", "mean").err()).contains("--missing mean");
        // the reading options it does use, and the default policy said out loud, are taken
        for (String[] option : new String[][] {{"--missing", "error"}, {"--missing", "drop"}, {"--format", "csv"},
                {"--delimiter", ","}, {"--drop="}, {"--shift-labels", "0"}}) {
            CliRun r = score(file, option);
            assertThat(r.exitCode()).as(String.join(" ", option) + ": " + r.err()).isZero();
        }
    }

    /**
     * {@code --missing drop} leaves out the rows whose label or score is missing, as {@code df.dropna(subset=["y",
     * "p"])} before scikit-learn's metrics would: every number is that of the file without those rows, and the rows
     * left out are counted on stderr and in the JSON.
     */
    @Test
    void missingDropScoresTheRowsWithALabelAndAScore() throws Exception {
        List<String> complete = predictions(2, 400);
        List<String> holey = new ArrayList<>(complete);
        // rows 10 and 30 without a label, 20 without a score (NA), 40 with neither; a missing feature is no concern
        holey.set(10, "10,,0.7,1");
        holey.set(20, "20,1,NA,0");
        holey.set(30, "30,?,0.1,0");
        holey.set(40, "40,,,0");
        holey.set(50, complete.get(50).replaceAll(",[01]$", ",")); // only its unread predicted column missing
        List<String> kept = new ArrayList<>(complete);
        for (int line : new int[] {40, 30, 20, 10}) {
            kept.remove(line);
        }
        Path withHoles = write("holey.csv", holey);
        Path withoutThem = write("kept.csv", kept);

        CliRun dropped = score(withHoles, "--missing", "drop", "--json");
        CliRun clean = score(withoutThem, "--json");
        assertThat(dropped.exitCode()).as(dropped.err()).isZero();
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        JsonNode a = JSON.readTree(dropped.out());
        JsonNode b = JSON.readTree(clean.out());
        for (String metric : new String[] {"pr_auc", "roc_auc", "mcc", "f1", "precision", "recall", "tp", "fp", "tn",
                "fn", "brier", "log_loss"}) {
            assertThat(a.path(metric).asDouble()).as(metric).isEqualTo(b.path(metric).asDouble());
        }
        assertThat(a.path("intervals_95")).isEqualTo(b.path("intervals_95"));
        assertThat(a.path("tp").asLong() + a.path("fp").asLong() + a.path("tn").asLong() + a.path("fn").asLong())
                .isEqualTo(396);
        assertThat(a.path("warnings").toString()).contains("4 of 400 rows left out: a missing label or score");
        assertThat(dropped.err()).contains("4 of 400 rows left out");
        assertThat(b.path("warnings").size()).isZero();

        // without it, the first row without a label is refused, saying what would leave it out
        CliRun refused = score(withHoles);
        assertThat(refused.exitCode()).isEqualTo(65);
        assertThat(refused.err()).contains("line 11").contains("missing label").contains("--missing drop");
    }

    @Test
    void missingDropOfEveryRowIsADataError() throws Exception {
        Path file = write("none.csv", List.of("y,p", ",0.5", "1,", "NA,NA"));
        CliRun r = score(file, "--missing", "drop");
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("every one of its 3 rows has a missing label or score");
    }

    /**
     * A file of positive rows only (a month of confirmed fraud) names the negative class of its report 0 when the
     * positive value is 1, as scikit-learn's classification_report does for 0/1 labels; scikit-learn 1.2.1,
     * {@code classification_report([1] * 6, [1, 1, 0, 1, 1, 0], zero_division=0)}: "0  0.00 0.00 0.00 0",
     * "1  1.00 0.67 0.80 6". Another positive value keeps "not <positive>": its other class cannot be told.
     */
    @Test
    void aFileOfPositivesOnlyNamesTheNegativeClassZeroAgainstOne() throws Exception {
        List<String> lines = List.of("y,p", "1,0.9", "1,0.8", "1,0.3", "1,0.7", "1,0.6", "1,0.2");
        CliRun ones = score(write("ones.csv", lines));
        assertThat(ones.exitCode()).as(ones.err()).isZero();
        assertThat(ones.out()).doesNotContain("not 1")
                .containsPattern("\\n +0 +0\\.00 +0\\.00 +0\\.00 +0\\n")
                .containsPattern("\\n +1 +1\\.00 +0\\.67 +0\\.80 +6\\n");

        CliRun yes = score(write("yes.csv", lines.stream().map(l -> l.replace("1,", "yes,")).toList()), "--positive", "yes");
        assertThat(yes.exitCode()).as(yes.err()).isZero();
        assertThat(yes.out()).containsPattern("\\n +not yes +0\\.00 +0\\.00 +0\\.00 +0\\n");
    }

    /**
     * A file of one class is said to be so, on stderr and in the JSON, as {@code evaluate} says it of a table (score
     * gave the numbers without a word); the header names a threshold given outright as fixed, not "0.5, 0.5".
     */
    @Test
    void aFileOfOneClassIsWarnedOfAndTheFixedThresholdNamedOnce() throws Exception {
        Path ones = write("ones-warned.csv", List.of("y,p", "1,0.9", "1,0.8", "1,0.3"));
        CliRun text = score(ones);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.err()).contains("warning: " + ones + " holds no negative row");
        assertThat(text.out()).contains("(threshold 0.5, fixed)").doesNotContain("0.5, 0.5");
        CliRun json = score(ones, "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).path("warnings").get(0).asText())
                .startsWith(ones + " holds no negative row");
    }
}
