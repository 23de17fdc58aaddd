package dev.rareclass.app.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rareclass.adapters.io.GzipMembers;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.IoReason;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.error.RareclassException;
import dev.rareclass.domain.scoring.ScoredRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code rareclass serve}: models behind the Open Inference Protocol (KServe V2) REST endpoints, on Jetty 12's core
 * handler API (no servlet layer):
 * <ul>
 *   <li>{@code GET /v2/health/live}, {@code GET /v2/health/ready}, {@code GET /v2} (server metadata);</li>
 *   <li>{@code GET /v2/models/NAME} (inputs, outputs, kind, threshold) and {@code GET /v2/models/NAME/ready};</li>
 *   <li>{@code POST /v2/models/NAME/infer}: a V2 JSON body ({@link InferenceProtocol}), or a {@code text/csv} body with
 *       a header row, read as {@code predict} reads a file; {@code ?reasons=K} asks for reason codes;</li>
 *   <li>{@code GET /metrics}: Prometheus text ({@link ServerMetrics}).</li>
 * </ul>
 * Every refusal is a JSON {@code {"error": ...}} with its status (400 bad body, 404 unknown model or path, 405 wrong
 * method, 408 body (or, counted only, headers) too slow, 413 body over the limit, 415 unknown content type or
 * encoding, 503 too many large bodies at once or no memory left); no stack trace reaches a client.
 * {@link #stop} stops accepting connections, lets requests in flight finish (up to the timeout), then returns.
 */
public final class InferenceServer {

    /** Heap per byte of a large body being read (see {@link BodyBudget}). */
    public static final long HEAP_PER_BODY_BYTE = BodyBudget.HEAP_PER_BODY_BYTE;

    /** The largest body a heap of {@code heapBytes} can read at its worst (a JSON tree), and at least 64 KiB. */
    public static long largestBodyFor(long heapBytes) {
        return Math.max(64L << 10, heapBytes / HEAP_PER_BODY_BYTE);
    }

    /** What the server is asked to do: where to listen, how much to accept, how long to wait. */
    public record Settings(String host, int port, long maxBodyBytes, long timeoutMillis, int threads) {
    }

    /** Reads a CSV request body (saved to {@code file}) as {@code predict} reads a table for the model. */
    @FunctionalInterface
    public interface CsvReader {
        Table read(ServedModel model, Path file);
    }

    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField METRICS_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE,
            ServerMetrics.CONTENT_TYPE);

    private final Map<String, ServedModel> models;
    private final Map<String, byte[]> metadata = new LinkedHashMap<>();
    private final Settings settings;
    private final CsvReader csv;
    private final Consumer<String> log;
    private final ServerMetrics metrics = new ServerMetrics();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong bodies = new AtomicLong();
    /** Requests a handler has begun whose answer is not yet written (or failed to be). */
    private final AtomicInteger handling = new AtomicInteger();
    private final BodyBudget budget;
    private final Server server;
    private final ServerConnector connector;
    /** At most --threads requests scored at once; Jetty's pool has {@link #SPARE_THREADS} more for the rest. */
    private final ScoringTurns scoring;
    private Path spool;
    private final Thread spoolCleanup = new Thread(() -> {
        try {
            removeSpool();
        } catch (IOException | RuntimeException e) {
            // the JVM is exiting: nobody is left to tell
        }
    }, "rareclass-serve-spool-cleanup");

    /**
     * @param log where unexpected failures are reported (one line each; never to the client)
     */
    public InferenceServer(List<ServedModel> served, Settings settings, CsvReader csv, Consumer<String> log) {
        this.models = new LinkedHashMap<>();
        for (ServedModel m : served) {
            models.put(m.name(), m);
            metadata.put(m.name(), InferenceProtocol.metadata(m));
            metrics.known(m.name());
        }
        this.settings = settings;
        this.csv = csv;
        this.log = log;
        this.budget = BodyBudget.forHeap(Runtime.getRuntime().maxMemory(), settings.maxBodyBytes());
        QueuedThreadPool pool = new QueuedThreadPool(settings.threads() + SPARE_THREADS,
                Math.min(8, settings.threads()));
        pool.setName("rareclass-serve");
        this.server = new Server(pool);
        this.scoring = new ScoringTurns(settings.threads());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.timeoutMillis());
        server.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new Routes());
        server.setHandler(graceful);
        server.setStopTimeout(settings.timeoutMillis());
        server.setErrorHandler(new JsonErrors());
    }

    /** Starts listening; returns the port (the one chosen when the settings said 0). */
    public int start() throws Exception {
        try {
            spool = Files.createTempDirectory("rareclass-serve-");
        } catch (IOException e) {
            // it was reported as "cannot listen on 127.0.0.1:8080 (/nonexistent/rareclass-serve-123)", exit 2
            throw new OutputException("cannot create a folder for CSV request bodies in "
                    + System.getProperty("java.io.tmpdir") + " (" + IoReason.of(e)
                    + "); point JAVA_OPTS=-Djava.io.tmpdir=... at a writable folder", e);
        }
        // a JVM ended otherwise than through stop (SIGHUP, System.exit) left the spool folder behind in /tmp
        Runtime.getRuntime().addShutdownHook(spoolCleanup);
        server.start();
        return connector.getLocalPort();
    }

    /**
     * Stops accepting, waits for requests in flight (up to the timeout), and releases everything.
     *
     * @return false when a request, its answer's writing included, was in flight when the stop began or still was when
     *         it ended, and the stop timed out: it was cut off (Jetty stops the rest and says so with a
     *         TimeoutException, which is no failure of the server); true otherwise
     */
    public boolean stop() throws Exception {
        stopping.set(true);
        boolean busy = handling.get() > 0;
        try {
            server.stop();
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            // Jetty's graceful stop also times out on its own parts under a very short --timeout (0.001 s) with no
            // request in flight, and by the time it says so it has interrupted the ones it cut off (they have
            // answered): a request was cut off only if one was being handled when the stop began, or still is
            return !(busy || handling.get() > 0);
        } finally {
            if (spool != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(spoolCleanup);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs anyway, and so does the removal below
                }
                removeSpool();
            }
        }
    }

    /** Requests in flight: begun, their answer not yet written (for tests). */
    int inFlight() {
        return handling.get();
    }

    /** Deletes the spool folder and any body left in it. */
    private void removeSpool() throws IOException {
        if (spool == null || !Files.isDirectory(spool)) {
            return;
        }
        try (var files = Files.list(spool)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(spool);
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Threads of Jetty's pool beyond the --threads that may score at once: its acceptor and selector, and the health,
     * metadata and metrics requests, which are answered however many requests are being scored.
     */
    static final int SPARE_THREADS = 8;

    /** The answer when memory runs out, made beforehand: there may be none left to make it then. */
    private static final Reply NO_MEMORY = new Reply(503,
            InferenceProtocol.error("the server has no memory left for this request; send smaller batches"), JSON);

    /** The answer to an internal error, made beforehand for when making the usual one fails. */
    private static final Reply INTERNAL = new Reply(500, InferenceProtocol.error("internal error (see the server's log)"),
            JSON);

    /** An answer: its status, body and content type, and for a 405 the method allowed (else null). */
    private record Reply(int status, byte[] body, HttpField type, String allow) {
        Reply(int status, byte[] body, HttpField type) {
            this(status, body, type, null);
        }
    }

    private final class Routes extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long start = System.nanoTime();
            metrics.began();
            handling.incrementAndGet();
            String model = "";
            byte[] body;
            HttpField type = JSON;
            Reply reply;
            try {
                String path = Request.getPathInContext(request);
                String method = request.getMethod();
                String[] parts = path.split("/", -1);
                // parts[0] is "" (the path starts with '/')
                if (path.equals("/metrics")) {
                    allow(method, "GET");
                    body = metrics.text();
                    type = METRICS_TYPE;
                } else if (path.equals("/v2/health/live")) {
                    allow(method, "GET");
                    body = "{\"live\":true}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                } else if (path.equals("/v2/health/ready")) {
                    allow(method, "GET");
                    if (stopping.get()) {
                        throw new HttpError(503, "the server is stopping");
                    }
                    body = "{\"ready\":true}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                } else if (path.equals("/v2") || path.equals("/v2/")) {
                    allow(method, "GET");
                    ObjectNode meta = InferenceProtocol.MAPPER.createObjectNode();
                    meta.put("name", "rareclass");
                    meta.put("version", InferenceServer.class.getPackage().getImplementationVersion() == null ? "dev"
                            : InferenceServer.class.getPackage().getImplementationVersion());
                    meta.putArray("extensions");
                    body = InferenceProtocol.json(meta);
                } else if (parts.length >= 4 && parts[1].equals("v2") && parts[2].equals("models")) {
                    ServedModel served = models.get(parts[3]);
                    if (served == null) {
                        throw new HttpError(404, "no model named '" + clip(parts[3]) + "' (served: "
                                + String.join(", ", models.keySet()) + ")");
                    }
                    model = served.name();
                    String rest = parts.length == 4 ? "" : path.substring(("/v2/models/" + parts[3]).length());
                    switch (rest) {
                        case "", "/" -> {
                            allow(method, "GET");
                            body = metadata.get(model);
                        }
                        case "/ready" -> {
                            allow(method, "GET");
                            body = ("{\"name\":" + InferenceProtocol.MAPPER.writeValueAsString(model)
                                    + ",\"ready\":true}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        }
                        case "/infer" -> {
                            allow(method, "POST");
                            int reasons = queryReasons(request);
                            refuseByHeaders(request);
                            // the body is read as its bytes come, on no thread while they are on their way, so that
                            // clients that stall mid-body cannot take every thread from the others
                            String name = model;
                            readBody(request).whenComplete((bytes, failure) -> scoring.score(() -> {
                                Reply answer;
                                try {
                                    answer = failure != null ? failed(failure, request)
                                            : new Reply(200, infer(served, request, reasons, bytes), JSON);
                                } catch (Throwable e) {
                                    answer = failed(e, request);
                                }
                                send(request, response, callback, start, name, answer);
                            }));
                            return true;
                        }
                        default -> {
                            if (rest.startsWith("/versions/")) { // the protocol's optional version segment
                                int end = rest.indexOf('/', "/versions/".length());
                                throw new HttpError(404, "model '" + model + "' is served without versions (its "
                                        + "metadata lists none): use /v2/models/" + model
                                        + clip(end < 0 ? "" : rest.substring(end)));
                            }
                            throw new HttpError(404, "no such endpoint: " + clip(path));
                        }
                    }
                } else {
                    throw new HttpError(404, "no such endpoint: " + clip(path));
                }
                reply = new Reply(200, body, type);
            } catch (Throwable e) {
                reply = failed(e, request);
            }
            send(request, response, callback, start, model, reply); // once, outside the try: never a second answer
            return true;
        }

        /**
         * The answer to a failure: the client's mistakes with their status, anything else 500 (logged) or 503; a
         * prepared 503 when building that answer fails too. Out of memory, the message, the log line or the JSON
         * failed to be made, that error escaped the body's completion stage, which swallowed it: the request was never
         * answered, the client waited for ever, and a stop waited its whole --timeout for it and said it was cut off.
         */
        private Reply failed(Throwable e, Request request) {
            try {
                return answer(e, request);
            } catch (OutOfMemoryError again) {
                return NO_MEMORY;
            } catch (RuntimeException | StackOverflowError again) {
                return INTERNAL; // not for want of memory: the 503 would send the client to smaller batches in vain
            }
        }

        private Reply answer(Throwable e, Request request) {
            if (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
                e = e.getCause();
            }
            return switch (e) {
                case HttpError h -> new Reply(h.status(), InferenceProtocol.error(h.getMessage()), JSON,
                        h.status() == 405 ? h.getMessage().substring(h.getMessage().lastIndexOf(' ') + 1) : null);
                // the model refused the rows (a column's values, a category it cannot take): the client's to fix
                case RareclassException r -> new Reply(400, InferenceProtocol.error(hideSpool(r.getMessage())), JSON);
                case OutOfMemoryError o -> NO_MEMORY;
                default -> {
                    log.accept("rareclass serve: internal error answering " + request.getMethod() + " "
                            + Request.getPathInContext(request) + ": " + e);
                    yield INTERNAL;
                }
            };
        }

        private void send(Request request, Response response, Callback callback, long start, String model, Reply reply) {
            Callback written;
            ByteBuffer content;
            try {
                int status = reply.status();
                byte[] body = reply.body();
                response.setStatus(status);
                response.getHeaders().put(reply.type());
                if (reply.allow() != null) {
                    response.getHeaders().put(HttpHeader.ALLOW, reply.allow());
                }
                if (status >= 400 && mayHaveBody(request)) {
                    // a refused body (a 405's too) may not have been read to its end: Jetty would close the connection
                    // while the client already reuses it, so say so in the answer and the client opens a new one
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                }
                metrics.answered(model, status, System.nanoTime() - start);
                // counted in flight until the answer is written (a slow reader of a large one, cut off at stop, too)
                written = new Callback.Nested(callback) {
                    @Override
                    public void succeeded() {
                        handling.decrementAndGet();
                        super.succeeded();
                    }

                    @Override
                    public void failed(Throwable x) {
                        handling.decrementAndGet();
                        super.failed(x);
                    }
                };
                if (request.getMethod().equals("HEAD")) { // GET's head: its length, no body (load balancers probe so)
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
                    content = ByteBuffer.allocate(0);
                } else {
                    content = ByteBuffer.wrap(body);
                }
            } catch (Throwable e) {
                // no memory left to answer (see failed): the exchange still ends, Jetty closing the connection, and is
                // in flight no more
                handling.decrementAndGet();
                callback.failed(e);
                return;
            }
            response.write(true, content, written);
        }
    }

    /**
     * Whether a request has a body, which a refusal may leave unread: a length above 0, or chunks. One with neither has
     * none (RFC 9112, 6.3), and its refusal keeps the connection: Jetty reports no length as -1, which was taken for a
     * body, so every 404 or 405 to a GET (a probe of a model not served yet, a 503 from /v2/health/ready while
     * stopping) closed a kept-alive connection, and requests pipelined behind it went unanswered.
     */
    private static boolean mayHaveBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /**
     * Refuses, before any of the body is read, a request its headers alone refuse: a second Content-Type or a transfer
     * coding other than chunked ({@link #requireOneReadingOfTheBody}), and, when there is a body, a content type or a
     * Content-Encoding this server does not read. They were refused once the whole body had come, so a client that
     * sent {@code Expect: 100-continue} (curl does for bodies over 1 MiB) was told to go on, sent up to --max-body of
     * bytes bound to be refused, and only then heard 415; now the refusal comes instead of the 100 Continue.
     */
    private static void refuseByHeaders(Request request) {
        requireOneReadingOfTheBody(request);
        if (!mayHaveBody(request)) {
            return; // no body is no body, however it is labelled: it is refused as such
        }
        String mime = mime(request);
        if (!READ.contains(mime)) {
            throw unsupportedType(mime);
        }
        requireUtf8(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        String coding = coding(request);
        if (coding != null) {
            requireKnownCoding(coding);
        }
    }

    /**
     * Refuses a {@code charset} parameter other than UTF-8 (or ASCII, a part of it): every body is read as UTF-8, as
     * JSON must be (RFC 8259), so a Latin-1 CSV would have had its accented categories read as other ones.
     */
    private static void requireUtf8(String contentType) {
        if (contentType == null) {
            return;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0 || !parts[i].substring(0, eq).trim().equalsIgnoreCase("charset")) {
                continue;
            }
            String charset = parts[i].substring(eq + 1).trim().replaceAll("^\"|\"$", "")
                    .toLowerCase(java.util.Locale.ROOT);
            if (!UTF8.contains(charset)) {
                throw new HttpError(415, "unsupported charset '" + clip(charset) + "': bodies are read as UTF-8 (send "
                        + "UTF-8, or leave the charset out)");
            }
        }
    }

    /** The charset names of UTF-8 and of ASCII, which UTF-8 reads the same. */
    private static final java.util.Set<String> UTF8 = java.util.Set.of("utf-8", "utf8", "us-ascii", "ascii");

    /** The content types a body may have: the V2 protocol's JSON, and tables with a header row. */
    private static final java.util.Set<String> READ = java.util.Set.of("application/json",
            "application/vnd.kserve.v2+json", "text/csv", "text/tab-separated-values");

    /** The body's media type, lower-case without parameters; JSON when none is given. */
    private static String mime(Request request) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return contentType == null ? "application/json"
                : contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Every Content-Encoding header line, joined as HTTP joins a repeated field (two "Content-Encoding: gzip" lines are
     * a 415 naming both, where the first one alone was read and the body inflated once); null when there is none.
     */
    private static String coding(Request request) {
        List<String> codings = request.getHeaders().getValuesList(HttpHeader.CONTENT_ENCODING);
        return codings.isEmpty() ? null : String.join(", ", codings);
    }

    private static HttpError unsupportedType(String mime) {
        return new HttpError(415, "unsupported content type '" + clip(mime)
                + "': send application/json (the V2 inference protocol), text/csv or text/tab-separated-values");
    }

    /** Scores a body whose headers {@link #refuseByHeaders} accepted before it was read. */
    private byte[] infer(ServedModel served, Request request, int reasons, byte[] body) throws IOException {
        String mime = mime(request);
        byte[] bytes = decoded(coding(request), body);
        if (bytes.length == 0) {
            throw new HttpError(400, "the request has no body (send a V2 JSON request or a CSV table with a header row)");
        }
        // a large body's parsed form takes tens of times its size: a few at a time, or a dozen 15 MiB bodies of empty
        // objects filled the heap and stalled every request for minutes
        long held = budget.acquire(bytes.length, settings.timeoutMillis());
        try {
            return scored(served, mime, reasons, bytes);
        } finally {
            budget.release(held);
        }
    }

    private byte[] scored(ServedModel served, String mime, int reasons, byte[] bytes) throws IOException {
        InferenceProtocol.Request parsed;
        ScoredRows scored;
        switch (mime) {
            case "application/json", "application/vnd.kserve.v2+json" -> {
                parsed = InferenceProtocol.parse(bytes, served.model(), reasons);
                scored = scoredRows(served, parsed);
            }
            case "text/csv", "text/tab-separated-values" -> {
                int k = Math.min(Math.max(reasons, 0), served.model().inputs().size());
                parsed = new InferenceProtocol.Request(null, Map.of(), k, InferenceProtocol.outputs(k));
                // the spool file's name tells the reader its delimiter: .tsv is TAB-separated, without quoting
                Table table = readCsv(served, bytes, mime.equals("text/csv") ? "csv" : "tsv");
                scored = ScoredRows.of(served.model().pipeline(), table, parsed.reasons());
            }
            default -> throw unsupportedType(mime);
        }
        metrics.scored(served.name(), scored.size());
        return InferenceProtocol.response(served.name(), parsed, scored, served.model().threshold());
    }

    /**
     * The rows of a parsed V2 request, scored ({@code ServeBodyFuzzTest} runs any body through this and
     * {@link InferenceProtocol#parse}).
     *
     * @throws HttpError (400) for a request without rows
     * @throws RareclassException for values the model refuses (a category it cannot take): the client's to fix
     */
    static ScoredRows scoredRows(ServedModel served, InferenceProtocol.Request parsed) {
        int rows = parsed.columns().isEmpty() ? 0 : parsed.columns().values().iterator().next().size();
        if (rows == 0) {
            throw new HttpError(400, "the request has no rows");
        }
        return ScoredRows.of(served.model().pipeline(), served.model().schema().table("request", parsed.columns()),
                parsed.reasons());
    }

    private Table readCsv(ServedModel served, byte[] bytes, String extension) throws IOException {
        refusePacked(bytes, extension);
        Path file = spool.resolve("body-" + bodies.incrementAndGet() + "." + extension);
        try {
            Files.write(file, bytes);
            try {
                Table table = csv.read(served, file);
                if (table.rows() == 0) {
                    throw new HttpError(400, "the CSV body has a header but no rows");
                }
                return table;
            } catch (RareclassException e) {
                throw new HttpError(400, e.getMessage().replace(file.toString(), "request body"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A table body that is packed or binary, refused in a client's terms: the file reader's words (name the file .gz,
     * read Parquet with --engine spark) mean nothing for a body, which has no name and no engine.
     */
    private static void refusePacked(byte[] bytes, String extension) {
        int n = Math.min(bytes.length, 512);
        String format = dev.rareclass.domain.data.ForeignFormats.ofContent("body." + extension, bytes, 0, n)
                .orElse(null);
        if (format != null) {
            throw new HttpError(400, "request body: " + format + ", not a text table; send the rows as CSV, TSV or JSON");
        }
        String kind = dev.rareclass.adapters.io.PackedData.kind(bytes, 0, n);
        if ("gzip".equals(kind)) {
            throw new HttpError(400, "request body: gzip data (sent without the header Content-Encoding: gzip, or "
                    + "compressed twice); send it compressed once with that header, or uncompressed");
        }
        if (kind != null) {
            throw new HttpError(400, "request body: " + dev.rareclass.adapters.io.PackedData.phrase(kind)
                    + ", not a text table; send the table inside as CSV or TSV");
        }
    }

    /** A message naming a CSV body's spool file (a table read from it names it as its source) as "request body". */
    private String hideSpool(String message) {
        return spool == null || message == null ? message
                : message.replaceAll(java.util.regex.Pattern.quote(spool.toString()) + "[/\\\\]body-[0-9]+\\.(csv|tsv)",
                        "request body");
    }

    /** {@link #queryReasons} when the URL does not say. */
    static final int NOT_ASKED = -1;

    /** The URL's {@code ?reasons=K}, or {@link #NOT_ASKED}. */
    private static int queryReasons(Request request) {
        String query = request.getHttpURI().getQuery();
        if (query == null) {
            return NOT_ASKED;
        }
        Integer reasons = null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key;
            try { // the key may be percent-encoded too (?%72easons=2 is reasons=2)
                key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue; // not a key this server reads
            }
            if (key.equals("reasons") && eq >= 0) {
                String raw = pair.substring(eq + 1);
                String v;
                try { // percent-encoded as any query value may be (?reasons=%32 is 2)
                    v = java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new HttpError(400, "reasons=" + clip(raw) + " is not a valid URL encoding");
                }
                if (!v.matches("[0-9]{1,18}")) {
                    throw new HttpError(400, "reasons=" + clip(v) + " is not a whole number of reasons per row");
                }
                // as many as a row has inputs at most, whatever the number asked (the body's parameter is read so)
                int asked = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(v));
                if (reasons != null && reasons != asked) {
                    throw new HttpError(400, "reasons is given twice (" + reasons + " and " + v + "); give it once");
                }
                reasons = asked;
            }
        }
        return reasons == null ? NOT_ASKED : reasons;
    }

    /**
     * Refuses headers that leave the body's reading open, which were read by their first line only: a body compressed
     * twice and labelled in two {@code Content-Encoding: gzip} lines was inflated once and refused as "not valid JSON
     * (CTRL-CHAR, code 31)", as was one sent with {@code Transfer-Encoding: gzip, chunked}, and of two {@code
     * Content-Type} lines the first one chose the parser. A transfer coding other than chunked is a 501 (RFC 9112: not
     * implemented), a second Content-Type a 400.
     */
    private static void requireOneReadingOfTheBody(Request request) {
        for (String te : request.getHeaders().getCSV(HttpHeader.TRANSFER_ENCODING, false)) {
            if (!te.trim().equalsIgnoreCase("chunked")) {
                throw new HttpError(501, "Transfer-Encoding '" + clip(te.trim()) + "' is not supported: send the body "
                        + "as it is or chunked (compress it with Content-Encoding: gzip)");
            }
        }
        List<String> types = request.getHeaders().getValuesList(HttpHeader.CONTENT_TYPE);
        if (types.size() > 1) {
            throw new HttpError(400, "Content-Type is given " + types.size() + " times ('" + clip(String.join("', '",
                    types)) + "'): send one");
        }
    }

    /**
     * The body as sent before a {@code Content-Encoding} (gzip, deflate; identity or none as it is), inflated up to the
     * body limit; another coding is refused with 415 naming it, and a body that does not inflate with 400.
     *
     * <p>A gzip body is read as a {@code .gz} file is, by {@link GzipMembers}: every member (a client may compress a
     * batch in parts and send them one after the other), zero padding after the last skipped, and any other bytes
     * after the gzip data refused with where they start. The JDK's {@code GZIPInputStream}, read here before, dropped
     * those bytes without a word, so rows appended to a compressed batch uncompressed were never scored and the client
     * was not told.
     */
    private byte[] decoded(String coding, byte[] body) {
        String c = coding == null ? "identity" : coding.trim().toLowerCase(java.util.Locale.ROOT);
        if (c.equals("identity") || c.isEmpty() || body.length == 0) { // no body is no body, however it is labelled
            return body;
        }
        requireKnownCoding(coding);
        String kind = c.equals("deflate") ? "deflate" : "gzip";
        long limit = settings.maxBodyBytes();
        try (InputStream in = c.equals("deflate") ? zlib(body) : new GzipMembers(new java.io.ByteArrayInputStream(body), at -> new HttpError(400, "the body has bytes "
                        + "after its gzip data (from byte " + (at + 1) + " of the " + body.length + " sent) that are not "
                        + "another gzip member: compress the whole body, or send it without Content-Encoding"))) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[16384];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                out.write(chunk, 0, n);
                if (out.size() > limit) { // a small compressed body can inflate to gigabytes
                    throw new HttpError(413, "the body inflates to over the limit of " + limit
                            + " bytes (split the batch, or start the server with a larger --max-body)");
                }
            }
            return out.toByteArray();
        } catch (java.io.EOFException e) {
            throw new HttpError(400, "the body's " + kind + " data is cut short (Content-Encoding: " + clip(coding)
                    + "): send the whole compressed body");
        } catch (IOException e) {
            // why in words (a CRC that does not match the data, reserved header flags, ...): damage in transit or a
            // client's bug look alike from here
            throw new HttpError(400, "the body is not valid " + kind + " data (Content-Encoding: " + clip(coding) + ")"
                    + (e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + clip(e.getMessage())));
        }
    }

    /** Refuses with 415 a Content-Encoding other than gzip, deflate and identity (or none). */
    private static void requireKnownCoding(String coding) {
        String c = coding.trim().toLowerCase(java.util.Locale.ROOT);
        if (!c.isEmpty() && !c.equals("identity") && !c.equals("gzip") && !c.equals("x-gzip") && !c.equals("deflate")) {
            throw new HttpError(415, "Content-Encoding '" + clip(coding)
                    + "' is not supported: send the body as it is, or compressed with gzip or deflate");
        }
    }

    /**
     * A deflate body (HTTP's deflate is zlib data, RFC 1950) inflated, whose end must be the zlib data's: the JDK's
     * {@code InflaterInputStream} stops at the end of the zlib data and drops whatever follows without a word, as its
     * {@code GZIPInputStream} did for gzip (see {@link #decoded}); those bytes are refused with 400 saying where they
     * start. Data that asks for a preset dictionary, which HTTP has no way to give, is refused rather than read as empty.
     */
    private static InputStream zlib(byte[] body) {
        java.io.ByteArrayInputStream rest = new java.io.ByteArrayInputStream(body);
        return new java.util.zip.InflaterInputStream(rest) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0 && !inf.finished()) {
                    throw new java.util.zip.ZipException("deflate data that needs a preset dictionary");
                }
                long after = n < 0 ? inf.getRemaining() + rest.available() : 0;
                if (after > 0) {
                    throw new HttpError(400, "the body has bytes after its deflate data (from byte "
                            + (body.length - after + 1) + " of the " + body.length + " sent): compress the whole body "
                            + "once, or send it without Content-Encoding");
                }
                return n;
            }
        };
    }

    /**
     * The whole body, read as its bytes come (Jetty calls back when more are there; no thread waits for them), refused
     * with 413 past the limit, with 408 when it takes longer than the timeout to arrive, and with 400 when it breaks
     * HTTP's framing. The 413 for a declared length over the limit comes at once, before any of it is read.
     */
    private java.util.concurrent.CompletableFuture<byte[]> readBody(Request request) {
        long declared = request.getLength();
        long limit = settings.maxBodyBytes();
        if (declared > limit) {
            throw new HttpError(413, "the body is " + declared + " bytes; the limit is " + limit
                    + " (split the batch, or start the server with a larger --max-body)");
        }
        BodyRead read = new BodyRead(request, limit, declared);
        // past the deadline the body is failed: a pending demand is called back, reads the failure and answers 408
        // (answering from the timer instead would write the response while a demand is still pending)
        var deadline = request.getComponents().getScheduler().schedule(() -> {
                    if (!read.done.isDone()) {
                        request.fail(new BodyDeadline());
                    }
                },
                settings.timeoutMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        read.done.whenComplete((bytes, failure) -> deadline.cancel());
        read.run();
        return read.done;
    }

    /** What a body past its deadline is failed with (see {@link #readBody}). */
    private static final class BodyDeadline extends java.util.concurrent.TimeoutException {
        private static final long serialVersionUID = 1L;
    }

    /** One body being read: reads what has come, then asks Jetty to call back when more has ({@link #run}). */
    private final class BodyRead implements Runnable {
        final java.util.concurrent.CompletableFuture<byte[]> done = new java.util.concurrent.CompletableFuture<>();
        private final Request request;
        private final long limit;
        private final java.io.ByteArrayOutputStream out;

        BodyRead(Request request, long limit, long declared) {
            this.request = request;
            this.limit = limit;
            // grown as bytes come, not sized from the declared length: a client that declares 16 MiB and sends nothing
            // holds no thread now, and must not hold 16 MiB of heap either
            this.out = new java.io.ByteArrayOutputStream((int) Math.min(1 << 16, Math.max(8192, declared)));
        }

        @Override
        public void run() {
            try {
                while (!done.isDone()) {
                    Content.Chunk chunk = request.read();
                    if (chunk == null) {
                        request.demand(this);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk)) {
                        done.completeExceptionally(framing(chunk.getFailure()));
                        return;
                    }
                    boolean last = chunk.isLast();
                    try {
                        ByteBuffer bytes = chunk.getByteBuffer();
                        byte[] copy = new byte[bytes.remaining()];
                        bytes.get(copy);
                        out.write(copy, 0, copy.length);
                    } finally {
                        chunk.release();
                    }
                    if (out.size() > limit) {
                        done.completeExceptionally(new HttpError(413, "the body is over the limit of " + limit
                                + " bytes (split the batch, or start the server with a larger --max-body)"));
                    } else if (last) {
                        done.complete(out.toByteArray());
                    }
                }
            } catch (Throwable e) { // out of memory, or Jetty refusing a demand: answered now, not at the deadline
                done.completeExceptionally(e);
            }
        }

        /**
         * Jetty's verdict on a body that breaks HTTP's framing (a malformed chunk, an end before its length), 408 for one
         * slower than the timeout, or 503 for one cut off because the server is stopping.
         */
        private HttpError framing(Throwable failure) {
            if (failure instanceof BodyDeadline) {
                return new HttpError(408, "the body took longer than " + settings.timeoutMillis() / 1000.0
                        + " s to arrive");
            }
            if (stopping.get()) {
                // Jetty cuts a connection idle for a second while the server stops: not the client's --timeout
                return new HttpError(503, "the server is stopping and the rest of the body did not come in time; "
                        + "send the request again");
            }
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500
                        && h.getCode() != 408) {
                    return new HttpError(h.getCode(), "the body is malformed: a bad chunk, or it ended before its length");
                }
            }
            // the client stalled past the idle timeout while sending (no class name: it is the client's answer)
            return new HttpError(408, "the body could not be read to its end within " + settings.timeoutMillis() / 1000.0
                    + " s");
        }
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed) && !(method.equals("HEAD") && allowed.equals("GET"))) {
            throw new HttpError(405, "method " + clip(method) + " is not allowed here; use " + allowed);
        }
    }

    private static String clip(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }

    /**
     * Jetty's own refusals (a malformed request line, headers too large, an unknown HTTP version, a request turned away
     * while stopping) as JSON errors, never a stack trace, and counted in {@code /metrics} under {@code model=""}.
     */
    private final class JsonErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Object code = request.getAttribute(ERROR_STATUS);
            int status = code instanceof Integer i ? i : response.getStatus();
            String reason = org.eclipse.jetty.http.HttpStatus.getMessage(status);
            reason = reason == null ? "bad request" : reason;
            // Jetty's detail (an illegal character, an ambiguous path), printable and short; never an exception's name
            if (request.getAttribute(ERROR_MESSAGE) instanceof String detail && !detail.isBlank()
                    && !detail.equalsIgnoreCase(reason) && !detail.contains("Exception")) {
                reason = reason + ": " + clip(detail);
            }
            if (status == 500 && !stopping.get()
                    && request.getAttribute(ERROR_EXCEPTION) instanceof org.eclipse.jetty.io.EofException) {
                // a connection closed (by the idle timeout, or by the client) after the request line but before all
                // its headers: a slow, stalled or gone client, which /metrics counted as a server error (500); the
                // connection is closed, so the 408 below is for the count, as no client is left to read it
                status = 408;
                response.setStatus(status);
                reason = "the request's headers did not all arrive within " + settings.timeoutMillis() / 1000.0 + " s";
            }
            if (status == 503 && stopping.get()) {
                // a request Jetty turned away before the routes saw it, as the routes say it of one they see
                reason = "the server is stopping";
            }
            response.getHeaders().put(JSON);
            metrics.refusedBeforeHandling(status);
            response.write(true, ByteBuffer.wrap(InferenceProtocol.error(reason)), callback);
            return true;
        }
    }
}
