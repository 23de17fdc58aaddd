package dev.rareclass.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s start-up refusals: each is one plain line with exit 2, 65 or 66, said before a model is loaded
 * where it can be, and with no server left listening. (A start that succeeds blocks until a signal: those are in
 * {@code ServeStartupProcessTest}.)
 */
class ServeStartupTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainSmallModel() throws Exception {
        Path data = GeneratedCsv.write(dir.resolve("t.csv"), 300, 3, 2, 0.2, 7, "a,b,c,y", "1", "0");
        model = dir.resolve("m.model");
        CliRun train = CliRun.of("train", data.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", model.toString(), "--quiet");
        assertThat(train.exitCode()).as(train.err()).isZero();
    }

    private static CliRun serve(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun run = CliRun.of(all);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        return run;
    }

    @Test
    void aTimeoutShorterThanAMillisecondIsRefusedNotTurnedIntoNone() {
        // it was rounded to 0 ms, which Jetty reads as no timeout at all: an idle connection was kept forever
        CliRun run = serve(model.toString(), "--port", "0", "--timeout", "0.0001");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--timeout must be a number of seconds from 0.001 to 86400");
    }

    @Test
    void aTimeoutInJavasOwnNumberSyntaxIsNoNumber() {
        // Java's Double.parseDouble reads 1d as 1 and 0x1p3 as 8: --timeout 1d was one second, not a day
        for (String t : new String[] {"1d", "0x1p3", "2f", "NaN"}) {
            CliRun run = serve(model.toString(), "--port", "0", "--timeout", t);
            assertThat(run.exitCode()).as(t).isEqualTo(2);
            assertThat(run.err()).as(t).startsWith("rareclass: Invalid value for option '--timeout': '" + t
                    + "' is not a number");
        }
    }
}
