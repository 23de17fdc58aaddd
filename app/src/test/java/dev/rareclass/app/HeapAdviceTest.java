package dev.rareclass.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advice's arithmetic; {@code MemoryProcessTest} follows it in a real process. */
class HeapAdviceTest {

    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    /** 100,000 lines of 10 bytes: about 1 MB. */
    private Path table() throws IOException {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, "0.5,0.25,1\n".repeat(100_000));
        return p;
    }

    @Test
    void theDataCountsThreeTimesWithWorkingRoomAndNeverLessThanTwiceTheHeap() throws IOException {
        Path t = table();
        String m = HeapAdvice.message(new String[] {"train", t.toString(), "--model", "logistic"}, 24 * MIB);
        // 3 x 1.05 MiB + 128 MiB = 131 MiB, rounded up to a multiple of 64
        assertThat(m).isEqualTo("rareclass: out of memory: the data needs more heap than the 24 MiB this JVM has (the "
                + "input is 1 MiB, about 131 MiB needed); run with JAVA_OPTS=-Xmx192m");
        assertThat(HeapAdvice.message(new String[] {"train", t.toString()}, 512 * MIB)).endsWith("-Xmx1g");
    }

    @Test
    void anExistingOutputIsNotAnInput() throws IOException {
        Path t = table();
        Path big = Files.write(dir.resolve("old.model"), new byte[50 << 20]);
        assertThat(HeapAdvice.largestInput(new String[] {"train", t.toString(), "--out", big.toString()}).size())
                .isEqualTo(Files.size(t));
        assertThat(HeapAdvice.largestInput(new String[] {"train", t.toString()}).rows()).isEqualTo(100_000);
    }

    @Test
    void randomForestsAddTheirTreesPerRowForEveryFitAtOnce() throws IOException {
        Path t = table();
        HeapAdvice.Input in = HeapAdvice.largestInput(new String[] {t.toString()});
        long perTree = 100_000L * 24;
        assertThat(HeapAdvice.forestBytes(new String[] {"train", t.toString(), "--model", "random-forest"}, in))
                .isEqualTo(100 * perTree);
        assertThat(HeapAdvice.forestBytes(new String[] {"train", t.toString(), "--model=random-forest@smile",
                "--param", "trees=300"}, in)).isEqualTo(300 * perTree);
        assertThat(HeapAdvice.forestBytes(new String[] {"compare", t.toString(), "--models", "logistic,random-forest",
                "--param", "random-forest.trees=50", "--jobs", "3"}, in)).isEqualTo(3 * 50 * perTree);
        assertThat(HeapAdvice.forestBytes(new String[] {"train", t.toString(), "--model", "balanced-random-forest"}, in))
                .as("trees on balanced under-samples stay small").isZero();
        assertThat(HeapAdvice.message(new String[] {"train", t.toString(), "--model", "random-forest"}, 24 * MIB))
                .contains("about 360 MiB needed, 229 MiB of it for random forests of about 100,000 rows")
                .endsWith("-Xmx384m");
    }
}
