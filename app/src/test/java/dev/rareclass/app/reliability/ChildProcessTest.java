package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real process: Ctrl-C during {@code train} and {@code compare} exits 130 within two seconds and leaves no
 * model, report or {@code .part} file; a table that does not fit the heap ends with one line naming the -Xmx
 * to use (exit 70), never an OutOfMemoryError trace.
 */
@Tag("slow")
class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCDuringTrainExits130AndLeavesNoModel() throws Exception {
        Path data = SmallTable.noise(dir.resolve("big.csv"), 50_000, 10);
        Path model = dir.resolve("m.model");
        interrupt(List.of("train", data.toString(), "--label", "y", "--positive", "1", "--model", "mlp",
                "--param", "epochs=500", "--param", "hidden=32,32", "--out", model.toString()));
        assertNothingLeft(dir, "big.csv");
    }

    @Test
    void ctrlCDuringCompareExits130AndLeavesNoReport() throws Exception {
        Path data = SmallTable.noise(dir.resolve("big.csv"), 50_000, 10);
        Path report = Files.createDirectories(dir.resolve("report"));
        interrupt(List.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models",
                "mlp@dl4j,logistic", "--folds", "3", "--report", report.toString()));
        assertNothingLeft(report);
        assertNothingLeft(dir, "big.csv", "report");
    }

    @Test
    void aTableTooLargeForTheHeapEndsWithOneLineNamingTheXmx() throws Exception {
        Path data = SmallTable.noise(dir.resolve("huge.csv"), 1_600_000, 12); // about 200 MB
        Path model = dir.resolve("m.model");
        Process p = start(List.of("-Xmx64m"), List.of("train", data.toString(), "--label", "y", "--positive", "1",
                "--model", "logistic", "--out", model.toString()));
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        System.out.println("OOM child: exit " + p.exitValue() + ": " + err);
        assertThat(p.exitValue()).as(err).isEqualTo(70);
        assertThat(err).contains("out of memory").contains("-Xmx").doesNotContain("OutOfMemoryError")
                .doesNotContain("\tat ");
        assertThat(err.lines().count()).isLessThanOrEqualTo(2);
        assertNothingLeft(dir, "huge.csv");
    }

    private void interrupt(List<String> args) throws Exception {
        Process p = start(List.of(), args);
        Thread.sleep(4_000); // JVM start, Guice, reading the table: training is under way
        assertThat(p.isAlive()).as("still working when interrupted").isTrue();
        Assumptions.assumeFalse(Sigint.ignored(p.pid()), "this environment starts processes with SIGINT ignored");
        long t0 = System.nanoTime();
        Sigint.send(p);
        boolean ended = p.waitFor(2, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!ended) {
            p.destroyForcibly();
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        System.out.printf("interrupted %s: ended=%s after %.2f s, exit %s, stderr: %s%n", args.get(0), ended, seconds,
                ended ? p.exitValue() : "-", err);
        assertThat(ended).as("ended within 2 s of SIGINT").isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(err).contains("interrupted").doesNotContain("\tat ");
    }

    /** The app's Main in a child JVM on this test's class path (SIGINT reset to default where env allows). */
    private Process start(List<String> jvm, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(Sigint.defaultAction());
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dorg.bytedeco.javacpp.nopointergc=true"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.rareclass.app.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private static void assertNothingLeft(Path folder, String... expected) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactlyInAnyOrder(expected);
        }
    }

}
