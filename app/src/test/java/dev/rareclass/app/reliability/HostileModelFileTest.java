package dev.rareclass.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rareclass.domain.experiment.Checksums;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import smile.classification.DecisionTree;
import smile.model.cart.InternalNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;

/**
 * Model files built to exhaust time or memory while they are loaded, each with valid checksums where the attack is on
 * what lies behind them: every one must be refused (exit 65, a line or two naming the file and why) and none may hang
 * or allocate what it declares. The {@link Timeout}s only guard against a hang; before loading was bounded, the
 * SerialDOS maps, the shared-node and cyclic trees spun for ever and the zip bomb took 40 s and 4 GB.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileModelFileTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path forest;
    static Path tree;
    static Path network;
    static Path wideNetwork;
    static Path logistic;
    static Path smileMlp;
    static Path network5;

    @BeforeAll
    static void train() throws IOException {
        data = SmallTable.writeNumeric(dir.resolve("d.csv"));
        Path wide = dir.resolve("wide.csv");
        StringBuilder w = new StringBuilder("a,b,c,d,y\n");
        for (int i = 0; i < 300; i++) {
            w.append(i % 7).append(',').append((i * 13) % 11).append(',').append(i % 5).append(',').append(i % 3)
                    .append(',').append(i % 6 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(wide, w);
        forest = train(data, "random-forest", "--param", "trees=3");
        // the same columns as d.csv with a label a tree can learn, so the tree splits (d.csv's label is not one)
        Path learnable = dir.resolve("learnable.csv");
        StringBuilder l = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 300; i++) {
            l.append(i % 7).append(',').append((i * 13) % 11).append(',').append(i % 7 > 3 && (i * 13) % 11 < 5 ? 1 : 0)
                    .append('\n');
        }
        Files.writeString(learnable, l);
        tree = train(learnable, "decision-tree");
        logistic = train(data, "logistic");
        network = train(data, "mlp@dl4j", "--param", "epochs=1", "--param", "hidden=3");
        wideNetwork = train(wide, "mlp@dl4j", "--param", "epochs=1", "--param", "hidden=3");
        network5 = train(data, "mlp@dl4j", "--param", "epochs=1", "--param", "hidden=5");
        smileMlp = train(data, "mlp@smile", "--param", "epochs=1", "--param", "hidden=4");
    }

    private static Path train(Path csv, String kind, String... extra) {
        Path out = dir.resolve(kind.replace('@', '-') + "-" + csv.getFileName() + "-"
                + String.join("-", extra).replaceAll("[^A-Za-z0-9=-]", "") + ".model");
        List<String> args = new ArrayList<>(List.of("train", csv.toString(), "--label", "y", "--positive", "1",
                "--model", kind, "--out", out.toString()));
        args.addAll(List.of(extra));
        assertThat(InProcessCli.run(args.toArray(String[]::new)).exitCode()).isZero();
        return out;
    }

    @BeforeEach
    void resetTripwire() {
        Tripwire.reset();
    }

    // ---- Java serialisation inside a Smile payload (checksums valid) ----

    /** Wouter Coekaerts' SerialDOS with HashMaps (allowed classes only): 100 levels, 2^100 hash calls when read. */
    @Test
    void nestedHashMapsSerialDos() throws IOException {
        Map<Object, Object> root = new HashMap<>();
        Map<Object, Object> s1 = root;
        Map<Object, Object> s2 = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            Map<Object, Object> t1 = new HashMap<>();
            Map<Object, Object> t2 = new HashMap<>();
            t1.put("foo", "foo");
            s1.put(t1, "a");
            s1.put(t2, "b");
            s2.put(t1, "a");
            s2.put(t2, "b");
            s1 = t1;
            s2 = t2;
        }
        byte[] stream = serialise(root);
        assertThat(stream.length).isLessThan(16 << 10);
        assertRefused(smilePayload(forest, stream, "serialdos-hashmap.model"), "a map holds a java.util.HashMap");
    }

    /** The same doubling with lists (whose hash is their elements'), used as one key of a map. */
    @Test
    void nestedListsAsAMapKey() throws IOException {
        List<Object> list = new ArrayList<>(List.of("x"));
        for (int i = 0; i < 80; i++) {
            list = new ArrayList<>(List.of(list, list));
        }
        List<Object> key = new ArrayList<>();
        Map<Object, Object> map = new HashMap<>();
        map.put(key, "v"); // hashed while empty; filled after (writing the map hashes nothing, reading it does)
        key.add(list);
        assertRefused(smilePayload(forest, serialise(map), "serialdos-list-key.model"), "a map holds a java.util.ArrayList");
    }

    @Test
    void deeplyNestedLists() throws IOException {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            list = new ArrayList<>(List.of(list));
        }
        assertRefused(smilePayload(forest, serialiseOnABigStack(list), "nested-lists.model"), "nests"); // past the depth limit or the stack, whichever first
    }

    @Test
    void deeplyNestedArrays() throws IOException {
        Object[] array = new Object[0];
        for (int i = 0; i < 3_000; i++) {
            array = new Object[] {array};
        }
        assertRefused(smilePayload(forest, serialiseOnABigStack(array), "nested-arrays.model"), "nests");
    }

    /** A 4 GB double array declared in a few bytes: refused before it is allocated. */
    @Test
    void aHugeDeclaredArrayLength() throws IOException {
        byte[] stream = serialise(new double[] {1, 2, 3});
        byte[] len = {0, 0, 0, 3};
        int at = lastIndexOf(stream, len);
        assertThat(at).isPositive();
        ByteBuffer.wrap(stream, at, 4).putInt(Integer.MAX_VALUE - 8);
        assertRefused(smilePayload(forest, stream, "huge-array.model"), "declares an array of 2147483639 elements");
    }

    /**
     * A double array declared longer than what is left of the payload counts in doubles, though not in bytes: refused
     * before it is allocated (8 bytes per byte of the payload once let an 8 MB file, inflating to 700 MB of zeros, ask
     * for 5.6 GB).
     */
    @Test
    void anArrayLongerInItsElementsThanTheBytesLeft() throws IOException {
        byte[] stream = serialise(new double[1_000]);
        byte[] len = {0, 0, 0x03, (byte) 0xe8};
        int at = lastIndexOf(stream, len);
        assertThat(at).isPositive();
        ByteBuffer.wrap(stream, at, 4).putInt(5_000); // under the stream's 8,000-odd bytes, over its 1,000 doubles
        assertRefused(smilePayload(forest, stream, "wide-array.model"), "declares an array of 5000 elements of 8 byte(s)");
    }

    /** A list of 200,000 back-references to one map: linear, refused by type (the stream holds no forest). */
    @Test
    void manyBackReferences() throws IOException {
        Map<Object, Object> map = new HashMap<>(Map.of("a", 1));
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            list.add(map);
        }
        assertRefused(smilePayload(forest, serialise(list), "back-references.model"), "not a binary random forest");
    }

    /** A tree whose every level's two children are one node: walking it takes 2^150 steps. */
    @Test
    void aTreeOfSharedNodes() throws Exception {
        DecisionTree t = decisionTree(tree);
        Node node = leafOf(t.root());
        for (int i = 0; i < 150; i++) {
            node = new OrdinalNode(0, 0.5, 0, 0, node, node);
        }
        setRoot(t, node);
        assertRefused(smilePayload(tree, serialise(t), "shared-nodes.model"), "reached twice");
    }

    /** The deepest tree a model may hold (max-depth 200), every node its own: read, checked and used as before. */
    @Test
    void theDeepestLegitimateTreeStillPredicts() throws Exception {
        DecisionTree t = decisionTree(tree);
        Node node = new smile.model.cart.DecisionNode(new int[] {5, 3});
        for (int i = 0; i < 200; i++) {
            node = new OrdinalNode(i % 2, i, 0, 0, new smile.model.cart.DecisionNode(new int[] {1, 4}), node);
        }
        setRoot(t, node);
        Path deep = smilePayload(tree, serialise(t), "deepest-tree.model");
        InProcessCli r = predict(deep);
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    /** A tree whose root is its own child: scoring any row would loop for ever. */
    @Test
    void aCyclicTree() throws Exception {
        DecisionTree t = decisionTree(tree);
        InternalNode root = (InternalNode) t.root();
        Field child = InternalNode.class.getDeclaredField("trueChild");
        child.setAccessible(true);
        child.set(root, root);
        assertRefused(smilePayload(tree, serialise(t), "cyclic-tree.model"), "reached twice");
    }

    /** A split on feature 7 of a model of two features. */
    @Test
    void aSplitOnAFeatureTheModelHasNot() throws Exception {
        DecisionTree t = decisionTree(tree);
        Node leaf = leafOf(t.root());
        setRoot(t, new OrdinalNode(7, 0.5, 0, 0, leaf, leaf));
        assertRefused(smilePayload(tree, serialise(t), "feature-7.model"), "feature 7");
    }

    /** A forest whose second tree is missing. */
    @Test
    void aForestWithAMissingTree() throws Exception {
        smile.classification.RandomForest f = (smile.classification.RandomForest) objectOf(forest);
        Field models = smile.classification.RandomForest.class.getDeclaredField("models");
        models.setAccessible(true);
        Object[] some = ((Object[]) models.get(f)).clone();
        some[1] = null;
        models.set(f, some);
        assertRefused(smilePayload(forest, serialise(f), "forest-null-tree.model"), "its model is inconsistent");
    }

    /** A forest of three trees whose payload holds two. */
    @Test
    void aForestWithFewerTreesThanItsParameters() throws Exception {
        smile.classification.RandomForest f = (smile.classification.RandomForest) objectOf(forest);
        Field models = smile.classification.RandomForest.class.getDeclaredField("models");
        models.setAccessible(true);
        models.set(f, Arrays.copyOf((Object[]) models.get(f), 2, ((Object[]) models.get(f)).getClass()));
        assertRefused(smilePayload(forest, serialise(f), "forest-two-of-three.model"), "it has 2 trees, not 3");
    }

    /**
     * A Smile MLP whose hidden layer declares 2^30 outputs over its four stored weights per input: Smile sizes a layer's
     * buffers by what it declares, on first use, so scoring one row would allocate gigabytes.
     */
    @Test
    void aSmileNetworkDeclaringAHugeLayer() throws Exception {
        smile.classification.MLP net = (smile.classification.MLP) objectOf(smileMlp);
        Field layers = smile.model.mlp.MultilayerPerceptron.class.getDeclaredField("net");
        layers.setAccessible(true);
        smile.model.mlp.Layer[] stack = (smile.model.mlp.Layer[]) layers.get(net);
        Field n = smile.model.mlp.Layer.class.getDeclaredField("n");
        n.setAccessible(true);
        n.setInt(stack[stack.length - 1], 1 << 30);
        assertRefused(smilePayload(smileMlp, serialise(net), "smile-mlp-huge-layer.model"), "its network is not valid");
    }

    /** A network of five hidden units under the manifest of one of three (same features, valid checksums). */
    @Test
    void aDl4jNetworkWhoseHiddenLayerDisagreesWithItsManifest() throws IOException {
        Map<String, byte[]> parts = ModelZip.read(network);
        parts.put("classifier.bin", ModelZip.read(network5).get("classifier.bin"));
        assertRefused(withChecksums("dl4j-hidden-5-for-3.model", parts), "hidden layers are 5 but its manifest says 3");
    }

    // ---- the zip ----

    /** Zeros compressed a thousand times: refused from the sizes the zip declares, before inflating. */
    @Test
    @Tag("slow")
    void aZipBombOfThreeGibibytes() throws IOException {
        Path bomb = forestWithZeroPayload("bomb.model", 3 << 10);
        assertThat(Files.size(bomb)).isLessThan(4L << 20);
        assertRefused(bomb, "declares 3221225472 bytes");
    }

    /** Zeros compressed a thousand times, within the payload's own limit: refused by the inflation budget (256 MiB, or 100 times the file), before inflating. */
    @Test
    void aZipBombOfFourHundredMebibytes() throws IOException {
        Path bomb = forestWithZeroPayload("bomb-400m.model", 400);
        assertRefused(bomb, "zip bomb");
    }

    /** A manifest entry of 100 MB (of spaces, so valid JSON padding) declared as such. */
    @Test
    void aHugeManifest() throws IOException {
        Path big = dir.resolve("huge-manifest.model");
        Map<String, byte[]> parts = ModelZip.read(forest);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(big))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) {
                zip.write(spaces);
            }
            zip.write(parts.get("manifest.json"));
            zip.putNextEntry(new ZipEntry("classifier.bin"));
            zip.write(parts.get("classifier.bin"));
            zip.putNextEntry(new ZipEntry("manifest.sha256"));
            zip.write(parts.get("manifest.sha256"));
        }
        assertRefused(big, "manifest.json");
    }

    /** The forest's manifest and checksum around a payload of {@code mebibytes} MiB of zeros, compressed. */
    private static Path forestWithZeroPayload(String name, int mebibytes) throws IOException {
        Path bomb = dir.resolve(name);
        Map<String, byte[]> parts = ModelZip.read(forest);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(parts.get("manifest.json"));
            zip.putNextEntry(new ZipEntry("classifier.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mebibytes; i++) {
                zip.write(zeros);
            }
            zip.putNextEntry(new ZipEntry("manifest.sha256"));
            zip.write(parts.get("manifest.sha256"));
        }
        return bomb;
    }

    /** The payload declares fewer bytes than it inflates to: the read stops one byte past the declared size. */
    @Test
    void aPayloadLongerThanItsDeclaredSize() throws IOException {
        Path lying = dir.resolve("lying-longer.model");
        Files.write(lying, patchSizes(Files.readAllBytes(forest), "classifier.bin", 100));
        assertRefused(lying, "longer than the 100 bytes it declares");
    }

    @Test
    void aPayloadShorterThanItsDeclaredSize() throws IOException {
        byte[] zip = Files.readAllBytes(forest);
        int size = ModelZip.read(forest).get("classifier.bin").length;
        Path lying = dir.resolve("lying-shorter.model");
        Files.write(lying, patchSizes(zip, "classifier.bin", size + 1000));
        assertRefused(lying, "shorter than");
    }

    @Test
    void aDuplicateEntryName() throws IOException {
        Map<String, byte[]> parts = ModelZip.read(forest);
        Map<String, byte[]> twice = new LinkedHashMap<>(parts);
        twice.put("classifier.bix", parts.get("classifier.bin"));
        byte[] zip = ModelZip.bytes(twice);
        replaceAll(zip, "classifier.bix".getBytes(StandardCharsets.US_ASCII), "classifier.bin".getBytes(StandardCharsets.US_ASCII));
        Path dup = dir.resolve("duplicate-entry.model");
        Files.write(dup, zip);
        assertRefused(dup, "appears twice");
    }

    @Test
    void anEntryNamedWithDotDot() throws IOException {
        Map<String, byte[]> parts = ModelZip.read(forest);
        parts.put("../../classifier.bin", parts.get("classifier.bin"));
        assertRefused(ModelZip.write(dir.resolve("dotdot.model"), parts), "unexpected entry '../../classifier.bin'");
    }

    /** The payload of a random forest is a zip itself (a model file in a model file). */
    @Test
    void aModelFileInsideAModelFile() throws IOException {
        Map<String, byte[]> parts = ModelZip.read(forest);
        parts.put("classifier.bin", Files.readAllBytes(forest));
        assertRefused(withChecksums("nested-zip.model", parts), "no RCSM header");
    }

    // ---- another backend's payload, DL4J payloads (checksums valid) ----

    @Test
    void aDl4jPayloadUnderASmileManifest() throws IOException {
        assertRefused(payloadOfUnderManifestOf(network, forest, "dl4j-in-smile.model"), "no RCSM header");
    }

    @Test
    void aSmilePayloadUnderADl4jManifest() throws IOException {
        assertRefused(payloadOfUnderManifestOf(forest, network, "smile-in-dl4j.model"), "dl4j network");
    }

    /** A network of four inputs under the manifest of a model of two features: refused when loaded (it was exit 70). */
    @Test
    void aDl4jNetworkWiderThanItsManifest() throws IOException {
        assertRefused(payloadOfUnderManifestOf(wideNetwork, network, "dl4j-wider.model"), "does not take the 2 features");
    }

    /** {@code manifest}'s model file with {@code payload}'s classifier in place of its own, checksums made valid. */
    private static Path payloadOfUnderManifestOf(Path payload, Path manifest, String name) throws IOException {
        Map<String, byte[]> parts = ModelZip.read(manifest);
        parts.put("classifier.bin", ModelZip.read(payload).get("classifier.bin"));
        return withChecksums(name, parts);
    }

    /** A network whose coefficients declare a billion values in a few bytes: refused before ND4J allocates them. */
    @Test
    void aDl4jNetworkDeclaringHugeCoefficients() throws IOException {
        Map<String, byte[]> net = ModelZip.read(ModelZip.read(network).get("classifier.bin"));
        byte[] coefficients = net.get("coefficients.bin");
        // the shape's one dimension and the data buffer's length, both written as longs
        ByteBuffer b = ByteBuffer.wrap(coefficients);
        int shapeAt = 2 + "MIXED_DATA_TYPES".length() + 8 + 2 + "LONG".length() + 8; // after the rank
        long count = b.getLong(shapeAt);
        b.putLong(shapeAt, 1_000_000_000L);
        int dataLengthAt = lastIndexOf(coefficients, ByteBuffer.allocate(8).putLong(count).array());
        b.putLong(dataLengthAt, 1_000_000_000L);
        Map<String, byte[]> parts = ModelZip.read(network);
        parts.put("classifier.bin", ModelZip.bytes(net));
        assertRefused(withChecksums("dl4j-huge-coefficients.model", parts), "coefficients declare");
    }

    /** A network zip whose coefficients entry inflates a thousand times: refused while reading it. */
    @Test
    void aDl4jNetworkZipBomb() throws IOException {
        Map<String, byte[]> net = ModelZip.read(ModelZip.read(network).get("classifier.bin"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write(net.get("configuration.json"));
            zip.putNextEntry(new ZipEntry("coefficients.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
        }
        Map<String, byte[]> parts = ModelZip.read(network);
        parts.put("classifier.bin", bytes.toByteArray());
        assertRefused(withChecksums("dl4j-zip-bomb.model", parts), "zip bomb");
    }

    // ---- helpers ----

    private static InProcessCli predict(Path model) {
        return ModelRefusal.predict(model, data, dir);
    }

    private static void assertRefused(Path model, String mentions) {
        ModelRefusal.assertRefused(model, data, dir, mentions);
        assertThat(Tripwire.initialized || Tripwire.deserialized).isFalse();
    }

    static byte[] serialise(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    /** Writing a deeply nested object recurses as deep; a thread with a large stack does it. */
    private static byte[] serialiseOnABigStack(Object o) {
        byte[][] out = new byte[1][];
        Thread t = new Thread(null, () -> {
            try {
                out[0] = serialise(o);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "serialise", 512L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(out[0]).isNotNull();
        return out[0];
    }

    /** The model's Smile object, read back (it is ours: no filter needed). */
    private static Object objectOf(Path model) throws Exception {
        byte[] payload = ModelZip.read(model).get("classifier.bin");
        int at = streamStart(payload);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload, at, payload.length - at))) {
            return in.readObject();
        }
    }

    private static DecisionTree decisionTree(Path model) throws Exception {
        return (DecisionTree) objectOf(model);
    }

    private static Node leafOf(Node node) {
        while (node instanceof InternalNode inner) {
            node = inner.trueChild();
        }
        return node;
    }

    private static void setRoot(DecisionTree t, Node root) throws Exception {
        Field f = smile.model.cart.CART.class.getDeclaredField("root");
        f.setAccessible(true);
        f.set(t, root);
    }

    /** {@code model}'s payload with its serialised object replaced by {@code stream}, written with valid checksums. */
    private static Path smilePayload(Path model, byte[] stream, String name) throws IOException {
        Map<String, byte[]> parts = ModelZip.read(model);
        byte[] original = parts.get("classifier.bin");
        int at = streamStart(original);
        int length = ByteBuffer.wrap(original, at - 4, 4).getInt();
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(forged)) {
            out.write(original, 0, at - 4); // header and parameters, up to the object's length field
            out.writeInt(stream.length);
            out.write(stream);
            out.write(original, at + length, original.length - at - length); // what follows the object (an MLP's width)
        }
        parts.put("classifier.bin", forged.toByteArray());
        return withChecksums(name, parts);
    }

    private static int streamStart(byte[] payload) {
        int at = ModelZip.indexOf(payload, new byte[] {(byte) 0xAC, (byte) 0xED, 0x00, 0x05});
        assertThat(at).isGreaterThan(4);
        return at;
    }

    /** Writes the parts as a model zip with the classifier's and the manifest's checksums recomputed. */
    static Path withChecksums(String name, Map<String, byte[]> parts) throws IOException {
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(parts.get("manifest.json"));
        ((ObjectNode) manifest.path("checksums")).put("classifier.bin", Checksums.sha256(parts.get("classifier.bin")));
        ModelZip.putManifest(parts, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        return ModelZip.write(dir.resolve(name), parts);
    }

    /**
     * The zip with entry {@code name}'s uncompressed size set to {@code size} in its central directory record and its
     * data descriptor (what {@code ZipOutputStream} writes for a deflated entry), a zip that lies about its size.
     */
    static byte[] patchSizes(byte[] zip, String name, long size) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && b.getShort(i + 28) == n.length
                    && Arrays.equals(zip, i + 46, i + 46 + n.length, n, 0, n.length)) {
                int local = b.getInt(i + 42);
                int old = b.getInt(i + 24);
                b.putInt(i + 24, (int) size);
                // the data descriptor after the entry's data: signature, crc, compressed size, size
                int csize = b.getInt(i + 20);
                int data = local + 30 + b.getShort(local + 26) + b.getShort(local + 28);
                int dd = data + csize;
                if (b.getInt(dd) == 0x08074b50 && b.getInt(dd + 12) == old) {
                    b.putInt(dd + 12, (int) size);
                }
                return zip;
            }
        }
        throw new AssertionError("no entry " + name);
    }

    private static void replaceAll(byte[] hay, byte[] from, byte[] to) {
        for (int i; (i = ModelZip.indexOf(hay, from)) >= 0; ) {
            System.arraycopy(to, 0, hay, i, to.length);
        }
    }

    private static int lastIndexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
