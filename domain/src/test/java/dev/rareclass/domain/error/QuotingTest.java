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

    @Test
    void aKindOrBackendTakesTheArticleItIsSaidWith() {
        // messages said "a autoencoder model" and "a xgboost classifier"
        assertThat(Quoting.withArticle("autoencoder")).isEqualTo("an autoencoder");
        assertThat(Quoting.withArticle("adaboost")).isEqualTo("an adaboost");
        assertThat(Quoting.withArticle("easy-ensemble")).isEqualTo("an easy-ensemble");
        assertThat(Quoting.withArticle("svm")).isEqualTo("an svm");
        assertThat(Quoting.withArticle("mlp")).isEqualTo("an mlp");
        assertThat(Quoting.withArticle("xgboost")).isEqualTo("an xgboost");
        assertThat(Quoting.withArticle("logistic")).isEqualTo("a logistic");
        assertThat(Quoting.withArticle("random-forest")).isEqualTo("a random-forest");
        assertThat(Quoting.withArticle("knn")).isEqualTo("a knn");
        assertThat(Quoting.withArticle("rus-boost")).isEqualTo("a rus-boost");
        assertThat(Quoting.withArticle("dl4j")).isEqualTo("a dl4j");
    }
}
