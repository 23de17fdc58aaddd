package dev.rareclass.adapters.csv;

import dev.rareclass.adapters.io.PackedData;
import dev.rareclass.domain.error.DataException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a delimited table, refused as they are read when they cannot be text: gzip, zip and other packed
 * data (their magic numbers first, {@link PackedData}), and a NUL byte anywhere (binary data, or UTF-16 written
 * without a byte-order mark) unless the file starts with a UTF-16 or UTF-32 byte-order mark, whose text holds
 * NULs. Before, a NUL was dropped without a word ({@code 3\0} read as 3), and a program or a gzip file was reported
 * as a missing label column followed by its bytes. One pass over each buffer the reader asks for; lines are counted
 * only up to a NUL found.
 *
 * <p>A part of a file read on its own ({@link Chunks}) is not the file's start: no magic number or byte-order mark is
 * looked for, and {@link #lineBreaks()} counts its line breaks as FastCSV counts them (LF, CR LF and a lone CR).
 */
final class TextBytes extends FilterInputStream {

    /** The bytes of a file's head read ahead: enough for every magic number {@link PackedData} knows (tar's, 265). */
    private static final int HEAD = 265;

    private final String file;
    private boolean first;
    /** The head read ahead for its magic numbers, and how many of its bytes were handed out. */
    private byte[] head;
    private int headRead;
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
        if (first) {
            // the file's head read whole before it is handed out: the reader's first read takes only the 4 bytes a
            // byte-order mark may have, too few for the magic numbers of xz (6) or bzip2 (10)
            first = false;
            head = in.readNBytes(HEAD);
            PackedData.refuseAsTable(file, head, 0, head.length);
            int b0 = head.length > 0 ? head[0] & 0xff : -1;
            int b1 = head.length > 1 ? head[1] & 0xff : -1;
            wide = (b0 == 0xff && b1 == 0xfe) || (b0 == 0xfe && b1 == 0xff)
                    || (b0 == 0 && b1 == 0 && head.length > 3 && (head[2] & 0xff) == 0xfe && (head[3] & 0xff) == 0xff);
        }
        int n;
        if (head != null && headRead < head.length) {
            n = Math.min(len, head.length - headRead);
            System.arraycopy(head, headRead, b, off, n);
            headRead += n;
        } else {
            n = in.read(b, off, len);
        }
        if (n <= 0) {
            if (n < 0 && afterCr) { // a CR at the very end
                loneCr++;
                afterCr = false;
            }
            return n;
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
    public int available() throws IOException {
        return (head == null ? 0 : head.length - headRead) + in.available();
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }
}
