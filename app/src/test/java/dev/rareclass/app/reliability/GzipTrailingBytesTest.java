package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes after the end of a {@code .gz} table's gzip data were ignored: rows appended uncompressed ({@code >>} onto the
 * compressed file) were lost without a word. They are refused now (exit 65, one line naming the file), while a file
 * of several gzip members ({@code cat a.gz b.gz}) is read whole, as {@code gzip -d} and pandas read it.
 */
class GzipTrailingBytesTest {

    @TempDir
    Path dir;

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String rows(int from, int to, boolean header) {
        StringBuilder sb = new StringBuilder(header ? "a,b,y\n" : "");
        for (int i = from; i < to; i++) {
            sb.append(i % 7).append(',').append((i * 13) % 11).append(',').append(i % 6 == 0 ? 1 : 0).append('\n');
        }
        return sb.toString();
    }

    @Test
    void rowsAppendedAfterTheGzipDataAreRefusedNamingTheFile() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(gzip(rows(0, 300, true)));
        file.writeBytes(rows(300, 310, false).getBytes(StandardCharsets.UTF_8));
        Path gz = Files.write(dir.resolve("appended.csv.gz"), file.toByteArray());
        Path model = dir.resolve("m.model");

        InProcessCli r = InProcessCli.run("train", gz.toString(), "--label", "y", "--positive", "1", "--model",
                "logistic", "--out", model.toString());

        assertThat(r.exitCode()).isEqualTo(65);
        String err = r.err().lines().filter(l -> !l.startsWith("note:")).reduce("", (a, b) -> a + b + "\n").strip();
        assertThat(err).startsWith("rareclass: " + gz + ": bytes after the gzip data (from byte ")
                .contains("are not another gzip member").doesNotContain("Exception");
        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(model).doesNotExist();
    }

    @Test
    void aFileOfSeveralGzipMembersIsReadWhole() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(gzip(rows(0, 150, true)));
        file.writeBytes(gzip(rows(150, 300, false)));
        file.writeBytes(new byte[512]); // zero padding, as tape and tar leave it
        Path gz = Files.write(dir.resolve("members.csv.gz"), file.toByteArray());

        InProcessCli r = InProcessCli.run("describe", gz.toString(), "--label", "y", "--positive", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("300 rows");
    }
}
