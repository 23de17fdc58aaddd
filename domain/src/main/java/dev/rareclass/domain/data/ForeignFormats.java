package dev.rareclass.domain.data;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Table formats of the Python stack that rareclass neither reads nor writes (JSON, Parquet, Excel, Feather, HDF5,
 * NumPy, pickle, SQLite, ORC, Avro), named for what they are, for every reader and writer of tables: a
 * {@code data.parquet} was refused as "a NUL byte ... UTF-16 text", an {@code .xlsx} (a zip) was to be "unpacked",
 * a JSON file was read as a one-column CSV, and {@code predict --out p.json} wrote CSV into a file named JSON.
 * <p>
 * A file is judged by its first bytes where the format has a magic number no text table starts with, and by its
 * name where it has none (JSON, pickle) or shares one with something else (an Excel workbook is a zip): a name alone
 * never refuses an input, since a CSV may be named anything, but JSON is refused only when its name says so and it
 * starts as JSON does.
 */
public final class ForeignFormats {

    /** Extension (after any {@code .gz}) → the format's name, for names that promise a format rareclass lacks. */
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry(".json", "JSON"), Map.entry(".jsonl", "JSON Lines"), Map.entry(".ndjson", "JSON Lines"),
            Map.entry(".parquet", "Parquet"), Map.entry(".pq", "Parquet"),
            Map.entry(".xlsx", "an Excel workbook"), Map.entry(".xlsm", "an Excel workbook"),
            Map.entry(".xls", "an Excel workbook"), Map.entry(".ods", "an OpenDocument spreadsheet"),
            Map.entry(".feather", "Feather (Arrow)"), Map.entry(".arrow", "Arrow"),
            Map.entry(".h5", "HDF5"), Map.entry(".hdf5", "HDF5"), Map.entry(".hdf", "HDF5"),
            Map.entry(".npy", "a NumPy array"), Map.entry(".npz", "NumPy arrays"),
            Map.entry(".pkl", "a Python pickle"), Map.entry(".pickle", "a Python pickle"),
            Map.entry(".sqlite", "an SQLite database"), Map.entry(".db", "an SQLite database"),
            Map.entry(".orc", "ORC"), Map.entry(".avro", "Avro"));

    /** How pandas reads each ({@code %s}: the file's name), for the advice to write it as CSV first. */
    private static final Map<String, String> PANDAS_READER = Map.ofEntries(
            Map.entry("JSON", "read_json(%s)"), Map.entry("JSON Lines", "read_json(%s, lines=True)"),
            Map.entry("Parquet", "read_parquet(%s)"), Map.entry("an Excel workbook", "read_excel(%s)"),
            Map.entry("an OpenDocument spreadsheet", "read_excel(%s)"),
            Map.entry("Feather (Arrow)", "read_feather(%s)"), Map.entry("Arrow", "read_feather(%s)"),
            Map.entry("HDF5", "read_hdf(%s)"), Map.entry("a Python pickle", "read_pickle(%s)"),
            Map.entry("ORC", "read_orc(%s)"));

    private ForeignFormats() {
    }

    /** The format a file's name promises, when it is one rareclass has no reader or writer for. */
    public static Optional<String> ofName(String fileName) {
        return Optional.ofNullable(BY_EXTENSION.get(FileNames.extension(fileName)));
    }

    /**
     * The format a file is in, judged by {@code b[off, off + n)}, its first bytes (gunzipped when the name ends in
     * .gz), and its name: empty for anything that may be a text table.
     */
    public static Optional<String> ofContent(String fileName, byte[] b, int off, int n) {
        // PAR1 and ARROW1 are ASCII, and a header may start so (PAR1,PAR2,y): the byte after them must be binary, as
        // a Parquet file's first page header is (0x15) and an Arrow file's padding (two zero bytes)
        if (starts(b, off, n, "PAR1") && n > 4 && binary(b[off + 4])) {
            return Optional.of("Parquet");
        }
        if (starts(b, off, n, "ARROW1\0\0")) {
            return Optional.of("Feather (Arrow)");
        }
        if (starts(b, off, n, 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n')) {
            return Optional.of("HDF5");
        }
        if (starts(b, off, n, 0x93, 'N', 'U', 'M', 'P', 'Y')) {
            return Optional.of("a NumPy array");
        }
        if (starts(b, off, n, "SQLite format 3\0")) {
            return Optional.of("an SQLite database");
        }
        if (starts(b, off, n, 'O', 'b', 'j', 1)) {
            return Optional.of("Avro");
        }
        if (starts(b, off, n, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
            // the compound-file container of .xls (and of .doc): no text starts so
            return Optional.of("an Excel workbook (or another Office file)");
        }
        Optional<String> named = ofName(fileName);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String format = named.get();
        if (starts(b, off, n, 'P', 'K', 3, 4) && (format.startsWith("an Excel") || format.startsWith("an Open")
                || format.startsWith("NumPy"))) {
            return named; // a zip named as a workbook (.xlsx, .ods) or .npz
        }
        if (format.startsWith("a Python pickle") && n >= 2 && (b[off] & 0xff) == 0x80) {
            return named; // pickle's protocol 2 and later start with PROTO (0x80)
        }
        if (format.startsWith("JSON") && startsAsJson(b, off, n)) {
            return named;
        }
        return Optional.empty();
    }

    /**
     * A reader's refusal: what the file is, what the engine reads ({@code reads}, such as "CSV, TSV and Parquet"),
     * and the pandas line that writes the file as CSV. The line is given only for a file named as its format
     * ({@code t.parquet}, not standard input, a misnamed {@code t.csv} or a request body's spool file) and whose name
     * Python reads without quoting.
     */
    public static String readRefusal(String file, String format, String reads) {
        String reader = PANDAS_READER.get(format);
        String name = baseName(file);
        String hint = reader == null || ofName(name).isEmpty() || !name.matches("[\\w.+-]+") ? ""
                : " (pandas: pd." + reader.formatted("'" + name + "'") + ".to_csv('" + stem(name) + ".csv', "
                        + "index=False))";
        return file + ": " + format + ", not a text table; rareclass reads " + reads + ": write it as CSV first"
                + hint;
    }

    /** A writer's refusal of an output named as such a format. */
    public static String writeRefusal(String file, String format) {
        return file + ": the name says " + format + ", which rareclass does not write; name the output as a table, "
                + "such as " + stem(baseName(file)) + ".csv";
    }

    private static String baseName(String file) {
        return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    }

    /** The name without its extension and any {@code .gz} after it. */
    private static String stem(String name) {
        return name.replaceFirst("(?i)(\\.[a-z0-9]+)?(\\.gz)?$", "");
    }

    /** Whether a byte is no part of UTF-8 text a table holds: a control character other than tab, CR and LF. */
    private static boolean binary(byte x) {
        return x >= 0 && x < 0x20 && x != '\t' && x != '\r' && x != '\n';
    }

    /** Whether the first non-blank byte (after a UTF-8 byte-order mark) opens a JSON object or array. */
    private static boolean startsAsJson(byte[] b, int off, int n) {
        int i = off;
        int end = off + n;
        if (starts(b, off, n, 0xef, 0xbb, 0xbf)) {
            i += 3;
        }
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i < end && (b[i] == '{' || b[i] == '[');
    }

    private static boolean starts(byte[] b, int off, int n, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        int[] ints = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            ints[i] = m[i] & 0xff;
        }
        return starts(b, off, n, ints);
    }

    private static boolean starts(byte[] b, int off, int n, int... magic) {
        return startsWith(b, off, n, magic);
    }

    /** Whether {@code b[off, off + n)} starts with the bytes {@code magic} (each 0-255): a magic number's test. */
    public static boolean startsWith(byte[] b, int off, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[off + i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
