package dev.rareclass.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotingTest {

    @Test
    void textFromAFileReachesTheTerminalWithoutItsControlCharacters() {
        // a re-signed file passes every checksum: an escape sequence or a carriage return in its text is shown as ?
        assertThat(Quoting.printable("data\u001b[2J.csv\rX")).isEqualTo("data?[2J.csv?X");
        assertThat(Quoting.printable("numTrees=100, seed=42 é")).isEqualTo("numTrees=100, seed=42 é");
    }

    @Test
    void clippedTextKeepsItsFirstCharactersAndSaysItWasCut() {
        assertThat(Quoting.clipped("a".repeat(80), 80)).isEqualTo("a".repeat(80));
        assertThat(Quoting.clipped("a".repeat(81), 80)).isEqualTo("a".repeat(80) + "…");
        assertThat(Quoting.clipped("\u0000" + "b".repeat(100), 80)).isEqualTo("?" + "b".repeat(79) + "…");
    }
}
