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
 * {@code --threshold cost:@COLUMN:FP} through the commands: the cost column is set aside (no feature), the threshold
 * it chooses differs from a flat cost's, the model file remembers to drop the column, so predicting on the same file
 * works, and {@code compare} runs with it. The table is generated: two informative features, 8% positives, and an
 * amount that is large for positives whose features look negative (the expensive frauds hide), so per-row costs move
 * the threshold down.
 */
class RowCostCliTest {

    @TempDir
    Path dir;

    private Path table() throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        List<String> lines = new ArrayList<>(List.of("x1,x2,amount,label"));
        for (int i = 0; i < 3000; i++) {
            boolean positive = r.nextDouble() < 0.08;
            double x1 = r.nextGaussian() + (positive ? 1.2 : 0);
            double x2 = r.nextGaussian() + (positive ? 0.8 : 0);
            double amount = positive ? (x1 < 1 ? 2000 + 100 * r.nextDouble() : 20 + r.nextDouble()) : 10 * r.nextDouble();
            lines.add(String.format(Locale.ROOT, "%.5f,%.5f,%.2f,%s", x1, x2, amount, positive ? "yes" : "no"));
        }
        Path file = dir.resolve("payments.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void perRowCostsSetTheColumnAsideAndChooseAnotherThreshold() throws Exception {
        Path data = table();
        Path rows = dir.resolve("rows.model");
        CliRun t = CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model", "logistic",
                "--threshold", "cost:@amount:5", "--out", rows.toString(), "-q");
        assertThat(t.exitCode()).as(t.err()).isZero();
        Path flat = dir.resolve("flat.model");
        CliRun f = CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model", "logistic",
                "--drop", "amount", "--threshold", "cost:20:5", "--out", flat.toString(), "-q");
        assertThat(f.exitCode()).as(f.err()).isZero();

        CliRun inspect = CliRun.of("inspect", rows.toString());
        assertThat(inspect.out()).contains("cost:@amount:5").doesNotContain("input columns: 3");
        double perRow = threshold(inspect.out());
        double flatThreshold = threshold(CliRun.of("inspect", flat.toString()).out());
        System.out.printf("threshold with per-row costs %s, with a flat cost %s%n", perRow, flatThreshold);
        assertThat(perRow).as("expensive positives hide at low scores: a lower threshold").isLessThan(flatThreshold);

        // the model drops the cost column when it scores a file that still has it
        Path out = dir.resolve("p.csv");
        CliRun p = CliRun.of("predict", rows.toString(), data.toString(), "--out", out.toString(), "-q");
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(3001);

        CliRun c = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes", "--models",
                "logistic", "--folds", "3", "--threshold", "cost:@amount:5", "-q");
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.out()).contains("logistic");

        CliRun missing = CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model",
                "logistic", "--threshold",
                "cost:@Amount:5", "--out", dir.resolve("x.model").toString(), "-q");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cost column 'Amount' not found").contains("did you mean 'amount'");
        assertThat(dir.resolve("x.model")).doesNotExist();
    }

    private static double threshold(String inspect) {
        for (String line : inspect.split("\n")) {
            String s = line.strip();
            if (s.startsWith("threshold:") || s.startsWith("threshold ")) {
                String v = s.replaceFirst("threshold:?\\s*", "").split("\\s")[0];
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    // "threshold policy" line
                }
            }
        }
        throw new AssertionError("no threshold in:\n" + inspect);
    }
}
