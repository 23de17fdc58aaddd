package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.app.cli.CliRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code serve} process: SIGTERM stops it accepting connections, lets the request in flight finish (its body
 * arrives after the signal and is still answered 200), and the process exits 0.
 */
@Tag("slow")
class ServeProcessTest {

    @TempDir
    Path dir;

    @Test
    void sigtermFinishesTheRequestInFlightAndExitsZero() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        Random random = new Random(4);
        for (int i = 0; i < 300; i++) {
            double a = random.nextGaussian();
            csv.append(a).append(',').append(random.nextGaussian()).append(',').append(a > 1.2 ? 1 : 0).append('\n');
        }
        Path data = Files.writeString(dir.resolve("t.csv"), csv);
        Path model = dir.resolve("m.model");
        CliRun train = CliRun.withAllCommands(com.google.inject.Guice.createInjector(new dev.rareclass.app.wiring.AppModule()),
                "train", data.toString(), "--label", "y", "--positive", "1", "--model", "logistic", "--out",
                model.toString(), "--quiet");
        assertThat(train.exitCode()).as(train.err()).isZero();

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp",
                System.getProperty("java.class.path"), "dev.rareclass.app.Main", "serve", model.toString(), "--port",
                "0", "--timeout", "20"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line; port < 0 && (line = out.readLine()) != null; ) {
                if (line.startsWith("Listening on http://127.0.0.1:")) {
                    port = Integer.parseInt(line.replaceAll("^Listening on http://127\\.0\\.0\\.1:([0-9]+).*", "$1"));
                }
            }
            assertThat(port).as("the server printed its port").isPositive();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            });
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> {
                try {
                    StringBuilder sb = new StringBuilder();
                    for (String line; (line = out.readLine()) != null; ) {
                        sb.append(line).append('\n');
                    }
                    return sb.toString();
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            });

            String body = "{\"inputs\":[{\"name\":\"a\",\"datatype\":\"FP64\",\"shape\":[2],\"data\":[2.5,-1.0]},"
                    + "{\"name\":\"b\",\"datatype\":\"FP64\",\"shape\":[2],\"data\":[0.0,0.0]}]}";
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                s.setSoTimeout(30_000);
                OutputStream o = s.getOutputStream();
                o.write(("POST /v2/models/m/infer HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                o.write(bytes, 0, 40);
                o.flush();
                // wait until the server's handler has the request (headers and part of the body) in hand: the
                // scrape itself is one request in flight, ours the other (a fixed sleep was too short at load 10)
                awaitInFlight(port, 2);
                p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our ends of its pipes)
                // the server stops accepting: a new connection is refused once it has begun stopping
                int finalPort = port;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                boolean refused = false;
                while (!refused && System.nanoTime() < deadline) {
                    try (Socket probe = new Socket()) {
                        probe.connect(new InetSocketAddress("127.0.0.1", finalPort), 500);
                        Thread.sleep(50);
                    } catch (java.io.IOException e) {
                        refused = true;
                    }
                }
                assertThat(refused).as("new connections are refused after SIGTERM").isTrue();
                assertThat(p.isAlive()).as("still finishing the request in flight").isTrue();
                o.write(bytes, 40, bytes.length - 40);
                o.flush();
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 200").contains("\"name\":\"p\"").contains("\"predicted\"");
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits after the request").isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(err.get(10, TimeUnit.SECONDS)).contains("SIGTERM received", "stopped").doesNotContain("Exception");
            assertThat(rest.get(10, TimeUnit.SECONDS)).as("nothing more on stdout after start-up").isEmpty();
            int stoppedPort = port;
            assertThatThrownBy(() -> new Socket("127.0.0.1", stoppedPort).close()).isInstanceOf(java.io.IOException.class);
        } finally {
            p.destroyForcibly();
        }
    }

    /** Polls the server's /metrics until {@code rareclass_requests_in_flight} reaches {@code count}. */
    private static void awaitInFlight(int port, int count) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest scrape = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(java.time.Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = client.send(scrape, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            double inFlight = last.lines().filter(l -> l.startsWith("rareclass_requests_in_flight "))
                    .mapToDouble(l -> Double.parseDouble(l.split(" ")[1])).findFirst().orElse(0);
            if (inFlight >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the request never reached the server's handler; last /metrics:\n" + last);
    }
}
