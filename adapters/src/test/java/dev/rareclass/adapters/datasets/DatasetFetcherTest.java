package dev.rareclass.adapters.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.rareclass.domain.port.DatasetCatalog.Dataset;
import dev.rareclass.domain.port.DatasetCatalog.Fetched;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Checksums;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches from a local HTTP server on 127.0.0.1 only; never from the catalogue's real addresses. */
class DatasetFetcherTest {

    static final Path DATASETS = Path.of("../../shared/datasets");

    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/", exchange -> {
            requests.incrementAndGet();
            String name = Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
            Optional<Path> file = find(name);
            if (file.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file.get());
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/bad/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "not the data you are looking for\n".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // a server that never stops sending: without a bound, the download filled the cache's disk
        server.createContext("/endless/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 16_384; i++) { // 1 GiB, unless the client hangs up first
                    out.write(chunk);
                }
            } catch (IOException clientWentAway) {
                // expected: the fetcher stops reading past the dataset's size
            }
        });
        // a server that sends a little, then nothing, holding the connection open: the fetch waited forever
        server.createContext("/stalling/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("some,bytes\n".getBytes());
                out.flush();
                Thread.sleep(30_000);
            } catch (IOException | InterruptedException clientWentAway) {
                // expected: the fetcher gives up, or the server stops
            }
        });
        // a server that sends the whole file without a length or a last chunk, then holds the connection open
        server.createContext("/holding/", exchange -> {
            requests.incrementAndGet();
            Optional<Path> file = find(Path.of(exchange.getRequestURI().getPath()).getFileName().toString());
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(Files.readAllBytes(file.orElseThrow()));
                out.flush();
                Thread.sleep(30_000);
            } catch (IOException | InterruptedException clientWentAway) {
                // expected
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Optional<Path> find(String name) throws IOException {
        try (Stream<Path> walk = Files.walk(DATASETS)) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).findFirst();
        }
    }

    private DatasetFetcher fetcher() {
        return new DatasetFetcher(cache, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                Duration.ofSeconds(30), DatasetFetcher.catalogue());
    }

    @Test
    void theCatalogueHoldsTheRequiredDatasetsWithChecksumsMatchingTheSharedCopies() throws IOException {
        List<Dataset> all = DatasetFetcher.catalogue();
        assertThat(all).extracting(Dataset::name).contains("ionosphere", "sonar", "mammography", "oil-spill", "abalone",
                "wine-quality-white");
        assertThat(all).allSatisfy(d -> assertThat(d.url()).startsWith("https://").endsWith("/" + d.file()));
        assumeTrue(Files.isDirectory(DATASETS));
        for (Dataset d : all) {
            Path copy = find(d.file()).orElseThrow();
            assertThat(Checksums.sha256(copy)).as(d.name()).isEqualTo(d.sha256());
            assertThat(Files.size(copy)).as(d.name()).isEqualTo(d.size());
        }
    }

    @Test
    void wineQualityIsImbalancedLearnsTaskQualityFourOrLess() {
        // --positive takes several values, so the catalogue loads quality 3 and 4 as imbalanced-learn's wine_quality
        Dataset wine = DatasetFetcher.catalogue().stream().filter(d -> d.name().equals("wine-quality-white"))
                .findFirst().orElseThrow();
        assertThat(wine.options()).containsSequence("--positive", "3,4");
        assertThat(wine.description()).contains("183 rows").doesNotContain("cannot express");
    }

    @Test
    void saysPlainlyThatNoHostAnswered() throws IOException {
        // a port nothing listens on: offline, the message was "cannot download (java.net.ConnectException)"
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertThatThrownBy(() -> fetcher().fetch("sonar", Optional.of("http://127.0.0.1:" + closed + "/")))
                .isInstanceOf(InputMissingException.class)
                .hasMessageContaining("127.0.0.1:" + closed + "/sonar.csv: cannot download (cannot connect to 127.0.0.1")
                .hasMessageContaining("--mirror")
                .hasMessageNotContaining("Exception").hasMessageNotContaining("java.");
    }

    @Test
    void downloadsOnceVerifiesAndServesTheCacheAfterwards() {
        assumeTrue(Files.isDirectory(DATASETS));
        Fetched first = fetcher().fetch("sonar", Optional.of(base + "/good/"));
        assertThat(first.downloaded()).isTrue();
        assertThat(first.path()).isEqualTo(cache.resolve("sonar.csv")).isRegularFile();
        assertThat(Checksums.sha256(first.path())).isEqualTo(first.dataset().sha256());
        assertThat(requests).hasValue(1);
        Fetched second = fetcher().fetch("sonar", Optional.of(base + "/good"));
        assertThat(second.downloaded()).isFalse();
        assertThat(requests).hasValue(1);
        assertThat(first.dataset().options()).containsExactly("--no-header", "--label", "60", "--positive", "M");
    }

    @Test
    void aWrongChecksumKeepsNothing() throws IOException {
        assertThatThrownBy(() -> fetcher().fetch("ionosphere", Optional.of(base + "/bad")))
                .isInstanceOf(DataException.class).hasMessageContaining("checksum mismatch")
                .hasMessageContaining("nothing was kept");
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aMissingFileIsAnInputError() throws IOException {
        assertThatThrownBy(() -> fetcher().fetch("abalone", Optional.of(base + "/nowhere")))
                .isInstanceOf(InputMissingException.class).hasMessageContaining("HTTP 404");
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aCorruptCachedCopyIsReplaced() throws IOException {
        assumeTrue(Files.isDirectory(DATASETS));
        Files.writeString(cache.resolve("oil-spill.csv"), "tampered");
        Fetched f = fetcher().fetch("oil-spill", Optional.of(base + "/good"));
        assertThat(f.downloaded()).isTrue();
        assertThat(Checksums.sha256(f.path())).isEqualTo(f.dataset().sha256());
    }

    @Test
    void unknownNamesAndBadMirrorsAreUsageErrors() {
        assertThatThrownBy(() -> fetcher().fetch("iris", Optional.empty()))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown dataset 'iris'; known: ionosphere");
        // a typo gets the name it is closest to, as commands and options do
        assertThatThrownBy(() -> fetcher().fetch("ionospere", Optional.empty()))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown dataset 'ionospere'; did you mean 'ionosphere'?");
        assertThatThrownBy(() -> fetcher().fetch("sonar", Optional.of("ftp://example")))
                .isInstanceOf(UsageException.class).hasMessageContaining("http or https");
    }

    @Test
    void aMirrorThatStopsSendingMidFileIsGivenUpAndNothingIsKept() throws IOException {
        DatasetFetcher patient = new DatasetFetcher(cache, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .build(), Duration.ofSeconds(30), Duration.ofMillis(600), DatasetFetcher.catalogue());
        Dataset sonar = patient.find("sonar");
        // without the watchdog the read waits out the server's 30 s, and the 11 bytes then fail the checksum instead
        assertThatThrownBy(() -> patient.fetch("sonar", Optional.of(base + "/stalling")))
                .isInstanceOf(InputMissingException.class)
                .hasMessage(base + "/stalling/sonar.csv: cannot download (nothing arrived for 600 ms after 11 of "
                        + sonar.size() + " bytes; try again later, or fetch from elsewhere with --mirror URL)");
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aWholeFileFollowedBySilenceIsKeptWhenItsChecksumHolds() throws IOException {
        assumeTrue(Files.isDirectory(DATASETS));
        DatasetFetcher patient = new DatasetFetcher(cache, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .build(), Duration.ofSeconds(30), Duration.ofMillis(600), DatasetFetcher.catalogue());
        Dataset sonar = patient.find("sonar");
        Fetched fetched = patient.fetch("sonar", Optional.of(base + "/holding"));
        assertThat(fetched.downloaded()).isTrue();
        assertThat(Checksums.sha256(fetched.path())).isEqualTo(sonar.sha256());
    }

    @Test
    void aMirrorSendingMoreThanTheDatasetIsStoppedAtItsSizeAndNothingIsKept() throws IOException {
        Dataset sonar = fetcher().find("sonar");
        assertThatThrownBy(() -> fetcher().fetch("sonar", Optional.of(base + "/endless")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("/endless/sonar.csv: sends more than the " + sonar.size() + " bytes of sonar.csv")
                .hasMessageContaining("nothing was kept");
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aMirrorWithoutAHostOrWithAPortPastTheRangeIsAUsageErrorNamingIt() {
        // each was an IllegalArgumentException from the HTTP client: exit 70, an internal error
        for (String mirror : List.of("http://", "http:///x", "http:x", "http://-/", "https://")) {
            assertThatThrownBy(() -> fetcher().fetch("sonar", Optional.of(mirror)))
                    .as(mirror).isInstanceOf(UsageException.class)
                    .hasMessage("--mirror '" + mirror + "' names no host; give a URL such as https://example.org/datasets/");
        }
        assertThatThrownBy(() -> fetcher().fetch("sonar", Optional.of("http://127.0.0.1:99999")))
                .isInstanceOf(UsageException.class).hasMessageContaining("port 99999 is not a port number");
        assertThatThrownBy(() -> fetcher().fetch("sonar", Optional.of("http://a b/")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--mirror 'http://a b/' is not a URL");
        // the file's name was appended after the query or fragment: a request for another file
        assertThatThrownBy(() -> fetcher().fetch("sonar", Optional.of("http://127.0.0.1/data?v=1")))
                .isInstanceOf(UsageException.class).hasMessageContaining("a query or a fragment");
        assertThat(requests).hasValue(0);
    }

    @Test
    void aMirrorsSchemeIsReadInEitherCase() {
        assumeTrue(Files.isDirectory(DATASETS));
        Fetched f = fetcher().fetch("sonar", Optional.of(base.replace("http:", "HTTP:") + "/good//"));
        assertThat(f.downloaded()).isTrue();
        assertThat(Checksums.sha256(f.path())).isEqualTo(f.dataset().sha256());
    }

    @Test
    void theCacheFollowsXdg() {
        assertThat(DatasetFetcher.defaultCacheDir(Map.of("XDG_CACHE_HOME", "/tmp/x"))).isEqualTo(Path.of("/tmp/x/rareclass"));
        assertThat(DatasetFetcher.defaultCacheDir(Map.of()).toString()).endsWith(".cache/rareclass");
    }
}
