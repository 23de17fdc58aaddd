package dev.rareclass.adapters.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** What the reader tests share: a fresh folder per test and a way to write a UTF-8 file into it. */
public abstract class ReaderTestFiles {

    @TempDir
    protected Path dir;

    /** Writes {@code content} as UTF-8 to {@code name} in the test's folder. */
    protected Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
