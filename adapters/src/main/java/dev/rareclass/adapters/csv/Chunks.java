package dev.rareclass.adapters.csv;

import dev.rareclass.adapters.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a large table file is cut into parts that several threads read at once: after a line feed at or past every
 * {@code size} bytes. Whether a cut is also where a record ends (not inside a quoted field that runs over lines) is
 * only known once the part before it is read; the reader checks that and reads on from the start as one part when
 * it is not (see {@code CsvTableSource}).
 */
final class Chunks {

    /** Bytes in one part: large enough that opening a reader per part costs nothing, small enough to share out. */
    static final int DEFAULT_SIZE = 2 << 20;

    private Chunks() {
    }

    /**
     * Whether {@code path} may be read in parts at all: a regular file (not standard input or a pipe), not compressed.
     */
    static boolean eligible(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return !AtomicFiles.isStdout(path) && !name.endsWith(".gz") && !name.endsWith(".tgz") && Files.isRegularFile(path);
    }

    /**
     * The cuts of the file open on {@code channel} (its first byte, the cuts, its length), or null when it is not read
     * in parts: under two parts long, or UTF-16/32 text (a byte-order mark, whose line feeds are two or four bytes).
     */
    static long[] plan(FileChannel channel, int size) throws IOException {
        long length = channel.size();
        if (length < 2L * size) {
            return null;
        }
        ByteBuffer head = ByteBuffer.allocate(4);
        channel.read(head, 0);
        int b0 = head.get(0) & 0xff;
        int b1 = head.get(1) & 0xff;
        if ((b0 == 0xff && b1 == 0xfe) || (b0 == 0xfe && b1 == 0xff) || (b0 == 0 && b1 == 0)) {
            return null;
        }
        long[] cuts = new long[16];
        int n = 0;
        cuts[n++] = 0;
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long at = size;
        while (at < length) {
            long cut = afterLineFeed(channel, at, buffer);
            if (cut < 0 || cut >= length) {
                break;
            }
            if (n + 1 == cuts.length) {
                cuts = Arrays.copyOf(cuts, n * 2);
            }
            cuts[n++] = cut;
            at = cut + size;
        }
        cuts[n++] = length;
        return n > 2 ? Arrays.copyOf(cuts, n) : null;
    }

    /** The position after the first line feed at or after {@code from}, or -1 when none follows. */
    private static long afterLineFeed(FileChannel channel, long from, ByteBuffer buffer) throws IOException {
        long pos = from;
        while (true) {
            buffer.clear();
            int n = channel.read(buffer, pos);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
    }

    /**
     * The bytes {@code [from, to)} of the file open on {@code channel}, read with positional reads, which parts read on
     * several threads at once may share; closing the stream leaves the channel open. Every part and the reading again
     * in one part read the one file so opened, even when another is put in its place meanwhile.
     */
    static InputStream range(FileChannel channel, long from, long to) {
        return new InputStream() {
            private long pos = from;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= to) {
                    return -1;
                }
                int want = (int) Math.min(len, to - pos);
                int n = channel.read(ByteBuffer.wrap(b, off, want), pos);
                if (n < 0) {
                    return -1; // the file was cut short while read
                }
                pos += n;
                return n;
            }
        };
    }
}
