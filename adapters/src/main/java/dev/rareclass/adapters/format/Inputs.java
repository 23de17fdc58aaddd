package dev.rareclass.adapters.format;

import dev.rareclass.adapters.io.InputFiles;
import dev.rareclass.domain.error.DataException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Opening files ({@code .gz} transparently), decoding text, and turning IO failures into user errors. */
final class Inputs {

    private Inputs() {
    }

    /** See {@link InputFiles#open}. */
    static InputStream open(Path path) throws IOException {
        return InputFiles.open(path);
    }

    /**
     * The file's bytes as {@link #open} gives them, refused at the first NUL byte (see {@link #nul}) as they are read,
     * so that binary data is refused before it is held: {@code /dev/zero} given as ARFF or LibSVM filled the heap
     * (exit 70, advising more heap) rather than being refused at its first byte.
     */
    static InputStream openText(Path path) throws IOException {
        return new NulRefusing(open(path), path.toString());
    }

    static byte[] readAll(Path path) {
        try (InputStream in = openText(path)) {
            return in.readAllBytes();
        } catch (IOException | UncheckedIOException e) {
            throw failure(path.toString(), e);
        }
    }

    /** See {@link InputFiles#failure}. */
    static RuntimeException failure(String file, Exception e) {
        return InputFiles.failure(file, e);
    }

    /**
     * A NUL byte in an ARFF or LibSVM file, refused as the delimited reader refuses one ({@code TextBytes}): a number
     * parser trims it with the blanks, so {@code 3\0} read as 3 without a word, and a UTF-16 file (which these
     * formats are not read as) was reported as a garbled first token.
     */
    static DataException nul(String file, long line) {
        return new DataException(file + ", line " + line + ": a NUL byte; this is not a text file (binary data, or "
                + "UTF-16 or UTF-32 text: save it as UTF-8)");
    }

    /** Counts lines as the readers do (LF, CR LF, a lone CR) for the message, and throws at the first NUL. */
    private static final class NulRefusing extends FilterInputStream {
        private final String file;
        private long line = 1;
        private boolean afterCr;
        private boolean first = true;

        NulRefusing(InputStream in, String file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            first = false;
            if (b >= 0) {
                check(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                if (first) {
                    first = false;
                    dev.rareclass.adapters.io.PackedData.refuseAsTable(file, b, off, n);
                }
                check(b, off, n);
            }
            return n;
        }

        /** Skipped bytes are read and checked too: a skip would pass a NUL and the line count by. */
        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) {
                return 0;
            }
            int read = read(new byte[(int) Math.min(n, 8192)]);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false; // a reset would count the lines again
        }

        private void check(byte[] b, int off, int n) {
            for (int i = off; i < off + n; i++) {
                byte c = b[i];
                if (c == 0) {
                    throw nul(file, afterCr ? line + 1 : line);
                }
                if (c == '\n' || afterCr) {
                    line++;
                }
                afterCr = c == '\r';
            }
        }
    }

    /** The result of decoding: the text, and whether some bytes were not UTF-8 (read as Latin-1). */
    record Decoded(String text, boolean latin1) {
    }

    /**
     * UTF-8, except that bytes which are not valid UTF-8 are read as Latin-1 (so Latin-1 files such as
     * rt-polarity read correctly, and a UTF-8 file with one stray byte loses nothing). A leading UTF-8
     * byte-order mark is removed.
     */
    static Decoded decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 16);
        boolean latin1 = false;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
                continue;
            }
            latin1 = true;
            for (int i = 0; i < result.length(); i++) {
                if (!out.hasRemaining()) {
                    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                    out.flip();
                    bigger.put(out);
                    out = bigger;
                }
                out.put((char) (in.get() & 0xff));
            }
        }
        decoder.flush(out);
        out.flip();
        return new Decoded(out.toString(), latin1);
    }
}
