package dev.rareclass.adapters.datasets;

import dev.rareclass.domain.port.DatasetCatalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rareclass.domain.data.ClosestNames;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Checksums;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Downloads catalogued datasets once into the user's cache ({@code $XDG_CACHE_HOME/rareclass}, else
 * {@code ~/.cache/rareclass}), verifies their SHA-256 before keeping them (a mismatch keeps nothing),
 * and writes them atomically (a temporary file in the same folder, then a rename). A file already in
 * the cache with the right checksum is not downloaded again.
 */
public final class DatasetFetcher implements DatasetCatalog {

    private static final String CATALOGUE = "datasets.json";

    private final Path cacheDir;
    private final java.util.function.Supplier<HttpClient> client;
    private final Duration timeout;
    /** How long a download may go without a byte before it is given up (the timeout covers only the answer's start). */
    private final Duration stall;
    private final java.util.function.Supplier<List<Dataset>> catalogue;

    /**
     * The fetcher the application uses. The HTTP client and the catalogue are made on first use: every
     * command is created at start-up, and only {@code datasets} needs them (TLS set-up alone costs a
     * noticeable part of a second).
     */
    @Inject
    public DatasetFetcher() {
        this.cacheDir = defaultCacheDir(System.getenv());
        this.client = lazily(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build());
        this.timeout = Duration.ofMinutes(10);
        this.stall = DEFAULT_STALL;
        this.catalogue = lazily(DatasetFetcher::catalogue);
    }

    public DatasetFetcher(Path cacheDir, HttpClient client, Duration timeout, List<Dataset> catalogue) {
        this(cacheDir, client, timeout, DEFAULT_STALL, catalogue);
    }

    /** @param stall how long a download may receive nothing before it is given up */
    public DatasetFetcher(Path cacheDir, HttpClient client, Duration timeout, Duration stall, List<Dataset> catalogue) {
        this.cacheDir = cacheDir;
        this.client = () -> client;
        this.timeout = timeout;
        this.stall = stall;
        List<Dataset> copy = List.copyOf(catalogue);
        this.catalogue = () -> copy;
    }

    /** A minute without a byte: a mirror that stopped sending mid-file held {@code datasets fetch} forever. */
    static final Duration DEFAULT_STALL = Duration.ofSeconds(60);

