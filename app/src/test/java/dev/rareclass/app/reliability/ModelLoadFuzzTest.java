package dev.rareclass.app.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.error.RareclassException;
import dev.rareclass.domain.experiment.Checksums;
import dev.rareclass.domain.port.ModelStore;
import java.io.IOException;
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

    private static void load(byte[] bytes) throws IOException {
        Path p = DIR.resolve(Thread.currentThread().threadId() + ".model");
        Files.write(p, bytes);
        try {
            STORE.load(p);
        } catch (RareclassException expected) {
            // refused with a message: the correct answer
        } finally {
            Files.deleteIfExists(p);
        }
        if (Tripwire.initialized || Tripwire.deserialized) {
            throw new IllegalStateException("a class outside the allow-list was initialised or deserialised");
        }
    }
}
