package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.rareclass.app.cli.CliRun;
import dev.rareclass.app.cli.GeneratedCsv;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code serve} process at start-up, where what it is given is not the arguments: standard output that
 * cannot be written, a temporary folder that cannot be made, a signal the server does not handle.
 */
@Tag("slow")
class ServeStartupProcessTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainSmallModel() throws Exception {
        Path data = GeneratedCsv.write(dir.resolve("t.csv"), 300, 3, 2, 0.2, 7, "a,b,c,y", "1", "0");
        model = dir.resolve("m.model");
        CliRun train = CliRun.withAllCommands(com.google.inject.Guice.createInjector(
                new dev.rareclass.app.wiring.AppModule()), "train", data.toString(), "--label", "y", "--positive", "1",
                "--model", "logistic", "--out", model.toString(), "--quiet");
        assertThat(train.exitCode()).as(train.err()).isZero();
    }

    /**
     * Whether this JVM was started with SIGHUP ignored (nohup): the JVM then leaves it ignored, installs no handler
     * for it, and its child processes inherit it ignored.
     */
    private static boolean hangupIgnored() {
        sun.misc.Signal hup = new sun.misc.Signal("HUP");
        sun.misc.SignalHandler before = sun.misc.Signal.handle(hup, signal -> { });
        sun.misc.Signal.handle(hup, before);
        return before == sun.misc.SignalHandler.SIG_IGN;
    }

    private static ProcessBuilder serve(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.rareclass.app.Main", "serve",
                model.toString(), "--port", "0"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile());
    }

    @Test
    void aStandardOutputThatCannotTakeTheAddressStopsTheServerAtOnceWithExit74() throws Exception {
        // it served until stopped and only then exited 74: the address --port 0 chose was lost, and a graceful stop
        // hours later looked like a failure
        Process p = serve(List.of()).redirectOutput(new java.io.File("/dev/full")).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits without being stopped").isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isEqualTo(74);
            assertThat(err.lines()).containsExactly(
                    "rareclass serve: not serving: standard output cannot take the address it listens on",
                    "rareclass: standard output: cannot write (no space left on device); the output is lost");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aTemporaryFolderThatCannotBeMadeIsAnOutputThatCannotBeWritten() throws Exception {
        // it was "cannot listen on 127.0.0.1:0 (/nonexistent/rareclass-serve-123); choose another with --port", exit 2
        Path missing = dir.resolve("no-such-folder");
        Process p = serve(List.of("-Djava.io.tmpdir=" + missing)).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isEqualTo(73);
            assertThat(err).contains("rareclass: cannot create a folder for CSV request bodies in " + missing
                    + " (no such file or folder); point JAVA_OPTS=-Djava.io.tmpdir=... at a writable folder")
                    .doesNotContain("listen").doesNotContain("\tat ");
            assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aSignalTheServerDoesNotHandleStillLeavesNoTemporaryFolder() throws Exception {
        // under nohup the server inherits SIGHUP ignored, as nohup means it to (it then serves on): nothing to test
        assumeFalse(hangupIgnored(), "SIGHUP is ignored here (started under nohup), and so in the server");
        // SIGHUP (a closed terminal) ends the JVM by its own handling, 129: the spool folder stayed in /tmp
        Path tmp = Files.createDirectories(dir.resolve("tmp-hup"));
        Process p = serve(List.of("-Djava.io.tmpdir=" + tmp)).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            boolean listening = false;
            for (String line; !listening && (line = out.readLine()) != null; ) {
                listening = line.startsWith("Listening on http://127.0.0.1:");
            }
            assertThat(listening).isTrue();
            try (var files = Files.list(tmp)) {
                assertThat(files.map(f -> f.getFileName().toString()).toList()).as("the spool folder while serving")
                        .singleElement().asString().startsWith("rareclass-serve-");
            }
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(129);
            try (var files = Files.list(tmp)) {
                assertThat(files.toList()).as("left in java.io.tmpdir").isEmpty();
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
