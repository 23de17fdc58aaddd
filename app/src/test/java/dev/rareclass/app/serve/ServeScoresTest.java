package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rareclass.app.cli.CliRun;
import dev.rareclass.embed.RareclassModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every model kind, trained on real data (abalone: one categorical and seven numeric columns, "19 rings" as the rare
 * class), gives the same scores and labels through {@code predict}, the embedding API and {@code serve}, to the last
 * bit: the three share one scoring path, and this proves the request decoding loses nothing.
 */
@Tag("slow")
class ServeScoresTest {

    static final Path ABALONE = Path.of("..", "..", "shared", "datasets", "abalone", "abalone.csv");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static List<String[]> rows;
    private static final List<ServedModel> SERVED = new ArrayList<>();
    private static InferenceServer server;
    private static int port;

    @BeforeAll
    static void data() throws Exception {
        Assumptions.assumeTrue(Files.exists(ABALONE), "shared datasets not beside the checkout");
        rows = Files.readAllLines(ABALONE).stream().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"logistic@smile", "random-forest@smile", "gradient-boosting@smile",
        "gradient-boosting@xgboost", "svm@smile", "knn@smile", "decision-tree@smile", "adaboost@smile", "mlp@smile",
        "mlp@dl4j", "logistic@dl4j", "autoencoder@dl4j", "balanced-random-forest@smile", "balanced-bagging@smile",
        "easy-ensemble@smile", "rus-boost@smile"})
    void predictEmbedAndServeAgree(String model) throws Exception {
        String name = model.replace('@', '-');
        Path file = dir.resolve(name + ".model");
        CliRun train = CliRun.withAllCommands(Injection.INJECTOR, "train", ABALONE.toString(), "--no-header", "--label",
                "8", "--positive", "19", "--model", model, "--seed", "3", "--out", file.toString(), "--quiet");
        assertThat(train.exitCode()).as(train.err()).isZero();
        Path predictions = dir.resolve(name + ".csv");
        CliRun predict = CliRun.withAllCommands(Injection.INJECTOR, "predict", file.toString(), ABALONE.toString(),
                "--no-header", "--out", predictions.toString(), "--quiet");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> expected = Files.readAllLines(predictions).subList(1, rows.size() + 1);

        // the embedding API, rows as maps (numbers as doubles, the category as a string)
        RareclassModel embedded = RareclassModel.load(file);
        List<Map<String, Object>> maps = new ArrayList<>();
        for (String[] r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("0", r[0]);
            for (int c = 1; c < 8; c++) {
                m.put(Integer.toString(c), Double.parseDouble(r[c]));
            }
            m.put("8", r[8]); // the label column is accepted and ignored
            maps.add(m);
        }
        List<RareclassModel.Score> scores = embedded.score(maps);

        // the server: all rows in one V2 request
        JsonNode answer = infer(served(name, embedded, file), body(rows));
        JsonNode p = output(answer, "p");
        JsonNode predicted = output(answer, "predicted");
        assertThat(p.size()).isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = expected.get(i).split(",");
            // row,y,p,predicted
            assertThat(Double.toString(scores.get(i).score())).as("embedded row %d", i + 1).isEqualTo(cells[2]);
            assertThat(scores.get(i).label()).isEqualTo(Integer.parseInt(cells[3]));
            assertThat(Double.toString(p.get(i).doubleValue())).as("served row %d", i + 1).isEqualTo(cells[2]);
            assertThat(predicted.get(i).intValue()).isEqualTo(Integer.parseInt(cells[3]));
        }
        // one row at a time scores as in the batch, to the bit: the DL4J networks here too, whose layers (at most
        // 4,096 weights each) score in Java (OpenBLAS's float32 products round a row otherwise alone than in a batch:
        // autoencoder@dl4j's default activity-penalised first layer, which scored through it, was 3e-8 apart)
        assertThat(embedded.score(maps.get(7)).score()).isEqualTo(scores.get(7).score());
    }

    private static synchronized String served(String name, RareclassModel model, Path file) throws Exception {
        if (server != null) {
            server.stop();
        }
        SERVED.clear();
        SERVED.add(new ServedModel(name, model, file));
        server = new InferenceServer(SERVED, new InferenceServer.Settings("127.0.0.1", 0, 16 << 20, 10_000, 8),
                (m, body) -> {
                    throw new AssertionError("no CSV here");
                }, line -> {
                    throw new AssertionError(line);
                });
        port = server.start();
        return name;
    }

    static ObjectNode body(List<String[]> rows) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode inputs = root.putArray("inputs");
        for (int c = 0; c < 8; c++) {
            ObjectNode in = inputs.addObject();
            in.put("name", Integer.toString(c));
            in.put("datatype", c == 0 ? "BYTES" : "FP64");
            in.putArray("shape").add(rows.size());
            ArrayNode data = in.putArray("data");
            for (String[] r : rows) {
                if (c == 0) {
                    data.add(r[0]);
                } else {
                    data.add(Double.parseDouble(r[c]));
                }
            }
        }
        return root;
    }

    private static JsonNode infer(String model, ObjectNode body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/models/"
                        + model + "/infer")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode output(JsonNode answer, String name) {
        for (JsonNode o : answer.get("outputs")) {
            if (o.get("name").asText().equals(name)) {
                return o.get("data");
            }
        }
        throw new AssertionError("no output " + name + " in " + answer);
    }

    /** One injector for the class (building one per kind costs a second each). */
    private static final class Injection {
        static final com.google.inject.Injector INJECTOR = com.google.inject.Guice.createInjector(
                new dev.rareclass.app.wiring.AppModule());
    }
}
