package dev.rareclass.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's test of {@code inspect FILE} for a Spark engine model: a yes fetches and builds about 320 MB, so it
 * must come from the zip's directory alone, not from the name quoted anywhere in the file (the launcher's grep said
 * yes for a model whose provenance named a file {@code rareclass-spark.json.csv}, and read a 2 GB file whole).
 */
class SparkModelProbeTest {

    @TempDir
    Path dir;

    @Test
    void aZipListingTheSparkManifestIsOne() throws IOException {
        Path spark = zip("spark.model", SparkModelProbe.SPARK_MANIFEST, "{}");
        assertThat(SparkModelProbe.isSparkModel(spark)).isTrue();
    }

    @Test
    void theNameQuotedInsideAnEntryIsNot() throws IOException {
        // stored, not deflated: the bytes of the name stand in the file as they did for the launcher's grep
        Path quoting = zip("memory.model", "manifest.json",
                "{\"provenance\": {\"data\": \"/data/rareclass-spark.json.csv\"}}");
        assertThat(Files.readString(quoting, StandardCharsets.ISO_8859_1)).contains("rareclass-spark.json");
        assertThat(SparkModelProbe.isSparkModel(quoting)).isFalse();
    }

    @Test
    void anythingElseIsNot() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.model"), "rareclass-spark.json\n");
        assertThat(SparkModelProbe.isSparkModel(text)).isFalse();
        assertThat(SparkModelProbe.isSparkModel(dir)).isFalse();
        assertThat(SparkModelProbe.isSparkModel(dir.resolve("missing.model"))).isFalse();
        assertThat(SparkModelProbe.isSparkModel(Files.write(dir.resolve("empty.model"), new byte[0]))).isFalse();
    }

    private Path zip(String name, String entry, String text) throws IOException {
        Path file = dir.resolve(name);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e = new ZipEntry(entry);
            e.setMethod(ZipEntry.STORED);
            e.setSize(bytes.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            e.setCrc(crc.getValue());
            z.putNextEntry(e);
            z.write(bytes);
            z.closeEntry();
        }
        return file;
    }
}
