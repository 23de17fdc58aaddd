package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives made to hurt the reader: a document of gigabytes in a small {@code .tar.gz}, a bomb of many entries,
 * names leading outside the archive, links, sizes in headers that lie, archives inside archives. Each is refused
 * naming the archive and the entry (or read with a note), having read no more than the limits allow.
 */
class HostileArchiveTest {

    @TempDir
    Path dir;

    /** Small limits, so that reaching them takes kilobytes: 4 KiB a document, 64 KiB an archive. */
    private static final TarEntries.Limits SMALL = new TarEntries.Limits(4 << 10, 64 << 10);

    private Path gz(String name, Consumer<TarBuilder> entries) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(p), 1 << 16), 1 << 16)) {
            entries.accept(new TarBuilder(out));
        }
        return p;
    }

    private static String refusal(Path archive, TarEntries.Limits limits) {
        try {
            TextCorpusTableSource.parse(archive, limits);
        } catch (DataException e) {
            return e.getMessage();
        }
        throw new AssertionError(archive + " was read");
    }

    /** Reads every entry of the archive through a stream that counts the bytes inflated; returns the count. */
    private static long inflatedBeforeRefusal(Path archive, TarEntries.Limits limits) throws IOException {
        long[] count = {0};
        try (InputStream in = new FilterInputStream(new GZIPInputStream(Files.newInputStream(archive))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                count[0] += Math.max(n, 0);
                return n;
            }
        }) {
            TarEntries tar = new TarEntries(in, archive.toString(), true, limits);
            assertThatThrownBy(() -> {
                while (tar.next() != null) {
                    // read on
                }
            }).isInstanceOf(DataException.class);
        }
        return count[0];
    }

    @Test
    @Tag("slow")
    void aTwoGigabyteDocumentInATwoMegabyteArchiveIsRefusedHavingReadOneHeader() throws IOException {
        // the case: 2 GiB of zeros streamed through gzip, about 2 MB on disk
        long size = 2L << 30;
        Path archive = gz("big.tar.gz", t -> t.header("c/pos/huge.txt", '0', size, "").repeat(0, size).pad(size)
                .file("c/neg/1.txt", "fine").end());
        assertThat(Files.size(archive)).isLessThan(3_000_000);
        assertThat(refusal(archive, new TarEntries.Limits(TextCorpusTableSource.MAX_DOCUMENT,
                TextCorpusTableSource.MAX_CORPUS)))
                .isEqualTo(archive + ": entry 'c/pos/huge.txt' is a document of 2.0 GiB; --format text reads documents "
                        + "of up to 16 MiB (remove or split it)");
        assertThat(inflatedBeforeRefusal(archive, new TarEntries.Limits(16 << 20, 1L << 30))).isLessThanOrEqualTo(1 << 16);
    }

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path archive = gz("big.tar.gz", t -> t.file("c/neg/1.txt", "fine").header("c/pos/big.txt", '0', 5000, "")
                .repeat('a', 5000).pad(5000).end());
        assertThat(refusal(archive, SMALL)).isEqualTo(archive + ": entry 'c/pos/big.txt' is a document of 5 KiB; "
                + "--format text reads documents of up to 4 KiB (remove or split it)");
        assertThat(inflatedBeforeRefusal(archive, SMALL)).isLessThan(5000);
    }

    @Test
    void aBombOfManyEntriesIsRefusedAtTheArchiveLimit() throws IOException {
        // 10,000 one-byte documents: 10 MB inflated from about 30 KB; each entry takes two blocks
        Path archive = gz("bomb.tar.gz", t -> {
            for (int i = 0; i < 10_000; i++) {
                t.file(String.format("c/%s/%05d.txt", i % 2 == 0 ? "pos" : "neg", i), "x");
            }
            t.end();
        });
        assertThat(refusal(archive, SMALL)).isEqualTo(archive + ": the archive inflates to more than 64 KiB (at entry "
                + "'c/pos/00064.txt', of 1 byte); --format text holds a corpus in memory and reads archives of up to that size");
        assertThat(inflatedBeforeRefusal(archive, SMALL)).isLessThanOrEqualTo((64 << 10) + 512);
    }

    @Test
    void aHeaderSizeTooSmallIsADamagedArchiveNamingTheEntry() throws IOException {
        // the header says 10 bytes, 600 follow: the rest of the content is taken for the next header
        Path archive = gz("small-size.tar.gz", t -> t.header("c/pos/1.txt", '0', 10, "").repeat('a', 600).pad(600)
                .file("c/neg/2.txt", "fine").end());
        assertThat(refusal(archive, SMALL)).isEqualTo(archive + ": damaged tar archive: the block after entry "
                + "'c/pos/1.txt' is not a tar header (a wrong size in that entry's header, or a damaged file)");
    }

    @Test
    void aHeaderSizeTooSmallFollowedByZerosIsFoundAfterTheEndMarker() throws IOException {
        // the content's own zeros read as the end of the archive; what follows must not be silently dropped. Within
        // the marker's two blocks, which every writer writes whole, the entry before is the likely fault
        Path archive = gz("zeros.tar.gz", t -> t.file("c/neg/2.txt", "fine").header("c/pos/1.txt", '0', 10, "")
                .repeat('a', 10).repeat(0, 1200).repeat('b', 100).pad(1310).end());
        assertThat(refusal(archive, SMALL)).isEqualTo(archive + ": bytes after the tar archive's end-of-archive marker "
                + "(from byte 2,747 of the decompressed archive) are not zero padding: the file is damaged or had "
                + "something appended, or the size in the header of entry 'c/pos/1.txt' is too small");
        // after a whole marker the archive did end: no guess at the entry before
        Path appended = gz("appended.tar.gz", t -> t.file("c/neg/2.txt", "fine").header("c/pos/1.txt", '0', 10, "")
                .repeat('a', 10).repeat(0, 2000).repeat('b', 100).pad(2110).end());
        assertThat(refusal(appended, SMALL)).isEqualTo(appended + ": bytes after the tar archive's end-of-archive "
                + "marker (from byte 3,547 of the decompressed archive) are not zero padding: the file is damaged or had "
                + "something appended");
        // a header one block after a single zero block is no second archive (every writer ends one with two blocks):
        // the size in the entry before is the likely fault, the entry's zeros read as the marker
        Path header = gz("header.tar.gz", t -> t.file("c/neg/2.txt", "fine").header("c/pos/1.txt", '0', 10, "")
                .repeat('a', 10).repeat(0, 1014).file("c/pos/3.txt", "great").end());
        assertThat(refusal(header, SMALL)).isEqualTo(header + ": bytes after the tar archive's end-of-archive marker "
                + "(from byte 2,561 of the decompressed archive) are not zero padding: the file is damaged or had "
                + "something appended, or the size in the header of entry 'c/pos/1.txt' is too small");
        // and when only zeros follow, as far as the limit: refused at the limit, not read to the end
        Path endless = gz("endless.tar.gz", t -> t.file("c/neg/2.txt", "fine").header("c/pos/1.txt", '0', 10, "")
                .repeat('a', 10).repeat(0, 1 << 20).end());
        assertThat(refusal(endless, SMALL)).startsWith(endless + ": the archive inflates to more than 64 KiB (past its "
                + "end-of-archive marker)");
    }

    @Test
    void aHeaderSizeTooLargeIsATruncatedEntry() throws IOException {
        Path archive = gz("large-size.tar.gz", t -> t.file("c/neg/2.txt", "fine").header("c/pos/1.txt", '0', 3000, "")
                .repeat('a', 100));
        assertThat(refusal(archive, SMALL)).isEqualTo(archive + ": truncated tar archive (the file ends inside entry "
                + "'c/pos/1.txt', whose header says it holds 3 KiB)");
    }

    @Test
    void aSizeBeyondAnyFileInBase256IsRefusedAsTooLarge() throws IOException {
        Path archive = dir.resolve("base256.tar");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TarBuilder(bytes).header("c/pos/1.txt", '0', 0, "");
        byte[] h = bytes.toByteArray();
        h[124] = (byte) 0x80;
        for (int i = 125; i < 136; i++) {
            h[i] = (byte) (i == 131 ? 0x7f : 0); // 0x7f << 32: about 545 GB
        }
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] field = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(field, 0, h, 148, 6);
        h[154] = 0;
        Files.write(archive, h);
        assertThat(refusal(archive, SMALL)).startsWith(archive + ": entry 'c/pos/1.txt' is a document of 508.0 GiB");
    }

    @Test
    void namesLeadingOutsideTheArchiveAreRefused() throws IOException {
        Path absolute = gz("absolute.tar.gz", t -> t.file("/etc/pos/passwd", "root").end());
        assertThat(refusal(absolute, SMALL)).isEqualTo(absolute + ": entry '/etc/pos/passwd' points outside the archive "
                + "(an absolute name); --format text reads only names inside it, as tar extracts them");
        Path climbing = gz("climbing.tar.gz", t -> t.file("c/neg/1.txt", "fine").file("c/../../pos/evil.txt", "x").end());
        assertThat(refusal(climbing, SMALL)).isEqualTo(climbing + ": entry 'c/../../pos/evil.txt' points outside the "
                + "archive (a '..' in its name); --format text reads only names inside it, as tar extracts them");
        Path paxClimbing = gz("pax.tar.gz", t -> t.pax("path=../pos/evil.txt").file("c/pos/ok.txt", "x").end());
        assertThat(refusal(paxClimbing, SMALL)).contains("entry '../pos/evil.txt' points outside the archive");
    }

    @Test
    void linksAreSkippedWithANoteAndNeverFollowed() throws IOException {
        Path archive = gz("links.tar.gz", t -> t.file("c/pos/1.txt", "good").file("c/neg/2.txt", "bad")
                .header("c/pos/secret.txt", '2', 0, "/etc/passwd").header("c/neg/again.txt", '1', 0, "c/pos/1.txt")
                .header("c/neg/fifo", '6', 0, "").end());
        RawTable t = TextCorpusTableSource.parse(archive, SMALL);
        assertThat(t.rows).isEqualTo(2);
        assertThat(t.notes).contains("2 link entries skipped: links in an archive are not followed",
                "1 special entry (devices, named pipes, volume labels) skipped");
        Path outside = gz("link-outside.tar.gz", t2 -> t2.header("../pos/link", '2', 0, "x").end());
        assertThat(refusal(outside, SMALL)).contains("entry '../pos/link' points outside the archive");
    }

    @Test
    void archivesAndBinaryFilesInsideAnArchiveAreRefusedNamingThem() throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(inner)) {
            out.write(TarBuilder.of("d/pos/1.txt", "hidden"));
        }
        Path nested = gz("nested.tar.gz", t -> t.file("c/neg/1.txt", "fine").file("c/pos/inner.tar.gz", inner.toByteArray()).end());
        assertThat(refusal(nested, SMALL)).isEqualTo(nested + ": entry 'c/pos/inner.tar.gz' is gzip data, not text; "
                + "--format text does not open archives or compressed files inside a corpus");
        Path tarInTar = gz("tar-in-tar.tar.gz", t -> t.file("c/pos/inner.tar", TarBuilder.of("d/pos/1.txt", "x")).end());
        assertThat(refusal(tarInTar, SMALL)).contains("entry 'c/pos/inner.tar' is a tar archive, not text");
        Path binary = gz("binary.tar.gz", t -> t.file("c/pos/image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}).end());
        assertThat(refusal(binary, SMALL)).isEqualTo(binary + ": entry 'c/pos/image.png' holds NUL bytes: binary data, not text");
    }

    @Test
    void unknownEntryTypesAreRefusedNotMisread() throws IOException {
        Path sparse = gz("sparse.tar.gz", t -> t.header("c/pos/1.txt", 'S', 0, "").end());
        assertThat(refusal(sparse, SMALL)).isEqualTo(sparse + ": entry 'c/pos/1.txt' is of tar type 'S' (a GNU sparse "
                + "file), which --format text does not read; make the archive of plain files");
    }

    @Test
    void aPaxSizeAndPathAreHonoured() throws IOException {
        Path archive = gz("pax-ok.tar.gz", t -> t.pax("path=c/pos/a-long-name.txt", "size=5")
                .header("short", '0', 0, "").content("hello".getBytes(StandardCharsets.UTF_8)).pad(5)
                .file("c/neg/2.txt", "bye").end());
        RawTable t = TextCorpusTableSource.parse(archive, SMALL);
        assertThat(((TextColumn) t.columns[0]).get(0)).isEqualTo("hello");
        assertThat(((TextColumn) t.columns[1]).get(0)).isEqualTo("pos");
        Path huge = gz("pax-huge.tar.gz", t2 -> t2.pax("size=99999999999").header("c/pos/1.txt", '0', 0, "").end());
        assertThat(refusal(huge, SMALL)).contains("entry 'c/pos/1.txt' is a document of 93.1 GiB");
    }

    @Test
    void aClassNameLongerThanAnyFolderNameIsRefused() throws IOException {
        String label = "p".repeat(300);
        Path archive = gz("label.tar.gz", t -> t.pax("path=c/" + label + "/1.txt").file("x", "text").end());
        assertThat(refusal(archive, SMALL)).isEqualTo(archive + ": entry 'c/" + label + "/1.txt': its class folder's "
                + "name is longer than 255 bytes, which no file system allows");
    }

    @Test
    void aNonGzipFileNamedTarGzAndATarGzippedTwiceAreNamedAsSuch() throws IOException {
        Path plain = dir.resolve("plain.tar.gz");
        Files.write(plain, TarBuilder.of("c/pos/1.txt", "x"));
        assertThatThrownBy(() -> TextCorpusTableSource.parse(plain, SMALL)).isInstanceOf(DataException.class)
                .hasMessage(plain + ": not valid gzip data (it does not start as gzip data does, with the bytes 1f 8b)");
        ByteArrayOutputStream once = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(once)) {
            out.write(TarBuilder.of("c/pos/1.txt", "x"));
        }
        assertThat(once.size()).as("shorter than a header").isLessThan(512);
        Path twice = gz("twice.tar.gz", t -> t.content(once.toByteArray()));
        assertThat(refusal(twice, SMALL)).isEqualTo(twice + ": not a tar archive (header checksum mismatch; it is gzip "
                + "data: compressed twice?)");
    }

    @Test
    void aFolderCorpusHasTheSameLimits() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("folder/pos"));
        Files.createDirectories(dir.resolve("folder/neg"));
        Files.writeString(corpus.resolve("1.txt"), "a".repeat(5000));
        Path root = dir.resolve("folder");
        assertThat(refusal(root, SMALL)).isEqualTo(corpus.resolve("1.txt") + ": a document of 5 KiB; --format text "
                + "reads documents of up to 4 KiB (remove or split it)");
        Files.writeString(corpus.resolve("1.txt"), "fine");
        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve("folder/neg/" + i + ".txt"), "b".repeat(4000));
        }
        assertThat(refusal(root, SMALL)).startsWith(root + ": the corpus holds more than 64 KiB of text (at ");
        Files.writeString(dir.resolve("folder/neg/0.txt"), "b\0b");
        assertThat(refusal(root, new TarEntries.Limits(4 << 10, 1 << 20)))
                .isEqualTo(dir.resolve("folder/neg/0.txt") + " holds NUL bytes: binary data, not text");
    }
}
