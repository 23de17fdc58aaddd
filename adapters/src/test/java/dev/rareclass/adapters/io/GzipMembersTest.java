package dev.rareclass.adapters.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.DataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code .gz} file is a series of gzip members: every member is read (as {@code gzip -d} and Python do), zero bytes
 * after the last are padding, and any other bytes after the gzip data are refused naming the file (the JDK's
 * {@code GZIPInputStream} ignored them without a word: rows appended uncompressed were lost unseen).
 */
class GzipMembersTest {

    @TempDir
    Path dir;

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Text of {@code n} numbered CSV lines, different enough not to compress to nothing. */
    private static byte[] lines(int from, int n) {
        SplittableRandom r = new SplittableRandom(from);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            sb.append(i).append(',').append(r.nextInt(1_000_000)).append(',').append(r.nextDouble()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] read(byte[] file) throws IOException {
        Path p = Files.write(dir.resolve("t.csv.gz"), file);
        try (InputStream in = InputFiles.open(p)) {
            return in.readAllBytes();
        }
    }

    /** Reads the file through InputFiles, mapping failures as the readers do. */
    private RuntimeException failure(byte[] file) {
        Path p = dir.resolve("t.csv.gz");
        try {
            Files.write(p, file);
            try (InputStream in = InputFiles.open(p)) {
                in.readAllBytes();
            }
        } catch (RuntimeException e) {
            return e;
        } catch (IOException e) {
            return InputFiles.failure(p.toString(), e);
        }
        throw new AssertionError("read without a failure");
    }

    @Test
    void oneMemberReadsBackAcrossManyBuffers() throws IOException {
        byte[] data = lines(0, 100_000); // megabytes: many 64 KiB buffers of input and of output
        assertThat(read(gzip(data))).isEqualTo(data);
    }

    @Test
    void everyMemberOfAMultiMemberFileIsRead() throws IOException {
        byte[] a = lines(0, 30_000);
        byte[] b = lines(30_000, 7);
        byte[] c = lines(30_007, 20_000);
        // an empty member too, as `gzip < /dev/null >> file` leaves one
        assertThat(read(concat(gzip(a), gzip(new byte[0]), gzip(b), gzip(c)))).isEqualTo(concat(a, b, c));
    }

    /** As Python's gzip module (so pandas) reads them; gzip -d stops at zero bytes and warns of what follows. */
    @Test
    void zeroBytesAfterTheLastMemberArePadding() throws IOException {
        byte[] a = lines(0, 1000);
        assertThat(read(concat(gzip(a), new byte[1000]))).isEqualTo(a);
        assertThat(read(concat(gzip(a), new byte[3], gzip(a)))).isEqualTo(concat(a, a));
    }

    @Test
    void bytesAfterTheGzipDataThatAreNoMemberAreRefusedNamingTheFileAndWhere() throws IOException {
        byte[] member = gzip(lines(0, 1000));
        RuntimeException e = failure(concat(member, "9999,1,0.5\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(e).isInstanceOf(DataException.class);
        assertThat(e.getMessage()).startsWith(dir.resolve("t.csv.gz") + ": bytes after the gzip data (from byte "
                + String.format(java.util.Locale.ROOT, "%,d", member.length + 1) + " of the file) are not another "
                + "gzip member");
        // after padding, and after a member's first magic byte alone
        assertThat(failure(concat(member, new byte[10], new byte[] {'x'})).getMessage())
                .contains("bytes after the gzip data");
        assertThat(failure(concat(member, new byte[] {0x1f})).getMessage()).contains("bytes after the gzip data");
        assertThat(failure(concat(member, new byte[] {0x1f, 0x00, 0x08})).getMessage())
                .contains("bytes after the gzip data");
    }

    @Test
    void aDamagedMemberIsCorruptGzipData() throws IOException {
        byte[] a = gzip(lines(0, 1000));
        byte[] b = gzip(lines(1000, 1000));
        // a second member cut short, in its data and in its trailer
        for (int cut : new int[] {5, b.length / 2, b.length - 3}) {
            RuntimeException e = failure(concat(a, Arrays.copyOf(b, cut)));
            assertThat(e).as("cut at " + cut).isInstanceOf(DataException.class);
            assertThat(e.getMessage()).contains("truncated or corrupt gzip data");
        }
        // a CRC that does not match the data
        byte[] bad = a.clone();
        bad[bad.length - 8] ^= 1;
        assertThat(failure(bad).getMessage()).contains("truncated or corrupt gzip data").contains("the CRC-32 or the size of a gzip member's data does not match the data");
        // not gzip at all, and empty, refused when opened
        assertThat(failure("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII)).getMessage())
                .contains("not valid gzip data");
        assertThat(failure(new byte[0]).getMessage()).contains("not valid gzip data");
    }

    @Test
    void aHeaderWithReservedFlagBitsIsRefusedAsRfc1952Asks() throws IOException {
        // read as if they were unset before; gzip -d refuses them ("has flags 0x20 -- not supported")
        for (int bit : new int[] {0x20, 0x40, 0x80}) {
            byte[] first = gzip(lines(0, 100));
            first[3] |= (byte) bit;
            assertThat(failure(first).getMessage()).as("first member, bit " + bit).contains("not valid gzip data")
                    .contains(String.format("reserved flag bits set (flags 0x%02x)", bit));
            byte[] second = gzip(lines(100, 100));
            second[3] |= (byte) bit;
            assertThat(failure(concat(gzip(lines(0, 100)), second)).getMessage()).as("second member, bit " + bit)
                    .contains("truncated or corrupt gzip data").contains("reserved flag bits set");
        }
    }

    @Test
    void aHeaderWithEveryOptionalFieldIsRead() throws IOException {
        byte[] data = lines(0, 500);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] deflated = new byte[data.length + 1024];
        int n = deflater.deflate(deflated);
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        // FHCRC | FEXTRA | FNAME | FCOMMENT, mtime, xfl, os
        f.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 1, 2, 3, 4, 0, 3});
        f.writeBytes(new byte[] {4, 0, 'a', 'b', 'c', 'd'}); // extra field of 4 bytes
        f.writeBytes("t.csv\0".getBytes(StandardCharsets.US_ASCII));
        f.writeBytes("a comment\0".getBytes(StandardCharsets.US_ASCII));
        CRC32 headerCrc = new CRC32();
        headerCrc.update(f.toByteArray());
        long h = headerCrc.getValue();
        f.writeBytes(new byte[] {(byte) h, (byte) (h >> 8)}); // the header's CRC16: the low bytes of its CRC-32
        f.write(deflated, 0, n);
        long c = crc.getValue();
        long size = data.length;
        f.writeBytes(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
            (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
        assertThat(read(concat(f.toByteArray(), gzip(data)))).isEqualTo(concat(data, data));
        byte[] wrongHeaderCrc = f.toByteArray();
        wrongHeaderCrc[30] ^= 1; // in the comment
        assertThat(failure(wrongHeaderCrc).getMessage()).contains("not valid gzip data (the CRC of a gzip header does not match the header)");
    }
}
