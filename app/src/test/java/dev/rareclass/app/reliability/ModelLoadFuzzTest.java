package dev.rareclass.app.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.error.RareclassException;
import dev.rareclass.domain.experiment.Checksums;
import dev.rareclass.domain.port.ModelStore;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fuzz targets for the model loader: {@link #modelFile} feeds arbitrary bytes as a model file;
 * {@link #payloadWithValidChecksums} plays an attacker who recomputes the checksums, so the bytes reach the
 * Smile and DL4J codecs. Loading may only succeed or throw a {@link RareclassException}, and must never
 * touch {@link EvilPayload}. Seeds: {@code src/test/resources/dev/rareclass/app/reliability/ModelLoadFuzzTestInputs}.
 *
 * <p>When fuzzing ({@code JAZZER_FUZZ} set, see {@code scripts/fuzz}), each input also has a time and a memory limit:
 * loading it may take at most {@link #TIME_LIMIT} and allocate at most {@link #ALLOCATION_LIMIT} bytes (counted per
 * thread by the JVM, so independent of the garbage collector). Exceeding either after the load is a finding like any
 * other; an input still loading past a limit (a hang, or an allocation without end) is caught by a watchdog, which
 * saves it under {@code target/fuzz-findings/}, prints the loading thread's stack and stops the JVM with status 70.
 */
class ModelLoadFuzzTest {

    private static final ModelStore STORE = Guice.createInjector(new AppModule()).getInstance(ModelStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] KINDS = {{"smile", "logistic"}, {"smile", "random-forest"}, {"dl4j", "mlp"},
            {"dl4j", "logistic"}};
    private static final Path DIR;

    static {
        try {
            Path shm = Path.of("/dev/shm");
            DIR = Files.createTempDirectory(Files.isDirectory(shm) && Files.isWritable(shm) ? shm
                    : Path.of(System.getProperty("java.io.tmpdir")), "rareclass-model-fuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void modelFile(byte[] data) throws IOException {
        load(data);
    }

    /** First byte picks backend and kind; the rest is classifier.bin, wrapped in a model with correct checksums. */
    @FuzzTest(maxDuration = "60s")
    void payloadWithValidChecksums(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        String[] kind = KINDS[(data[0] & 0xff) % KINDS.length];
        byte[] payload = Arrays.copyOfRange(data, 1, data.length);
        ObjectNode m = JSON.createObjectNode();
        m.put("format", "rareclass-model");
        m.put("version", 1);
        m.put("backend", kind[0]);
        m.put("kind", kind[1]);
        m.putObject("params");
        ObjectNode input = m.putObject("input");
        input.putArray("features").add("a");
        input.put("label", "y");
        input.put("positive", "1");
        input.put("negative", "0");
        ObjectNode col = m.putObject("preprocessing").putArray("columns").addObject();
        col.put("input", "a");
        col.put("type", "numeric");
        col.put("impute", 0.0);
        col.put("offset", 0.0);
        col.put("scale", 1.0);
        m.putObject("threshold").put("value", 0.5).put("policy", "0.5");
        m.putObject("checksums").put("classifier.bin", Checksums.sha256(payload));
        byte[] manifest = JSON.writeValueAsBytes(m);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("manifest.json", manifest);
        parts.put("classifier.bin", payload);
        parts.put("manifest.sha256", Checksums.sha256(manifest).getBytes(StandardCharsets.US_ASCII));
        load(ModelZip.bytes(parts));
    }

    /** Per input, when fuzzing: longest a load may take, most bytes it may allocate (inputs are a few KB). */
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    static final long ALLOCATION_LIMIT = 256L << 20;

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final boolean FUZZING = !System.getenv().getOrDefault("JAZZER_FUZZ", "").isEmpty();

    /** The load in progress: its thread, when it started, what the thread had allocated by then, the input. */
    private record Running(Thread thread, long startNanos, long startAllocated, byte[] input) {
    }

    private static volatile Running running;

    static {
        if (FUZZING) {
            Thread watchdog = new Thread(ModelLoadFuzzTest::watch, "model-load-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            Running r = running;
            if (r == null) {
                continue;
            }
            long nanos = System.nanoTime() - r.startNanos;
            long allocated = THREADS.getThreadAllocatedBytes(r.thread.threadId()) - r.startAllocated;
            if (running == r && (nanos > TIME_LIMIT.toNanos() || allocated > ALLOCATION_LIMIT)) {
                stop(r, nanos > TIME_LIMIT.toNanos() ? "timeout" : "memory", nanos, allocated);
            }
        }
    }

    /** Saves the input, shows where the load is, and ends the run: the load cannot be stopped from outside. */
    private static void stop(Running r, String why, long nanos, long allocated) {
        try {
            Path findings = Path.of("target", "fuzz-findings");
            Files.createDirectories(findings);
            Path saved = findings.resolve(why + "-" + Checksums.sha256(r.input));
            Files.write(saved, r.input);
            System.err.printf("== model load over its %s limit: %d ms, %d bytes allocated; input saved as %s%n", why,
                    nanos / 1_000_000, allocated, saved.toAbsolutePath());
            for (StackTraceElement e : r.thread.getStackTrace()) {
                System.err.println("\tat " + e);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("== model load over its " + why + " limit; the input could not be saved: " + e);
        } finally {
            System.err.flush();
            Runtime.getRuntime().halt(70);
        }
    }

    private static boolean warmedUp;

    /**
     * Loads the seed models once, without limits, before the first input is measured: the first DL4J load initialises
     * ND4J and loads (and, when fuzzing, instruments) thousands of classes, which the loading thread pays for once.
     */
    private static void warmUp() throws IOException {
        warmedUp = true;
        for (String seed : new String[] {"logistic.model", "mlp.model", "random-forest.model"}) {
            try (java.io.InputStream in = ModelLoadFuzzTest.class.getResourceAsStream("ModelLoadFuzzTestInputs/modelFile/" + seed)) {
                if (in == null) {
                    continue;
                }
                Path p = DIR.resolve("warm-up.model");
                Files.write(p, in.readAllBytes());
                try {
                    STORE.load(p);
                } catch (RareclassException ignored) {
                    // a seed that is refused still warms up
                } finally {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void load(byte[] bytes) throws IOException {
        if (FUZZING && !warmedUp) {
            warmUp();
        }
        Path p = DIR.resolve(Thread.currentThread().threadId() + ".model");
        Files.write(p, bytes);
        Thread self = Thread.currentThread();
        Running r = new Running(self, System.nanoTime(), THREADS.getCurrentThreadAllocatedBytes(), bytes);
        try {
            running = FUZZING ? r : null;
            STORE.load(p);
        } catch (RareclassException expected) {
            // refused with a message: the correct answer
        } finally {
            running = null;
            Files.deleteIfExists(p);
        }
        long nanos = System.nanoTime() - r.startNanos;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - r.startAllocated;
        if (FUZZING && (nanos > TIME_LIMIT.toNanos() || allocated > ALLOCATION_LIMIT)) {
            throw new IllegalStateException("loading this input took " + nanos / 1_000_000 + " ms and allocated "
                    + allocated + " bytes, over the limits of " + TIME_LIMIT.toMillis() + " ms and " + ALLOCATION_LIMIT);
        }
        if (Tripwire.initialized || Tripwire.deserialized) {
            throw new IllegalStateException("a class outside the allow-list was initialised or deserialised");
        }
    }
}
