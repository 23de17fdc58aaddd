package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.embed.RareclassModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request whose handling runs out of memory is still answered, and ends: 64 gzip bodies inflating past the limit
 * beside 64 good ones, on a 256 MiB heap, left a request unanswered (the client waited 90 s and gave up) and the stop
 * that followed waited its whole --timeout for it, saying requests had been cut off. The error had struck while the
 * answer to a failure was being made, inside the body's completion stage, which swallowed it. Here the CSV reader
 * and the log are where memory runs out.
 */
class ServeOutOfMemoryTest {

    @TempDir
    Path dir;

    @Test
    void outOfMemoryWhileScoringIsA503() throws Exception {
        answeredAndEnded((m, body) -> {
            throw new OutOfMemoryError("Java heap space");
        }, line -> { });
    }

    @Test
    void outOfMemoryWhileAnsweringAFailureIsStillA503AndTheRequestEnds() throws Exception {
        // an internal error, whose log line cannot be made: the answer to the failure failed in turn
        answeredAndEnded((m, body) -> {
            throw new IllegalStateException("broken");
        }, line -> {
            throw new OutOfMemoryError("Java heap space");
        });
    }

    private void answeredAndEnded(InferenceServer.CsvReader csv, Consumer<String> log) throws Exception {
        Path model = SmallServedModel.train(dir);
        InferenceServer server = new InferenceServer(List.of(new ServedModel("m", RareclassModel.load(model), model)),
                new InferenceServer.Settings("127.0.0.1", 0, 1L << 20, 5000, 8), csv, log);
        int port = server.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v2/models/m/infer"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString("x,c\n1,a\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("{\"error\":\"the server has no memory left for this request; send smaller "
                    + "batches\"}");
            // and it is in flight no more: a stop finds nothing to cut off
            for (int i = 0; i < 200 && server.inFlight() > 0; i++) {
                Thread.sleep(10); // the answer is counted out once written, just after the client has it
            }
            assertThat(server.inFlight()).isZero();
            // the server goes on answering
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/v2/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
        } catch (Throwable e) {
            server.stop();
            throw e;
        }
        assertThat(server.stop()).as("nothing was cut off").isTrue();
    }
}
