package dev.rareclass.adapters.format;

import dev.rareclass.domain.error.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal, read-only tar reader (ustar, GNU long names, pax path records) for text corpora shipped as
 * {@code .tar.gz}. Nothing is extracted: entries are read from the stream into memory, within limits checked
 * against each header before its content is read, so a small archive that inflates to gigabytes is refused
 * after reading at most {@link Limits#archive} bytes, never buffered.
 *
 * <p>What is returned: regular files, as {@link Entry documents}; symbolic and hard links (never followed, not
 * read), directories and other special entries are skipped and counted in {@link #skippedLinks} and
 * {@link #skippedSpecial}. Refused as bad data, naming the entry: a name that leads outside the archive
 * (absolute, or with a {@code ..} part: tar strips or refuses those when extracting), a document larger than
 * {@link Limits#document}, an archive that inflates beyond {@link Limits#archive}, a header whose checksum fails
 * (a file that is not a tar, or a size in the previous header that is wrong), an entry cut short, anything but zeros
 * after the end-of-archive marker (naming where it starts: another archive joined with {@code cat}, which tar itself
 * would not read, or a damaged file), and entry types this reader does not know (GNU sparse files, multi-volume parts), which
 * POSIX leaves to the reader and which would otherwise be misread.
 */
final class TarEntries {

    /**
     * How much an archive may hold.
     *
     * @param document the largest regular file, in bytes
     * @param archive  the most bytes the (decompressed) archive may have: headers, contents and padding
     */
    record Limits(long document, long archive) {
    }

    /** A regular file in the archive. */
    record Entry(String name, byte[] content) {
    }

    /** Long names and pax records: far beyond any real path (PATH_MAX is 4,096), far below any memory concern. */
    private static final int MAX_EXTENDED_HEADER = 1 << 20;
    private static final int BLOCK = 512;
    private static final String NOT_TAR = "not a tar archive (header checksum mismatch";

    private final InputStream in;
    private final String file;
    /** How a byte's offset is told: in the file, or in the archive that a gzip file holds. */
    private final String offsetsIn;
    private final Limits limits;
    private final byte[] header = new byte[BLOCK];
    private final byte[] skipBuffer = new byte[1 << 16];
    private long consumed;
    private String previous;
    private int skippedLinks;
    private int skippedSpecial;
    private boolean done;

    /**
     * @param in         the archive's bytes, decompressed
     * @param file       names the archive in messages
     * @param compressed whether {@code in} was inflated from the file (a {@code .tar.gz}), so that an offset in a
     *                   message is one in the decompressed archive rather than in the file
     */
    TarEntries(InputStream in, String file, boolean compressed, Limits limits) {
        this.in = in;
        this.file = file;
        this.offsetsIn = compressed ? "the decompressed archive" : "the file";
        this.limits = limits;
    }

    /** Symbolic and hard links skipped so far. */
    int skippedLinks() {
        return skippedLinks;
    }

    /** Devices, named pipes and volume labels skipped so far (directories are not counted). */
    int skippedSpecial() {
        return skippedSpecial;
    }

    /** The next regular file, or null at the end of the archive. */
    Entry next() throws IOException {
        String longName = null;
        long paxSize = -1;
        while (!done) {
            int got = read(header, BLOCK);
            if (got == 0) {
                done = true;
                return null;
            }
            if (got < BLOCK) {
                if (previous == null && gzip(header)) {
                    throw bad(NOT_TAR + "; it is gzip data: compressed twice?)");
                }
                throw bad("truncated tar archive (a header is cut short" + after() + ")");
            }
            if (allZero(header, BLOCK)) {
                done = true;
                rest(consumed - BLOCK);
                return null;
            }
            verifyChecksum();
            char type = (char) header[156];
            long size = paxSize >= 0 ? paxSize : size();
            String name = longName != null ? longName : name();
            longName = null;
            paxSize = -1;
            switch (type) {
                case 'L', 'K', 'x' -> {
                    if (size > MAX_EXTENDED_HEADER) {
                        throw bad("entry '" + name + "' has an extended header of " + bytes(size)
                                + "; tar archives hold names and attributes of at most a few KiB");
                    }
                    reserve(name, size);
                    byte[] content = content(name, size);
                    if (type == 'L') {
                        longName = cString(content, 0, content.length);
                    } else if (type == 'x') {
                        Pax pax = Pax.of(content);
                        longName = pax.path();
                        paxSize = pax.size();
                    }
                    continue; // describes the next header
                }
                case '0', '\0', '7' -> {
                    requireInside(name);
                    if (size > limits.document()) {
                        throw bad("entry '" + name + "' is a document of " + bytes(size) + "; --format text reads "
                                + "documents of up to " + bytes(limits.document()) + " (remove or split it)");
                    }
                    reserve(name, size);
                    byte[] content = content(name, size);
                    previous = name;
                    return new Entry(name, content);
                }
                case '1', '2' -> {
                    requireInside(name);
                    skip(name, size);
                    skippedLinks++;
                }
                case '5', 'g' -> skip(name, size);
                case '3', '4', '6', 'V' -> {
                    skip(name, size);
                    skippedSpecial++;
                }
                default -> throw bad("entry '" + name + "' is of tar type '" + printable(type) + "' ("
                        + typeName(type) + "), which --format text does not read; make the archive of plain files");
            }
            previous = name;
        }
        return null;
    }

    /** Refuses, before reading it, an entry that would take the archive past its limit. */
    private void reserve(String name, long size) {
        long padded = size + (BLOCK - size % BLOCK) % BLOCK;
        if (size > limits.archive() || consumed + padded > limits.archive()) {
            throw bad("the archive inflates to more than " + bytes(limits.archive()) + " (at entry '" + name + "', of "
                    + bytes(size) + "); --format text holds a corpus in memory and reads archives of up to that size");
        }
    }

    private byte[] content(String name, long size) throws IOException {
        byte[] content = new byte[(int) size];
        if (read(content, content.length) < size) {
            throw bad("truncated tar archive (the file ends inside entry '" + name + "', whose header says it holds "
                    + bytes(size) + ")");
        }
        pad(name, size);
        return content;
    }

    private void skip(String name, long size) throws IOException {
        reserve(name, size);
        long left = size;
        while (left > 0) {
            int n = read(skipBuffer, (int) Math.min(left, skipBuffer.length));
            if (n == 0) {
                throw bad("truncated tar archive (the file ends inside entry '" + name + "')");
            }
            left -= n;
        }
        pad(name, size);
    }

    private void pad(String name, long size) throws IOException {
        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
        if (read(skipBuffer, pad) < pad) {
            throw bad("truncated tar archive (the file ends inside entry '" + name + "')");
        }
    }

    /**
     * After the end-of-archive marker only zeros may follow: writers pad an archive to a whole record (GNU tar to
     * 10,240 bytes). Anything else means entries would be lost unseen, so it is refused naming where it starts. Most
     * often it is a second archive joined with {@code cat a.tar b.tar}, which tar itself reads only to the first one's
     * end (unless told {@code --ignore-zeros}); else a damaged file, or a header whose size was too small, so that zeros
     * in its entry's content were taken for the end. Read up to the archive limit, no further.
     *
     * @param marker where the end-of-archive marker starts: its first zero block
     */
    private void rest(long marker) throws IOException {
        while (true) {
            int want = (int) Math.min(skipBuffer.length, limits.archive() - consumed);
            if (want <= 0) {
                int n = in.read();
                if (n < 0) {
                    return;
                }
                throw bad("the archive inflates to more than " + bytes(limits.archive()) + " (past its end-of-archive "
                        + "marker); --format text holds a corpus in memory and reads archives of up to that size");
            }
            int n = read(skipBuffer, want);
            if (n == 0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (skipBuffer[i] != 0) {
                    throw notPadding(marker, consumed - n + i, i, n);
                }
            }
        }
    }

    /**
     * The refusal of a non-zero byte after the end-of-archive marker, at offset {@code at} of the archive and index
     * {@code i} of the {@code n} bytes last read into {@link #skipBuffer}. It tells another archive (a tar header after
     * a whole marker) from anything else, since the remedies differ. A size too small in the last entry's header is
     * suggested only when the byte comes before the marker's second zero block ends, a header there too: every writer
     * writes both blocks, so a single zero block was likely that entry's content, where after a whole marker the
     * archive did end and something was appended.
     */
    private DataException notPadding(long marker, long at, int i, int n) throws IOException {
        // every read after the marker starts on a block boundary (the marker ends on one, and reads are whole blocks
        // but at the archive limit or the end of the stream), so the byte's block starts in the bytes read
        int start = i - (int) (at % BLOCK);
        int have = Math.min(BLOCK, n - start);
        System.arraycopy(skipBuffer, start, header, 0, have);
        boolean another = have + in.readNBytes(header, have, BLOCK - have) == BLOCK && checksumMatches();
        String where = String.format(Locale.ROOT, "bytes after the tar archive's end-of-archive marker (from byte %,d "
                + "of %s)", at + 1, offsetsIn);
        boolean wholeMarker = at >= marker + 2 * BLOCK;
        if (another && wholeMarker) {
            return bad(where + " are another tar archive: archives joined with cat are read only to the first one's end, "
                    + "by tar too; join them with tar --concatenate, or make one archive");
        }
        return bad(where + " are not zero padding: the file is damaged or had something appended"
                + (previous == null || wholeMarker ? "" : ", or the size in the header of entry '" + previous
                        + "' is too small"));
    }

    /** Reads up to {@code n} bytes, fewer only at the end of the stream; counts them. */
    private int read(byte[] into, int n) throws IOException {
        int got = in.readNBytes(into, 0, n);
        consumed += got;
        return got;
    }

    private String after() {
        return previous == null ? "" : ", after entry '" + previous + "'";
    }

    private void requireInside(String name) {
        boolean climbs = false;
        for (String part : name.split("/")) {
            climbs |= part.equals("..");
        }
        if (name.startsWith("/") || climbs) {
            throw bad("entry '" + name + "' points outside the archive (" + (climbs ? "a '..' in its name" : "an absolute name")
                    + "); --format text reads only names inside it, as tar extracts them");
        }
    }

    private DataException bad(String what) {
        return new DataException(file + ": " + what);
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
        if (!checksumMatches()) {
            if (previous != null) {
                throw bad("damaged tar archive: the block after entry '" + previous + "' is not a tar header (a wrong "
                        + "size in that entry's header, or a damaged file)");
            }
            throw bad(NOT_TAR + (gzip(header) ? "; it is gzip data: compressed twice?" : "") + ")");
        }
    }

    /** Whether {@link #header} holds a tar header: its checksum field is the sum of its bytes. */
    private boolean checksumMatches() {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : (header[i] & 0xff);
        }
        return checksumField() == sum;
    }

    /** The stored checksum, or -1 when the field holds no octal number. */
    private long checksumField() {
        try {
            return octal(148, 8);
        } catch (DataException e) {
            return -1;
        }
    }

    private static boolean gzip(byte[] b) {
        return (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    /** The size field: octal digits, or base-256 (GNU, POSIX 2008) for sizes of 8 GiB and more. */
    private long size() {
        int b = header[124] & 0xff;
        if (b == 0x80) {
            long v = 0;
            for (int i = 125; i < 136; i++) {
                if (v > (Long.MAX_VALUE >> 8)) {
                    return Long.MAX_VALUE;
                }
                v = (v << 8) | (header[i] & 0xff);
            }
            return v;
        }
        if ((b & 0x80) != 0) {
            throw bad("not a tar archive (a negative size in a header)");
        }
        return octal(124, 12);
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
            throw bad("not a tar archive (bad number in a header" + after() + ")");
        }
        return v;
    }

    private static String typeName(char type) {
        return switch (type) {
            case 'S' -> "a GNU sparse file";
            case 'M' -> "part of a multi-volume archive";
            case 'D' -> "a GNU directory dump";
            case 'N' -> "an old GNU long name";
            default -> "unknown";
        };
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c & 0xff);
    }

    /** A size in the unit a person reads it in: 512 bytes, 17 MiB, 2.0 GiB. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + (n == 1 ? " byte" : " bytes");
        }
        if (n < 1L << 20) {
            return (n + 512) / 1024 + " KiB";
        }
        if (n < 1L << 30) {
            return (n + (1L << 19)) / (1L << 20) + " MiB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** What a pax extended header says of the next entry: its path and size, when it says. */
    private record Pax(String path, long size) {
        static Pax of(byte[] content) {
            String path = null;
            long size = -1;
            for (String record : new String(content, StandardCharsets.UTF_8).split("\n")) {
                int space = record.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                String kv = record.substring(space + 1);
                if (kv.startsWith("path=")) {
                    path = kv.substring(5);
                } else if (kv.startsWith("size=")) {
                    try {
                        size = Long.parseLong(kv.substring(5));
                    } catch (NumberFormatException e) {
                        size = -1;
                    }
                    if (size < 0) {
                        size = Long.MAX_VALUE; // unreadable: refused as too large rather than misread
                    }
                }
            }
            return new Pax(path, size);
        }
    }

    private static boolean allZero(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
