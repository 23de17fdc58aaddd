package dev.rareclass.adapters.csv;

import dev.rareclass.domain.error.DataException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a delimited table, refused as they are read when they cannot be text: gzip data under another name
 * (its magic number first), and a NUL byte anywhere (binary data, or UTF-16 written without a byte-order mark) unless
 * the file starts with a UTF-16 or UTF-32 byte-order mark, whose text holds NULs. Before, a NUL was dropped without a
 * word ({@code 3\0} read as 3), and a program or a gzip file was reported as a missing label column followed by its
 * bytes. One pass over each buffer the reader asks for; lines are counted only up to a NUL found.
 *
 * <p>A part of a file read on its own ({@link Chunks}) is not the file's start: no magic number or byte-order mark is
 * looked for, and {@link #lineBreaks()} counts its line breaks as FastCSV counts them (LF, CR LF and a lone CR).
 */
final class TextBytes extends FilterInputStream {

    private final String file;
    private boolean first;
    private boolean wide;
    private long lines = 1;
    /** CRs not followed by an LF, and whether the last byte read was a CR. */
    private long loneCr;
    private boolean afterCr;
    private final boolean toTheEnd;
    /** The last byte read that is no line break (CR or LF), or -1 before one. */
    private int lastContent = -1;

    TextBytes(InputStream in, String file) {
        this(in, file, true, true);
    }

    /**
     * The bytes of {@code in}, the start of the file {@code file} or ({@code atStart} false) a part after it, which
     * runs to the file's end or ({@code toTheEnd} false) stops before it.
     */
    TextBytes(InputStream in, String file, boolean atStart, boolean toTheEnd) {
        super(in);
        this.file = file;
        this.first = atStart;
        this.toTheEnd = toTheEnd;
    }

    /** Whether these bytes run to the end of the file: its last record is among them. */
    boolean toTheEnd() {
        return toTheEnd;
    }

    /** The last byte read that is no line break (CR or LF), or -1 before one or in UTF-16 and UTF-32 text. */
    int lastContentByte() {
        return lastContent;
    }

    /** The line breaks read so far: LF, CR LF and a lone CR each count one (a CR last is counted once known lone). */
    long lineBreaks() {
        return lines - 1 + loneCr;
    }

    /**
     * The CRs read so far not followed by an LF. Inside a quoted field FastCSV counts lines otherwise (a CR there
     * takes a later LF as its pair), so a part holding one is not taken apart from the others.
     */
    long loneCarriageReturns() {
        return loneCr;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n <= 0) {
            if (n < 0 && afterCr) { // a CR at the very end
                loneCr++;
                afterCr = false;
            }
            return n;
        }
        if (first) {
            first = false;
            int b0 = b[off] & 0xff;
            int b1 = n > 1 ? b[off + 1] & 0xff : -1;
            if (b0 == 0x1f && b1 == 0x8b) {
                // a .gz name is gunzipped already (InputFiles.open): gzip again inside is a file compressed twice
                String name = file.toLowerCase(java.util.Locale.ROOT);
                throw new DataException(name.endsWith(".gz") || name.endsWith(".tgz")
                        ? file + ": gzip data inside the gzip data: the file looks compressed twice; gunzip it once "
                                + "and read the result as a .gz file"
                        : file + ": gzip data, not text; name the file with .gz to read it compressed, or gunzip it");
            }
            wide = (b0 == 0xff && b1 == 0xfe) || (b0 == 0xfe && b1 == 0xff)
                    || (b0 == 0 && b1 == 0 && n > 3 && (b[off + 2] & 0xff) == 0xfe && (b[off + 3] & 0xff) == 0xff);
        }
        if (!wide) {
            for (int i = off + n - 1; i >= off; i--) {
                if (b[i] != '\n' && b[i] != '\r') {
                    lastContent = b[i] & 0xff;
                    break;
                }
            }
            long seen = lines;
            long lone = loneCr;
            boolean cr = afterCr;
            for (int i = off, end = off + n; i < end; i++) { // one pass: NULs refused, lines counted for the message
                byte c = b[i];
                if (c == '\n') {
                    seen++;
                } else if (c == 0) {
                    throw new DataException(file + ", line " + seen + ": a NUL byte; this is not a text table (binary "
                            + "data, or UTF-16 text without a byte-order mark: save it as UTF-8)");
                } else if (cr) {
                    lone++;
                }
                cr = c == '\r';
            }
            lines = seen;
            loneCr = lone;
            afterCr = cr;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }
}
