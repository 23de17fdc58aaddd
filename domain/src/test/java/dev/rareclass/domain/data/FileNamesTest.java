package dev.rareclass.domain.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void theExtensionIsTheLastOneLowerCasedAfterAGzIsSetAside() {
        assertThat(FileNames.extension("t.csv")).isEqualTo(".csv");
        assertThat(FileNames.extension("T.TSV.gz")).isEqualTo(".tsv");
        assertThat(FileNames.extension("t.tar.GZ")).isEqualTo(".tar");
        assertThat(FileNames.extension("a.b.parquet")).isEqualTo(".parquet");
        assertThat(FileNames.extension(".tsv")).isEqualTo(".tsv");
        assertThat(FileNames.extension("t.gz")).isEmpty();
        assertThat(FileNames.extension("ionosphere")).isEmpty();
        assertThat(FileNames.extension("-")).isEmpty();
        assertThat(FileNames.extension("")).isEmpty();
    }

    @Test
    void onlyTheNameCountsNotItsFolders() {
        assertThat(FileNames.extension("dir.v2/t")).isEmpty();
        assertThat(FileNames.extension("x.json/p.csv")).isEqualTo(".csv");
        assertThat(FileNames.extension("C:\\data.d\\t.XLSX")).isEqualTo(".xlsx");
    }
}
