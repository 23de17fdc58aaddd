package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model with a text column whose re-signed manifest lists a vocabulary of another size than the classifier was
 * trained on (cut short, grown) is refused when loaded, exit 65 naming the file, by {@code inspect} and
 * {@code predict} alike. Before, the load skipped the width check for text models: {@code inspect} said nothing,
 * {@code predict} ended in an internal error (exit 70) and {@code serve} reported ready and answered 500.
 */
class TextModelForgeryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path data;
    static Path logistic;
    static Path mlp;

    @BeforeAll
    static void train() throws IOException {
        StringBuilder tsv = new StringBuilder("review\ty\n");
        String[] good = {"great", "lovely", "superb", "fine", "moving"};
        String[] bad = {"awful", "boring", "dull", "weak", "poor"};
        for (int i = 0; i < 120; i++) {
            boolean positive = i % 3 == 0;
            String[] words = positive ? good : bad;
            tsv.append("a ").append(words[i % 5]).append(" film with ").append(words[(i / 5) % 5]).append(" acting")
                    .append('\t').append(positive ? 1 : 0).append('\n');
        }
        data = Files.writeString(dir.resolve("reviews.tsv"), tsv);
        logistic = dir.resolve("text-logistic.model");
        mlp = dir.resolve("text-mlp.model");
        for (String[] m : new String[][] {{"logistic", logistic.toString()}, {"mlp@dl4j", mlp.toString()}}) {
            InProcessCli r = InProcessCli.run("train", data.toString(), "--format", "tab", "--label", "y", "--positive",
                    "1", "--text", "review", "--model", m[0], "--param", m[0].equals("mlp@dl4j") ? "epochs=2" : "lambda=1",
                    "--out", m[1]);
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    static Stream<Arguments> forgeries() {
        Consumer<ArrayNode> cut = v -> {
            while (v.size() > 3) {
                v.remove(v.size() - 1);
            }
        };
        Consumer<ArrayNode> grown = v -> {
            for (int i = 0; i < 50; i++) {
                v.add("zz" + (1000 + i)); // sorted after every real word, as a vocabulary is kept
            }
        };
        Consumer<ArrayNode> emptied = ArrayNode::removeAll;
        return Stream.of(Named.of("cut to 3 words", cut), Named.of("grown by 50 words", grown),
                        Named.of("emptied", emptied))
                .flatMap(f -> Stream.of(Arguments.of(Named.of("logistic@smile", "logistic"), f),
                        Arguments.of(Named.of("mlp@dl4j", "mlp"), f)));
    }

    @ParameterizedTest(name = "{0}, vocabulary {1}")
    @MethodSource("forgeries")
    void aVocabularyOfAnotherSizeIsRefusedWhenLoaded(String which, Consumer<ArrayNode> forge) throws IOException {
        Path genuine = which.equals("mlp") ? mlp : logistic;
        Map<String, byte[]> parts = ModelZip.read(genuine);
        ObjectNode manifest = (ObjectNode) JSON.readTree(parts.get("manifest.json"));
        ArrayNode vocabulary = null;
        for (var column : manifest.path("preprocessing").path("columns")) {
            if (column.has("vocabulary")) {
                vocabulary = (ArrayNode) column.get("vocabulary");
            }
        }
        assertThat(vocabulary).as("the text column's vocabulary in %s", manifest).isNotNull();
        forge.accept(vocabulary);
        ModelZip.putManifest(parts, JSON.writeValueAsBytes(manifest));
        Path forged = ModelZip.write(dir.resolve("forged-" + which + "-" + vocabulary.size() + ".model"), parts);

        InProcessCli inspect = InProcessCli.run("inspect", forged.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isEqualTo(65);
        assertThat(inspect.err()).contains(forged.getFileName().toString()).contains("refused")
                .doesNotContain("internal error").doesNotContain("\tat ");
        ModelRefusal.assertRefused(forged, data, dir, "words its manifest lists");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("genuine")
    void theGenuineTextModelsStillLoadAndPredict(Path model) {
        InProcessCli r = ModelRefusal.predict(model, data, dir);
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    static Stream<Arguments> genuine() {
        return Stream.of(Arguments.of(Named.of("logistic@smile", logistic)), Arguments.of(Named.of("mlp@dl4j", mlp)));
    }
}
