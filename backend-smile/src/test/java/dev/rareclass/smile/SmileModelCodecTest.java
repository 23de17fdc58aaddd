package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmileModelCodecTest {

    private static final TestData.Set DATA = TestData.xor(300, 4, 31);
    private final SmileModelCodec codec = new SmileModelCodec();

    /** A class the codec must never instantiate: reading it would flip {@link #touched}. */
    static final class Intruder implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        static volatile boolean touched;

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            touched = true;
            in.defaultReadObject();
        }
    }

    @BeforeEach
    void reset() {
        Intruder.touched = false;
    }

    private TrainedClassifier logistic() {
        return SmileTrainers.logistic().create(Hyperparameters.of(Map.of("lambda", "0.5")))
                .train(DATA.x(), DATA.y(), TrainingContext.ofSeed(1));
    }

    private TrainedClassifier forest() {
        return SmileTrainers.randomForest().create(Hyperparameters.of(Map.of("trees", "20", "max-depth", "12")))
                .train(DATA.x(), DATA.y(), TrainingContext.ofSeed(1));
    }

    /** Encodes and decodes {@code model}, checks that the copy scores, reports and summarises alike, returns it. */
    private TrainedClassifier assertRoundTrips(TrainedClassifier model, String kind) {
        TrainedClassifier back = codec.decode(codec.encode(model), kind, model.params(), null);

        assertThat(back.scores(DATA.x())).containsExactly(model.scores(DATA.x()));
        assertThat(back.params()).isEqualTo(model.params());
        assertThat(back.summary()).isEqualTo(model.summary());
        return back;
    }

    @Test
    void aLogisticModelRoundTripsToExactlyEqualScores() {
        TrainedClassifier model = logistic();
        TrainedClassifier back = assertRoundTrips(model, "logistic");
        assertThat(((SmileLogisticClassifier) back).coefficients()).containsExactly(((SmileLogisticClassifier) model).coefficients());
    }

    @Test
    void aRandomForestRoundTripsToExactlyEqualScores() {
        assertRoundTrips(forest(), "random-forest");
    }

    @Test
    void aPayloadWithoutTheHeaderIsRefused() {
        assertRefused("not a model".getBytes(), "logistic").hasMessageContaining("not a smile model");
        assertRefused(new byte[0], "logistic");
    }

    @Test
    void aPayloadOfAnotherKindIsRefused() {
        byte[] bytes = codec.encode(logistic());
        assertRefused(bytes, "random-forest")
                .hasMessageContaining("holds a logistic model but the manifest says random-forest");
    }

    @Test
    void aTruncatedOrExtendedPayloadIsRefused() {
        byte[] bytes = codec.encode(logistic());
        assertRefused(Arrays.copyOf(bytes, bytes.length - 3), "logistic");
        assertRefused(Arrays.copyOf(bytes, bytes.length + 1), "logistic")
                .hasMessageContaining("bytes after the model");
        byte[] forest = codec.encode(forest());
        assertRefused(Arrays.copyOf(forest, forest.length / 2), "random-forest");
    }

    @Test
    void aTamperedForestStreamIsRefused() {
        byte[] bytes = codec.encode(forest());
        // rename a class inside the serialised stream: "smile.classification.RandomForest" -> "smilf..."
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("smile.classification.RandomForest");
        assertThat(at).isPositive();
        bytes[at + 4] = 'f';
        byte[] tampered = bytes;
        assertRefused(tampered, "random-forest").hasMessageContaining("refusing to load the smile model");
    }

    @Test
    void aForestWrittenByAnotherSmileVersionIsRefusedSayingSo() {
        byte[] bytes = codec.encode(forest());
        // the serialVersionUID (8 bytes after the class name in its descriptor) differs, as another Smile's would
        String name = "smile.classification.RandomForest";
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(name);
        assertThat(at).isPositive();
        bytes[at + name.length() + 7] ^= 1;
        assertRefused(bytes, "random-forest").hasMessageContaining("its forest cannot be read: written by another "
                + "version of Smile (its class smile.classification.RandomForest is not this build's); train the model "
                + "again with this build").hasMessageNotContaining("serialVersionUID");
    }

    @Test
    void aNonFiniteLogisticCoefficientIsRefused() {
        byte[] bytes = codec.encode(logistic());
        // the last 8 bytes are the intercept
        long nan = Double.doubleToRawLongBits(Double.NaN);
        for (int i = 0; i < 8; i++) {
            bytes[bytes.length - 8 + i] = (byte) (nan >>> (56 - 8 * i));
        }
        assertRefused(bytes, "logistic").hasMessageContaining("not finite");
    }

    /** A forest payload holding {@code object} is refused with {@code message}, and no {@link Intruder} was read. */
    private void assertForestPayloadRefused(Object object, String message) throws IOException {
        byte[] payload = forestPayload(object);
        assertRefused(payload, "random-forest")
                .as(object.getClass().getName())
                .hasMessageContaining(message);
        assertThat(Intruder.touched).isFalse();
    }

    @Test
    void aSerialisedObjectOfADisallowedClassIsRefusedBeforeItsReadObjectRuns() throws IOException {
        assertForestPayloadRefused(new Intruder(), "may not contain");
    }

    @Test
    void aDisallowedClassHiddenInsideAnAllowedListIsRefusedToo() throws IOException {
        List<Object> list = new ArrayList<>();
        list.add(42);
        list.add(new Intruder());
        assertForestPayloadRefused(list, "may not contain");
    }

    @Test
    void jdkClassesOutsideTheAllowListAreRefused() throws IOException {
        ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>(Map.of("a", "b"));
        for (Object o : List.<Object>of(map, new javax.management.Attribute("a", 1), new java.util.Date())) {
            assertForestPayloadRefused(o, "may not contain");
        }
    }

    @Test
    void anAllowedObjectThatIsNotAForestIsRefused() throws IOException {
        assertForestPayloadRefused(new ArrayList<>(List.of(1, 2)), "not a binary random forest");
    }

    /**
     * The two forests' {@code max-depth} counted Smile's levels (the root being 1) before it came to count splits, as
     * every other tree kind's does; their files still store Smile's count, so a file written before loads with the
     * same trees and a depth one less, and one written now is what an earlier build would have written.
     */
    @Test
    void forestDepthsAreStoredAsSmileCountsLevelsSoEarlierFilesLoadAsTheyWere() {
        TrainedClassifier forest = forest(); // max-depth=12
        byte[] bytes = codec.encode(forest);
        // magic (4 bytes), version, kind, then trees, mtry and the depth as ints
        assertThat(java.nio.ByteBuffer.wrap(bytes, 14, 4).getInt()).isEqualTo(13);
        java.nio.ByteBuffer.wrap(bytes).putInt(14, 200); // an earlier build's default, fully grown trees
        TrainedClassifier back = codec.decode(bytes, "random-forest", Hyperparameters.empty(), null);
        assertThat(back.params().asMap()).containsEntry("max-depth", "199");
        assertThat(back.scores(DATA.x())).containsExactly(forest.scores(DATA.x()));
        java.nio.ByteBuffer.wrap(bytes).putInt(14, 1); // no split at all: refused, as before
        assertRefused(bytes, "random-forest").hasMessageContaining("max-depth=0");

        TrainedClassifier balanced = SmileTrainers.balancedRandomForest()
                .create(Hyperparameters.of(Map.of("trees", "5", "max-depth", "7")))
                .train(DATA.x(), DATA.y(), TrainingContext.ofSeed(1));
        byte[] stored = codec.encode(balanced);
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        // the parameters as key and value strings (two-byte length, then the characters)
        assertThat(text).contains("\0\u0009max-depth\0\u00018");
        TrainedClassifier loaded = assertRoundTrips(balanced, "balanced-random-forest");
        assertThat(loaded.params().asMap()).containsEntry("max-depth", "7");
        byte[] earlier = text.replace("\0\u0009max-depth\0\u00018", "\0\u0009max-depth\0\u0003200")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(codec.decode(earlier, "balanced-random-forest", Hyperparameters.empty(), null).params().asMap())
                .containsEntry("max-depth", "199");
        byte[] foreign = text.replace("\0\u0009max-depth\0\u00018", "\0\u0009max-depth\0\u0004\u00d9\u00a1\u00d9\u00a8")
                .getBytes(StandardCharsets.ISO_8859_1);
        // "\u0661\u0668" (18 in Arabic-Indic digits, as modified UTF-8): Integer.parseInt reads it, the validation does not
        assertRefused(foreign, "balanced-random-forest").hasMessageContaining("max-depth");
    }

    /**
     * {@code mlp}'s {@code l2} was the {@code lambda} given to Smile's weight decay before it came to mean
     * {@code mlp@dl4j}'s coefficient (Smile is now given half of it); files still store Smile's {@code lambda}, so a
     * file written before loads with the network it held, scoring as it did, and the {@code l2} that trains that network
     * now: twice what it stored.
     */
    @Test
    void mlpFilesStoreSmilesWeightDecaySoEarlierFilesLoadAsTheyWere() {
        SmileMlpClassifier mlp = (SmileMlpClassifier) SmileTrainers.mlp()
                .create(Hyperparameters.of(Map.of("hidden", "4", "epochs", "3", "learning-rate", "0.01", "l2", "0.02")))
                .train(DATA.x(), DATA.y(), TrainingContext.ofSeed(1));
        assertThat(mlp.net().getWeightDecay()).isEqualTo(0.01);
        byte[] bytes = codec.encode(mlp);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // the parameters as key and value strings (two-byte length, then the characters): Smile's lambda under l2
        assertThat(text).contains("\0\u0002l2\0\u00040.01").doesNotContain("0.02");
        SmileMlpClassifier back = (SmileMlpClassifier) assertRoundTrips(mlp, "mlp");
        assertThat(back.params().asMap()).containsEntry("l2", "0.02");

        // an earlier build given l2=0.01 set Smile's lambda to 0.01 and stored l2=0.01: these very bytes
        assertThat(back.net().getWeightDecay()).isEqualTo(0.01);

        // an earlier build's l2=1 at learning-rate 0.05: Smile's factor 1 - 2·0.05·1 is exactly 0.9, which its layers
        // skip, so that network was trained without decay (and l2=2 would now be refused)
        byte[] skipped = text.replace("\0\u0002l2\0\u00040.01", "\0\u0002l2\0\u00031.0")
                .replace("\0\rlearning-rate\0\u00040.01", "\0\rlearning-rate\0\u00040.05")
                .getBytes(StandardCharsets.ISO_8859_1);
        TrainedClassifier undecayed = codec.decode(skipped, "mlp", Hyperparameters.empty(), null);
        assertThat(undecayed.params().asMap()).containsEntry("l2", "0.0").containsEntry("learning-rate", "0.05");
        assertThat(undecayed.scores(DATA.x())).containsExactly(mlp.scores(DATA.x()));

        byte[] negative = text.replace("\0\u0002l2\0\u00040.01", "\0\u0002l2\0\u0004-0.1")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(negative, "mlp").hasMessageContaining("l2=-0.2");
    }

    @Test
    void encodingAnotherBackendsClassifierFails() {
        TrainedClassifier foreign = new TrainedClassifier() {
            public String kind() { return "mlp"; }
            public String backend() { return "dl4j"; }
            public Hyperparameters params() { return Hyperparameters.empty(); }
            public double[] scores(dev.rareclass.domain.data.FeatureMatrix x) { return new double[0]; }
            public dev.rareclass.domain.model.ScoreKind scoreKind() { return dev.rareclass.domain.model.ScoreKind.PROBABILITY; }
            public String summary() { return ""; }
        };
        assertThatThrownBy(() -> codec.encode(foreign)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Decoding {@code payload} as {@code kind} fails with a {@link DataException}; the message is for the caller. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] payload, String kind) {
        return assertThatThrownBy(() -> codec.decode(payload, kind, Hyperparameters.empty(), null))
                .isInstanceOf(DataException.class);
    }

    /** A well-formed header for a random forest followed by an arbitrary serialised object. */
    private static byte[] forestPayload(Object object) throws IOException {
        ByteArrayOutputStream serialised = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(serialised)) {
            oos.writeObject(object);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(SmileModelCodec.MAGIC);
            out.writeByte(SmileModelCodec.VERSION);
            out.writeByte(SmileModelCodec.RANDOM_FOREST);
            out.writeInt(10);
            out.writeInt(0);
            out.writeInt(20);
            out.writeInt(0);
            out.writeInt(5);
            out.writeDouble(1.0);
            out.writeUTF("GINI");
            out.writeInt(serialised.size());
            serialised.writeTo(out);
        }
        return bytes.toByteArray();
    }
}
