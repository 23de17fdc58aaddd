package dev.rareclass.app.serve;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import dev.rareclass.app.cli.CliRun;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.error.RareclassException;
import dev.rareclass.domain.scoring.ScoredRows;
import dev.rareclass.embed.RareclassModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for {@code serve}'s JSON request bodies: any bytes as a V2 inference request to a model with a numeric
 * column, a numeric column with missing values and a categorical one, through the steps the server takes
 * ({@link InferenceProtocol#parse}, {@link InferenceServer#scoredRows}, {@link InferenceProtocol#response}). A body may
 * only be answered (a JSON object with one output per output asked for, each with a value per row) or refused as the
 * client's mistake: an {@link HttpError} of status 4xx, or a {@link RareclassException} (answered 400), each with a
 * message (answered on one printable line by {@link InferenceProtocol#error}). Anything else is a finding: the server would answer 500 to a client's body. Seeds:
 * {@code src/test/resources/dev/rareclass/app/serve/ServeBodyFuzzTestInputs}; regular builds run the seeds only,
 * {@code scripts/fuzz serve-body} fuzzes.
 */
class ServeBodyFuzzTest {

    private static final ServedModel SERVED = served();

    @FuzzTest(maxDuration = "60s")
    void jsonBody(byte[] body) throws IOException {
        InferenceProtocol.Request parsed;
        ScoredRows scored;
        try {
            parsed = InferenceProtocol.parse(body, SERVED.model(), InferenceServer.NOT_ASKED);
            scored = InferenceServer.scoredRows(SERVED, parsed);
        } catch (HttpError e) {
            if (e.status() < 400 || e.status() > 499) {
                throw new AssertionError("status " + e.status() + " for a client's body: " + e.getMessage(), e);
            }
            requireMessage(e.getMessage(), e);
            return;
        } catch (RareclassException e) {
            requireMessage(e.getMessage(), e);
            return;
        }
        JsonNode answer = InferenceProtocol.MAPPER.readTree(InferenceProtocol.response(SERVED.name(), parsed, scored,
                SERVED.model().threshold()));
        JsonNode outputs = answer.get("outputs");
        if (outputs == null || outputs.size() != parsed.outputs().size()) {
            throw new AssertionError("outputs " + outputs + " for " + parsed.outputs());
        }
        for (JsonNode output : outputs) {
            if (output.get("data").size() != scored.size()) {
                throw new AssertionError("output " + output.get("name") + " has " + output.get("data").size()
                        + " values for " + scored.size() + " rows");
            }
        }
    }

    /** A refusal has a message to answer with ({@link InferenceProtocol#error} then shows it on one line). */
    private static void requireMessage(String message, Throwable e) {
        if (message == null || message.isBlank()) {
            throw new AssertionError("a refusal without a message", e);
        }
    }

    /** The fuzzer's first finding: an input's name with a line break was quoted raw in the answered error. */
    @Test
    void aRefusalQuotingALineBreakIsAnsweredOnOnePrintableLine() throws IOException {
        byte[] body = "{\"inputs\":[{\"name\":\"a\\r\\n\\tb\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1]}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpError refused = org.assertj.core.api.Assertions.catchThrowableOfType(HttpError.class,
                () -> InferenceProtocol.parse(body, SERVED.model(), InferenceServer.NOT_ASKED));
        org.assertj.core.api.Assertions.assertThat(refused.getMessage()).contains("a\r\n\tb");
        org.assertj.core.api.Assertions.assertThat(InferenceProtocol.MAPPER.readTree(
                InferenceProtocol.error(refused.getMessage())).get("error").textValue())
                .startsWith("input 'a???b' is not a column the model reads");
    }

    /** A logistic model of columns a, b (with missing values, imputed by median) and colour (categorical). */
    private static ServedModel served() {
        try {
            Path dir = Files.createTempDirectory("rareclass-serve-fuzz");
            dir.toFile().deleteOnExit();
            StringBuilder table = new StringBuilder("a,b,colour,y\n");
            String[] colours = {"red", "green", "blue"};
            for (int i = 0; i < 120; i++) {
                table.append(i % 7).append(',').append(i % 5 == 0 ? "" : Integer.toString(i % 11)).append(',')
                        .append(colours[i % 3]).append(',').append(i % 4 == 0 ? 1 : 0).append('\n');
            }
            Path data = Files.writeString(dir.resolve("t.csv"), table);
            Path model = dir.resolve("m.model");
            CliRun t = CliRun.withAllCommands(Guice.createInjector(new AppModule()), "train", data.toString(),
                    "--label", "y", "--positive", "1", "--categorical", "colour", "--missing", "median", "--model",
                    "logistic", "--out", model.toString(), "--quiet");
            if (t.exitCode() != 0) {
                throw new IllegalStateException(t.err());
            }
            model.toFile().deleteOnExit();
            data.toFile().deleteOnExit();
            return new ServedModel("m", RareclassModel.load(model), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
