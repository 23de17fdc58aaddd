package dev.rareclass.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * The launcher's test of whether {@code inspect FILE} needs the Spark engine on the class path: exit 0 when the file
 * is a zip whose directory lists a Spark engine model's manifest, 1 otherwise. Only the zip's central directory is
 * read (at the file's end), so neither the size of the file nor a model's provenance that happens to quote the
 * manifest's name ({@code rareclass-spark.json}) matters, as both did when the launcher searched the whole file for
 * that name. Runs on its own, with the JDK alone: nothing of the application is started.
 */
public final class SparkModelProbe {

    /** The manifest entry of a Spark engine model file (backend-spark's {@code SparkModelFile.MANIFEST}). */
    static final String SPARK_MANIFEST = "rareclass-spark.json";

    private SparkModelProbe() {
    }

    public static void main(String[] args) {
        System.exit(args.length == 1 && isSparkModel(Path.of(args[0])) ? 0 : 1);
    }

    /** Whether the file is a zip listing a Spark engine model's manifest; false for anything unreadable. */
    static boolean isSparkModel(Path file) {
        if (!Files.isRegularFile(file)) {
            return false; // a folder, a named pipe (opening one waits for a writer) or a device
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(SPARK_MANIFEST) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
