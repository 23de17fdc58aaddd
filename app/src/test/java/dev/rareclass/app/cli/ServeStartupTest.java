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
    void anEmptyHostIsRefusedBeforeAnyModelIsRead() {
        // the JDK reads "" as loopback: the server started, printing http://:8080 as its address
        for (String host : new String[] {"", " "}) {
            CliRun run = serve("no-such.model", "--host", host, "--port", "0");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("rareclass: --host is empty; give an address such as 127.0.0.1 (this "
                    + "machine only) or 0.0.0.0 (all)" + System.lineSeparator());
        }
    }

    @Test
    void aHostThatIsNoAddressIsSaidSoWithAdviceForAUrlOrAPort() {
        // Jetty said "Failed to bind to nosuchhost.invalid/<unresolved>:0"
        assertThat(serve(model.toString(), "--host", "nosuchhost.invalid", "--port", "0").err())
                .isEqualTo("rareclass: --host 'nosuchhost.invalid' is not an address or a known host name"
                        + System.lineSeparator());
        assertThat(serve(model.toString(), "--host", "256.1.1.1", "--port", "0").exitCode()).isEqualTo(2);
        assertThat(serve(model.toString(), "--host", "http://127.0.0.1", "--port", "0").err())
                .contains("give an address, not a URL");
        CliRun withPort = serve(model.toString(), "--host", "127.0.0.1:9000", "--port", "0");
        assertThat(withPort.exitCode()).isEqualTo(2);
        assertThat(withPort.err()).contains("'127.0.0.1:9000' is not an address", "give the port with --port");
    }

    @Test
    void anIpv6AddressMayBeWrittenInBracketsAsInAUrl() {
        assertThat(ServeCommand.address("[::1]")).isEqualTo("::1");
        assertThat(ServeCommand.address("::1")).isEqualTo("::1");
        assertThat(ServeCommand.address("127.0.0.1")).isEqualTo("127.0.0.1");
        // the URL printed had two pairs: http://[[::1]]:8080
        assertThat(ServeCommand.base(ServeCommand.address("[::1]"), 8080)).isEqualTo("http://[::1]:8080");
        assertThat(ServeCommand.base("127.0.0.1", 8080)).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void aPortInUseIsSaidToBeInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CliRun run = serve(model.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(2);
            // Jetty's own words were only "Failed to bind to /127.0.0.1:N"
            assertThat(run.err()).isEqualTo("rareclass: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (address already in use); choose another with --port or --host" + System.lineSeparator());
        }
    }

    @Test
    void aTimeoutShorterThanAMillisecondIsRefusedNotTurnedIntoNone() {
        // it was rounded to 0 ms, which Jetty reads as no timeout at all: an idle connection was kept forever
        CliRun run = serve(model.toString(), "--port", "0", "--timeout", "0.0001");
        assertThat(run.exitCode()).isEqualTo(2);
        // the value as the user wrote it, not Java's 1.0E-4
        assertThat(run.err()).isEqualTo("rareclass: --timeout must be a number of seconds from 0.001 to 86400, not "
                + "0.0001" + System.lineSeparator());
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

    @Test
    void aModelFileNamedAsNoUrlIsReadFirstSoThatAMissingOneIsSaidToBeMissing() throws Exception {
        // 'no such.model' was "model name 'no such' cannot be a URL path segment", for a file that is not there
        CliRun missing = serve(dir.resolve("no such.model").toString(), "--port", "0");
        assertThat(missing.exitCode()).isEqualTo(66);
        assertThat(missing.err()).contains("no such model file");

        Path hidden = Files.copy(model, dir.resolve(".hidden"));
        CliRun named = serve(hidden.toString(), "--port", "0");
        assertThat(named.exitCode()).isEqualTo(2);
        // the rule in full: '.hidden' uses only the characters the message listed
        assertThat(named.err()).contains("model name '.hidden' cannot be a URL path segment: use up to 128 letters, "
                + "digits, '.', '_' and '-', starting with a letter or digit (choose one with --name)");
    }

    @Test
    void aNameGivenTooLongIsToldTheLimitBeforeAnyModelIsRead() {
        CliRun run = serve("no-such.model", "--name", "a".repeat(129), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("use up to 128 letters");
        assertThat(serve(model.toString(), "--name", "a".repeat(128), "--name", "b", "--port", "0").err())
                .contains("--name was given 2 time(s) for 1 model file(s)");
    }
}
