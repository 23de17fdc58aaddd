package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} names a column that gives the label away when its validation scores are near perfect, as
 * {@code describe} does for any table: a recording time that separates the classes (creditcard_adjustedl.csv's Time)
 * gave validation scores of 1.0000 without a word. Ordinary scores look for nothing.
 */
class LeakageWarningTest {

    @TempDir
    Path dir;

    /** Two weak features, 10% positives, and (when asked) a time past 600 for positive rows, under 400 for the rest. */
    private Path table(boolean withTime) throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        List<String> lines = new ArrayList<>(List.of(withTime ? "x1,x2,time,y" : "x1,x2,y"));
        for (int i = 0; i < 800; i++) {
            boolean positive = r.nextDouble() < 0.1;
            double x1 = r.nextGaussian() + (positive ? 0.5 : 0);
            double x2 = r.nextGaussian();
            double time = positive ? 600 + 300 * r.nextDouble() : 400 * r.nextDouble();
            lines.add(withTime ? String.format(Locale.ROOT, "%.4f,%.4f,%.1f,%d", x1, x2, time, positive ? 1 : 0)
                    : String.format(Locale.ROOT, "%.4f,%.4f,%d", x1, x2, positive ? 1 : 0));
        }
        Path file = dir.resolve(withTime ? "leaky.csv" : "plain.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void nearPerfectValidationScoresNameTheColumnThatGivesTheLabelAway() throws Exception {
        CliRun leaky = CliRun.of("train", table(true).toString(), "--label", "y", "--positive", "1", "--model",
                "logistic", "--out", dir.resolve("l.model").toString());
        assertThat(leaky.exitCode()).as(leaky.err()).isZero();
        assertThat(leaky.err()).as(leaky.out()).containsPattern("warning: validation (pr_auc|roc_auc) 1\\.0000, and column 'time' "
                + "nearly determines the label: time > [0-9.]+ -> positive has 100\\.00% balanced accuracy");
        assertThat(leaky.err()).doesNotContain("column 'x1'").doesNotContain("column 'x2'");

        CliRun plain = CliRun.of("train", table(false).toString(), "--label", "y", "--positive", "1", "--model",
                "logistic", "--out", dir.resolve("p.model").toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.err()).doesNotContain("nearly determines");
    }
}
