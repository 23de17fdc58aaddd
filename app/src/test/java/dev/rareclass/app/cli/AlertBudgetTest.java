package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert budget on real data: mammography (11,183 rows, 2.3% positive), every third row held out; a forest
 * trained on the rest with {@code --threshold alerts<=0.01} (chosen on its 20% validation rows) flags at most 1.5%
 * of the held-out rows, where the default max-f1 threshold flags more.
 */
class AlertBudgetTest {

    static final Path MAMMOGRAPHY = Path.of("..", "..", "shared", "datasets", "mammography", "mammography.csv");

    @TempDir
    Path dir;

    @Test
    void alertsWithinOnePercentFlagAtMostOneAndAHalfPercentOfHeldOutRows() throws Exception {
        Assumptions.assumeTrue(Files.exists(MAMMOGRAPHY), "shared datasets not beside the checkout");
        List<String> lines = Files.readAllLines(MAMMOGRAPHY).stream().filter(l -> !l.isBlank()).toList();
        List<String> train = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (i % 3 == 2 ? held : train).add(lines.get(i));
        }
        Path trainFile = Files.write(dir.resolve("train.csv"), train);
        Path heldFile = Files.write(dir.resolve("held.csv"), held);
        double budgeted = flaggedShare(trainFile, heldFile, "alerts<=0.01");
        double maxF1 = flaggedShare(trainFile, heldFile, "max-f1");
        System.out.printf("mammography held-out rows flagged: alerts<=0.01 %.4f, max-f1 %.4f%n", budgeted, maxF1);
        assertThat(budgeted).isLessThanOrEqualTo(0.015).isPositive();
        assertThat(maxF1).isGreaterThan(budgeted);
    }

    private double flaggedShare(Path train, Path held, String policy) throws Exception {
        Path model = dir.resolve(policy.replaceAll("[^a-z0-9]", "_") + ".model");
        CliRun t = CliRun.of("train", train.toString(), "--no-header", "--label", "6", "--positive", "'1'", "--model",
                "random-forest", "--threshold", policy, "--seed", "1", "--out", model.toString(), "-q");
        assertThat(t.exitCode()).as(t.err()).isZero();
        Path out = dir.resolve("p.csv");
        CliRun p = CliRun.of("predict", model.toString(), held.toString(), "--no-header", "--out", out.toString(), "-q");
        assertThat(p.exitCode()).as(p.err()).isZero();
        List<String> rows = Files.readAllLines(out);
        long flagged = rows.stream().skip(1).filter(r -> r.endsWith(",1")).count();
        return (double) flagged / (rows.size() - 1);
    }
}
