package dev.rareclass.domain.experiment;

import dev.rareclass.domain.error.InputMissingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and byte arrays, for provenance and model-file integrity. */
public final class Checksums {

    private Checksums() {
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * SHA-256 of a file's bytes; for a folder (a text corpus), of every regular file below it in sorted
     * relative-path order, each path and content included, so renaming or editing any file changes it. For
     * standard input ({@code -}) and any other stream (a named pipe such as {@code <(zcat t.csv.gz)}, a device) it is
     * empty: unknown.
     */
    public static String sha256(Path file) {
        if (file.getNameCount() == 1 && !file.isAbsolute() && file.toString().equals("-")) {
            return ""; // standard input: read once by the table reader, nothing to checksum again (unknown)
        }
        if (Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
            // a pipe can be read once, by the table reader (hashing it first left the reader an empty file), and a
            // device such as /dev/zero never ends (run hashed it forever)
            return "";
        }
        MessageDigest md = digest();
        if (Files.isDirectory(file)) {
            try (var walk = Files.walk(file)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    md.update(file.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    update(md, p);
                }
            } catch (IOException e) {
                throw new InputMissingException(file + ": cannot read (" + dev.rareclass.domain.error.IoReason.of(e) + ")", e);
            }
            return HexFormat.of().formatHex(md.digest());
        }
        update(md, file);
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * What is wrong with a model file's end, or empty when it ends with a zip's end-of-central-directory record and no
     * comment, as every model file rareclass writes does (22 bytes). A file that does not was cut short, appended to,
     * or given a comment: a zip reader would find the entries before the extra bytes and never notice them.
     */
    public static java.util.Optional<String> zipEndProblem(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            // the end record and the longest comment it may carry (65,535 bytes)
            int span = (int) Math.min(size, 22 + 0xFFFF);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(span).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.position(size - span);
            while (tail.hasRemaining() && ch.read(tail) > 0) {
                // read the whole tail
            }
            if (span >= 22 && !tail.hasRemaining() && tail.getInt(span - 22) == 0x06054b50
                    && tail.getShort(span - 2) == 0) {
                return java.util.Optional.empty();
            }
            for (int at = span - 22; at >= 0 && !tail.hasRemaining(); at--) {
                int comment = Short.toUnsignedInt(tail.getShort(at + 20));
                if (tail.getInt(at) == 0x06054b50 && comment > 0 && at + 22 + comment == span) {
                    return java.util.Optional.of("it carries a zip comment of " + comment + " bytes, which rareclass "
                            + "never writes (the file was altered)");
                }
            }
            return java.util.Optional.of("the file is truncated or has bytes appended (no zip end record)");
        }
    }

    private static void update(MessageDigest md, Path file) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new InputMissingException(file + ": cannot read (" + dev.rareclass.domain.error.IoReason.of(e) + ")", e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
