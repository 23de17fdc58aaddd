package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.cli.CliRun;
import dev.rareclass.app.wiring.AppModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV body with a missing value, served as {@code rareclass serve} serves it ({@link Serving}): every row is answered
 * or the body is refused naming the row. Before, a model trained with {@code --missing drop} left the row out of its
 * answer (3 rows sent, 2 scores back, no way to tell which), and one trained with {@code --missing error} advised
 * command-line options to the HTTP caller.
 */
class ServeMissingValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HEADER = "a,b,color\n";

    @TempDir
    static Path dir;

    static InferenceServer server;
    static int port;

    @BeforeAll
    static void serve() throws Exception {
        Injector injector = Guice.createInjector(new AppModule());
        StringBuilder table = new StringBuilder("a,b,color,y\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < 200; i++) {
            table.append(i % 7).append('.').append(i % 10).append(',').append((i * 13) % 11).append(',')
                    .append(colors[i % 3]).append(',').append(i % 5 == 0 ? 1 : 0).append('\n');
        }
        Path data = Files.writeString(dir.resolve("t.csv"), table);
        List<Path> models = new ArrayList<>();
        for (String policy : List.of("error", "drop", "mean")) {
            Path model = dir.resolve(policy + ".model");
            CliRun t = CliRun.withAllCommands(injector, "train", data.toString(), "--label", "y", "--positive", "1",
                    "--categorical", "color", "--model", "logistic", "--missing", policy, "--out", model.toString());
            assertThat(t.exitCode()).as(t.err()).isZero();
            models.add(model);
        }
        Serving serving = injector.getInstance(Serving.class);
        server = serving.server(serving.load(models, List.of()),
                new InferenceServer.Settings("127.0.0.1", 0, 1 << 20, 10_000, 8), line -> {
                    throw new AssertionError(line);
                });
        port = server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> csv(String model, String body) throws Exception {
        return post(model, "text/csv", body);
    }

    private static HttpResponse<String> post(String model, String type, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/models/" + model + "/infer"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int rows(HttpResponse<String> answer) throws Exception {
        for (JsonNode out : JSON.readTree(answer.body()).path("outputs")) {
            if (out.path("name").asText().equals("p")) {
                return out.path("data").size();
            }
        }
        throw new AssertionError(answer.body());
    }

    @Test
    void aModelThatImputesNothingRefusesTheRowNamingItWithoutCommandLineAdvice() throws Exception {
        for (String model : List.of("error", "drop")) {
            HttpResponse<String> answer = csv(model, HEADER + "1.5,3,red\n2.5,,green\n0.5,4,blue\n");
            assertThat(answer.statusCode()).as(model).isEqualTo(400);
            String error = JSON.readTree(answer.body()).path("error").asText();
            assertThat(error).as(model).startsWith("request body, data row 2, column 'b': missing value, and this model "
                    + "puts nothing in its place").doesNotContain("--drop the column").doesNotContain("use --missing");
            // a missing category as well
            assertThat(csv(model, HEADER + "1.5,3,\n").statusCode()).as(model).isEqualTo(400);
            // and every row of a complete body is answered
            HttpResponse<String> whole = csv(model, HEADER + "1.5,3,red\n2.5,1,green\n0.5,4,blue\n");
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(rows(whole)).isEqualTo(3);
        }
    }

    @Test
    void aModelThatImputesAnswersEveryRow() throws Exception {
        HttpResponse<String> answer = csv("mean", HEADER + "1.5,3,red\n2.5,,green\n0.5,4,\n");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(rows(answer)).isEqualTo(3);
    }

    /**
     * A TAB-separated body (text/tab-separated-values) is read with TABs and no quoting, and scores as the same rows
     * sent as CSV: a model trained on a TAB file had no body type for its own table.
     */
    @Test
    void aTabSeparatedBodyScoresAsTheSameRowsInCsv() throws Exception {
        HttpResponse<String> tabs = post("mean", "text/tab-separated-values", "a\tb\tcolor\n1.5\t3\tred\n2.5\t1\t\"green\n");
        assertThat(tabs.statusCode()).as(tabs.body()).isEqualTo(200);
        HttpResponse<String> commas = csv("mean", HEADER + "1.5,3,red\n2.5,1,\"\"\"green\"\n");
        assertThat(tabs.body()).isEqualTo(commas.body());
    }
}
