package dev.rareclass.adapters.io;

import dev.rareclass.domain.error.DataException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Compressed or archived data recognised by its first bytes (magic numbers), where text was expected: one list for
 * the table readers and the text corpus reader. A table in a .zip (as many downloads come), .bz2, .xz or .zst file was
 * reported as "a NUL byte; ... UTF-16 text without a byte-order mark", which sent users to re-encode a file that only
 * needed unpacking.
 */
public final class PackedData {

    private PackedData() {
    }

    /**
     * What {@code b[off, off + n)}, a file's first bytes, show: "gzip", "zip", "bzip2", "xz", "zstd" or
     * "a tar archive"; null for none of them.
     */
    public static String kind(byte[] b, int off, int n) {
        if (starts(b, off, n, 0x1f, 0x8b)) {
            return "gzip";
        }
        if (starts(b, off, n, 'P', 'K', 3, 4)) {
            return "zip";
        }
        if (starts(b, off, n, 'B', 'Z', 'h') && n >= 10 && b[off + 3] >= '1' && b[off + 3] <= '9'
                && starts(b, off + 4, n - 4, '1', 'A', 'Y', '&', 'S', 'Y')) {
            return "bzip2";
        }
        if (starts(b, off, n, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return "xz";
        }
        if (starts(b, off, n, 0x28, 0xb5, 0x2f, 0xfd)) {
            return "zstd";
        }
        if (n >= 265 && new String(b, off + 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")
                && (b[off + 262] == 0 || (b[off + 262] == ' ' && b[off + 263] == ' ' && b[off + 264] == 0))) {
            return "a tar archive";
        }
        return null;
    }

    /** The kind as a phrase: "zip data", "a tar archive". */
    public static String phrase(String kind) {
        return kind.startsWith("a ") ? kind : kind + " data";
    }

    /** What the in-memory engine reads, for the refusal of a table in a format of the Python stack it does not. */
    static final String READS = "CSV, TSV, ARFF, LibSVM and text corpora, and Parquet with --engine spark";

    /**
     * Refuses a table file whose first bytes (after a {@code .gz} name's gunzipping) are packed data, or a table in a
     * format of the Python stack ({@link dev.rareclass.domain.data.ForeignFormats}: Parquet, an Excel workbook, ...):
     * named for what it is, with what to do.
     */
    public static void refuseAsTable(String file, byte[] b, int off, int n) {
        dev.rareclass.domain.data.ForeignFormats.ofContent(file, b, off, n).ifPresent(format -> {
            throw new DataException(dev.rareclass.domain.data.ForeignFormats.readRefusal(file, format, READS));
        });
        String kind = kind(b, off, n);
        if (kind == null) {
            return;
        }
        if (kind.equals("gzip")) {
            // a .gz name is gunzipped already (InputFiles.open): gzip again inside is a file compressed twice
            String name = file.toLowerCase(Locale.ROOT);
            throw new DataException(name.endsWith(".gz") || name.endsWith(".tgz")
                    ? file + ": gzip data inside the gzip data: the file looks compressed twice; gunzip it once "
                            + "and read the result as a .gz file"
                    : file + ": gzip data, not text; name the file with .gz to read it compressed, or gunzip it");
        }
        throw new DataException(file + ": " + phrase(kind) + ", not a text table; unpack it and read the table "
                + "inside (rareclass opens only gzip, in a file named .gz, by itself)");
    }

    private static boolean starts(byte[] b, int off, int n, int... magic) {
        return dev.rareclass.domain.data.ForeignFormats.startsWith(b, off, n, magic);
    }
}
