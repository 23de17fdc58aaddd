package dev.rareclass.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.cli.CliRun;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.service.EvaluateService;
import dev.rareclass.embed.RareclassModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile request corpus against a real {@code rareclass serve} server (in-process, on 127.0.0.1, port 0): each
 * malformed, oversized, slow or mistyped request must get its exact status with a JSON {@code {"error": ...}} body
 * that names the offending input where there is one and shows no stack trace or Java class name; after each case the
 * server is still ready and still scores a good request.
 */
class ServeBadRequestTest {

    private static final String MODEL = "risk";
    private static final String STRICT = "strict";
    private static final long MAX_BODY = 1L << 20;
    private static final long TIMEOUT_MILLIS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What must never reach a client: stack frames, exception and Java class names, internal packages. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("Exception"), Pattern.compile("Throwable"), Pattern.compile("Caused by"),
            Pattern.compile("\\bat [a-z][\\w$]*\\."), Pattern.compile("\\.java:\\d+"),
            Pattern.compile("\\b(java|javax|jdk|sun|com\\.fasterxml|org\\.eclipse|dev\\.rareclass)\\."),
            // a qualified class name (package.Class) or a Class.method() reference
            Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*"),
            Pattern.compile("\\b[A-Z][a-z]+[A-Z]\\w*\\.[a-z]\\w*\\("),
            // a Class.CONSTANT reference (Jackson's feature names) or a backquoted code name
            Pattern.compile("\\b[A-Z][a-z]+[A-Z]\\w*\\.[A-Z][A-Z_]{2,}\\b"), Pattern.compile("`"),
            Pattern.compile("(?i)jetty|jackson"),
            // the server's own files (a CSV body is spooled to a temporary file)
            Pattern.compile("rareclass-serve-|/tmp/|body-\\d+\\.csv"));

    /**
     * The longest error message accepted: messages quote the client's values clipped, never whole (in characters;
     * the body may be longer, as JSON escapes characters beyond the BMP as two {@code \\u} escapes each).
     */
    private static final int MOST_ERROR_CHARS = 1200;

    @TempDir
    static Path dir;

    static InferenceServer server;
    static int port;
    static HttpClient http;
    static final Queue<String> serverLog = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void serve() throws Exception {
        Injector injector = Guice.createInjector(new AppModule());
        Path table = writeTable(dir.resolve("small.csv"));
        Path risk = dir.resolve(MODEL + ".model");
        Path strict = dir.resolve(STRICT + ".model");
        train(injector, table, risk);
        train(injector, table, strict, "--unknown", "error");
        TableSource tables = injector.getInstance(TableSource.class);
        // CSV bodies are read as `serve` reads them: comma-separated with a header, the rest as the model was trained
        ReadingOptions csvBody = new ReadingOptions(Optional.of("csv"), Optional.of(true), Optional.of(','),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        server = new InferenceServer(
                List.of(new ServedModel(MODEL, RareclassModel.load(risk), risk),
                        new ServedModel(STRICT, RareclassModel.load(strict), strict)),
                new InferenceServer.Settings("127.0.0.1", 0, MAX_BODY, TIMEOUT_MILLIS, 16),
                (model, body) -> tables.readOptionallyLabelled(EvaluateService.asTrained(DataOptions.of(body), csvBody,
                        model.model().pipeline())),
                serverLog::add);
        port = server.start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (http != null) {
            http.close();
        }
    }

    /** After every case: still ready, still scoring, and nothing reported as an internal error. */
    @AfterEach
    void stillServing() throws Exception {
        HttpResponse<String> ready = send("GET", "/v2/health/ready", null, null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        HttpResponse<String> good = send("POST", "/v2/models/" + MODEL + "/infer", "application/json", goodBody());
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(good.body()).path("outputs").path(0);
        assertThat(p.path("name").asText()).isEqualTo("p");
        assertThat(p.path("data").path(0).isNumber()).as(good.body()).isTrue();
        assertThat(p.path("data").path(0).doubleValue()).isBetween(0.0, 1.0);
        assertThat(serverLog).as("internal errors in the server's log").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The corpus of whole requests sent with HttpClient

    /** One hostile request: method, path, content type (null for none), body (null for none), what must come back. */
    record Case(String name, String method, String path, String contentType, byte[] body, int status,
                List<String> mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() {
        List<Case> c = new ArrayList<>();
        String a = in("a", "FP64", "[1]", "[1.5]");
        String b = in("b", "INT64", "[1]", "[3]");
        String color = in("color", "BYTES", "[1]", "[\"red\"]");
        String good = body(a, b, color);

        // not JSON, or not one JSON object
        c.add(json("malformed JSON", "{\"inputs\": [}", 400, "JSON"));
        c.add(json("truncated JSON", good.substring(0, good.length() - 7), 400, "JSON"));
        c.add(json("empty body", "", 400, "no body"));
        c.add(json("whitespace only", "  \n\t ", 400, "JSON"));
        c.add(json("JSON array root", "[" + good + "]", 400, "JSON object"));
        c.add(json("JSON number root", "42", 400, "JSON object"));
        c.add(json("JSON string root", "\"inputs\"", 400, "JSON object"));
        c.add(json("JSON null root", "null", 400, "JSON object"));
        c.add(json("two JSON values", good + " " + good, 400, "more than one JSON value"));
        c.add(json("trailing garbage", good + " x", 400, "JSON"));
        c.add(json("bare NaN token", body(in("a", "FP64", "[1]", "[NaN]"), b, color), 400, "JSON"));
        c.add(json("single quotes", good.replace('"', '\''), 400, "JSON"));
        c.add(json("comment in JSON", "/* hi */ " + good, 400, "JSON"));
        c.add(json("duplicate JSON keys at the root", "{\"inputs\": [" + a + "," + b + "," + color + "], \"inputs\": []}",
                400, "inputs"));
        c.add(json("duplicate JSON keys in an input",
                body("{\"name\":\"a\",\"name\":\"b\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1]}", b, color), 400,
                "name"));
        c.add(new Case("invalid UTF-8", "POST", infer(MODEL), "application/json",
                concat(good.substring(0, good.indexOf("red")).getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                        good.substring(good.indexOf("red") + 3).getBytes(StandardCharsets.UTF_8)),
                400, List.of("JSON")));
        c.add(json("number of 2000 digits", body(in("a", "FP64", "[1]", "[" + "7".repeat(2000) + "]"), b, color), 400,
                "JSON"));
        c.add(json("JSON key of 300000 characters", "{\"" + "k".repeat(300_000) + "\": 1, \"inputs\": []}", 400,
                "JSON"));
        c.add(json("deeply nested arrays", "[".repeat(100_000), 400, "JSON"));
        c.add(json("deeply nested objects", "{\"inputs\":" + "{\"x\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}",
                400, "JSON"));

        // the shape of the request
        c.add(json("inputs missing", "{\"id\": \"1\"}", 400, "inputs"));
        c.add(json("inputs not an array", "{\"inputs\": {\"name\": \"a\"}}", 400, "inputs"));
        c.add(json("inputs empty", "{\"inputs\": []}", 400, "inputs"));
        c.add(json("input not an object", body("42", b, color), 400, "inputs"));
        c.add(json("input name missing", body("{\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1.5]}", b, color), 400,
                "name"));
        c.add(json("input name not a string", body(in("42", "FP64", "[1]", "[1.5]").replace("\"42\"", "42"), b, color),
                400, "name"));
        c.add(json("input named twice", body(a, b, color, a), 400, "'a'", "twice"));
        c.add(json("unknown column", body(a, b, color, in("zzz", "FP64", "[1]", "[1]")), 400, "'zzz'"));
        c.add(json("missing column", body(a, color), 400, "'b'", "missing"));
        c.add(json("only the label column", body(in("y", "INT64", "[1]", "[1]")), 400, "missing"));
        c.add(json("id not a string", "{\"id\": 7, \"inputs\": [" + a + "," + b + "," + color + "]}", 400, "id"));

        // datatypes and values
        c.add(json("BYTES for a numeric column", body(in("a", "BYTES", "[1]", "[\"1.5\"]"), b, color), 400, "'a'",
                "BYTES"));
        c.add(json("BOOL for a numeric column", body(in("a", "BOOL", "[1]", "[true]"), b, color), 400, "'a'", "BOOL"));
        c.add(json("unknown datatype", body(in("a", "FP128", "[1]", "[1.5]"), b, color), 400, "'a'", "FP128"));
        c.add(json("datatype missing", body("{\"name\":\"a\",\"shape\":[1],\"data\":[1.5]}", b, color), 400, "'a'",
                "datatype"));
        c.add(json("datatype lower case", body(in("a", "fp64", "[1]", "[1.5]"), b, color), 400, "'a'", "fp64"));
        c.add(json("text in an FP64 column", body(in("a", "FP64", "[1]", "[\"one\"]"), b, color), 400, "'a'",
                "row 1"));
        c.add(json("booleans in an FP64 column", body(in("a", "FP64", "[2]", "[true, false]"),
                in("b", "INT64", "[2]", "[1, 2]"), in("color", "BYTES", "[2]", "[\"red\", \"red\"]")), 400, "'a'"));
        c.add(json("object in an FP64 column", body(in("a", "FP64", "[1]", "[{\"v\": 1}]"), b, color), 400, "'a'"));
        c.add(json("nested arrays in data", body(in("a", "FP64", "[1]", "[[[1.5]]]"), b, color), 400, "'a'"));
        c.add(json("data not an array", body(in("a", "FP64", "[1]", "1.5"), b, color), 400, "'a'", "data"));
        c.add(json("data missing", body("{\"name\":\"a\",\"shape\":[1],\"datatype\":\"FP64\"}", b, color), 400, "'a'",
                "data"));
        c.add(json("NaN-like strings", body(in("a", "FP64", "[3]", "[\"NaN\", \"Infinity\", \"-inf\"]"),
                in("b", "INT64", "[3]", "[1, 2, 3]"), in("color", "BYTES", "[3]", "[\"red\", \"red\", \"red\"]")),
                400, "'a'"));
        c.add(json("number 1e400", body(in("a", "FP64", "[1]", "[1e400]"), b, color), 400, "'a'"));
        c.add(json("number beyond float range", body(in("a", "FP64", "[1]", "[1e39]"), b, color), 400, "'a'"));
        c.add(json("integer beyond INT64", body(a, in("b", "INT64", "[1]", "[99999999999999999999999999]"), color), 400,
                "'b'"));
        c.add(json("fraction in an INT64 column", body(a, in("b", "INT64", "[1]", "[2.5]"), color), 400, "'b'"));
        c.add(json("1.0 in an INT64 column", body(a, in("b", "INT64", "[1]", "[1.0]"), color), 400, "'b'",
                "written without a decimal point or exponent, not 1.0"));
        c.add(json("1e2 in an INT64 column", body(a, in("b", "INT64", "[1]", "[1e2]"), color), 400, "'b'",
                "without a decimal point or exponent, not 100.0"));
        c.add(json("negative in a UINT8 column", body(a, in("b", "UINT8", "[1]", "[-3]"), color), 400, "'b'"));
        // INT8 200 was scored as 200; UINT64's largest value was called "not a whole number"
        c.add(json("200 in an INT8 column", body(a, in("b", "INT8", "[1]", "[200]"), color), 400, "'b'",
                "out of range for INT8 (-128 to 127)"));
        c.add(json("-129 in an INT8 column", body(a, in("b", "INT8", "[1]", "[-129]"), color), 400, "out of range"));
        c.add(json("70000 in an INT16 column", body(a, in("b", "INT16", "[1]", "[70000]"), color), 400, "INT16"));
        // an FP16 past its largest value, 65504, was scored as written
        c.add(json("70000 in an FP16 column", body(a, in("b", "FP16", "[1]", "[70000.0]"), color), 400,
                "out of range for FP16 (-65504 to 65504)"));
        c.add(json("-1e300 in an FP16 column", body(a, in("b", "FP16", "[1]", "[-1e300]"), color), 400,
                "out of range for FP16"));
        c.add(json("2^64 in a UINT64 column", body(a, in("b", "UINT64", "[1]", "[18446744073709551616]"), color), 400,
                "out of range for UINT64"));
        c.add(json("number for a BYTES column", body(a, b, in("color", "BYTES", "[1]", "[7]")), 400, "'color'"));
        c.add(json("unknown category in a strict model", body(a, b, in("color", "BYTES", "[1]", "[\"mauve\"]")), STRICT,
                400, "color"));
        c.add(json("very long string in a numeric column",
                body(in("a", "FP64", "[1]", "[\"" + "9".repeat(300_000) + "\"]"), b, color), 400, "'a'"));
        c.add(json("very long column name", body(a, b, color, in("z".repeat(300_000), "FP64", "[1]", "[1]")), 400,
                "zzzz"));
        c.add(json("long column name of emoji, clipped inside a pair",
                body(a, b, color, in("x" + "\uD83D\uDE00".repeat(200), "FP64", "[1]", "[1]")), 400, "'x"));
        c.add(csv("CSV body with a long emoji column name, clipped inside a pair",
                "a,b,color," + "x" + "\uD83D\uDE00".repeat(3000) + "\n1.5,3,red,1\n", 400));
        c.add(json("very long datatype", body(in("a", "F".repeat(300_000), "[1]", "[1]"), b, color), 400, "'a'"));
        c.add(json("very long output name", outputs(good, "[{\"name\": \"" + "q".repeat(300_000) + "\"}]"), 400,
                "output"));

        // shape against data
        c.add(json("shape says 2, data has 1", body(in("a", "FP64", "[2]", "[1.5]"), b, color), 400, "'a'", "shape"));
        c.add(json("shape [1, 2]", body(in("a", "FP64", "[1, 2]", "[[1.5, 2.5]]"), b, color), 400, "'a'", "shape"));
        c.add(json("shape [1, 1, 1]", body(in("a", "FP64", "[1, 1, 1]", "[1.5]"), b, color), 400, "'a'", "shape"));
        c.add(json("negative shape", body(in("a", "FP64", "[-1]", "[1.5]"), b, color), 400, "'a'", "shape"));
        c.add(json("shape of strings", body(in("a", "FP64", "[\"1\"]", "[1.5]"), b, color), 400, "'a'", "shape"));
        c.add(json("shape of fractions", body(in("a", "FP64", "[1.5]", "[1.5]"), b, color), 400, "'a'", "shape"));
        c.add(json("shape empty", body(in("a", "FP64", "[]", "[1.5]"), b, color), 400, "'a'", "shape"));
        c.add(json("shape missing", body("{\"name\":\"a\",\"datatype\":\"FP64\",\"data\":[1.5]}", b, color), 400,
                "'a'", "shape"));
        c.add(json("shape beyond long", body(in("a", "FP64", "[99999999999999999999999]", "[1.5]"), b, color), 400,
                "'a'", "shape"));
        c.add(json("columns of different lengths", body(in("a", "FP64", "[2]", "[1.5, 2.5]"), b, color), 400, "'b'"));
        c.add(json("zero rows", body(in("a", "FP64", "[0]", "[]"), in("b", "INT64", "[0]", "[]"),
                in("color", "BYTES", "[0]", "[]")), 400, "no rows"));

        // parameters and outputs
        c.add(json("reasons -1", params(good, "{\"reasons\": -1}"), 400, "reasons"));
        c.add(json("reasons \"x\"", params(good, "{\"reasons\": \"x\"}"), 400, "reasons"));
        c.add(json("reasons 1.5", params(good, "{\"reasons\": 1.5}"), 400, "reasons"));
        c.add(json("reasons 1e10", params(good, "{\"reasons\": 10000000000}"), 400, "reasons"));
        c.add(json("reasons true", params(good, "{\"reasons\": true}"), 400, "reasons"));
        c.add(json("parameters not an object", params(good, "[1]"), 400, "parameters"));
        c.add(json("unknown output name", outputs(good, "[{\"name\": \"q\"}]"), 400, "'q'"));
        c.add(json("output without a name", outputs(good, "[{\"datatype\": \"FP64\"}]"), 400, "output"));
        c.add(json("outputs not an array", outputs(good, "{\"name\": \"p\"}"), 400, "outputs"));
        for (String k : List.of("reason_0", "reason_01", "reason_x", "reason_-1", "reason_+1", "reason_", "change_1.0",
                "reason_99999999999", "Reason_1", "reasons_1")) {
            c.add(json("output " + k, outputs(good, "[{\"name\": \"" + k + "\"}]"), 400, "'" + k + "'"));
        }
        // the model reads 3 columns: a row has at most 3 reasons
        c.add(json("output reason_4 of 3 columns", outputs(good, "[{\"name\": \"reason_4\"}]"), 400, "at most 3"));
        c.add(json("output change_2 beside reasons 1", outputs(params(good, "{\"reasons\": 1}"),
                "[{\"name\": \"change_2\"}]"), 400, "reasons is 1"));
        c.add(json("reasons 2 and outputs without them", outputs(params(good, "{\"reasons\": 2}"),
                "[{\"name\": \"p\"}]"), 400, "lists no reason_K"));
        c.add(new Case("?reasons=1 and outputs without them", "POST", infer(MODEL) + "?reasons=1", "application/json",
                utf8(outputs(good, "[{\"name\": \"predicted\"}]")), 400, List.of("lists no reason_K")));
        c.add(new Case("?reasons=-1", "POST", infer(MODEL) + "?reasons=-1", "application/json", utf8(good), 400,
                List.of("reasons")));
        c.add(new Case("?reasons=x", "POST", infer(MODEL) + "?reasons=x", "application/json", utf8(good), 400,
                List.of("reasons")));
        // any whole number is taken, as the body's parameter is (both capped at the model's inputs); not past a long
        c.add(new Case("?reasons of 19 digits", "POST", infer(MODEL) + "?reasons=9999999999999999999", "application/json",
                utf8(good), 400, List.of("reasons")));
        // the body's parameter replaced the URL's, silently
        c.add(new Case("?reasons and the body's parameter", "POST", infer(MODEL) + "?reasons=2", "application/json",
                utf8(params(good, "{\"reasons\": 1}")), 400, List.of("reasons is given twice")));
        // the first of two was used, silently
        c.add(new Case("?reasons twice", "POST", infer(MODEL) + "?reasons=2&reasons=3", "application/json", utf8(good),
                400, List.of("reasons is given twice (2 and 3)")));
        c.add(new Case("?reasons=%zz", "POST", infer(MODEL) + "?reasons=%25zz", "application/json", utf8(good),
                400, List.of("reasons")));

        // where and how
        c.add(new Case("unknown model", "POST", infer("nope"), "application/json", utf8(good), 404, List.of("nope")));
        c.add(new Case("unknown path", "GET", "/v3/models", null, null, 404, List.of("/v3/models")));
        c.add(new Case("unknown model endpoint", "POST", "/v2/models/" + MODEL + "/explain", "application/json",
                utf8(good), 404, List.of("explain")));
        // the protocol's optional version segment: the model has none, and the answer says where to send it
        c.add(new Case("versioned infer", "POST", "/v2/models/" + MODEL + "/versions/1/infer", "application/json",
                utf8(good), 404, List.of("served without versions", "use /v2/models/" + MODEL + "/infer")));
        c.add(new Case("versioned metadata", "GET", "/v2/models/" + MODEL + "/versions/2", null, null, 404,
                List.of("served without versions", "use /v2/models/" + MODEL)));
        c.add(new Case("unsupported content type", "POST", infer(MODEL), "application/xml", utf8("<inputs/>"), 415,
                List.of("application/xml")));
        c.add(new Case("text/plain content type", "POST", infer(MODEL), "text/plain", utf8(good), 415,
                List.of("text/plain")));
        // every body is read as UTF-8: a Latin-1 CSV had its accented categories read as other ones
        c.add(new Case("Latin-1 CSV", "POST", infer(MODEL), "text/csv; charset=ISO-8859-1",
                "a,b,color\n1.5,3,r\u00e9d\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 415,
                List.of("charset 'iso-8859-1'", "UTF-8")));
        c.add(new Case("UTF-16 JSON", "POST", infer(MODEL), "application/json;charset=\"utf-16\"",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_16), 415, List.of("charset 'utf-16'")));

        // CSV bodies
        c.add(csv("CSV body with a missing column", "a,color\n1.5,red\n", 400, "b"));
        c.add(csv("CSV body with a non-number in a numeric column", "a,b,color\n1.5,3,red\nabc,4,blue\n", 400, "a"));
        c.add(csv("CSV body with only a header", "a,b,color\n", 400, "no data rows"));
        c.add(csv("CSV body with a ragged row", "a,b,color\n1.5,3,red\n2.5,4\n", 400, "line 3"));
        c.add(csv("CSV body with a very long column name", "a,b,color," + "z".repeat(300_000) + "\n1.5,3,red,1\n",
                400));
        c.add(new Case("CSV body with an unknown category in a strict model", "POST", infer(STRICT), "text/csv",
                utf8("a,b,color\n1.5,3,mauve\n"), 400, List.of("color")));
        c.add(csv("CSV body of binary garbage", "\u0000\u0001\u0002\uFFFD\n\u0003", 400));
        // packed or binary bodies, in a client's terms: they were told to name the file .gz, or to use --engine spark
        byte[] gzipped;
        try {
            java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(packed)) {
                gz.write(utf8("a,b,color\n1.5,3,red\n"));
            }
            gzipped = packed.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        c.add(new Case("CSV body gzipped without Content-Encoding", "POST", infer(MODEL), "text/csv", gzipped, 400,
                List.of("request body: gzip data (sent without the header Content-Encoding: gzip")));
        c.add(new Case("CSV body that is Parquet", "POST", infer(MODEL), "text/csv",
                new byte[] {'P', 'A', 'R', '1', 0x15, 0, 0, 0, 0}, 400,
                List.of("request body: Parquet, not a text table; send the rows as CSV, TSV or JSON")));
        c.add(new Case("TSV body that is a zip", "POST", infer(MODEL), "text/tab-separated-values",
                new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, 400,
                List.of("request body: zip data, not a text table; send the table inside as CSV or TSV")));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refused(Case c) throws Exception {
        HttpResponse<String> r = send(c.method(), c.path(), c.contentType(), c.body());
        assertRefusal(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), c.status(),
                c.mentions());
    }

    @Test
    void aCsvBodyWithAColumnTheModelDoesNotReadIsRefusedWithoutCommandLineAdvice() throws Exception {
        // the served model reads a, b and color; a caller of the server has no --drop to use
        HttpResponse<String> r = send("POST", infer(MODEL), "text/csv", utf8("a,b,color,extra\n1.5,3,red,9\n"));
        assertRefusal(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), 400,
                List.of("unexpected column(s) extra"));
        assertThat(r.body()).doesNotContain("--");
    }

    /** UTF-8 named any way a client names it, and ASCII, are read; the 415 is for the others only. */
    @Test
    void aUtf8OrAsciiCharsetIsRead() throws Exception {
        for (String type : List.of("application/json; charset=utf-8", "application/json;charset=\"UTF-8\"",
                "application/json; charset=utf8", "application/json; charset=US-ASCII")) {
            HttpResponse<String> r = send("POST", infer(MODEL), type, goodBody());
            assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(200);
        }
        HttpResponse<String> csv = send("POST", infer(MODEL), "text/csv; charset=utf-8", utf8("a,b,color\n1.5,3,red\n"));
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    }

    @Test
    void wrongMethodOnInferIs405WithAllow() throws Exception {
        HttpResponse<String> r = send("GET", infer(MODEL), null, null);
        assertRefusal(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), 405,
                List.of("GET", "POST"));
        assertThat(r.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void postOnHealthIs405WithAllow() throws Exception {
        for (String path : List.of("/v2/health/ready", "/v2/health/live", "/v2", "/metrics", "/v2/models/" + MODEL,
                "/v2/models/" + MODEL + "/ready")) {
            HttpResponse<String> r = send("POST", path, "application/json", utf8(goodBody()));
            assertRefusal(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), 405,
                    List.of("POST", "GET"));
            assertThat(r.headers().firstValue("Allow")).as(path).contains("GET");
        }
    }

    @Test
    void headIsAnsweredWhereGetIsWithTheLengthAndNoBody() throws Exception {
        // HEAD /v2/health/ready was 405: load balancers probe health with HEAD
        for (String path : List.of("/v2/health/ready", "/v2/health/live", "/v2", "/metrics", "/v2/models/" + MODEL)) {
            HttpResponse<String> get = send("GET", path, null, null);
            Raw head = raw(head("HEAD", path), new byte[0]);
            assertThat(head.status()).as(path + ": " + head.text()).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
            if (!path.equals("/metrics")) { // the metrics move between the two requests
                assertThat(head.head()).as(path).containsIgnoringCase("Content-Length: "
                        + get.body().getBytes(StandardCharsets.UTF_8).length);
            }
        }
        Raw infer = raw(head("HEAD", infer(MODEL)), new byte[0]);
        assertThat(infer.status()).as("HEAD on infer, a POST").isEqualTo(405);
    }

    @Test
    void aPercentEncodedReasonsCountIsDecoded() throws Exception {
        // ?reasons=%32 was "not a whole number"; it is 2
        HttpResponse<String> plain = send("POST", infer(MODEL) + "?reasons=2", "application/json", goodBody());
        HttpResponse<String> encoded = send("POST", infer(MODEL) + "?reasons=%32", "application/json", goodBody());
        assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(200);
        assertThat(encoded.body()).isEqualTo(plain.body());
        // the key too: ?%72easons=2 was passed over, and the rows answered without reasons
        HttpResponse<String> key = send("POST", infer(MODEL) + "?%72easons=2", "application/json", goodBody());
        assertThat(key.body()).isEqualTo(plain.body());
        // the body's parameter alone, and beside the same count in the URL
        HttpResponse<String> body = send("POST", infer(MODEL), "application/json", params(goodBody(), "{\"reasons\": 2}"));
        assertThat(body.statusCode()).as(body.body()).isEqualTo(200);
        assertThat(body.body()).contains("\"reason_2\"").isEqualTo(plain.body());
        HttpResponse<String> both = send("POST", infer(MODEL) + "?reasons=2", "application/json",
                params(goodBody(), "{\"reasons\": 2}"));
        assertThat(both.body()).isEqualTo(plain.body());
    }

    @Test
    void outputsMayNameReasonsAndComeBackInTheirOrder() throws Exception {
        JsonNode all = JSON.readTree(send("POST", infer(MODEL), "application/json",
                params(goodBody(), "{\"reasons\": 2}")).body()).path("outputs");
        // reason_2 alone: two reasons are worked out, one column comes back (it was a 400 "unknown output")
        HttpResponse<String> r = send("POST", infer(MODEL), "application/json",
                outputs(goodBody(), "[{\"name\": \"change_2\"}, {\"name\": \"p\"}, {\"name\": \"reason_2\"}]"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode got = JSON.readTree(r.body()).path("outputs");
        assertThat(got).hasSize(3);
        assertThat(List.of(got.path(0).path("name").asText(), got.path(1).path("name").asText(),
                got.path(2).path("name").asText())).containsExactly("change_2", "p", "reason_2");
        assertThat(got.path(0)).isEqualTo(all.path(5));
        assertThat(got.path(1)).isEqualTo(all.path(0));
        assertThat(got.path(2)).isEqualTo(all.path(4));
        assertThat(all.path(4).path("name").asText()).isEqualTo("reason_2");
        // with reasons given as well, at least as many as the deepest output named
        HttpResponse<String> both = send("POST", infer(MODEL) + "?reasons=3", "application/json",
                outputs(goodBody(), "[{\"name\": \"reason_1\"}]"));
        assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
        assertThat(JSON.readTree(both.body()).path("outputs").path(0)).isEqualTo(all.path(2));
    }

    @Test
    void aReasonARowLacksIsNullAsPredictLeavesItBlank() throws Exception {
        // the training medians and most frequent colour (see writeTable): replacing a column by its reference value
        // changes nothing, so this row has no reasons at all; it was "" and 0.0, which read as a column named "" and a
        // change of exactly nothing
        double medianA = median(i -> (i % 7) + (i % 10) / 10.0);
        double medianB = median(i -> (i * 13) % 11);
        String row = body(in("a", "FP64", "[1]", "[" + medianA + "]"), in("b", "FP64", "[1]", "[" + medianB + "]"),
                in("color", "BYTES", "[1]", "[\"red\"]"));
        HttpResponse<String> r = send("POST", infer(MODEL) + "?reasons=1", "application/json", row);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode outputs = JSON.readTree(r.body()).path("outputs");
        assertThat(outputs.path(2).path("name").asText()).isEqualTo("reason_1");
        assertThat(outputs.path(2).path("data").path(0).isNull()).as(r.body()).isTrue();
        assertThat(outputs.path(3).path("data").path(0).isNull()).as(r.body()).isTrue();
    }

    private static double median(java.util.function.IntToDoubleFunction value) {
        double[] v = java.util.stream.IntStream.range(0, 200).mapToDouble(value).sorted().toArray();
        return (v[99] + v[100]) / 2;
    }

    /** A null id is no id, as a client writing an unset optional field sends it (it was a 400). */
    @Test
    void aNullIdIsNoId() throws Exception {
        String withNull = goodBody().replaceFirst("\\{", "{\"id\": null, ");
        HttpResponse<String> r = send("POST", infer(MODEL), "application/json", withNull);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("\"id\"");
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<String> r = send(method, infer(MODEL), "application/json", utf8(goodBody()));
            assertRefusal(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), 405,
                    List.of(method));
            assertThat(r.headers().firstValue("Allow")).as(method).contains("POST");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Raw sockets: what HttpClient will not send

    // Content-Encoding: before, a gzip body was refused as "not valid JSON (CTRL-CHAR, code 31)" and a plain body
    // labelled br was scored as if the header were not there

    private static byte[] compressed(byte[] plain, boolean gzip) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream z = gzip ? new java.util.zip.GZIPOutputStream(out)
                : new java.util.zip.DeflaterOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    private static Raw encoded(String coding, byte[] body) throws Exception {
        return raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Encoding: " + coding,
                "Content-Length: " + body.length), body);
    }

    @Test
    void gzipAndDeflateBodiesAreInflatedAndScoredAsThePlainOne() throws Exception {
        String plain = JSON.readTree(send("POST", infer(MODEL), "application/json", goodBody()).body())
                .path("outputs").path(0).path("data").toString();
        for (String coding : List.of("gzip", "deflate", "GZIP")) {
            Raw r = encoded(coding, compressed(utf8(goodBody()), !coding.equals("deflate")));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).path("outputs").path(0).path("data").toString()).isEqualTo(plain);
        }
        assertThat(encoded("identity", utf8(goodBody())).status()).isEqualTo(200);
    }

    @Test
    void anUnknownContentEncodingIs415AndABodyThatDoesNotInflateIs400() throws Exception {
        encoded("br", utf8(goodBody())).assertRefusal(415, "Content-Encoding", "br");
        encoded("gzip, br", utf8(goodBody())).assertRefusal(415, "Content-Encoding");
        encoded("gzip", utf8(goodBody())).assertRefusal(400, "gzip");
        byte[] cut = compressed(utf8(goodBody()), true);
        encoded("gzip", java.util.Arrays.copyOf(cut, cut.length / 2)).assertRefusal(400, "gzip");
    }

    /**
     * A header given in two lines is one list, as HTTP joins it: only the first line was read, so a body gzipped twice
     * and labelled in two Content-Encoding lines was inflated once and refused as "not valid JSON (CTRL-CHAR, code
     * 31)"; a gzip transfer coding the same; and of two Content-Types the first chose the parser.
     */
    @Test
    void repeatedCodingHeadersAndTransferCodingsAreReadWhole() throws Exception {
        byte[] twice = compressed(compressed(utf8(goodBody()), true), true);
        raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Encoding: gzip",
                "Content-Encoding: gzip", "Content-Length: " + twice.length), twice)
                .assertRefusal(415, "Content-Encoding 'gzip, gzip' is not supported");
        byte[] gz = compressed(utf8(goodBody()), true);
        raw(head("POST", infer(MODEL), "Content-Type: application/json", "Transfer-Encoding: gzip, chunked"),
                concat(utf8(Integer.toHexString(gz.length) + "\r\n"), gz, utf8("\r\n0\r\n\r\n")))
                .assertRefusal(501, "Transfer-Encoding 'gzip' is not supported");
        raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Type: text/csv",
                "Content-Length: " + goodBody().length()), utf8(goodBody()))
                .assertRefusal(400, "Content-Type is given 2 times");
        Raw chunked = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Transfer-Encoding: chunked"),
                utf8(Integer.toHexString(goodBody().length()) + "\r\n" + goodBody() + "\r\n0\r\n\r\n"));
        assertThat(chunked.status()).as(chunked.text()).isEqualTo(200);
    }

    // A gzip body is read as a .gz file is: the JDK's GZIPInputStream, read before, dropped bytes after the gzip data
    // without a word, so rows appended to a compressed batch uncompressed were never scored and the client not told

    private static Raw encoded(String contentType, String coding, byte[] body) throws Exception {
        return raw(head("POST", infer(MODEL), "Content-Type: " + contentType, "Content-Encoding: " + coding,
                "Content-Length: " + body.length), body);
    }

    private static final String CSV_HEAD = "a,b,color\n";
    private static final String CSV_ROWS = "1.5,3,red\n6.2,9,blue\n";
    private static final String CSV_MORE = "0.5,1,green\n";

    @Test
    void aGzipBodyOfSeveralMembersIsReadWholeAndZeroPaddingAfterItSkipped() throws Exception {
        Raw whole = encoded("text/csv", "gzip", compressed(utf8(CSV_HEAD + CSV_ROWS + CSV_MORE), true));
        assertThat(whole.status()).as(whole.text()).isEqualTo(200);
        String scores = JSON.readTree(whole.body()).path("outputs").path(0).path("data").toString();
        assertThat(JSON.readTree(scores).size()).isEqualTo(3);
        // as `gzip -c more >> batch.gz` leaves it, with an empty member too, and with zeros after the last
        byte[] members = concat(compressed(utf8(CSV_HEAD + CSV_ROWS), true), compressed(new byte[0], true),
                compressed(utf8(CSV_MORE), true));
        for (byte[] body : List.of(members, concat(members, new byte[512]))) {
            Raw r = encoded("text/csv", "gzip", body);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).path("outputs").path(0).path("data").toString()).isEqualTo(scores);
        }
        // a JSON body split across two members, anywhere
        String json = goodBody();
        int cut = json.indexOf("\"b\"") + 2;
        Raw split = encoded("application/json", "x-gzip", concat(compressed(utf8(json.substring(0, cut)), true),
                compressed(utf8(json.substring(cut)), true)));
        assertThat(split.status()).as(split.text()).isEqualTo(200);
    }

    @Test
    void bytesAfterAGzipBodyThatAreNoMemberAre400SayingWhereTheyStart() throws Exception {
        byte[] member = compressed(utf8(CSV_HEAD + CSV_ROWS), true);
        // a row appended uncompressed: it was dropped, and the other two scored as if the batch were whole
        byte[] appended = concat(member, utf8(CSV_MORE));
        Raw r = encoded("text/csv", "gzip", appended);
        r.assertRefusal(400, "the body has bytes after its gzip data (from byte " + (member.length + 1) + " of the "
                + appended.length + " sent) that are not another gzip member");
        assertThat(JSON.readTree(r.body()).path("error").textValue()).doesNotContain("\n");
        // after zero padding, and a lone first byte of a member's magic number
        encoded("text/csv", "gzip", concat(member, new byte[100], utf8("x"))).assertRefusal(400,
                "from byte " + (member.length + 101) + " of the");
        encoded("text/csv", "gzip", concat(member, new byte[] {0x1f})).assertRefusal(400, "not another gzip member");
    }

    @Test
    void aGzipBodyCutShortOrDamagedIs400() throws Exception {
        byte[] first = compressed(utf8(CSV_HEAD + CSV_ROWS), true);
        byte[] second = compressed(utf8(CSV_MORE.repeat(50)), true);
        // the second member cut in its header, its deflate data and its trailer
        for (int cut : new int[] {4, second.length / 2, second.length - 3}) {
            encoded("text/csv", "gzip", concat(first, java.util.Arrays.copyOf(second, cut)))
                    .assertRefusal(400, "the body's gzip data is cut short");
        }
        // a CRC-32, then a size, in the trailer that does not match the data
        for (int at : new int[] {first.length - 8, first.length - 1}) {
            byte[] damaged = first.clone();
            damaged[at] ^= 0x40;
            encoded("text/csv", "gzip", damaged).assertRefusal(400, "the body is not valid gzip data (Content-Encoding: "
                    + "gzip): the CRC-32 or the size of a gzip member's data does not match the data");
        }
        // reserved flag bits in the header, which RFC 1952 asks a reader to refuse
        byte[] flagged = first.clone();
        flagged[3] |= 0x40;
        encoded("text/csv", "gzip", flagged).assertRefusal(400, "reserved flag bits set (flags 0x40)");
        // a second member whose header is damaged after its magic number: refused, not taken for the end
        byte[] badMethod = second.clone();
        badMethod[2] = 7;
        encoded("text/csv", "gzip", concat(first, badMethod)).assertRefusal(400, "not valid gzip data");
    }

    /** The JDK's InflaterInputStream, as its GZIPInputStream, stops at the end of the zlib data and drops the rest. */
    @Test
    void bytesAfterADeflateBodyAre400SayingWhereTheyStart() throws Exception {
        byte[] zlib = compressed(utf8(CSV_HEAD + CSV_ROWS), false);
        byte[] appended = concat(zlib, utf8(CSV_MORE));
        encoded("text/csv", "deflate", appended).assertRefusal(400, "the body has bytes after its deflate data (from "
                + "byte " + (zlib.length + 1) + " of the " + appended.length + " sent)");
        // a second zlib stream is no part of HTTP's deflate: refused too, not read as more rows
        encoded("text/csv", "deflate", concat(zlib, compressed(utf8(CSV_MORE), false))).assertRefusal(400,
                "after its deflate data");
        encoded("text/csv", "deflate", java.util.Arrays.copyOf(zlib, zlib.length - 2)).assertRefusal(400,
                "the body's deflate data is cut short");
        Raw whole = encoded("text/csv", "deflate", zlib);
        assertThat(whole.status()).as(whole.text()).isEqualTo(200);
    }

    @Test
    void aGzipBodyOfSmallMembersThatTogetherInflatePastTheLimitIs413() throws Exception {
        byte[] half = compressed(new byte[(int) MAX_BODY / 2 + 1], true);
        encoded("gzip", concat(half, half)).assertRefusal(413, "inflates", "limit");
    }

    @Test
    void aSmallGzipBodyThatInflatesPastTheLimitIs413() throws Exception {
        byte[] bomb = compressed(new byte[(int) MAX_BODY * 8], true); // 8 MiB of zeros in about 8 KB
        assertThat(bomb.length).isLessThan((int) MAX_BODY);
        encoded("gzip", bomb).assertRefusal(413, "inflates", "limit");
    }

    @Test
    void bodyOverTheLimitWithContentLengthIs413() throws Exception {
        // the head alone declares too much: refused before a byte of the body is sent
        Raw r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Length: " + (MAX_BODY + 1)),
                new byte[0]);
        r.assertRefusal(413, "limit");
    }

    @Test
    void bodyOverTheLimitWithContentLengthSentWholeIs413() throws Exception {
        byte[] big = new byte[(int) MAX_BODY + 4096];
        java.util.Arrays.fill(big, (byte) ' ');
        Raw r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Length: " + big.length), big);
        r.assertRefusal(413, "limit");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] piece = new byte[16384];
        java.util.Arrays.fill(piece, (byte) ' ');
        for (long sent = 0; sent <= MAX_BODY + piece.length; sent += piece.length) {
            chunks.write(utf8(Integer.toHexString(piece.length) + "\r\n"));
            chunks.write(piece);
            chunks.write(utf8("\r\n"));
        }
        // no last chunk: the server must refuse once the limit is passed, not wait for the end
        Raw r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Transfer-Encoding: chunked"),
                chunks.toByteArray());
        r.assertRefusal(413, "limit");
    }

    @Test
    void slowClientGets408OrIsClosedWithinTheTimeout() throws Exception {
        String good = goodBody();
        byte[] half = utf8(good.substring(0, good.length() / 2));
        long start = System.nanoTime();
        Raw r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Length: " + good.length()),
                half);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("answered or closed within the timeout").isLessThan(TIMEOUT_MILLIS + 3000);
        if (r.status() != 0) {
            r.assertRefusal(408, "body");
        }
    }

    /**
     * Clients that stall mid-body hold no thread: before, each held one while its body did not come, so that 150 of
     * them left a good request unanswered until the connection was closed. Here a server of 8 threads whose stalled
     * bodies would wait a minute has 40 of them open, and still answers a good request (within the client's 20 s).
     */
    @Test
    void stalledBodiesDoNotStopOtherRequests() throws Exception {
        Path risk = dir.resolve(MODEL + ".model");
        InferenceServer patient = new InferenceServer(List.of(new ServedModel(MODEL, RareclassModel.load(risk), risk)),
                new InferenceServer.Settings("127.0.0.1", 0, MAX_BODY, 60_000, 8), (model, body) -> {
                    throw new IllegalStateException("no CSV here");
                }, serverLog::add);
        int patientPort = patient.start();
        List<Socket> stalled = new ArrayList<>();
        try {
            String good = goodBody();
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket();
                stalled.add(s);
                s.connect(new InetSocketAddress("127.0.0.1", patientPort), 5000);
                OutputStream out = s.getOutputStream();
                out.write(utf8("POST " + infer(MODEL) + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + good.length() + "\r\n\r\n" + good.substring(0, good.length() / 2)));
                out.flush();
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + patientPort + infer(MODEL)))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(good)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).path("outputs").size()).isPositive();
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
            patient.stop();
        }
    }

    @Test
    void bodyEndingBeforeItsLengthIs400OrClosed() throws Exception {
        String good = goodBody();
        Raw r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Length: " + good.length()),
                utf8(good.substring(0, good.length() / 2)), true);
        r.assertRefusal(400, "malformed");
    }

    @Test
    void garbageRequestLineIs400WithoutStackTrace() throws Exception {
        Raw r = raw(utf8("\u0001\u0002GARBAGE \u00ff\u00fe //// HTTP/9\r\nHost:\r\n\r\n"), new byte[0]);
        r.assertJettyRefusal(400);
        // Jetty's reason, not a bare "Bad Request"
        assertThat(JSON.readTree(r.body()).path("error").textValue()).isEqualTo("Bad Request: Illegal character CNTL=0x1");
    }

    @Test
    void garbageHeaderIs400WithoutStackTrace() throws Exception {
        Raw r = raw(utf8("GET /v2/health/ready HTTP/1.1\r\nHost: x\r\nthis is not a header\r\n\r\n"), new byte[0]);
        r.assertJettyRefusal(400);
    }

    @Test
    void unknownHttpVersionIs505() throws Exception {
        Raw r = raw(utf8("GET /v2/health/ready HTTP/7.1\r\nHost: x\r\n\r\n"), new byte[0]);
        r.assertJettyRefusal(505);
    }

    @Test
    void headersTooLargeIs431WithoutStackTrace() throws Exception {
        oversizedHead().answer().assertJettyRefusal(431);
    }

    /** An answer, and how many requests it took. */
    private record Tries(Raw answer, int requests) {
    }

    /**
     * A request whose head is 64 KiB, sent until an answer comes back (3 times at most). Jetty refuses it after reading
     * part of it and closes the connection with the rest unread, and then the kernel resets the connection and drops
     * whatever of the answer it had not sent yet: on a busy machine, now and then, all of it. The client then reads
     * nothing, which says nothing of the answer the server gave.
     */
    private static Tries oversizedHead() throws Exception {
        Raw r = null;
        int requests = 0;
        while (requests < 3 && (r == null || r.text.isEmpty())) {
            r = raw(head("GET", "/v2/health/ready", "X-Junk: " + "j".repeat(64 * 1024)), new byte[0]);
            requests++;
        }
        return new Tries(r, requests);
    }

    @Test
    void invalidContentLengthIs400() throws Exception {
        Raw r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Length: -5"),
                utf8(goodBody()));
        r.assertJettyRefusal(400);
        r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Length: abc"), utf8(goodBody()));
        r.assertJettyRefusal(400);
    }

    @Test
    void twoDifferentContentLengthsAre400() throws Exception {
        String good = goodBody();
        Raw r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Length: " + good.length(),
                "Content-Length: " + (good.length() - 1)), utf8(good));
        r.assertJettyRefusal(400);
        assertThat(JSON.readTree(r.body()).path("error").textValue()).isEqualTo("Bad Request: Multiple Content-Lengths");
    }

    @Test
    void contentLengthWithChunkedIs400() throws Exception {
        // the request smuggling shape: Jetty refuses it rather than choose one way to read the body
        String good = goodBody();
        byte[] chunked = utf8(Integer.toHexString(good.length()) + "\r\n" + good + "\r\n0\r\n\r\n");
        Raw r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Length: 5",
                "Transfer-Encoding: chunked"), chunked);
        r.assertJettyRefusal(400);
    }

    @Test
    void badChunkEncodingIs400() throws Exception {
        Raw r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Transfer-Encoding: chunked"),
                utf8("zz\r\n{}\r\n0\r\n\r\n"));
        r.assertRefusal(400, "malformed");
    }

    @Test
    void encodedSlashInModelNameIsRefused() throws Exception {
        Raw r = raw(head("POST", "/v2/models/ri%2Fsk/infer", "Content-Type: application/json",
                "Content-Length: " + goodBody().length()), utf8(goodBody()));
        r.assertJettyRefusal(400);
        r = raw(head("POST", "/v2/models/%ZZ/infer", "Content-Type: application/json",
                "Content-Length: " + goodBody().length()), utf8(goodBody()));
        r.assertJettyRefusal(400);
    }

    @Test
    void dotSegmentsDoNotEscapeTheRoutes() throws Exception {
        Raw r = raw(head("GET", "/v2/models/../../../etc/passwd"), new byte[0]);
        r.assertJettyRefusal(400);
    }

    @Test
    void bodyOfARefusedRequestIsNotReadAsTheNextRequest() throws Exception {
        // a 405 leaves its body unread: the connection must not take it for a second request
        byte[] smuggled = utf8("GET /v2/models/smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
        byte[] first = concat(head("POST", "/v2/health/ready", "Content-Length: " + smuggled.length, "keep"),
                smuggled);
        byte[] second = head("GET", "/v2/health/live");
        Raw r = raw(concat(first, second), new byte[0]);
        assertThat(r.text()).doesNotContain("smuggled");
        assertThat(r.status()).isEqualTo(405);
        // the 405 says it closes, so a client never sends its next request on a connection the server drops
        assertThat(r.head().toLowerCase(Locale.ROOT)).contains("connection: close");
        assertThat(countStatusLines(r.text())).isEqualTo(1);
    }

    @Test
    void whatTheHeadersRefuseIsRefusedBeforeTheBodyIsAskedFor() throws Exception {
        // a client that expects 100-continue sends its body only when told to: a body bound to be refused by its
        // headers was asked for (100 Continue), and, never sent, ended in a 408 instead of the refusal
        String expect = "Expect: 100-continue";
        String length = "Content-Length: 100000";
        Raw r = raw(head("POST", infer(MODEL), "Content-Type: text/plain", length, expect), new byte[0]);
        assertThat(r.text()).doesNotContain("100 Continue");
        r.assertRefusal(415, "text/plain");
        r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Encoding: br", length, expect),
                new byte[0]);
        assertThat(r.text()).doesNotContain("100 Continue");
        r.assertRefusal(415, "Content-Encoding 'br'");
        r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Transfer-Encoding: gzip, chunked", expect),
                new byte[0]);
        assertThat(r.text()).doesNotContain("100 Continue");
        r.assertRefusal(501, "gzip");
        r = raw(head("POST", infer(MODEL), "Content-Type: text/csv", "Content-Type: application/json", length, expect),
                new byte[0]);
        assertThat(r.text()).doesNotContain("100 Continue");
        r.assertRefusal(400, "Content-Type is given 2 times");
        // a good request is still told to go on, and answered
        byte[] body = utf8(goodBody());
        r = raw(head("POST", infer(MODEL), "Content-Type: application/json", "Content-Length: " + body.length, expect),
                body);
        assertThat(r.text()).contains("HTTP/1.1 200 ");
    }

    @Test
    void aRefusalOfARequestWithoutABodyKeepsTheConnection() throws Exception {
        // a 404 and a 405 to GETs, with nothing unread, then a good GET on the same connection: all three answered
        // (the refusals said "Connection: close" and the server closed after the first)
        byte[] first = head("GET", "/v2/models/nosuch", "keep");
        byte[] second = head("DELETE", "/v2/health/live", "keep");
        byte[] third = head("GET", "/v2/health/live");
        Raw r = raw(concat(concat(first, second), third), new byte[0]);
        assertThat(r.status()).isEqualTo(404);
        assertThat(countStatusLines(r.text())).as(r.text()).isEqualTo(3);
        assertThat(r.text()).contains("HTTP/1.1 405 ").contains("{\"live\":true}");
        assertThat(r.head().toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Metrics

    @Test
    void metricsCountErrorsPerModel() throws Exception {
        double before = errors(MODEL);
        double strictBefore = errors(STRICT);
        int bad = 0;
        for (String body : List.of("{", "[]", "{\"inputs\": []}", body(in("zzz", "FP64", "[1]", "[1]")))) {
            HttpResponse<String> r = send("POST", infer(MODEL), "application/json", utf8(body));
            assertThat(r.statusCode()).isEqualTo(400);
            bad++;
        }
        assertThat(send("GET", infer(MODEL), null, null).statusCode()).isEqualTo(405);
        bad++;
        assertThat(send("POST", infer(MODEL), "application/xml", utf8("<x/>")).statusCode()).isEqualTo(415);
        bad++;
        assertThat(send("POST", infer(MODEL), "application/json", utf8(goodBody())).statusCode()).isEqualTo(200);
        assertThat(errors(MODEL)).isEqualTo(before + bad);
        assertThat(errors(STRICT)).as("another model's errors are its own").isEqualTo(strictBefore);
        String text = send("GET", "/metrics", null, null).body();
        assertThat(text).contains("rareclass_requests_total{code=\"400\",model=\"" + MODEL + "\"}");
        // every answered request has left the gauge; the scrape reading it is the one in flight
        assertThat(text).contains("rareclass_requests_in_flight 1.0");
    }

    @Test
    void metricsCountTheRequestsJettyRefusesItself() throws Exception {
        double before = errors("");
        raw(utf8("\u0001GARBAGE / HTTP/1.1\r\nHost: x\r\n\r\n"), new byte[0]).assertJettyRefusal(400);
        Tries oversized = oversizedHead();
        oversized.answer().assertJettyRefusal(431);
        raw(utf8("GET /v2/health/ready HTTP/7.1\r\nHost: x\r\n\r\n"), new byte[0]).assertJettyRefusal(505);
        // every refusal counted, the ones whose answer the connection's reset lost too
        assertThat(errors("")).isEqualTo(before + 2 + oversized.requests());
        String text = send("GET", "/metrics", null, null).body();
        assertThat(text).contains("rareclass_requests_total{code=\"431\",model=\"\"}");
        assertThat(text).contains("rareclass_requests_total{code=\"505\",model=\"\"}");
        assertThat(text).as("a refusal never reached a handler, so it never entered the gauge")
                .contains("rareclass_requests_in_flight 1.0");
    }

    /**
     * A request line whose headers stop coming is closed at the timeout, as a slow body is; it was counted as a 500
     * under model="" (Jetty hands the closed connection's end to the error handler as a server error), so that a
     * stalled client set off server-error alerts. It is a 408 now.
     */
    @Test
    void headersThatStopComingAreClosedAndCountedAs408NotAsAServerError() throws Exception {
        double before = count("500", "");
        double slowBefore = count("408", "");
        long start = System.nanoTime();
        Raw r = raw(utf8("GET /v2/health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n"), new byte[0]);
        assertThat((System.nanoTime() - start) / 1_000_000).as("closed within the timeout")
                .isLessThan(TIMEOUT_MILLIS + 3000);
        if (r.status() != 0) {
            r.assertJettyRefusal(408);
        }
        assertThat(count("500", "")).as("no server error").isEqualTo(before);
        assertThat(count("408", "")).isEqualTo(slowBefore + 1);
    }

    /** The value of rareclass_requests_total for a status and a model ("" for requests no model saw), 0 when absent. */
    private static double count(String code, String model) throws Exception {
        String prefix = "rareclass_requests_total{code=\"" + code + "\",model=\"" + model + "\"} ";
        return send("GET", "/metrics", null, null).body().lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()))).sum();
    }

    private static double errors(String model) throws Exception {
        HttpResponse<String> r = send("GET", "/metrics", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        String prefix = "rareclass_request_errors_total{model=\"" + model + "\"} ";
        return r.body().lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(
                l.substring(prefix.length()).trim().split(" ")[0])).findFirst().orElseThrow(
                        () -> new AssertionError("no " + prefix + "in\n" + r.body()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    private static void assertRefusal(int status, String contentType, String body, int expected, List<String> mentions)
            throws IOException {
        assertThat(status).as("status; body: %s", clip(body)).isEqualTo(expected);
        assertThat(contentType).as("content type").startsWith("application/json");
        JsonNode root = JSON.readTree(body);
        assertThat(root.isObject()).as(body).isTrue();
        JsonNode error = root.get("error");
        assertThat(error).as(body).isNotNull();
        assertThat(error.isTextual()).as(body).isTrue();
        assertThat(error.textValue()).as(body).isNotBlank();
        assertThat(error.textValue().length()).as("error length: %s", clip(body)).isLessThan(MOST_ERROR_CHARS);
        assertThat(error.textValue().codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE
                && cp <= Character.MAX_SURROGATE)).as("half a surrogate pair in %s", clip(body)).isTrue();
        for (String m : mentions) {
            assertThat(error.textValue()).as("the error names the offending part").contains(m);
        }
        assertNoLeak(body);
    }

    private static void assertNoLeak(String text) {
        for (Pattern leak : LEAKS) {
            assertThat(leak.matcher(text).find()).as("%s leaks /%s/", clip(text), leak).isFalse();
        }
    }

    private static HttpResponse<String> send(String method, String path, String contentType, Object body)
            throws IOException, InterruptedException {
        byte[] bytes = body == null ? null : body instanceof byte[] b ? b : utf8(body.toString());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** An answer read from a raw socket: the whole text up to the server's close (or the read timeout). */
    record Raw(String text) {

        int status() {
            if (!text.startsWith("HTTP/1.1 ")) {
                return 0;
            }
            return Integer.parseInt(text.substring(9, 12));
        }

        String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        /** The first answer's body (by its Content-Length, else up to the end). */
        String body() {
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return "";
            }
            String rest = text.substring(end + 4);
            var m = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head());
            if (m.find()) {
                int n = Integer.parseInt(m.group(1));
                return rest.substring(0, Math.min(n, rest.length()));
            }
            return rest;
        }

        void assertRefusal(int expected, String... mentions) throws IOException {
            String type = "";
            var m = Pattern.compile("(?im)^content-type:\\s*(\\S+)").matcher(head());
            if (m.find()) {
                type = m.group(1);
            }
            assertThat(status()).as(text).isEqualTo(expected);
            ServeBadRequestTest.assertRefusal(status(), type, body(), expected, List.of(mentions));
            assertThat(head().toLowerCase(Locale.ROOT)).as("a refused body closes the connection")
                    .contains("connection: close");
        }

        /** A refusal from Jetty's own parser: the status, a JSON error body (or none), no stack trace. */
        void assertJettyRefusal(int expected) throws IOException {
            assertThat(status()).as(text).isEqualTo(expected);
            assertNoLeak();
            if (!body().isEmpty()) {
                JsonNode root = JSON.readTree(body());
                assertThat(root.path("error").isTextual()).as(body()).isTrue();
                assertThat(root.path("error").textValue()).isNotBlank();
            }
        }

        void assertNoLeak() {
            ServeBadRequestTest.assertNoLeak(text);
        }
    }

    /**
     * Writes {@code head} and {@code body} on a fresh socket while a second thread reads the answer (so an early answer
     * is read even when the server closes while the body is still being written), and returns what was read up to
     * the server's close (every head but one says "Connection: close"; a stalled body must be ended by the server).
     */
    private static Raw raw(byte[] head, byte[] body) throws Exception {
        return raw(head, body, false);
    }

    /** As {@link #raw(byte[], byte[])}; with {@code halfClose} the client then shuts its side (an early end). */
    private static Raw raw(byte[] head, byte[] body, boolean halfClose) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout((int) TIMEOUT_MILLIS + 8000);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (InputStream in = s.getInputStream()) {
                    byte[] buf = new byte[8192];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        synchronized (got) {
                            got.write(buf, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // closed or reset: what arrived before stays
                }
            });
            try {
                OutputStream out = s.getOutputStream();
                out.write(head);
                out.flush();
                for (int off = 0; off < body.length; off += 8192) {
                    out.write(body, off, Math.min(8192, body.length - off));
                }
                out.flush();
                if (halfClose) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                // the server answered and closed before the body was all sent
            }
            reader.join(Duration.ofMillis(TIMEOUT_MILLIS + 8000));
            assertThat(reader.isAlive()).as("the server neither answered nor closed the connection").isFalse();
            synchronized (got) {
                return new Raw(got.toString(StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static Raw raw(String request, byte[] body) throws Exception {
        return raw(utf8(request), body);
    }

    /** A request head with Host and "Connection: close" (unless a header says "keep"), and the blank line. */
    private static byte[] head(String method, String path, String... headers) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        boolean close = true;
        for (String h : headers) {
            if (h.equals("keep")) {
                close = false;
            } else {
                sb.append(h).append("\r\n");
            }
        }
        if (close) {
            sb.append("Connection: close\r\n");
        }
        return utf8(sb.append("\r\n").toString());
    }

    private static int countStatusLines(String text) {
        return (int) Pattern.compile("HTTP/1\\.1 \\d{3} ").matcher(text).results().count();
    }

    private static Case json(String name, String body, int status, String... mentions) {
        return json(name, body, MODEL, status, mentions);
    }

    private static Case json(String name, String body, String model, int status, String... mentions) {
        return new Case(name, "POST", infer(model), "application/json", utf8(body), status, List.of(mentions));
    }

    private static Case csv(String name, String body, int status, String... mentions) {
        return new Case(name, "POST", infer(MODEL), "text/csv", utf8(body), status, List.of(mentions));
    }

    private static String infer(String model) {
        return "/v2/models/" + model + "/infer";
    }

    private static String in(String name, String datatype, String shape, String data) {
        return "{\"name\": \"" + name + "\", \"datatype\": \"" + datatype + "\", \"shape\": " + shape + ", \"data\": "
                + data + "}";
    }

    private static String body(String... inputs) {
        return "{\"inputs\": [" + String.join(", ", inputs) + "]}";
    }

    private static String params(String body, String parameters) {
        return body.substring(0, body.length() - 1) + ", \"parameters\": " + parameters + "}";
    }

    private static String outputs(String body, String outputs) {
        return body.substring(0, body.length() - 1) + ", \"outputs\": " + outputs + "}";
    }

    private static String goodBody() {
        return body(in("a", "FP64", "[1]", "[1.5]"), in("b", "INT64", "[1]", "[3]"),
                in("color", "BYTES", "[1]", "[\"red\"]"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String clip(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…(" + s.length() + " chars)" : s;
    }

    /** 200 rows of a (decimal), b (integer), color (red, green, blue) and y (1 on every fifth row). */
    private static Path writeTable(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("a,b,color,y\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < 200; i++) {
            sb.append(i % 7).append('.').append(i % 10).append(',').append((i * 13) % 11).append(',')
                    .append(colors[i % 3]).append(',').append(i % 5 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    private static void train(Injector injector, Path table, Path model, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", table.toString(), "--label", "y", "--positive", "1",
                "--categorical", "color", "--model", "logistic", "--out", model.toString()));
        args.addAll(List.of(extra));
        CliRun t = CliRun.withAllCommands(injector, args.toArray(String[]::new));
        assertThat(t.exitCode()).as(t.err()).isZero();
    }
}
