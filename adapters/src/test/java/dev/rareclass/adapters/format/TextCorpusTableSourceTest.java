package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorpusTableSourceTest {

    @TempDir
    Path dir;

    private final FormatTableSource source = new FormatTableSource();

    private static DataOptions text(Path p, String positive) {
        return new DataOptions(p, Optional.of("text"), true, Optional.empty(), Optional.empty(), Optional.of(positive),
                List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
    }

    @Test
    void aPosNegPairGivesOneRowASentenceAndLatin1BytesAreKept() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("rt"));
        Files.write(corpus.resolve("rt.pos"), "good film\n\nfine caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
        Files.write(corpus.resolve("rt.neg"), "bad\r\nna\u00efve plot\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(corpus.resolve("README"), "not data");
        Table t = source.read(text(corpus, "pos"));
        assertThat(t.featureNames()).containsExactly("text");
        TextColumn docs = (TextColumn) t.columns().get(0);
        assertThat(Arrays.asList(docs.get(0), docs.get(1), docs.get(2), docs.get(3)))
                .containsExactly("good film", "fine caf\u00e9", "bad", "na\u00efve plot");
        assertThat(t.requireLabels().toArray()).containsExactly(1, 1, 0, 0);
        assertThat(t.notes()).anyMatch(n -> n.contains("read as Latin-1"));
    }

    @Test
    void aFolderPerClassGivesOneRowADocumentLabelledByItsFolder() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("reviews"));
        Path pos = Files.createDirectories(corpus.resolve("pos"));
        Path neg = Files.createDirectories(corpus.resolve("neg"));
        Files.writeString(pos.resolve("a.txt"), "loved it\nreally\n");
        Files.writeString(neg.resolve("b.txt"), "hated it");
        Files.writeString(neg.resolve("c.txt"), "dull");
        Files.writeString(neg.resolve(".hidden"), "skip me");
        Files.writeString(corpus.resolve("README"), "skip me too");
        Table t = source.read(text(corpus, "pos"));
        assertThat(t.rows()).isEqualTo(3);
        TextColumn docs = (TextColumn) t.columns().get(0);
        assertThat(docs.get(0)).isEqualTo("hated it");
        assertThat(docs.get(2)).isEqualTo("loved it\nreally\n");
        assertThat(t.requireLabels().toArray()).containsExactly(0, 0, 1);
    }

    @Test
    void aTarGzOfClassFoldersIsReadWithoutUnpacking() throws IOException {
        Path archive = dir.resolve("corpus.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            out.write(Tar.of("README", "top-level files are skipped",
                    "txt/pos/1.txt", "great",
                    "txt/neg/2.txt", "awful",
                    "txt/neg/3.txt", "meh " + "x".repeat(600)));
        }
        Table t = source.read(text(archive, "pos"));
        assertThat(t.rows()).isEqualTo(3);
        assertThat(((TextColumn) t.columns().get(0)).get(2)).startsWith("meh xxx").hasSize(604);
        assertThat(t.requireLabels().toArray()).containsExactly(1, 0, 0);
        // the name alone selects the text reader
        DataOptions noFormat = new DataOptions(archive, Optional.empty(), true, Optional.empty(), Optional.empty(),
                Optional.of("neg"), List.of(), List.of(), List.of(), MissingPolicy.ERROR, 0);
        assertThat(source.read(noFormat).requireLabels().positives()).isEqualTo(2);
    }

    @Test
    void aTruncatedArchiveIsADataError() throws IOException {
        byte[] tar = Tar.of("c/pos/1.txt", "x".repeat(2000), "c/neg/2.txt", "y");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar);
        }
        Path cut = dir.resolve("cut.tar.gz");
        Files.write(cut, Arrays.copyOf(gz.toByteArray(), gz.size() / 2));
        assertThatThrownBy(() -> source.read(text(cut, "pos")))
                .isInstanceOf(DataException.class).hasMessageContaining("cut.tar.gz").hasMessageContaining("truncated");
        Path notTar = dir.resolve("plain.tar");
        Files.write(notTar, new byte[1024 + 3]);
        Files.writeString(notTar, "just some text that is long enough to fill a header block ".repeat(20));
        assertThatThrownBy(() -> source.read(text(notTar, "pos")))
                .isInstanceOf(DataException.class).hasMessageContaining("not a tar archive");
    }

    @Test
    void aFolderWithNeitherLayoutIsRefused() throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("flat"));
        Files.writeString(corpus.resolve("a.txt"), "x");
        assertThatThrownBy(() -> source.read(text(corpus, "pos")))
                .isInstanceOf(DataException.class).hasMessageContaining("no *.pos/*.neg pair and no class subfolders");
    }

    /** Writes a ustar archive of regular files (name, content, name, content, ...). */
    static final class Tar {
        static byte[] of(String... pairs) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < pairs.length; i += 2) {
                byte[] content = pairs[i + 1].getBytes(StandardCharsets.UTF_8);
                byte[] h = new byte[512];
                put(h, 0, pairs[i]);
                put(h, 100, "0000644");
                put(h, 108, "0000000");
                put(h, 116, "0000000");
                put(h, 124, String.format("%011o", content.length));
                put(h, 136, "00000000000");
                h[156] = '0';
                put(h, 257, "ustar");
                put(h, 263, "00");
                Arrays.fill(h, 148, 156, (byte) ' ');
                int sum = 0;
                for (byte b : h) {
                    sum += b & 0xff;
                }
                put(h, 148, String.format("%06o", sum));
                h[154] = 0;
                out.writeBytes(h);
                out.writeBytes(content);
                out.writeBytes(new byte[(512 - content.length % 512) % 512]);
            }
            out.writeBytes(new byte[1024]);
            return out.toByteArray();
        }

        private static void put(byte[] h, int offset, String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, h, offset, b.length);
        }
    }
}