    private static <T> java.util.function.Supplier<T> lazily(java.util.function.Supplier<T> make) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }

    /** {@code $XDG_CACHE_HOME/rareclass} when set (and absolute), else {@code ~/.cache/rareclass}. */
    public static Path defaultCacheDir(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "rareclass");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "rareclass");
    }

    /** The catalogue shipped with rareclass. */
    public static List<Dataset> catalogue() {
        try (InputStream in = DatasetFetcher.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("the dataset catalogue " + CATALOGUE + " is missing from the build");
            }
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, new TypeReference<List<Dataset>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("the dataset catalogue cannot be read", e);
        }
    }

    @Override
    public List<Dataset> datasets() {
        return catalogue.get();
    }

    @Override
    public Path cacheDir() {
        return cacheDir;
    }

    public Dataset find(String name) {
        List<String> names = catalogue.get().stream().map(Dataset::name).toList();
        return catalogue.get().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> {
                    List<String> near = ClosestNames.closest(name, names);
                    return new UsageException("unknown dataset '" + name + "'; " + (near.isEmpty()
                            ? "known: " + String.join(", ", names) : "did you mean " + ClosestNames.quoted(near) + "?"));
                });
    }

    /**
     * The dataset's file in the cache, downloaded from its pinned URL, or from {@code mirror + "/" + file}.
     */
    @Override
    public Fetched fetch(String name, Optional<String> mirror) {
        Dataset d = find(name);
        Path target = cacheDir.resolve(d.file());
        if (Files.isRegularFile(target) && d.sha256().equals(Checksums.sha256(target))) {
            return new Fetched(d, target, false);
        }
        URI uri = mirror.map(m -> mirror(m).resolve(d.file())).orElse(URI.create(d.url()));
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new OutputException(cacheDir + ": cannot create the cache folder (" + e.getMessage() + ")", e);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(cacheDir, "." + d.file() + ".", ".part");
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new InputMissingException(uri + ": cannot download (" + networkReason(e, uri) + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InputMissingException(uri + ": download interrupted", e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new InputMissingException(uri + ": cannot download (HTTP " + response.statusCode() + ")", null);
                }
                copyAtMost(body, tmp, d, uri, stall);
            }
            String actual = Checksums.sha256(tmp);
            if (!actual.equals(d.sha256())) {
                throw new DataException(uri + ": checksum mismatch: SHA-256 " + actual + ", expected " + d.sha256()
                        + " (" + Files.size(tmp) + " bytes, expected " + d.size() + "); nothing was kept");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return new Fetched(d, target, true);
        } catch (IOException e) {
            throw new OutputException(target + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; the failure above is what the user needs to see
                }
            }
        }
    }

    /**
     * The {@code --mirror} base as a folder URL, checked here: a base without a host ({@code http://},
     * {@code http:x}) or with a port past 65535 was an internal error from the HTTP client (exit 70).
     */
    static URI mirror(String text) {
        URI base;
        try {
            base = new URI(text.replaceAll("/+$", "") + "/");
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("--mirror '" + text + "' is not a URL (" + e.getReason() + ")");
        }
        if (base.getScheme() == null || !(base.getScheme().equalsIgnoreCase("http")
                || base.getScheme().equalsIgnoreCase("https"))) {
            throw new UsageException("--mirror must be an http or https URL, got '" + text + "'");
        }
        if (base.getHost() == null) {
            throw new UsageException("--mirror '" + text + "' names no host; give a URL such as "
                    + "https://example.org/datasets/");
        }
        if (base.getPort() > 65535) {
            throw new UsageException("--mirror '" + text + "': port " + base.getPort() + " is not a port number "
                    + "(0 to 65535)");
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new UsageException("--mirror '" + text + "' has a query or a fragment ('?' or '#'); give the "
                    + "folder the files are in, as each file's name is added to it");
        }
        return base;
    }

    /**
     * Copies the body into {@code tmp}, stopping at the first byte past the catalogued size: the checksum is known to
     * fail by then, and a mirror that kept sending (a wrong file, a misconfigured or hostile server) filled the cache's
     * disk before anything was checked. A body that sends nothing for {@code stall} is given up: the request's timeout
     * covers only the answer's start, and a mirror that stopped sending mid-file held the command forever. (A watchdog
     * closes the stream, which wakes the blocked read.) A read that fails is the download's failure; a write that
     * fails, the cache's.
     */
    private static void copyAtMost(InputStream body, Path tmp, Dataset d, URI uri, Duration stall)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        java.util.concurrent.atomic.AtomicLong lastByte = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ScheduledExecutorService watchdog =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "rareclass-download-watchdog");
                    t.setDaemon(true);
                    return t;
                });
        long every = Math.max(10, Math.min(1000, stall.toMillis() / 4));
        watchdog.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastByte.get() > stall.toNanos() && stalled.compareAndSet(false, true)) {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the read it wakes fails, and says why
                }
            }
        }, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    if (!stalled.get()) {
                        throw new InputMissingException(uri + ": cannot download (" + networkReason(e, uri) + ")", e);
                    }
                    n = -1;
                }
                if (n < 0) {
                    // closed by the watchdog: a server that sent the whole file and then held the connection open
                    // (no length, no last chunk) has sent it all, which the checksum decides
                    if (stalled.get() && total < d.size()) {
                        throw new InputMissingException(uri + ": cannot download (nothing arrived for " + shown(stall)
                                + " after " + total + " of " + d.size() + " bytes; try again later, or fetch from "
                                + "elsewhere with --mirror URL)", null);
                    }
                    return;
                }
                lastByte.set(System.nanoTime());
                total += n;
                if (total > d.size()) {
                    throw new DataException(uri + ": sends more than the " + d.size() + " bytes of " + d.file()
                            + "; stopped there, nothing was kept");
                }
                out.write(buffer, 0, n);
            }
        } finally {
            watchdog.shutdownNow();
        }
    }

    /** A duration as a person writes it: "60 s", or "600 ms" under a second. */
    private static String shown(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Why a download failed, in words: the exception's class name ("java.net.ConnectException") was the whole reason
     * shown when the network or the host was not there, which tells a user nothing plain.
     */
    static String networkReason(IOException e, URI uri) {
        String host = uri.getHost() == null ? "the host" : uri.getHost();
        if (e instanceof java.net.http.HttpConnectTimeoutException || e instanceof java.net.http.HttpTimeoutException) {
            return "no answer from " + host + " in time; check the network, or fetch from elsewhere with --mirror URL";
        }
        if (e instanceof java.net.ConnectException || e.getCause() instanceof java.net.ConnectException) {
            return "cannot connect to " + host + ": no network here, or the host refuses connections; "
                    + "fetch from elsewhere with --mirror URL";
        }
        if (e instanceof java.net.UnknownHostException || e.getCause() instanceof java.nio.channels.UnresolvedAddressException
                || e.getCause() instanceof java.net.UnknownHostException) {
            return "host " + host + " not found: no network here, or a mistyped name";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "a network error" : "network error: " + message;
    }
}
