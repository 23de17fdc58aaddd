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
 * not a failure (it was an internal error, exit 70, naming Jetty's TimeoutException).
 */
class ServeStopTest {

    @TempDir
    Path dir;

    @Test
    void aRequestStillRunningAtTheTimeoutIsCutOffAndTheStopSaysSo() throws Exception {
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
}
