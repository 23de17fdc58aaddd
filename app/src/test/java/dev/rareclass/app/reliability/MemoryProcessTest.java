package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.adapters.format.TarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory, in a real process with a small heap: the {@code -Xmx} advice printed when a run runs out of heap is
 * followed (as it says: its {@code JAVA_OPTS} value given to the JVM) and the same command then succeeds; and the
 * archives that used to be buffered whole (one 2 GiB document in 2 MB, a bomb of a million entries) are refused
 * in a heap far smaller than what they inflate to.
 */
@Tag("slow")
class MemoryProcessTest {

    private static final long PATIENCE_SECONDS = 900; // only a cap for a broken run, never a measured time
    private static final Pattern ADVICE = Pattern.compile("run with JAVA_OPTS=(\\S+)");

    @TempDir
    Path dir;

    record Result(int exit, String err) {
    }

    @Test
    void theAdviceAfterTrainingRunsOutIsEnough() throws Exception {
        Path data = SmallTable.noise(dir.resolve("wide.csv"), 150_000, 12);
        followTheAdvice(List.of("train", data.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", dir.resolve("m.model").toString()));
    }

    @Test
    void theAdviceAfterACompareOnTwoCoresRunsOutIsEnough() throws Exception {
        Path data = SmallTable.noise(dir.resolve("wide.csv"), 150_000, 12);
        followTheAdvice(List.of("compare", data.toString(), "--label", "y", "--positive", "1", "--models",
                "logistic,decision-tree", "--folds", "3", "--jobs", "2", "--report", dir.resolve("report").toString()));
    }

    @Test
    void theAdviceCountsTheTreesOfAForestWhichGrowWithTheRows() throws Exception {
        // fully grown trees on noise: a node for every training row or so, whatever the columns; a file of 1 MB
        // grows a forest of about 200 MB
        Path data = SmallTable.noise(dir.resolve("narrow.csv"), 60_000, 2);
        String advice = followTheAdvice(List.of("train", data.toString(), "--label", "y", "--positive", "1", "--model",
                "random-forest", "--param", "trees=200", "--out", dir.resolve("rf.model").toString()));
        assertThat(advice).contains("of it for random forests of about 60,001 rows");
    }

    @Test
    void aTwoGigabyteDocumentInATwoMegabyteArchiveIsRefusedInA64MegabyteHeap() throws Exception {
        long size = 2L << 30;
        Path archive = TarBuilder.gz(dir.resolve("big.tar.gz"), t -> t.file("c/neg/1.txt", "fine")
                .header("c/pos/huge.txt", '0', size, "").repeat(0, size).pad(size).end());
        assertThat(Files.size(archive)).isLessThan(3_000_000);
        Result r = run(List.of("-Xmx64m"), trainText(archive));
        assertThat(r.exit()).as(r.err()).isEqualTo(65);
        assertThat(r.err()).contains(archive + ": entry 'c/pos/huge.txt' is a document of 2.0 GiB; --format text reads "
                + "documents of up to 16 MiB").doesNotContain("out of memory").doesNotContain("\tat ");
    }

    @Test
    void aBombOfAMillionEntriesIsRefusedAtTheLimitInA256MegabyteHeap() throws Exception {
        // 1,100,000 one-byte documents, 1.1 GiB inflated: the reader stops at 1 GiB, having held a million
        // documents of one letter (about 100 MB); the file is a few MB
        byte[] entry = new byte[1024];
        new TarBuilder(new java.io.OutputStream() {
            int at;

            @Override
            public void write(int b) {
                entry[at++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                System.arraycopy(b, off, entry, at, len);
                at += len;
            }
        }).file("c/pos/1.txt", "x");
        Path archive = TarBuilder.gz(dir.resolve("bomb.tar.gz"), t -> {
            for (int i = 0; i < 1_100_000; i++) {
                t.content(entry);
            }
            t.end();
        });
        Result r = run(List.of("-Xmx256m"), trainText(archive));
        assertThat(r.exit()).as(r.err()).isEqualTo(65);
        assertThat(r.err()).contains(archive + ": the archive inflates to more than 1.0 GiB (at entry 'c/pos/1.txt', "
                + "of 1 byte)").doesNotContain("out of memory").doesNotContain("\tat ");
    }

    @Test
    void aDamagedModelFileDeclaringALargePayloadIsRefusedInAHeapTwiceItsSize() throws Exception {
        // a logistic model whose classifier.bin is 96 MiB of zeros (a 100 KB file; within the 256 MiB any file may
        // inflate to), its checksum unchanged: read in chunks and then copied whole it took twice its size, and this
        // heap ran out (exit 70, "out of memory") before the checksum could refuse it
        Path data = SmallTable.noise(dir.resolve("small.csv"), 200, 3);
        Path model = dir.resolve("m.model");
        Result trained = run(List.of(), List.of("train", data.toString(), "--label", "y", "--positive", "1", "--model",
                "logistic", "--out", model.toString()));
        assertThat(trained.exit()).as(trained.err()).isZero();
        Path damaged = dir.resolve("damaged.model");
        try (var in = new java.util.zip.ZipFile(model.toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(damaged))) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                if (e.getName().equals("classifier.bin")) {
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 96; i++) {
                        out.write(zeros);
                    }
                } else {
                    in.getInputStream(e).transferTo(out);
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(damaged)).isLessThan(1_000_000);
        Result r = run(List.of("-Xmx192m"), List.of("predict", damaged.toString(), data.toString(), "--out",
                dir.resolve("p.csv").toString()));
        assertThat(r.exit()).as(r.err()).isEqualTo(65);
        assertThat(r.err()).contains(damaged + ": refused: the classifier's checksum does not match")
                .doesNotContain("out of memory").doesNotContain("\tat ");
        // in a heap too small for it, the size is refused by name, not run out of
        Result tiny = run(List.of("-Xmx64m"), List.of("predict", damaged.toString(), data.toString(), "--out",
                dir.resolve("p.csv").toString()));
        assertThat(tiny.exit()).as(tiny.err()).isEqualTo(65);
        assertThat(tiny.err()).contains("entry 'classifier.bin' declares 100663296 bytes, more than this JVM's heap can "
                + "hold now").doesNotContain("\tat ");
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }

    private static List<String> trainText(Path archive) {
        return List.of("train", archive.toString(), "--positive", "pos", "--model", "logistic", "--out",
                archive.resolveSibling("m.model").toString());
    }

    /**
     * Runs the command in a 24 MiB heap, where it must run out with one line of advice; runs it again with the
     * JVM options the advice names; asserts success. Returns the advice.
     */
    private String followTheAdvice(List<String> args) throws Exception {
        Result small = run(List.of("-Xmx24m"), args);
        assertThat(small.exit()).as(small.err()).isEqualTo(70);
        String advice = small.err().lines().filter(l -> l.startsWith("rareclass: out of memory")).findFirst()
                .orElseThrow(() -> new AssertionError("no advice: " + small.err()));
        Matcher m = ADVICE.matcher(advice);
        assertThat(m.find()).as(advice).isTrue();
        List<String> options = Arrays.asList(m.group(1).split(" "));
        assertThat(options).allMatch(o -> o.startsWith("-Xmx"));
        System.out.println("advice: " + advice);
        Result followed = run(options, args);
        assertThat(followed.exit()).as("with " + options + ": " + followed.err()).isZero();
        return advice;
    }

    /** The app's Main in a child JVM on this test's class path, with these JVM options. */
    private Result run(List<String> jvm, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dorg.bytedeco.javacpp.nopointergc=true"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.rareclass.app.Main"));
        cmd.addAll(args);
        Path errFile = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errFile.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        if (!p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the process did not end: " + Files.readString(errFile));
        }
        String err = Files.readString(errFile);
        Files.delete(errFile);
        return new Result(p.exitValue(), err);
    }

}
