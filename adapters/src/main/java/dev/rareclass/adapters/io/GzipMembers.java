package dev.rareclass.adapters.io;

import dev.rareclass.domain.error.DataException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The data of a gzip file (RFC 1952): a series of members, each a header, deflated data and a trailer (CRC-32 and
 * size, both checked), read one after the other as {@code gzip -d} and Python's {@code gzip} module (so pandas) read
 * them. After the last member there may be zero bytes (padding, as tape and tar leave it), which are skipped; any other
 * byte that does not start another member is refused naming the file: the JDK's {@code GZIPInputStream} ignored such
 * bytes without a word, where {@code gzip -d} warns "trailing garbage ignored" and Python refuses them, and a table
 * appended to its compressed self (a {@code >>} that should have been a {@code >}) lost its rows unseen.
 *
 * <p>A damaged member (bad header, deflate data, CRC or size, or an end before the trailer) is a {@link ZipException}
 * or {@link EOFException}, which {@link InputFiles#failure} reports as truncated or corrupt gzip data.
 *
 * <p>Public so that every reader of gzip data the product uses is this one: {@code serve} inflates a {@code
 * Content-Encoding: gzip} request body through it too, and words the refusal of trailing bytes for a client ({@link
 * #GzipMembers(InputStream, LongFunction)}), where a file's names the file. (The heap advice peeks at a file's first
 * MiB with the JDK's reader to estimate its rows; nothing it reads is used as data.)
 */
public final class GzipMembers extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    /** The flag bits RFC 1952 reserves (5 to 7). */
    private static final int RESERVED = 0xe0;

    private final InputStream in;
    /** The refusal of bytes after the gzip data that start no member, given how many bytes come before them. */
    private final LongFunction<? extends RuntimeException> trailing;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    /** Bytes of the file before {@link #buffer}'s first: where a byte lies, for the refusal of trailing bytes. */
    private long consumed;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private long memberSize;
    private boolean inMember;
    private boolean ended;

    /**
     * Reads the first member's header at once, so that a file that is no gzip data at all is refused when opened.
     * Bytes after the gzip data that are not another member are refused as bad data naming the file.
     *
     * @param file names the file in messages
     */
    GzipMembers(InputStream in, String file) throws IOException {
        this(in, at -> new DataException(String.format(java.util.Locale.ROOT, "%s: bytes after the gzip data (from "
                + "byte %,d of the file) are not another gzip member: the file is damaged or had something appended; "
                + "recompress it", file, at + 1)));
    }

    /**
     * Reads the first member's header at once, so that data that is no gzip at all is refused when opened.
     *
     * @param trailing the refusal of bytes after the gzip data that are not another member, given the number of bytes
     *                 before the first of them (its 0-based offset); thrown by {@code read} when it meets them
     */
    public GzipMembers(InputStream in, LongFunction<? extends RuntimeException> trailing) throws IOException {
        this.in = in;
        this.trailing = trailing;
        int first = next();
        if (first < 0) {
            throw new EOFException("the file is empty");
        }
        header(first);
    }

    private final byte[] one = new byte[1];

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            if (!inMember) {
                startNextMemberOrEnd();
                continue;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException(e.getMessage() == null ? "invalid deflate data" : e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberSize += n;
                return n;
            }
            if (inflater.finished()) {
                position = limit - inflater.getRemaining(); // the bytes after the deflate data are the trailer's
                trailer();
            } else if (inflater.needsInput()) {
                if (position == limit && !fill()) { // what is left of the buffer after a header first
                    throw new EOFException("unexpected end of the gzip data: the file is truncated");
                }
                inflater.setInput(buffer, position, limit - position);
                position = limit;
            } else if (inflater.needsDictionary()) {
                throw new ZipException("deflate data that needs a preset dictionary, which gzip has none of");
            }
        }
        return -1;
    }

    /**
     * After a member: the end of the file, zero bytes to its end, or the next member's header; anything else is refused.
     */
    private void startNextMemberOrEnd() throws IOException {
        int b = next();
        if (b < 0) {
            ended = true;
            return;
        }
        while (b == 0) { // padding, as gzip -d and Python skip it
            b = next();
        }
        if (b < 0) {
            ended = true;
            return;
        }
        if (b != 0x1f || peek() != 0x8b) {
            throw trailing.apply(consumed + position - 1); // 0-based: the count of bytes before it
        }
        header(b);
    }

    /** Reads a member's header from its first byte on (RFC 1952, 2.3.1) and starts inflating it. */
    private void header(int first) throws IOException {
        CRC32 headerCrc = new CRC32(); // of every header byte before the optional CRC16
        headerCrc.update(first);
        if (first != 0x1f || headerByte(headerCrc) != 0x8b) {
            throw new ZipException("it does not start as gzip data does, with the bytes 1f 8b");
        }
        if (headerByte(headerCrc) != 8) {
            throw new ZipException("unsupported compression method (only deflate is gzip's)");
        }
        int flags = headerByte(headerCrc);
        if ((flags & RESERVED) != 0) { // RFC 1952: a decompressor must refuse them, as gzip -d does
            throw new ZipException(String.format(java.util.Locale.ROOT, "a gzip header with reserved flag bits set "
                    + "(flags 0x%02x), which no gzip writer sets", flags));
        }
        for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
            headerByte(headerCrc);
        }
        if ((flags & FEXTRA) != 0) {
            int length = headerByte(headerCrc) | headerByte(headerCrc) << 8;
            for (int i = 0; i < length; i++) {
                headerByte(headerCrc);
            }
        }
        if ((flags & FNAME) != 0) {
            while (headerByte(headerCrc) != 0) {
                // the original file name, zero-terminated
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (headerByte(headerCrc) != 0) {
                // a comment, zero-terminated
            }
        }
        if ((flags & FHCRC) != 0) {
            int stored = required() | required() << 8;
            if (stored != (int) (headerCrc.getValue() & 0xffff)) {
                throw new ZipException("the CRC of a gzip header does not match the header");
            }
        }
        inflater.reset();
        crc.reset();
        memberSize = 0;
        inMember = true;
    }

    private int headerByte(CRC32 headerCrc) throws IOException {
        int b = required();
        headerCrc.update(b);
        return b;
    }

    /** Reads a member's trailer (CRC-32 and size modulo 2^32 of its data, little-endian) and checks both. */
    private void trailer() throws IOException {
        long storedCrc = uint32();
        long storedSize = uint32();
        if (storedCrc != crc.getValue() || storedSize != (memberSize & 0xffffffffL)) {
            throw new ZipException("the CRC-32 or the size of a gzip member's data does not match the data");
        }
        inMember = false;
    }

    private long uint32() throws IOException {
        return required() | (long) required() << 8 | (long) required() << 16 | (long) required() << 24;
    }

    /** The next byte of a header or trailer; the end of the file there is a truncated member. */
    private int required() throws IOException {
        int b = next();
        if (b < 0) {
            throw new EOFException("unexpected end of the gzip data: the file is truncated");
        }
        return b;
    }

    /** The next byte of the file, or -1 at its end. */
    private int next() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** The next byte of the file without taking it, or -1 at its end. */
    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xff;
    }

    /** Refills the buffer once all of it is taken; false at the end of the file. */
    private boolean fill() throws IOException {
        consumed += limit;
        position = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
