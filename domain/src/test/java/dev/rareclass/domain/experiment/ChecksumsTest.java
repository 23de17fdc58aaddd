package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {

    @TempDir
    Path dir;

    @Test
    void aFilesChecksumIsTheSha256OfItsBytes() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "abc");
        // printf abc | sha256sum
        assertThat(Checksums.sha256(f)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Checksums.sha256("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(Checksums.sha256(f));
    }

    @Test
    void aStreamIsNotHashedSinceItCanBeReadOnceOrNeverEnds() throws Exception {
        // /dev/zero never ends: run hashed it forever
        assertThat(Checksums.sha256(Path.of("/dev/zero"))).isEmpty();
        Path pipe = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available here");
        // no writer: opening it would wait; the checksum does not open it
        assertThat(Checksums.sha256(pipe)).isEmpty();
    }

    @Test
    void aFoldersChecksumChangesWhenAnyFileOrNameChanges() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus/pos"));
        Files.writeString(corpus.resolve("1.txt"), "good");
        Files.writeString(Files.createDirectories(dir.resolve("corpus/neg")).resolve("1.txt"), "bad");
        String before = Checksums.sha256(dir.resolve("corpus"));
        assertThat(Checksums.sha256(dir.resolve("corpus"))).isEqualTo(before);
        Files.writeString(corpus.resolve("1.txt"), "great");
        String edited = Checksums.sha256(dir.resolve("corpus"));
        assertThat(edited).isNotEqualTo(before);
        Files.move(corpus.resolve("1.txt"), corpus.resolve("2.txt"));
        assertThat(Checksums.sha256(dir.resolve("corpus"))).isNotEqualTo(edited);
    }

    @Test
    void aWholeZipEndsWithItsEndRecordAndACutExtendedOrCommentedOneDoesNot() throws IOException {
        Path zip = dir.resolve("m.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("a"));
            out.write("abc".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(Checksums.zipEndProblem(zip)).isEmpty();
        byte[] bytes = Files.readAllBytes(zip);
        Path cut = Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(Checksums.zipEndProblem(cut)).hasValueSatisfying(m -> assertThat(m).contains("truncated"));
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThat(Checksums.zipEndProblem(Files.write(dir.resolve("long.zip"), longer)))
                .hasValueSatisfying(m -> assertThat(m).contains("bytes appended"));
        assertThat(Checksums.zipEndProblem(Files.write(dir.resolve("tiny.zip"), new byte[] {0x50, 0x4b})))
                .hasValueSatisfying(m -> assertThat(m).contains("truncated"));
        assertThat(Checksums.zipEndProblem(Files.write(dir.resolve("empty.zip"), new byte[0])))
                .hasValueSatisfying(m -> assertThat(m).contains("truncated"));
        // a legal zip comment (as zip -z writes): the zip is whole, but not as rareclass wrote it
        for (int length : new int[] {1, 300, 0xFFFF}) {
            Path commented = dir.resolve("c" + length + ".zip");
            try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(commented))) {
                out.putNextEntry(new java.util.zip.ZipEntry("a"));
                out.write("abc".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                out.setComment("x".repeat(length));
            }
            assertThat(Checksums.zipEndProblem(commented)).as("comment of %d", length)
                    .hasValue("it carries a zip comment of " + length + " bytes, which rareclass never writes (the file "
                            + "was altered)");
            byte[] c = Files.readAllBytes(commented);
            Path commentCut = Files.write(dir.resolve("cc" + length + ".zip"), java.util.Arrays.copyOf(c, c.length - 1));
            assertThat(Checksums.zipEndProblem(commentCut)).hasValueSatisfying(m -> assertThat(m).contains("truncated"));
        }
    }
}
