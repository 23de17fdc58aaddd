package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rareclass.domain.experiment.Checksums;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, foreign and hostile model files are refused with exit 65 and a plain line naming the file; a
 * payload holding a class outside the Smile allow-list (with checksums an attacker recomputed) or a DL4J
 * network zip with an extra entry is refused before that class is initialised or deserialised.
 */
class ModelFileAttackTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path logistic;
    static Path forest;
    static Path boosted;

    @BeforeAll
    static void train() throws IOException {
        data = SmallTable.writeNumeric(dir.resolve("d.csv"));
        logistic = dir.resolve("logistic.model");
        forest = dir.resolve("forest.model");
        assertThat(InProcessCli.run("train", data.toString(), "--label", "y", "--positive", "1", "--model", "logistic",
                "--out", logistic.toString()).exitCode()).isZero();
        assertThat(InProcessCli.run("train", data.toString(), "--label", "y", "--positive", "1", "--model",
                "random-forest", "--param", "trees=5", "--out", forest.toString()).exitCode()).isZero();
        boosted = dir.resolve("boosted.model");
        assertThat(InProcessCli.run("train", data.toString(), "--label", "y", "--positive", "1", "--model",
                "gradient-boosting@xgboost", "--param", "trees=5", "--out", boosted.toString()).exitCode()).isZero();
    }

    @BeforeEach
    void resetTripwire() {
        Tripwire.reset();
    }

    @Test
    void aGoodModelStillPredicts() {
        assertThat(predict(forest).exitCode()).isZero();
    }

    @Test
    void anAlteredByteIsRefused() throws IOException {
        Map<String, byte[]> parts = read(forest);
        byte[] payload = parts.get("classifier.bin");
        payload[payload.length / 2] ^= 0x01;
        Path bad = write("altered.model", parts);
        assertRefused(bad, "checksum");
    }

    @Test
    void anAlteredManifestIsRefused() throws IOException {
        Map<String, byte[]> parts = read(logistic);
        String manifest = new String(parts.get("manifest.json"), StandardCharsets.UTF_8);
        parts.put("manifest.json", manifest.replaceFirst("\"value\" : [0-9.E-]+", "\"value\" : 0.0001")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(write("altered-manifest.model", parts), "checksum");
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(forest);
        for (int cut : new int[] {0, 10, bytes.length / 3, bytes.length - 30}) {
            Path bad = dir.resolve("truncated-" + cut + ".model");
            Files.write(bad, java.util.Arrays.copyOf(bytes, cut));
            assertRefused(bad, bad.getFileName().toString());
        }
    }

    @Test
    void aZipCommentIsRefusedAsSuch() throws IOException {
        // a whole zip with a comment (zip -z writes one): it was refused as "truncated or has bytes appended"
        Path commented = dir.resolve("commented.model");
        try (var in = new java.util.zip.ZipFile(forest.toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(commented))) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
                out.closeEntry();
            }
            out.setComment("looked at by Alice");
        }
        assertRefused(commented, "a zip comment of 18 bytes");
    }

    @Test
    void aZipOfOtherFilesIsRefused() throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 3; i++) {
            byte[] b = new byte[500];
            random.nextBytes(b);
            parts.put("file" + i + ".dat", b);
        }
        assertRefused(write("random.zip", parts), "unexpected entry");
    }

    @Test
    void aPngIsRefused() throws IOException {
        Path png = dir.resolve("picture.png");
        byte[] b = new byte[300];
        new Random(1).nextBytes(b);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(magic, 0, b, 0, magic.length);
        Files.write(png, b);
        assertRefused(png, "not a rareclass model file");
    }

    @Test
    void aForeignClassInTheForestIsRefusedBeforeItIsTouched() throws IOException {
        assertThat(evilStream(false)).isNotEmpty();
        Tripwire.reset(); // serialising the twin touches nothing of EvilPayload, but start clean anyway
        Map<String, byte[]> parts = read(forest);
        parts.put("classifier.bin", forestPayload(evilStream(false)));
        Path bad = write("gadget.model", parts); // checksums recomputed, as an attacker would
        assertRefusedUntouched(bad, "may not contain");
    }

    @Test
    void aForeignClassNestedInAnAllowedMapIsRefusedToo() throws IOException {
        Map<String, byte[]> parts = read(forest);
        parts.put("classifier.bin", forestPayload(evilStream(true)));
        assertRefusedUntouched(write("nested-gadget.model", parts), "may not contain");
    }

    /**
     * Every Smile kind stored through Java serialisation: a model file predicts, an altered byte is refused by the
     * checksum, and with the serialised object swapped for a foreign class (checksums recomputed) it is refused by
     * the allow-list before that class is touched.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"decision-tree@smile", "gradient-boosting@smile",
        "adaboost@smile", "svm@smile", "mlp@smile", "balanced-random-forest@smile", "balanced-bagging@smile"})
    void everySerialisedSmileKindIsGuardedAlike(String kind) throws IOException {
        String name = kind.replace('@', '-');
        Path model = dir.resolve(name + ".model");
        assertThat(InProcessCli.run("train", data.toString(), "--label", "y", "--positive", "1", "--model", kind,
                "--out", model.toString()).exitCode()).isZero();
        assertThat(predict(model).exitCode()).isZero();

        Map<String, byte[]> parts = read(model);
        byte[] payload = parts.get("classifier.bin").clone();
        payload[payload.length / 2] ^= 0x01;
        Map<String, byte[]> altered = new LinkedHashMap<>(parts);
        altered.put("classifier.bin", payload);
        assertRefused(write("altered-" + name + ".model", altered), "checksum");

        byte[] original = parts.get("classifier.bin");
        int stream = ModelZip.indexOf(original, new byte[] {(byte) 0xAC, (byte) 0xED, 0x00, 0x05});
        assertThat(stream).isGreaterThan(4);
        byte[] evil = evilStream(false);
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(forged)) {
            out.write(original, 0, stream - 4); // header and parameters, up to the object's length field
            out.writeInt(evil.length);
            out.write(evil);
        }
        Tripwire.reset();
        parts.put("classifier.bin", forged.toByteArray());
        assertRefusedUntouched(write("gadget-" + name + ".model", parts), "may not contain");
    }

    @Test
    void aDl4jNetworkWithAnExtraEntryIsRefusedBeforeDl4jReadsIt() throws IOException {
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(net)) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("coefficients.bin"));
            zip.write(new byte[16]);
            zip.putNextEntry(new ZipEntry("preprocessor.bin"));
            zip.write(evilStream(false));
        }
        Map<String, byte[]> parts = read(logistic);
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(parts.get("manifest.json"));
        manifest.put("backend", "dl4j");
        manifest.put("kind", "mlp");
        parts.put("manifest.json", new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        parts.put("classifier.bin", net.toByteArray());
        assertRefusedUntouched(write("dl4j-extra-entry.model", parts), "unexpected entry 'preprocessor.bin'");
    }

    /**
     * A re-signed manifest whose values contradict the model it describes: a threshold outside the probabilities
     * (every row or no row flagged), a score kind or validation metric that is no such thing, an input schema that is
     * not the columns the model reads. Each was accepted and shown by inspect as the model's.
     */
    @Test
    void aManifestContradictingItsModelIsRefused() throws IOException {
        String[][] edits = {
            {"threshold -5", "/threshold/value", "-5", "manifest field 'threshold' (-5.0) is outside"},
            {"threshold 1e308", "/threshold/value", "1e308", "is outside the probabilities"},
            {"score kind", "/score_kind", "\"bogus\"", "manifest field 'score_kind' says bogus"},
            {"validation metric", "/validation_metrics/f1", "\"abc\"", "'validation_metrics.f1' is no number"},
            {"no features", "/input/features", "[]", "'input.features' does not list"},
            {"the label as a feature", "/input/features", "[\"y\"]", "'input.features' does not list"},
        };
        for (String[] e : edits) {
            Map<String, byte[]> parts = read(logistic);
            ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(parts.get("manifest.json"));
            String at = e[1].substring(0, e[1].lastIndexOf('/'));
            ObjectNode parent = (ObjectNode) (at.isEmpty() ? manifest : manifest.at(at));
            parent.set(e[1].substring(e[1].lastIndexOf('/') + 1), new ObjectMapper().readTree(e[2]));
            parts.put("manifest.json", new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            assertRefused(write("contradicting-" + e[0].replace(' ', '-') + ".model", parts), e[3]);
        }
    }

    @Test
    void aGoodXgboostModelStillPredicts() {
        assertThat(predict(boosted).exitCode()).isZero();
    }

    /**
     * An xgboost payload cut short or with a byte changed, the file's checksums recomputed: refused by the codec
     * (its length and its own SHA-256 of the booster) before XGBoost's native parser, which crashes on such bytes.
     */
    @Test
    void aForgedXgboostPayloadIsRefused() throws IOException {
        Map<String, byte[]> parts = read(boosted);
        byte[] payload = parts.get("classifier.bin");
        parts.put("classifier.bin", java.util.Arrays.copyOf(payload, payload.length - 100));
        assertRefused(write("xgb-cut.model", parts), "its booster length");
        byte[] flipped = payload.clone();
        flipped[payload.length - 40] ^= 0x01;
        parts.put("classifier.bin", flipped);
        assertRefused(write("xgb-flipped.model", parts), "its booster is damaged (SHA-256 mismatch)");
    }

    /** Refused, and neither the foreign class's static initializer nor its readObject ran. */
    private static void assertRefusedUntouched(Path model, String mentions) {
        assertRefused(model, mentions);
        assertThat(Tripwire.initialized).as("static initializer ran").isFalse();
        assertThat(Tripwire.deserialized).as("readObject ran").isFalse();
    }

    private static InProcessCli predict(Path model) {
        return ModelRefusal.predict(model, data, dir);
    }

    private static void assertRefused(Path model, String mentions) {
        ModelRefusal.assertRefused(model, data, dir, mentions);
    }

    /** Java serialisation of an {@link EvilPayload} (optionally inside a HashMap in an ArrayList), never instantiated. */
    private static byte[] evilStream(boolean nested) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            Object o = new EvilTwin123();
            if (nested) {
                HashMap<String, Object> map = new HashMap<>();
                map.put("x", o);
                o = new ArrayList<>(List.of(map));
            }
            out.writeObject(o);
        }
        byte[] b = bytes.toByteArray();
        byte[] from = EvilTwin123.class.getName().getBytes(StandardCharsets.UTF_8);
        byte[] to = EvilPayload.class.getName().getBytes(StandardCharsets.UTF_8);
        assertThat(to).hasSameSizeAs(from);
        int at = ModelZip.indexOf(b, from);
        assertThat(at).isPositive();
        System.arraycopy(to, 0, b, at, to.length);
        return b;
    }

    /** A smile random-forest payload (RCSM header, parameters) around the given object stream. */
    private static byte[] forestPayload(byte[] object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x5243534D);
            out.writeByte(1);
            out.writeByte(2);
            out.writeInt(5);
            out.writeInt(1);
            out.writeInt(20);
            out.writeInt(100);
            out.writeInt(5);
            out.writeDouble(1.0);
            out.writeUTF("GINI");
            out.writeInt(object.length);
            out.write(object);
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> read(Path model) throws IOException {
        return ModelZip.read(model);
    }

    /** Writes the parts as a model zip, recomputing the classifier's and the manifest's checksums when present. */
    static Path write(String name, Map<String, byte[]> parts) throws IOException {
        if (parts.containsKey("manifest.json") && parts.containsKey("classifier.bin")
                && !name.startsWith("altered")) {
            ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(parts.get("manifest.json"));
            ((ObjectNode) manifest.path("checksums")).put("classifier.bin", Checksums.sha256(parts.get("classifier.bin")));
            ModelZip.putManifest(parts, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        }
        return ModelZip.write(dir.resolve(name), parts);
    }
}
