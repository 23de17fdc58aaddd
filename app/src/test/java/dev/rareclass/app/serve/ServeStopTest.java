package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.cli.CliRun;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.embed.RareclassModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a server whose request runs past the timeout: the request is cut off and the stop says so, as a stop and
 * not a failure (it was an internal error, exit 70, naming Jetty's TimeoutException). A body that stalls while the
 * server stops is told that the server is stopping.
 */
class ServeStopTest {

    @TempDir
    Path dir;

    @Test
    void aRequestStillRunningAtTheTimeoutIsCutOffAndTheStopSaysSo() throws Exception {
        Path model = trainedModel();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InferenceServer server = new InferenceServer(List.of(new ServedModel("m", RareclassModel.load(model), model)),
                new InferenceServer.Settings("127.0.0.1", 0, 1L << 20, 500, 4),
                (m, body) -> { // a CSV body that takes longer to read than the server's timeout
                    reading.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("released");
                },
                line -> { });
        int port = server.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v2/models/m/infer"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reading.await(20, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(server.stop()).as("every request finished").isFalse();
        } finally {
            release.countDown();
        }
        assertThat(slow).failsWithin(Duration.ofSeconds(20)); // cut off: no answer
    }

    @Test
    void aStopWithNothingInFlightSaysNothingWasCutOffEvenAtTheShortestTimeout() throws Exception {
        // at --timeout 0.001 Jetty's graceful stop timed out on its own parts, and serve said requests were cut off
        Path model = trainedModel();
        for (int i = 0; i < 10; i++) { // it timed out on some stops, not all
            InferenceServer server = new InferenceServer(List.of(new ServedModel("m", RareclassModel.load(model),
                    model)), new InferenceServer.Settings("127.0.0.1", 0, 1L << 20, 1, 8), (m, body) -> {
                        throw new IllegalStateException("not reached");
                    }, line -> { });
            int port = server.start();
            // a request answered before the stop, its connection kept alive by the client; at 1 ms of idle timeout
            // Jetty may close a connection before its request is read, so a few tries
            try (HttpClient http = HttpClient.newHttpClient()) {
                boolean answered = false;
                for (int t = 0; t < 20 && !answered; t++) {
                    try {
                        answered = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/v2/health/live")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                    } catch (java.io.IOException e) {
                        // closed before it was read: try again
                    }
                }
                assertThat(answered).as("server %d answered a request", i).isTrue();
                // the client may read the answer before the server has seen its write complete
                for (long end = System.nanoTime() + 10_000_000_000L; server.inFlight() > 0 && System.nanoTime() < end; ) {
                    Thread.sleep(5);
                }
                assertThat(server.inFlight()).as("server %d: requests in flight once answered", i).isZero();
                assertThat(server.stop()).as("stop %d: no request was in flight", i).isTrue();
            }
        }
    }

    @Test
    void aBodyStillArrivingWhenTheServerStopsIsToldSoNotThatItWasSlow() throws Exception {
        Path model = trainedModel();
        InferenceServer server = new InferenceServer(List.of(new ServedModel("m", RareclassModel.load(model), model)),
                new InferenceServer.Settings("127.0.0.1", 0, 1L << 20, 4000, 4), (m, body) -> {
                    throw new IllegalStateException("not reached");
                }, line -> { });
        int port = server.start();
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(15000);
            s.getOutputStream().write(("POST /v2/models/m/infer HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: 100\r\n\r\na,b\n1,").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(300);
            CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.stop();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            // Jetty cuts a connection idle for a second once stopping; it was a 408 naming the 4 s timeout
            assertThat(answer).startsWith("HTTP/1.1 503 ");
            assertThat(answer).contains("the server is stopping").doesNotContain("4.0 s");
            assertThat(stopped.get(20, TimeUnit.SECONDS)).as("the request was answered").isTrue();
        }
    }

    /** A logistic model of a small table. */
    private Path trainedModel() throws java.io.IOException {
        Injector injector = Guice.createInjector(new AppModule());
        Path table = dir.resolve("t.csv");
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 100; i++) {
            sb.append(i % 7).append(',').append(i % 3).append(',').append(i % 5 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(table, sb);
        Path model = dir.resolve("m.model");
        CliRun t = CliRun.withAllCommands(injector, "train", table.toString(), "--label", "y", "--positive", "1",
                "--model", "logistic", "--out", model.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        return model;
    }
}
