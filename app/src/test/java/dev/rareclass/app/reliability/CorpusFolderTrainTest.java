package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.adapters.format.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the bad-input corpus: {@code train} on a text corpus given as a folder used to fail with exit 66
 * "cannot read (Is a directory)", because provenance hashed the data path as a file. A folder's checksum now
 * covers its files in path order.
 */
class CorpusFolderTrainTest {

    @TempDir
    Path dir;

    @Test
    void trainsFromAClassFolderCorpus() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        for (String cls : new String[] {"pos", "neg"}) {
            Files.createDirectories(corpus.resolve(cls));
            for (int i = 0; i < 20; i++) {
                Files.writeString(corpus.resolve(cls).resolve(i + ".txt"),
                        (cls.equals("pos") ? "great fine lovely " : "awful bad boring ") + i);
            }
        }
        Path model = dir.resolve("m.model");
        InProcessCli r = InProcessCli.run("train", corpus.toString(), "--format", "text", "--positive", "pos",
                "--model", "logistic", "--out", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(model).exists();
    }

    @Test
    void linksInAnArchiveAreSkippedWithANoteAndTheRestIsRead() {
        Path archive = TarBuilder.gz(dir.resolve("links.tar.gz"), t -> {
            for (int i = 0; i < 20; i++) {
                t.file("c/pos/" + i + ".txt", "great fine lovely " + i).file("c/neg/" + i + ".txt", "awful bad boring " + i);
            }
            t.header("c/pos/passwd", '2', 0, "/etc/passwd").header("c/neg/again.txt", '1', 0, "c/pos/1.txt").end();
        });
        Path model = dir.resolve("m.model");
        InProcessCli r = InProcessCli.run("train", archive.toString(), "--positive", "pos", "--model", "logistic",
                "--out", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: 2 link entries skipped: links in an archive are not followed");
        assertThat(model).exists();
    }
}
