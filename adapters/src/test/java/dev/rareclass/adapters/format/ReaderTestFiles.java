package dev.rareclass.adapters.format;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.DataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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

    /** Asserts that {@code read} refuses {@code file} with a data error that starts with its path and says {@code message}. */
    protected static void assertDataError(Path file, ThrowingCallable read, String message) {
        assertThatThrownBy(read).isInstanceOf(DataException.class).hasMessageStartingWith(file.toString())
                .hasMessageContaining(message);
    }
}
