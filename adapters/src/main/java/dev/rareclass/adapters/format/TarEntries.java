package dev.rareclass.adapters.format;

import dev.rareclass.domain.error.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal, read-only tar reader (ustar, GNU long names, pax path records) for text corpora shipped
 * as {@code .tar.gz}. Only regular files are returned; header checksums are verified so that a file
 * which is not a tar archive is refused rather than misread.
 */
final class TarEntries {

    /** A regular file in the archive. */
    record Entry(String name, byte[] content) {
    }

    private final InputStream in;
    private final String file;
    private final byte[] header = new byte[512];
    private boolean done;

    TarEntries(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    /** The next regular file, or null at the end of the archive. */
    Entry next() throws IOException {
        String longName = null;
        while (!done) {
            int got = in.readNBytes(header, 0, 512);
            if (got == 0) {
                done = true;
                return null;
            }
            if (got < 512) {
                throw new DataException(file + ": truncated tar archive (a header is cut short)");
            }
            if (allZero(header)) {
                done = true;
                return null;
            }
            verifyChecksum();
            long size = octal(124, 12);
            char type = (char) header[156];
            if (size < 0 || size > Integer.MAX_VALUE - 16) {
                throw new DataException(file + ": tar entry too large or corrupt (size " + size + ")");
            }
            byte[] content = in.readNBytes((int) size);
            if (content.length < size) {
                throw new DataException(file + ": truncated tar archive (an entry is cut short)");
            }
            long pad = (512 - size % 512) % 512;
            if (in.readNBytes((int) pad).length < pad) {
                throw new DataException(file + ": truncated tar archive");
            }
            switch (type) {
                case 'L' -> longName = cString(content, 0, content.length);
                case 'x' -> {
                    String path = paxPath(content);
                    if (path != null) {
                        longName = path;
                    }
                }
                case '0', '\0', '7' -> {
                    String name = longName != null ? longName : name();
                    return new Entry(name, content);
                }
                default -> longName = null; // directories, links, global headers: skipped
            }
        }
        return null;
    }

    private String name() {
        String name = cString(header, 0, 100);
        String magic = cString(header, 257, 6);
        if (magic.startsWith("ustar")) {
            String prefix = cString(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    private void verifyChecksum() {
        long stored = octal(148, 8);
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : (header[i] & 0xff);
        }
        if (stored != sum) {
            throw new DataException(file + ": not a tar archive (header checksum mismatch)");
        }
    }

    private long octal(int offset, int length) {
        long v = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        boolean any = false;
        for (; i < end && header[i] >= '0' && header[i] <= '7'; i++) {
            v = v * 8 + (header[i] - '0');
            any = true;
        }
        if (!any) {
            throw new DataException(file + ": not a tar archive (bad number in a header)");
        }
        return v;
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String paxPath(byte[] content) {
        String records = new String(content, StandardCharsets.UTF_8);
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + 5);
            }
        }
        return null;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
