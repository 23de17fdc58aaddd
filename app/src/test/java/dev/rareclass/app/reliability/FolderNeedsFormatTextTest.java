package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder given as the data without {@code --format text} was read as a text corpus, walked whole: {@code describe /}
 * read the disk until a link to nothing under /etc stopped it. A folder is now read as a corpus only when the user
 * says {@code --format text}; without it, one line says so (exit 66, as a folder given as a table was), before
 * anything in it is read.
 */
class FolderNeedsFormatTextTest {

    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        Path c = dir.resolve("reviews");
        for (int i = 0; i < 6; i++) {
            Files.createDirectories(c.resolve("pos"));
            Files.createDirectories(c.resolve("neg"));
            Files.writeString(c.resolve("pos/" + i + ".txt"), "loved it, great fun " + i);
            Files.writeString(c.resolve("neg/" + i + ".txt"), "dull and slow " + i);
        }
        return c;
    }

    @Test
    void aFolderWithoutFormatTextIsRefusedBeforeAnythingInItIsRead() throws IOException {
        Path folder = corpus();
        // read as a corpus, this link to nothing would be the refusal (exit 66 naming it): it is never reached
        Files.createSymbolicLink(folder.resolve("neg/gone.txt"), dir.resolve("nowhere.txt"));
        for (String command : new String[] {"describe", "train"}) {
            InProcessCli r = command.equals("describe") ? InProcessCli.run("describe", folder.toString())
                    : InProcessCli.run("train", folder.toString(), "--positive", "pos", "--model", "logistic",
                    "--out", dir.resolve("m.model").toString());
            assertThat(r.exitCode()).as(command).isEqualTo(66);
            assertThat(r.err().strip()).isEqualTo("rareclass: " + folder + ": is a folder; a folder is read as a text "
                    + "corpus only with --format text (a folder per class, or *.pos/*.neg files)");
            assertThat(r.out()).isEmpty();
        }
        assertThat(dir.resolve("m.model")).doesNotExist();
    }

    @Test
    void aFolderWithFormatTextIsACorpus() throws IOException {
        InProcessCli r = InProcessCli.run("describe", corpus().toString(), "--format", "text");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("12 rows");
    }
}
