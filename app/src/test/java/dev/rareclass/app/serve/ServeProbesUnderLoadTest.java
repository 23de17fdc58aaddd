package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.embed.RareclassModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health, metadata and metrics are answered while every scoring thread is busy: with more requests being scored than
 * --threads, a readiness probe waited for one of them to finish (6 to 16 s on two cores with 80 clients sending
 * 1,000-row batches), and an orchestrator takes a server that slow to answer out of service, or restarts it.
 */
class ServeProbesUnderLoadTest {

    private static final int THREADS = 8;

    @TempDir
    Path dir;

    @Test
    void probesAreAnsweredWhileEveryScoringThreadIsBusy() throws Exception {
        Path model = SmallServedModel.train(dir);
        Semaphore scoring = new Semaphore(0);
        CountDownLatch release = new CountDownLatch(1);
        InferenceServer server = new InferenceServer(List.of(new ServedModel("m", RareclassModel.load(model), model)),
                new InferenceServer.Settings("127.0.0.1", 0, 1L << 20, 30_000, THREADS),
                (m, body) -> { // a CSV body that takes until the test says so to score
                    scoring.release();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("released");
                }, line -> { });
        int port = server.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            List<CompletableFuture<HttpResponse<String>>> busy = new ArrayList<>();
            for (int i = 0; i < 2 * THREADS; i++) { // twice as many as there are threads: half of them wait in a queue
                busy.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/v2/models/m/infer")).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString("x,c\n1,a\n")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // (before, Jetty's own threads scored, and with its acceptor and selector among them fewer than 8 could)
            assertThat(scoring.tryAcquire(THREADS, 30, TimeUnit.SECONDS)).as("every thread scoring").isTrue();
            for (String path : List.of("/v2/health/ready", "/v2/health/live", "/v2/models/m", "/metrics")) {
                CompletableFuture<HttpResponse<String>> probe = http.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
                // before, no answer came until the scoring requests were released
                assertThat(probe).succeedsWithin(Duration.ofSeconds(20)).extracting(HttpResponse::statusCode)
                        .as(path).isEqualTo(200);
            }
            assertThat(busy).allSatisfy(f -> assertThat(f).isNotDone());
            release.countDown();
            for (CompletableFuture<HttpResponse<String>> f : busy) {
                assertThat(f).succeedsWithin(Duration.ofSeconds(30)).extracting(HttpResponse::statusCode)
                        .isEqualTo(500); // the reader's IllegalStateException: an internal error, answered
            }
        } finally {
            release.countDown();
            server.stop();
        }
    }
}
