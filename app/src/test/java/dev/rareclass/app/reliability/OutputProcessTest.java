package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What only a real process shows about outputs: Ctrl-C at the moment between two files of a report (a compare's
 * folder and charts; a trained model, its report page, Markdown and charts), file modes
 * under the caller's umask, standard output that is full, closed or a pipe the reader left, {@code -} for
 * standard output and input, and a disk that fills up (a small tmpfs in a private mount namespace; skipped with
 * a message where this machine does not allow one).
 */
@Tag("slow")
class OutputProcessTest {

    private static final long PATIENCE_SECONDS = 300; // only a cap for a broken run, never a measured time

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path small;
    static Path big;
    static Path model;

    @BeforeAll
    static void prepare() throws IOException {
        small = SmallTable.write(shared.resolve("small.csv"));
        big = SmallTable.write(shared.resolve("big.csv"), 20_000);
        model = SmallTable.trainLogistic(small, shared.resolve("m.model"));
    }

    // ---- interruption at the moment between two files of a report ----------------------------------------

    @ParameterizedTest(name = "compare interrupted after {0}, older report: {1}")
    @CsvSource({"leaderboard.csv, true", "results.json, true", "report.html, true", "staged, true",
            "leaderboard.csv, false", "staged, false"})
    void anInterruptedCompareLeavesNoNewFileAndTheOlderReportUntouched(String moment, boolean older) throws Exception {
        Path report = dir.resolve("report");
        Map<String, String> before = Map.of();
        if (older) {
            InProcessCli r = InProcessCli.run(compare(report).toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isZero();
            Files.writeString(report.resolve("notes.txt"), "mine");
            before = Folders.contents(report);
        }
        interruptAt(moment, compare(report));
        if (older) {
            assertThat(Folders.contents(report)).as("the older report, byte for byte").isEqualTo(before);
        } else {
            assertThat(report).doesNotExist();
        }
        assertThat(names(dir)).containsExactlyInAnyOrderElementsOf(older ? List.of("report", "signal") : List.of("signal"));
    }

    @Test
    void anInterruptedRecipeRunLeavesNoManifestBesideTheOlderReport() throws Exception {
        Path recipe = dir.resolve("r.yaml");
        Files.writeString(recipe, "data:\n  file: " + small + "\n  label: y\n  positive: \"1\"\n  categorical: [color]\n"
                + "split: {kind: kfold, folds: 2}\nmodels: [logistic]\nreport: rep\n");
        InProcessCli r = InProcessCli.run("run", recipe.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path report = dir.resolve("rep");
        Files.delete(report.resolve("manifest.json")); // an older report without a manifest: a new one must not appear
        Map<String, String> before = Folders.contents(report);
        interruptAt("summary.md", List.of("run", recipe.toString()));
        assertThat(Folders.contents(report)).isEqualTo(before);
        assertThat(names(dir)).containsExactlyInAnyOrder("r.yaml", "rep", "signal");
    }

    @ParameterizedTest(name = "train interrupted after {0}, older outputs: {1}")
    @CsvSource({"m.model, true", "r.html, true", "r.md, true", "roc.png, true", "staged, true", "m.model, false",
            "roc.png, false", "staged, false"})
    void anInterruptedTrainLeavesNoNewOutputAndTheOlderOnesUntouched(String moment, boolean older) throws Exception {
        // before: the model was in place before its report was written, the page before its Markdown and charts
        Path work = Files.createDirectories(dir.resolve("work"));
        Map<String, String> before = Map.of();
        if (older) {
            InProcessCli r = InProcessCli.run(train(work, small).toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isZero();
            Files.writeString(work.resolve("notes.txt"), "mine");
            before = Folders.contents(work);
            assertThat(before).containsKeys("m.model", "r.html", "r.md", "charts/roc.png");
        }
        interruptAt(moment, train(work, big));
        assertThat(Folders.contents(work)).as("the older outputs, byte for byte").isEqualTo(before);
        assertThat(names(dir)).containsExactlyInAnyOrder("work", "signal");
    }

    @ParameterizedTest(name = "compare with charts aside interrupted after {0}")
    @CsvSource({"ranking.png", "staged"})
    void anInterruptedCompareLeavesItsChartsFolderUntouched(String moment) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        List<String> compare = new ArrayList<>(compare(work.resolve("report")));
        compare.addAll(List.of("--plots", work.resolve("charts").toString()));
        InProcessCli r = InProcessCli.run(compare.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, String> before = Folders.contents(work);
        assertThat(before).containsKeys("charts/ranking.png", "report/report.html");
        compare.set(1, big.toString());
        interruptAt(moment, compare);
        assertThat(Folders.contents(work)).isEqualTo(before);
    }

    private static List<String> train(Path work, Path data) {
        return List.of("train", data.toString(), "--label", "y", "--positive", "1", "--categorical", "color",
                "--model", "logistic", "--out", work.resolve("m.model").toString(), "--report",
                work.resolve("r.html").toString(), "--plots", work.resolve("charts").toString());
    }

    private void interruptAt(String moment, List<String> args) throws Exception {
        Path signal = Files.createDirectories(dir.resolve("signal"));
        Process p = start(List.of("-Drareclass.test.holdAfter=" + moment, "-Drareclass.test.holdSignal=" + signal),
                args);
        Path held = signal.resolve(moment + ".held");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!Files.exists(held) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!Files.exists(held)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the run never stopped after writing " + moment + " (exit "
                    + (p.isAlive() ? "-" : p.exitValue()) + "): " + stderr(p));
        }
        Assumptions.assumeFalse(Sigint.ignored(p.pid()), "this environment starts processes with SIGINT ignored");
        Sigint.send(p);
        assertThat(p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        String err = stderr(p);
        assertThat(p.exitValue()).as(err).isEqualTo(130);
        assertThat(err).contains("interrupted").doesNotContain("\tat ");
        OutputTargetCorpusTest.assertNoTemporaries(dir);
    }

    // ---- modes under the caller's umask --------------------------------------------------------------------

    @ParameterizedTest(name = "umask {0}")
    @CsvSource({"077, rw-------, rwx------", "002, rw-rw-r--, rwxrwxr-x", "022, rw-r--r--, rwxr-xr-x"})
    void newFilesAndFoldersGetTheModeTheUmaskLeaves(String umask, String file, String folder) throws Exception {
        Path pred = dir.resolve("p.csv");
        run(List.of("predict", model.toString(), small.toString(), "--out", pred.toString()), umask, 0);
        assertThat(mode(pred)).isEqualTo(file);
        Path m = dir.resolve("new.model");
        run(List.of("train", small.toString(), "--label", "y", "--positive", "1", "--categorical", "color",
                "--model", "logistic", "--out", m.toString()), umask, 0);
        assertThat(mode(m)).isEqualTo(file);
        Path report = dir.resolve("report");
        run(compare(report), umask, 0);
        assertThat(mode(report)).isEqualTo(folder);
        assertThat(mode(report.resolve("report.html"))).isEqualTo(file);
        assertThat(mode(report.resolve("leaderboard.csv"))).isEqualTo(file);
    }

    // ---- standard output --------------------------------------------------------------------------------

    @Test
    void scoreJsonIntoAFullStdoutExits74() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full here");
        ProcessBuilder pb = builder(List.of(), List.of("score", small.toString(), "--label", "y", "--positive", "1",
                "--score", "a", "--json"));
        Result r = finish(pb.redirectOutput(new File("/dev/full")));
        assertThat(r.exit()).as(r.err()).isEqualTo(74);
        assertThat(r.err()).contains("standard output").contains("no space left on device").doesNotContain("\tat ");
    }

    @Test
    void scoreJsonWithStdoutClosedExits74() throws Exception {
        Result r = wrapped(List.of("sh", "-c", "exec \"$@\" >&-", "sh"), List.of("score", small.toString(), "--label",
                "y", "--positive", "1", "--score", "a", "--json"));
        assertThat(r.exit()).as(r.err()).isEqualTo(74);
        assertThat(r.err()).contains("standard output").doesNotContain("\tat ");
    }

    @Test
    void predictionsToAFullStdoutExit74() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full here");
        ProcessBuilder pb = builder(List.of(), List.of("predict", model.toString(), small.toString(), "--out", "-"));
        Result r = finish(pb.redirectOutput(new File("/dev/full")));
        assertThat(r.exit()).as(r.err()).isEqualTo(74);
        assertThat(r.err()).contains("standard output").doesNotContain("\tat ");
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void outDashWritesPredictionsToStdoutAndTheSummaryToStderr() throws Exception {
        Result r = run(List.of("predict", model.toString(), small.toString(), "--out", "-"), null, 0);
        assertThat(r.out().lines().findFirst()).contains("row,y,p,predicted");
        assertThat(r.out().lines().count()).isEqualTo(201);
        assertThat(r.err()).contains("Wrote 200 predictions");
        assertThat(names(dir)).as("no file named -").isEmpty();
    }

    @Test
    void resampleOutDashWritesTheTableToStdout() throws Exception {
        Result r = run(List.of("resample", small.toString(), "--label", "y", "--positive", "1",
                "--categorical", "color", "--sampler", "random-under", "--out", "-"), null, 0);
        assertThat(r.out().lines().findFirst()).contains("a,b,color,y");
        assertThat(r.out().lines().count()).isEqualTo(81); // 40 positives and as many negatives
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void dashReadsTheTableFromStdin() throws Exception {
        ProcessBuilder pb = builder(List.of(), List.of("predict", model.toString(), "-", "--out", "-"));
        Result r = finish(pb.redirectInput(small.toFile()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(201);
        pb = builder(List.of(), List.of("score", "-", "--label", "y", "--positive", "1", "--score", "a", "--json"));
        r = finish(pb.redirectInput(small.toFile()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"pr_auc\"");
    }

    @Test
    void aReaderThatLeavesEndsTheWriterQuietlyAs141() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash for set -o pipefail");
        Result r = wrapped(List.of("/bin/bash", "-c", "set -o pipefail; \"$@\" 2>err.txt | head -c 10 >/dev/null",
                "bash"), List.of("predict", model.toString(), big.toString(), "--out", "-"));
        assertThat(r.exit()).isEqualTo(141);
        assertThat(Files.readString(dir.resolve("err.txt")).lines().filter(l -> !l.startsWith("note:")).toList())
                .as("no message: the reader chose to stop").isEmpty();
    }

    // ---- a full disk -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({"predict", "resample", "train", "compare"})
    void aFullDiskIsExit73AndLeavesNothing(String command) throws Exception {
        Path mnt = Files.createDirectories(dir.resolve("small-disk"));
        assumeTmpfsPossible(mnt);
        Path out = mnt.resolve(command.equals("compare") ? "report" : "out.csv");
        List<String> args = switch (command) {
            case "predict" -> List.of("predict", model.toString(), big.toString(), "--out", out.toString());
            case "resample" -> List.of("resample", big.toString(), "--label", "y", "--positive", "1", "--categorical",
                    "color", "--sampler", "random-over", "--out", out.toString());
            case "train" -> List.of("train", small.toString(), "--label", "y", "--positive", "1", "--categorical",
                    "color", "--model", "random-forest", "--out", out.toString());
            default -> compare(out);
        };
        String script = "mount -t tmpfs -o size=" + (command.equals("train") ? "8k" : "32k") + " tmpfs '" + mnt
                + "' || exit 99; \"$@\"; rc=$?; echo \"left: $(ls -A '" + mnt + "' | tr '\\n' ' ')\" >&2; exit $rc";
        Result r = wrapped(List.of("unshare", "-rm", "sh", "-c", script, "sh"), args);
        Assumptions.assumeTrue(r.exit() != 99, "cannot mount a tmpfs here: " + r.err());
        assertThat(r.exit()).as(r.err()).isEqualTo(73);
        assertThat(r.err()).contains(out.toString()).contains("no space left on device").doesNotContain("\tat ")
                .contains("left: \n");
        assertThat(r.err().lines().filter(l -> l.startsWith("rareclass:")).count()).isEqualTo(1);
    }

    private void assumeTmpfsPossible(Path mnt) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=8k tmpfs '" + mnt + "'")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no unshare here, so no small tmpfs for a disk-full test: " + e.getMessage());
            return;
        }
        String why = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(p.waitFor() == 0,
                "cannot mount a small tmpfs in a private mount namespace here (" + why + "); disk-full test skipped");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    record Result(int exit, String out, String err) {
    }

    private static List<String> compare(Path report) {
        return List.of("compare", small.toString(), "--label", "y", "--positive", "1", "--categorical", "color",
                "--models", "logistic", "--folds", "2", "--report", report.toString());
    }

    /** Runs the app, under {@code umask} when given, and checks the exit code when {@code expected >= 0}. */
    private Result run(List<String> args, String umask, int expected) throws Exception {
        Result r = wrapped(umask == null ? List.of() : List.of("sh", "-c", "umask " + umask + "; exec \"$@\"", "sh"), args);
        if (expected >= 0) {
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(expected);
        }
        return r;
    }

    /** Runs the app as the arguments of {@code wrapper} (a shell script's "$@", unshare, ...). */
    private Result wrapped(List<String> wrapper, List<String> args) throws Exception {
        ProcessBuilder pb = builder(List.of(), args);
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(pb.command());
        return finish(pb.command(cmd));
    }

    private Result finish(ProcessBuilder pb) throws Exception {
        Path outFile = Files.createTempFile(shared, "stdout", ".txt");
        Path errFile = Files.createTempFile(shared, "stderr", ".txt");
        if (pb.redirectOutput() == ProcessBuilder.Redirect.PIPE) {
            pb.redirectOutput(outFile.toFile());
        }
        pb.redirectError(errFile.toFile());
        Process p = pb.start();
        if (!p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the process did not end: " + Files.readString(errFile));
        }
        return new Result(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
    }

    private Process start(List<String> jvm, List<String> args) throws IOException {
        ProcessBuilder pb = builder(jvm, args);
        List<String> cmd = new ArrayList<>(Sigint.defaultAction());
        cmd.addAll(pb.command());
        return pb.command(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String stderr(Process p) throws IOException {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** The app's Main in a child JVM on this test's class path, working in {@link #dir}. */
    private ProcessBuilder builder(List<String> jvm, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dorg.bytedeco.javacpp.nopointergc=true", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.rareclass.app.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(f -> f.getFileName().toString()).toList();
        }
    }
}
