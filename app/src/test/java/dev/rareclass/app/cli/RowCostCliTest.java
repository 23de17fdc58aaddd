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
 * the threshold down. Every report (train, evaluate and compare {@code --report}) draws the cost curve of the column.
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
        assertThat(missing.exitCode()).as("a column the file lacks, as for --label").isEqualTo(65);
        assertThat(missing.err()).contains("cost column 'Amount' not found").contains("did you mean 'amount'");
        assertThat(dir.resolve("x.model")).doesNotExist();
    }

    @Test
    void everyReportDrawsTheCostCurveOfTheCostColumn() throws Exception {
        Path data = table();
        Path model = dir.resolve("report.model");
        Path trainReport = dir.resolve("train.html");
        CliRun t = CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model", "logistic",
                "--threshold", "cost:@amount:5", "--out", model.toString(), "--report", trainReport.toString(), "-q");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertCostChartNamesTheColumn(trainReport);

        Path evalReport = dir.resolve("evaluation.html");
        CliRun e = CliRun.of("evaluate", model.toString(), data.toString(), "--report", evalReport.toString(), "-q");
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertCostChartNamesTheColumn(evalReport);
        // its summary says what the threshold costs, as the console does
        String costLine = e.out().lines().filter(l -> l.startsWith("  cost ")).findFirst().orElseThrow()
                .replaceFirst("^  cost +", "");
        assertThat(org.jsoup.Jsoup.parse(Files.readString(evalReport)).getElementById("summary").text())
                .contains("cost " + costLine);
        assertThat(Files.readString(dir.resolve("evaluation.md"))).contains(", costing " + costLine + ".");
        // the column is read for the costs, not as a feature: the same numbers as without the report
        CliRun plain = CliRun.of("evaluate", model.toString(), data.toString(), "-q");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(e.out()).contains(plain.out().strip());
        // a table without the column has no costs to draw: a data error naming it, and no report
        Path noAmount = dir.resolve("no-amount.csv");
        Files.write(noAmount, Files.readAllLines(data).stream().map(l -> l.replaceFirst(",[^,]*(,[^,]*)$", "$1"))
                .toList());
        Path missing = dir.resolve("missing.html");
        CliRun m = CliRun.of("evaluate", model.toString(), noAmount.toString(), "--report", missing.toString(), "-q");
        assertThat(m.exitCode()).isEqualTo(65);
        assertThat(m.err()).contains("column 'amount' not found").contains("cost:@amount:5");
        assertThat(missing).doesNotExist();

        Path compare = dir.resolve("compare");
        CliRun c = CliRun.of("compare", data.toString(), "--label", "label", "--positive", "yes", "--models",
                "logistic", "--folds", "3", "--threshold", "cost:@amount:5", "--report", compare.toString(), "-q");
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertCostChartNamesTheColumn(compare.resolve("report.html"));
    }

    /**
     * evaluate says what the chosen threshold costs, the sum the policy minimised, on the console and in the JSON:
     * recomputed here from predict's output and the file's amounts (a missed positive costs its amount, a false alarm
     * 5), and from the counts for a flat cost. Without the column the numbers stay, with a note that there is no cost.
     */
    @Test
    void evaluateSaysWhatTheThresholdCosts() throws Exception {
        Path data = table();
        Path model = dir.resolve("rows.model");
        assertThat(CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model", "logistic",
                "--threshold", "cost:@amount:5", "--out", model.toString(), "-q").exitCode()).isZero();
        Path json = dir.resolve("e.json");
        CliRun e = CliRun.of("evaluate", model.toString(), data.toString(), "--json", json.toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        var read = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());

        Path out = dir.resolve("p.csv");
        assertThat(CliRun.of("predict", model.toString(), data.toString(), "--out", out.toString(), "-q").exitCode())
                .isZero();
        List<String> rows = Files.readAllLines(data);
        List<String> predicted = Files.readAllLines(out);
        assertThat(predicted.get(0)).isEqualTo("row,y,p,predicted");
        double missedCost = 0;
        long missed = 0;
        long falseAlarms = 0;
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i).split(",");
            String[] p = predicted.get(i).split(",");
            boolean positive = row[3].equals("yes");
            boolean flagged = p[3].equals("1");
            if (positive && !flagged) {
                missed++;
                missedCost += Float.parseFloat(row[2]); // read as the table reads it, a float
            } else if (!positive && flagged) {
                falseAlarms++;
            }
        }
        double prAuc = read.get("pr_auc").asDouble();
        assertThat(missed).isPositive();
        assertThat(read.get("fn").asLong()).isEqualTo(missed);
        assertThat(read.get("cost_of_missed_positives").asDouble()).isCloseTo(missedCost, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(read.get("cost_of_false_alarms").asDouble()).isEqualTo(5.0 * falseAlarms);
        assertThat(read.get("cost").asDouble()).isCloseTo(missedCost + 5.0 * falseAlarms,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(e.out()).containsPattern("\n  cost +[0-9.]+ \\(" + missed + " missed positives [0-9.]+ \\+ "
                + falseAlarms + " false alarms? " + 5 * falseAlarms + "\\)\n");

        // a flat cost, from the counts
        Path flat = dir.resolve("flat.model");
        assertThat(CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model", "logistic",
                "--drop", "amount", "--threshold", "cost:20:5", "--out", flat.toString(), "-q").exitCode()).isZero();
        CliRun f = CliRun.of("evaluate", flat.toString(), data.toString(), "--json", json.toString(), "-q");
        assertThat(f.exitCode()).as(f.err()).isZero();
        read = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(read.get("cost").asDouble())
                .isEqualTo(20.0 * read.get("fn").asLong() + 5.0 * read.get("fp").asLong());

        // another policy has no cost
        Path f1 = dir.resolve("f1.model");
        assertThat(CliRun.of("train", data.toString(), "--label", "label", "--positive", "yes", "--model", "logistic",
                "--drop", "amount", "--out", f1.toString(), "-q").exitCode()).isZero();
        CliRun plain = CliRun.of("evaluate", f1.toString(), data.toString(), "--json", json.toString(), "-q");
        assertThat(plain.out()).doesNotContain("  cost ");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).has("cost")).isFalse();

        // a table without the cost column: the same numbers, no cost, a note saying why
        Path noAmount = dir.resolve("no-amount.csv");
        Files.write(noAmount, rows.stream().map(l -> l.replaceFirst(",[^,]*(,[^,]*)$", "$1")).toList());
        CliRun without = CliRun.of("evaluate", model.toString(), noAmount.toString(), "--json", json.toString());
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(without.err()).contains("no total cost").contains("column 'amount' not found");
        assertThat(without.out()).doesNotContain("  cost ");
        var noCost = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(noCost.has("cost")).isFalse();
        assertThat(noCost.get("pr_auc").asDouble()).isEqualTo(prAuc);
        assertThat(noCost.get("fn").asLong()).isEqualTo(missed);
    }

    private static void assertCostChartNamesTheColumn(Path html) throws Exception {
        org.jsoup.nodes.Element figure = org.jsoup.Jsoup.parse(Files.readString(html)).getElementById("chart-cost");
        assertThat(figure).as(html + " has a cost chart").isNotNull();
        assertThat(figure.select("svg")).hasSize(1);
        assertThat(figure.selectFirst("figcaption").text()).contains("its row's value of column 'amount'")
                .contains("5 x false positives").contains("least cost");
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
