package dev.rareclass.adapters.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes ustar archives entry by entry to a stream, including the ones no honest tool writes: a size in a header
 * that is not the content's, link entries, absolute names, unknown types. Content is streamed, so an entry of
 * gigabytes costs no memory. Shared with the app module's tests through this module's test jar.
 */
public final class TarBuilder {

    private final OutputStream out;

    public TarBuilder(OutputStream out) {
        this.out = out;
    }

    /** A regular file. */
    public TarBuilder file(String name, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        header(name, '0', b.length, "");
        return content(b).pad(b.length);
    }

    /** A regular file of raw bytes. */
    public TarBuilder file(String name, byte[] content) {
        header(name, '0', content.length, "");
        return content(content).pad(content.length);
    }

    /** A header of any type, declared size and link target; write the content with {@link #content} and {@link #pad}. */
    public TarBuilder header(String name, char type, long size, String link) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0001750");
        put(h, 116, "0001750");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "14670055000");
        h[156] = (byte) type;
        put(h, 157, link);
        put(h, 257, "ustar");
        put(h, 263, "00");
        Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return content(h);
    }

    /** A pax extended header ('x') with these records (key=value). */
    public TarBuilder pax(String... records) {
        StringBuilder sb = new StringBuilder();
        for (String r : records) {
            String body = " " + r + "\n";
            int len = body.length() + 1;
            while (String.valueOf(len).length() + body.length() != len) {
                len = String.valueOf(len).length() + body.length();
            }
            sb.append(len).append(body);
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        header("PaxHeaders/x", 'x', b.length, "");
        return content(b).pad(b.length);
    }

    public TarBuilder content(byte[] b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code n} copies of byte {@code b}, streamed. */
    public TarBuilder repeat(int b, long n) {
        byte[] chunk = new byte[1 << 16];
        Arrays.fill(chunk, (byte) b);
        try {
            for (long left = n; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The zeros that round an entry of {@code size} bytes up to whole blocks. */
    public TarBuilder pad(long size) {
        return content(new byte[(int) ((512 - size % 512) % 512)]);
    }

    /** The end-of-archive marker: two zero blocks. */
    public TarBuilder end() {
        return content(new byte[1024]);
    }

    /** A whole archive of regular files (name, content, name, content, ...). */
    public static byte[] of(String... pairs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarBuilder t = new TarBuilder(bytes);
        for (int i = 0; i < pairs.length; i += 2) {
            t.file(pairs[i], pairs[i + 1]);
        }
        t.end();
        return bytes.toByteArray();
    }

    /** Writes a gzipped archive of the given entries to {@code file}; returns it. */
    public static java.nio.file.Path gz(java.nio.file.Path file, java.util.function.Consumer<TarBuilder> entries) {
        try (OutputStream out = new java.io.BufferedOutputStream(new java.util.zip.GZIPOutputStream(
                java.nio.file.Files.newOutputStream(file), 1 << 16), 1 << 16)) {
            entries.accept(new TarBuilder(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A gzipped archive of regular files (name, content, ...) as bytes. */
    public static byte[] gzipped(String... pairs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(of(pairs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] h, int offset, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, offset, Math.min(b.length, 100));
    }
}
