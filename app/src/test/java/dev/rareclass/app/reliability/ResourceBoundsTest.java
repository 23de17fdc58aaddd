package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many consecutive {@code predict} calls in one JVM leak no thread, no file descriptor and no heap: counts
 * are compared between a warmed-up point and the end (once idle pool workers have timed out, within 20 s).
 */
class ResourceBoundsTest {

    @TempDir
    Path dir;

    @Test
    void thousandSmilePredictionsLeakNothing() throws IOException {
        Path model = train("logistic");
        Snapshot[] s = predictMany(model, 1_000, 100);
        System.out.println("smile predict x1000: after warm-up " + s[0] + ", at the end " + s[1]);
        assertNoThreadDescriptorOrHeapLeak(s);
    }

    @Test
    @Tag("slow")
    void twoHundredDl4jPredictionsLeakNothing() throws IOException {
        Path model = train("mlp");
        Snapshot[] s = predictMany(model, 200, 30);
        System.out.println("dl4j predict x200: after warm-up " + s[0] + ", at the end " + s[1]);
        assertNoThreadDescriptorOrHeapLeak(s);
        assertThat(s[1].rssMb).as("resident memory (native included), MiB").isLessThan(s[0].rssMb + 256);
    }

    /** Threads, file descriptors and heap at the end ({@code s[1]}) stay near the warmed-up point ({@code s[0]}). */
    private static void assertNoThreadDescriptorOrHeapLeak(Snapshot[] s) {
        assertThat(s[1].threads).as("threads").isLessThanOrEqualTo(s[0].threads + 2);
        assertThat(s[1].fds).as("open file descriptors").isLessThanOrEqualTo(s[0].fds + 4);
        assertThat(s[1].heapMb).as("heap after GC, MiB").isLessThan(s[0].heapMb + 32);
    }

    private Path train(String kind) throws IOException {
        Path data = dir.resolve("d.csv");
        StringBuilder sb = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < 200; i++) {
            sb.append(i % 7).append(',').append((i * 13) % 11).append(',').append(i % 3).append(',')
                    .append(i % 6 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(data, sb);
        Path model = dir.resolve(kind + ".model");
        InProcessCli r = kind.equals("mlp")
                ? InProcessCli.run("train", data.toString(), "--label", "y", "--positive", "1", "--model", "mlp",
                        "--param", "epochs=2", "--param", "hidden=4", "--out", model.toString())
                : InProcessCli.run("train", data.toString(), "--label", "y", "--positive", "1", "--model", kind,
                        "--out", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return model;
    }

    private Snapshot[] predictMany(Path model, int calls, int warmUp) {
        Path data = dir.resolve("d.csv");
        Path out = dir.resolve("p.csv");
        Snapshot first = null;
        for (int i = 1; i <= calls; i++) {
            InProcessCli r = InProcessCli.run("predict", model.toString(), data.toString(), "--out", out.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            if (i == warmUp) {
                first = Snapshot.take();
            }
        }
        // pooled workers (the common fork-join pool, native BLAS threads) idle out after a while; a leak does not
        Snapshot last = Snapshot.take();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((last.threads > first.threads + 2 || last.fds > first.fds + 4) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = Snapshot.take();
        }
        return new Snapshot[] {first, last};
    }

    record Snapshot(int threads, long fds, long heapMb, long rssMb) {
        static Snapshot take() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            Runtime rt = Runtime.getRuntime();
            return new Snapshot(ManagementFactory.getThreadMXBean().getThreadCount(), countFds(),
                    (rt.totalMemory() - rt.freeMemory()) >> 20, readRssMb());
        }

        private static long countFds() {
            try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
                return s.count();
            } catch (IOException | UnsupportedOperationException e) {
                return 0;
            }
        }

        private static long readRssMb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            return 0;
        }
    }
}
