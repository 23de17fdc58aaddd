package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.adapters.format.TarBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cat a.tar b.tar > c.tar} makes a file whose second archive tar itself never reads (it stops at the first
 * end-of-archive marker unless told {@code --ignore-zeros}). A corpus read so would lose b.tar's documents without a
 * word; it is refused (exit 65, one line naming the file and where the second archive starts), as bytes after a
 * {@code .gz} file's gzip data are, while the zeros that pad an archive to a whole record are read past.
 */
class TarTrailingBytesTest {

    @TempDir
    Path dir;

    /** 20 documents of each class, padded with zeros to whole 10,240-byte records as GNU tar writes them. */
    private static byte[] corpus(String top) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarBuilder t = new TarBuilder(bytes);
        for (int i = 0; i < 20; i++) {
            t.file(top + "/pos/" + i + ".txt", "great fine lovely " + i).file(top + "/neg/" + i + ".txt",
                    "awful bad boring " + i);
        }
        t.end();
        byte[] b = bytes.toByteArray();
        return Arrays.copyOf(b, (b.length + 10_239) / 10_240 * 10_240);
    }

    @Test
    void archivesJoinedWithCatAreRefusedInOneLineNamingTheFileAndTheOffset() throws IOException {
        byte[] a = corpus("c");
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.writeBytes(a);
        joined.writeBytes(corpus("c"));
        Path tar = Files.write(dir.resolve("joined.tar"), joined.toByteArray());

        InProcessCli r = InProcessCli.run("describe", tar.toString(), "--positive", "pos");

        assertThat(r.exitCode()).isEqualTo(65);
        String err = r.err().lines().filter(l -> !l.startsWith("note:")).reduce("", (x, y) -> x + y + "\n").strip();
        assertThat(err).isEqualTo(String.format(java.util.Locale.ROOT, "rareclass: %s: bytes after the tar archive's "
                + "end-of-archive marker (from byte %,d of the file) are another tar archive: archives joined with cat "
                + "are read only to the first one's end, by tar too; join them with tar --concatenate, or make one "
                + "archive", tar, a.length + 1));
    }

    @Test
    void anArchivePaddedToAWholeRecordIsReadWhole() throws IOException {
        Path tar = Files.write(dir.resolve("padded.tar"), corpus("c"));

        InProcessCli r = InProcessCli.run("describe", tar.toString(), "--positive", "pos");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("40 rows");
    }
}
