package dev.rareclass.adapters.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where fuzz targets write each input as a file: a folder in memory ({@code /dev/shm}) where there is one. */
final class FuzzFiles {

    private FuzzFiles() {
    }

    /** A new temporary folder, deleted when the JVM exits (once emptied by the targets). */
    static Path folder(String prefix) {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.createTempDirectory(Files.isDirectory(shm) && Files.isWritable(shm) ? shm
                    : Path.of(System.getProperty("java.io.tmpdir")), prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
