package dev.rareclass.adapters.io;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipException;

/** Opening input files for every reader: {@code .gz} transparently, IO failures as user errors. */
public final class InputFiles {

    private InputFiles() {
    }

    private static byte[] stdin;

    /**
     * The file's bytes as a stream, gunzipped when the name ends in {@code .gz} or {@code .tgz}. The name
     * {@code -} is standard input ({@code ./-} is a file named {@code -}); it is read once, into memory, since
     * a reader may read its table twice.
     */
    public static InputStream open(Path path) throws IOException {
        if (AtomicFiles.isStdout(path)) {
            return new java.io.ByteArrayInputStream(stdin());
        }
        if (Files.isDirectory(path)) {
            throw new InputMissingException(path + ": is a folder, not a file", null);
        }
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new InputMissingException(path + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputMissingException(path + ": permission denied", e);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz") || name.endsWith(".tgz")) {
            try {
                return new GzipMembers(in, path.toString());
            } catch (ZipException | EOFException e) {
                in.close();
                throw new DataException(path + ": not valid gzip data (" + e.getMessage() + ")", e);
            }
        }
        return in;
    }

    private static synchronized byte[] stdin() throws IOException {
        if (stdin == null) {
            try {
                stdin = System.in.readAllBytes();
            } catch (IOException e) {
                throw new InputMissingException("standard input: cannot read (" + e.getMessage() + ")", e);
            }
        }
        return stdin;
    }

    /** Maps a read failure: truncated or corrupt gzip is bad data (65), anything else unreadable input (66). */
    public static RuntimeException failure(String file, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof EOFException || cause instanceof ZipException) {
            return new DataException(file + ": truncated or corrupt gzip data (" + cause.getMessage() + ")", e);
        }
        return new InputMissingException(file + ": cannot read (" + dev.rareclass.domain.error.IoReason.of(cause) + ")", e);
    }
}
