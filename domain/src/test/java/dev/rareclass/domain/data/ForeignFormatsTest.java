package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ForeignFormatsTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void magicNumbersNameTheFormatWhateverTheFileIsCalled() {
        assertThat(ForeignFormats.ofContent("t.csv", ascii("PAR1\u0015\u0000"), 0, 6)).contains("Parquet");
        assertThat(ForeignFormats.ofContent("t", ascii("ARROW1\0\0"), 0, 8)).contains("Feather (Arrow)");
        // a text table whose header or first value starts with the same letters is a text table
        assertThat(ForeignFormats.ofContent("t.csv", ascii("PAR1,PAR2,y\n"), 0, 12)).isEmpty();
        assertThat(ForeignFormats.ofContent("-", ascii("PAR1000\t3\n"), 0, 10)).isEmpty();
        assertThat(ForeignFormats.ofContent("t.parquet", ascii("PAR1\r\n"), 0, 6)).isEmpty();
        assertThat(ForeignFormats.ofContent("t.csv", ascii("PAR1"), 0, 4)).isEmpty();
        assertThat(ForeignFormats.ofContent("t.csv", ascii("ARROW1,x,y\n"), 0, 11)).isEmpty();
        assertThat(ForeignFormats.ofContent("t.data", bytes(0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'), 0, 8))
                .contains("HDF5");
        assertThat(ForeignFormats.ofContent("-", ascii("\u0093NUMPY\u0001\u0000"), 0, 8)).contains("a NumPy array");
        assertThat(ForeignFormats.ofContent("t.txt", ascii("SQLite format 3\0xyz"), 0, 19))
                .contains("an SQLite database");
        assertThat(ForeignFormats.ofContent("t.csv", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 0, 8))
                .contains("an Excel workbook (or another Office file)");
        assertThat(ForeignFormats.ofContent("t.csv", ascii("Obj\u0001"), 0, 4)).contains("Avro");
    }

    @Test
    void theOffsetAndLengthBoundWhatIsLookedAt() {
        byte[] b = ascii("xxPAR1\u0015");
        assertThat(ForeignFormats.ofContent("t.csv", b, 2, 5)).contains("Parquet");
        assertThat(ForeignFormats.ofContent("t.csv", b, 2, 4)).isEmpty(); // the binary byte after it cut off
        assertThat(ForeignFormats.ofContent("t.csv", b, 2, 3)).isEmpty(); // the magic cut short
        assertThat(ForeignFormats.ofContent("t.csv", b, 0, 7)).isEmpty();
    }

    @Test
    void textTablesThatStartLikeAMagicNumberPass() {
        // a header beginning with Obj or PAR without the magic's exact bytes
        assertThat(ForeignFormats.ofContent("t.csv", ascii("Object,y\n1,0\n"), 0, 13)).isEmpty();
        assertThat(ForeignFormats.ofContent("t.csv", ascii("PAR,y\n1,0\n"), 0, 10)).isEmpty();
        assertThat(ForeignFormats.ofContent("t.csv", ascii("ORC,y\n1,0\n"), 0, 10)).isEmpty();
        assertThat(ForeignFormats.ofContent("t.csv", new byte[0], 0, 0)).isEmpty();
    }

    @Test
    void jsonIsJudgedByItsNameAndItsFirstByteTogether() {
        assertThat(ForeignFormats.ofContent("d.json", ascii("[{\"a\": 1}]"), 0, 10)).contains("JSON");
        assertThat(ForeignFormats.ofContent("dir/d.JSONL.gz", ascii(" \r\n{\"a\": 1}"), 0, 11)).contains("JSON Lines");
        assertThat(ForeignFormats.ofContent("d.ndjson", bytes(0xef, 0xbb, 0xbf, '{'), 0, 4)).contains("JSON Lines");
        // a CSV that happens to be named .json is read as the CSV it is; an object in a CSV's name is a CSV
        assertThat(ForeignFormats.ofContent("d.json", ascii("a,y\n1,0\n"), 0, 8)).isEmpty();
        assertThat(ForeignFormats.ofContent("d.csv", ascii("{\"a\": 1}"), 0, 8)).isEmpty();
    }

    @Test
    void aZipIsAWorkbookOnlyWhenNamedSoAndAPickleOnlyWhenNamedAndMarked() {
        byte[] zip = bytes('P', 'K', 3, 4, 0, 0);
        assertThat(ForeignFormats.ofContent("book.xlsx", zip, 0, 6)).contains("an Excel workbook");
        assertThat(ForeignFormats.ofContent("sheet.ods", zip, 0, 6)).contains("an OpenDocument spreadsheet");
        assertThat(ForeignFormats.ofContent("arrays.npz", zip, 0, 6)).contains("NumPy arrays");
        assertThat(ForeignFormats.ofContent("table.zip", zip, 0, 6)).isEmpty(); // packed data: another refusal's
        assertThat(ForeignFormats.ofContent("book.xlsx", ascii("a,y\n"), 0, 4)).isEmpty();
        assertThat(ForeignFormats.ofContent("frame.pkl", bytes(0x80, 4, 0x95), 0, 3)).contains("a Python pickle");
        assertThat(ForeignFormats.ofContent("frame.pkl", ascii("a,y\n"), 0, 4)).isEmpty();
        assertThat(ForeignFormats.ofContent("frame.csv", bytes(0x80, 4, 0x95), 0, 3)).isEmpty();
    }

    @Test
    void namesAreReadWithoutCaseAndWithoutATrailingGz() {
        assertThat(ForeignFormats.ofName("p.json")).contains("JSON");
        assertThat(ForeignFormats.ofName("/tmp/x.y/P.PARQUET.gz")).contains("Parquet");
        assertThat(ForeignFormats.ofName("x.json/p.csv")).isEmpty();
        assertThat(ForeignFormats.ofName("p.csv")).isEmpty();
        assertThat(ForeignFormats.ofName("json")).isEmpty();
        assertThat(ForeignFormats.ofName("p.txt")).isEmpty();
    }

    @Test
    void theRefusalsSayWhatToDoAndQuoteOnlyPlainNames() {
        assertThat(ForeignFormats.readRefusal("/d/t.parquet", "Parquet", "CSV and TSV")).isEqualTo(
                "/d/t.parquet: Parquet, not a text table; rareclass reads CSV and TSV: write it as CSV first (pandas: "
                        + "pd.read_parquet('t.parquet').to_csv('t.csv', index=False))");
        assertThat(ForeignFormats.readRefusal("e.jsonl.gz", "JSON Lines", "CSV"))
                .endsWith("(pandas: pd.read_json('e.jsonl.gz', lines=True).to_csv('e.csv', index=False))");
        // no line for a misnamed file, standard input, or a request body's spool file
        assertThat(ForeignFormats.readRefusal("t.CSV", "Parquet", "CSV")).endsWith("write it as CSV first");
        assertThat(ForeignFormats.readRefusal("-", "Parquet", "CSV")).isEqualTo("-: Parquet, not a text table; "
                + "rareclass reads CSV: write it as CSV first");
        // a name Python would need escapes for gets no line to paste
        assertThat(ForeignFormats.readRefusal("it's.json", "JSON", "CSV")).endsWith("write it as CSV first");
        assertThat(ForeignFormats.readRefusal("t.sqlite", "an SQLite database", "CSV"))
                .endsWith("write it as CSV first");
        assertThat(ForeignFormats.writeRefusal("out/p.json.gz", "JSON")).isEqualTo("out/p.json.gz: the name says "
                + "JSON, which rareclass does not write; name the output as a table, such as p.csv");
    }
}
