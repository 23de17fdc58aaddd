package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.error.DataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What follows a tar archive's end-of-archive marker (two zero blocks): zeros, as writers pad an archive to a whole
 * record (GNU tar to 10,240 bytes), are read past; anything else is refused naming the file and where it starts.
 * {@code cat a.tar b.tar > c.tar} makes a file that tar itself reads only to a.tar's end (unless told
 * {@code --ignore-zeros}): read so, b.tar's documents would be lost without a word.
 */
class TarEndOfArchiveTest {

    /** GNU tar's default record: 20 blocks of 512 bytes. */
    private static final int RECORD = 10_240;

    @TempDir
    Path dir;

    /** An archive of {@code docs} documents per class, padded with zeros to a whole record as GNU tar writes it. */
    private static byte[] tar(String top, int docs) {
        String[] pairs = new String[docs * 4];
        for (int i = 0; i < docs; i++) {
            pairs[4 * i] = top + "/pos/" + i + ".txt";
            pairs[4 * i + 1] = "great fine lovely " + i;
            pairs[4 * i + 2] = top + "/neg/" + i + ".txt";
            pairs[4 * i + 3] = "awful bad boring " + i;
        }
        byte[] t = TarBuilder.of(pairs);
        return Arrays.copyOf(t, (t.length + RECORD - 1) / RECORD * RECORD);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static int documents(Path archive) {
        return TextCorpusTableSource.parse(archive).rows();
    }

    private static String refusal(Path archive) {
        try {
            TextCorpusTableSource.parse(archive);
        } catch (DataException e) {
            return e.getMessage();
        }
        throw new AssertionError(archive + " was read");
    }

    @Test
    void zerosAfterTheEndMarkerAreReadPastWhateverTheirLength() throws IOException {
        byte[] padded = tar("c", 4);
        assertThat(padded).hasSize(RECORD);
        assertThat(documents(write("padded.tar", padded))).isEqualTo(8);
        assertThat(documents(write("padded.tar.gz", gzip(padded)))).isEqualTo(8);
        // no padding at all, padding of several records (tar -b), and an end marker of one block cut short
        byte[] bare = TarBuilder.of("c/pos/1.txt", "great", "c/neg/2.txt", "awful");
        assertThat(documents(write("bare.tar", bare))).isEqualTo(2);
        assertThat(documents(write("long.tar", Arrays.copyOf(padded, 8 * RECORD)))).isEqualTo(8);
        assertThat(documents(write("short-end.tar", Arrays.copyOf(bare, bare.length - 300)))).isEqualTo(2);
    }

    @Test
    void archivesJoinedWithCatAreRefusedSayingWhereTheSecondStarts() throws IOException {
        byte[] a = tar("c", 4);
        byte[] b = tar("c", 3);
        Path joined = write("joined.tar", concat(a, b));
        assertThat(refusal(joined)).isEqualTo(joined + ": bytes after the tar archive's end-of-archive marker (from "
                + "byte 10,241 of the file) are another tar archive: archives joined with cat are read only to the first "
                + "one's end, by tar too; join them with tar --concatenate, or make one archive");
        // compressed: the offset is the decompressed archive's, as tar's own messages count it
        Path gz = write("joined.tar.gz", gzip(concat(a, b)));
        assertThat(refusal(gz)).isEqualTo(gz + ": bytes after the tar archive's end-of-archive marker (from byte "
                + "10,241 of the decompressed archive) are another tar archive: archives joined with cat are read only "
                + "to the first one's end, by tar too; join them with tar --concatenate, or make one archive");
        // cat a.tar.gz b.tar.gz: both gzip members are read, so the second archive is found as well
        Path members = write("members.tar.gz", concat(gzip(a), gzip(b)));
        assertThat(refusal(members)).startsWith(members + ": bytes after the tar archive's end-of-archive marker (from "
                + "byte 10,241 of the decompressed archive) are another tar archive");
        // unpadded archives joined: the second starts right after the first's two zero blocks
        byte[] bare = TarBuilder.of("c/pos/1.txt", "great", "c/neg/2.txt", "awful");
        Path tight = write("tight.tar", concat(bare, bare));
        assertThat(refusal(tight)).contains(String.format(java.util.Locale.ROOT, "(from byte %,d of the file) are "
                + "another tar archive", bare.length + 1));
    }

    @Test
    void oneNonZeroByteFarAfterTheEndMarkerIsRefusedNamingItsOffset() throws IOException {
        byte[] file = Arrays.copyOf(tar("c", 4), 100 * RECORD);
        file[700_000] = 1;
        Path far = write("far.tar", file);
        assertThat(refusal(far)).isEqualTo(far + ": bytes after the tar archive's end-of-archive marker (from byte "
                + "700,001 of the file) are not zero padding: the file is damaged or had something appended");
        // the last byte of the file, and the first byte after the marker
        file[700_000] = 0;
        file[file.length - 1] = 'x';
        assertThat(refusal(write("last.tar", file))).contains(String.format(java.util.Locale.ROOT, "(from byte %,d "
                + "of the file) are not zero padding", file.length));
        byte[] bare = TarBuilder.of("c/pos/1.txt", "great", "c/neg/2.txt", "awful");
        assertThat(refusal(write("next.tar", concat(bare, "rows appended\n".getBytes(StandardCharsets.US_ASCII)))))
                .contains(String.format(java.util.Locale.ROOT, "(from byte %,d of the file) are not zero padding",
                        bare.length + 1));
    }

    @Test
    void aTruncatedArchiveIsRefusedNamingTheEntryItEndsIn() throws IOException {
        byte[] whole = TarBuilder.of("c/pos/1.txt", "x".repeat(2000), "c/neg/2.txt", "y".repeat(100));
        Path inContent = write("cut.tar", Arrays.copyOf(whole, 1500));
        assertThat(refusal(inContent)).isEqualTo(inContent + ": truncated tar archive (the file ends inside entry "
                + "'c/pos/1.txt', whose header says it holds 2 KiB)");
        // in the second header
        Path inHeader = write("cut-header.tar", Arrays.copyOf(whole, 512 + 2048 + 100));
        assertThat(refusal(inHeader)).isEqualTo(inHeader + ": truncated tar archive (a header is cut short, after "
                + "entry 'c/pos/1.txt')");
        Path gz = write("cut.tar.gz", gzip(Arrays.copyOf(whole, 1500)));
        assertThat(refusal(gz)).startsWith(gz + ": truncated tar archive (the file ends inside entry 'c/pos/1.txt'");
    }

    @Test
    void aTarGzWithBytesAfterTheArchiveInsideOrAfterItsGzipDataIsRefused() throws IOException {
        byte[] padded = tar("c", 4);
        // inside the gzip stream, after the tar's end: the offset in the decompressed archive
        Path inside = write("inside.tar.gz", gzip(concat(padded, "junk".getBytes(StandardCharsets.US_ASCII))));
        assertThat(refusal(inside)).isEqualTo(inside + ": bytes after the tar archive's end-of-archive marker (from "
                + "byte 10,241 of the decompressed archive) are not zero padding: the file is damaged or had something "
                + "appended");
        // after the gzip data: the gzip reader's refusal, the offset in the file
        byte[] compressed = gzip(padded);
        Path after = write("after.tar.gz", concat(compressed, "junk".getBytes(StandardCharsets.US_ASCII)));
        assertThat(refusal(after)).isEqualTo(after + String.format(java.util.Locale.ROOT, ": bytes after the gzip "
                + "data (from byte %,d of the file) are not another gzip member: the file is damaged or had something "
                + "appended; recompress it", compressed.length + 1));
        // zeros after the gzip data are padding, as after a tar's end
        assertThat(documents(write("zeros.tar.gz", concat(compressed, new byte[RECORD])))).isEqualTo(8);
    }
}
