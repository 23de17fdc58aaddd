package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --select-top-k K} with K above the number of features kept them all without a word; scikit-learn's
 * {@code SelectKBest} warns ("k=5 is greater than n_features=2. All the features will be returned."), and so does
 * rareclass now, going on with every feature.
 */
class SelectTopKTest {

    @TempDir
    static Path dir;

    static Path table;

    @BeforeAll
    static void write() throws IOException {
        table = SmallTable.writeNumeric(dir.resolve("two-features.csv")); // a, b, y
    }

    private static InProcessCli train(String k, String out) {
        return InProcessCli.run("train", table.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--select-top-k", k, "--quiet", "--out", dir.resolve(out).toString());
    }

    @Test
    void aKAboveTheFeaturesWarnsEvenUnderQuietAndKeepsThemAll() {
        InProcessCli r = train("5", "five.model");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: select-top-k 5 is greater than the 2 features the preprocessing gives; "
                + "all 2 are kept");
        assertThat(r.err().lines().filter(l -> l.contains("select-top-k")).count()).isEqualTo(1);
        assertThat(dir.resolve("five.model")).isRegularFile();
    }

    @Test
    void aKOfAsManyAsTheFeaturesSaysNothing() {
        InProcessCli r = train("2", "two.model");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("select-top-k");
    }
}
