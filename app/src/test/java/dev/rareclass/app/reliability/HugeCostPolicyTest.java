package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --threshold cost:1e300:1e300} was echoed with each cost written out whole, 301 digits, in train's summary,
 * inspect, evaluate and the report's cost chart. Every echo now writes such a number with an exponent, the shortest
 * form that reads back as the same double ({@code 1.0E300}), which {@code --threshold} takes again.
 */
class HugeCostPolicyTest {

    @TempDir
    Path dir;

    /** A run of 20 zeros: what a cost of 1e300 written without an exponent looks like. */
    private static final String ZEROS = "0".repeat(20);

    @Test
    void aHugeCostIsEchoedWithAnExponentEverywhere() throws IOException {
        Path table = SmallTable.writeNumeric(dir.resolve("t.csv"));
        Path model = dir.resolve("m.model");
        Path report = dir.resolve("train.html");
        InProcessCli t = InProcessCli.run("train", table.toString(), "--label", "y", "--positive", "1", "--model",
                "logistic", "--threshold", "cost:1e300:1e300", "--out", model.toString(), "--report", report.toString(),
                "--quiet");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("by cost:1.0E300:1.0E300").doesNotContain(ZEROS);

        InProcessCli inspect = InProcessCli.run("inspect", model.toString());
        assertThat(inspect.out()).contains("cost:1.0E300:1.0E300").doesNotContain(ZEROS);
        InProcessCli json = InProcessCli.run("inspect", model.toString(), "--json");
        assertThat(json.out()).contains("cost:1.0E300:1.0E300").doesNotContain(ZEROS);

        Path evalReport = dir.resolve("eval.html");
        InProcessCli e = InProcessCli.run("evaluate", model.toString(), table.toString(), "--report",
                evalReport.toString(), "--quiet");
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(e.out() + e.err()).contains("cost:1.0E300:1.0E300").doesNotContain(ZEROS);
        for (Path page : new Path[] {report, evalReport, dir.resolve("eval.md")}) {
            assertThat(Files.readString(page)).as(page.toString()).doesNotContain(ZEROS);
        }
        assertThat(Files.readString(evalReport)).contains("(1.0E300 x false negatives + 1.0E300 x false positives)");

        // the echoed spec is one --threshold takes: the same policy, the same threshold
        Path again = dir.resolve("again.model");
        InProcessCli t2 = InProcessCli.run("train", table.toString(), "--label", "y", "--positive", "1", "--model",
                "logistic", "--threshold", "cost:1.0E300:1.0E300", "--out", again.toString(), "--quiet");
        assertThat(t2.out().lines().findFirst()).isEqualTo(t.out().lines().findFirst());
    }
}
