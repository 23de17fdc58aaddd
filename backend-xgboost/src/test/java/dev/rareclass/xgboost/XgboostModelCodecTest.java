package dev.rareclass.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XgboostModelCodecTest {

    static final XgboostModelCodec CODEC = new XgboostModelCodec();
    /** Bytes before the booster: magic 4, version 1, kind 1, parameters 73, features 4, rounds 4, digest 32, length 4. */
    static final int HEADER = 4 + 1 + 1 + (4 + 4 + 4 + 5 * 8 + 4 + 1 + 8 + 4) + 4 + 4 + 32 + 4;

    static TrainedClassifier stopped;
    static byte[] payload;

    @BeforeAll
    static void train() {
        TrainingContext ctx = TrainingContext.ofSeed(8).withValidation(GradientBoostingTest.VALID.x(), GradientBoostingTest.VALID.y())
                .withClassWeights(new ClassWeights(4, 1));
        stopped = GradientBoostingTest.train(ctx, "trees=300", "early-stopping=8", "subsample=0.9", "seed=5", "threads=2");
        payload = CODEC.encode(stopped);
    }

    static TrainedClassifier decode(byte[] bytes) {
        return CODEC.decode(bytes, "gradient-boosting", stopped.params(), stopped.history().orElse(null));
    }

    @Test
    void aDecodedModelScoresExactlyAsTrained() {
        TrainedClassifier back = decode(payload);
        assertThat(back.scores(GradientBoostingTest.TEST.x())).containsExactly(stopped.scores(GradientBoostingTest.TEST.x()));
        assertThat(back.params()).isEqualTo(stopped.params());
        assertThat(back.history()).isEqualTo(stopped.history());
        assertThat(back.summary()).isEqualTo(stopped.summary());
        assertThat(((XgboostClassifier) back).rounds()).isEqualTo(stopped.history().orElseThrow().bestEpoch())
                .isLessThan(stopped.history().orElseThrow().epochs().size());
        // and encodes to the same bytes again
        assertThat(CODEC.encode(back)).isEqualTo(payload);
    }

    @Test
    void theBoosterIsXgboostsOwnUbjsonReadableByXgboostItself() throws Exception {
        byte[] booster = Arrays.copyOfRange(payload, HEADER, payload.length);
        assertThat(booster[0]).isEqualTo((byte) '{');
        assertThat(ByteBuffer.wrap(payload, HEADER - 4, 4).getInt()).isEqualTo(booster.length);
        var plain = XGBoost.loadModel(booster);
        int best = stopped.history().orElseThrow().bestEpoch();
        assertThat(plain.getAttr("best_iteration")).isEqualTo(Integer.toString(best - 1));
        assertThat(plain.getNumFeature()).isEqualTo(8);
        plain.dispose();
    }

    @Test
    void aDamagedBoosterIsRefusedByItsDigest() {
        for (int at : new int[] {HEADER, HEADER + 100, payload.length / 2, payload.length - 1}) {
            assertRefused(flip(at), "SHA-256 mismatch");
        }
    }

    /**
     * With the digest recomputed (as an attacker would), the checks before XGBoost's parser still refuse. Before
     * them, cutting the booster short crashed the JVM inside XGBoost (SIGSEGV in XGBoosterLoadModelFromBuffer).
     */
    @Test
    void aDamagedBoosterWithARecomputedDigestIsStillRefused() {
        assertRefused(rebooster(b -> Arrays.copyOf(b, b.length / 2)), "not well-formed UBJSON");
        // the middle cut out: the objective's name is still there, the structure is not
        assertRefused(rebooster(b -> concat(Arrays.copyOf(b, b.length / 2), Arrays.copyOfRange(b, b.length - 300, b.length))),
                "not well-formed UBJSON");
        assertRefused(rebooster(b -> {
            byte[] c = b.clone();
            c[0] = '[';
            return c;
        }), "not well-formed UBJSON: it does not start with a UBJSON object");
        assertRefused(rebooster(b -> new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("binary:logistic", "reg:squarederror".substring(0, 15))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), "its objective is reg:squarederro, not binary:logistic");
        // garbage of every kind after a valid start: refused, never a crash
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            int cut = 1 + rng.nextInt(60);
            byte[] noise = new byte[rng.nextInt(1, 400)];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (byte) rng.nextInt(256);
            }
            byte[] objective = "binary:logistic".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertRefused(rebooster(b -> concat(Arrays.copyOf(b, cut), noise, objective)), "refusing to load the xgboost model");
        }
    }

    /**
     * One byte of the booster changed, the digest recomputed: either refused with a DataException or (a changed
     * number such as a leaf value) loaded as a model that scores probabilities; never a crash.
     */
    @Test
    void everyOneByteForgeryIsRefusedOrHarmless() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(2);
        int booster = payload.length - HEADER;
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int at = rng.nextInt(booster);
            byte to = (byte) rng.nextInt(256);
            byte[] forged = rebooster(b -> {
                byte[] c = b.clone();
                c[at] = to;
                return c;
            });
            try {
                double[] p = decode(forged).scores(GradientBoostingTest.TEST.x());
                assertThat(p).hasSize(GradientBoostingTest.TEST.y().size());
            } catch (DataException e) {
                assertThat(e).hasMessageStartingWith("refusing to load the xgboost model");
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void aBoosterOfAnotherShapeIsRefused() {
        // a valid booster trained on 3 columns in a payload that records 8
        TrainedClassifier narrow = new GradientBoostingFactory().create(Hyperparameters.empty()).train(
                Synthetic.rare(300, 4, 1).x(), Synthetic.rare(300, 4, 1).y(), TrainingContext.ofSeed(1));
        byte[] other = CODEC.encode(narrow);
        assertRefused(rebooster(b -> Arrays.copyOfRange(other, HEADER, other.length)), "its num_feature is 4, not 8");
    }

    /**
     * The learner's own parameters, forged with the digest recomputed. A num_target of -1 or 10^9 made XGBoost's
     * loader allocate without end (8.7 GB in 40 s, found by a hostile-input campaign); a base_score it cannot use
     * was refused with XGBoost's log prefix (its clock time and C++ source path) in the message.
     */
    @Test
    void aBoosterWithLearnerParametersThisBuildNeverWritesIsRefused() {
        assertRefused(rebooster(field("num_target", "-1")), "its num_target is -1, not 1");
        assertRefused(rebooster(field("num_target", "1000000000")), "its num_target is 1000000000, not 1");
        assertRefused(rebooster(field("num_target", "2")), "its num_target is 2, not 1");
        assertRefused(rebooster(field("num_class", "5")), "its num_class is 5, not 0");
        for (String bad : new String[] {"[NaN]", "abc", "[", "[0.5,0.5]", "0", "[1]", "-0.1", "[Infinity]"}) {
            assertThatThrownBy(() -> decode(rebooster(field("base_score", bad)))).as(bad)
                    .isInstanceOf(DataException.class).hasMessageEndingWith("its base_score is " + bad
                            + ", not one probability between 0 and 1");
        }
        // what XGBoost 3 writes, and the plain number older versions wrote, both load and score as before
        double[] expected = decode(payload).scores(GradientBoostingTest.TEST.x());
        String written = fieldValue(Arrays.copyOfRange(payload, HEADER, payload.length), "base_score");
        assertThat(written).startsWith("[").endsWith("]");
        assertThat(decode(rebooster(field("base_score", written.substring(1, written.length() - 1))))
                .scores(GradientBoostingTest.TEST.x())).containsExactly(expected);
    }

    @Test
    void xgboostsLogPrefixIsLeftOutOfItsMessages() {
        assertThat(XgboostModelCodec.firstLine("[00:13:16] /workspace/src/common/json.cc:401: Unknown construct, around "
                + "character position: 0\nStack trace:\n  [bt] (0) libxgboost4j.so")).isEqualTo("Unknown construct, "
                + "around character position: 0");
        assertThat(XgboostModelCodec.firstLine("value 0 for Parameter num_target should be greater equal to 1"))
                .isEqualTo("value 0 for Parameter num_target should be greater equal to 1");
    }

    private static final java.nio.charset.Charset BYTES = java.nio.charset.StandardCharsets.ISO_8859_1;

    /** A string field's value in XGBoost's UBJSON: the key, then S, L and the value's 8-byte length. */
    private static String fieldValue(byte[] booster, String key) {
        String s = new String(booster, BYTES);
        int at = s.indexOf(key + "SL");
        assertThat(at).as(key).isNotNegative();
        int start = at + key.length() + 2;
        long length = ByteBuffer.wrap(booster, start, 8).getLong();
        return s.substring(start + 8, start + 8 + (int) length);
    }

    /** The booster with one string field's value replaced (XGBoost's objects carry no count, so lengths may change). */
    private static UnaryOperator<byte[]> field(String key, String value) {
        return b -> {
            String was = fieldValue(b, key);
            String s = new String(b, BYTES);
            return s.replace(key + "SL" + length(was) + was, key + "SL" + length(value) + value).getBytes(BYTES);
        };
    }

    private static String length(String value) {
        return new String(ByteBuffer.allocate(8).putLong(value.length()).array(), BYTES);
    }

    @Test
    void aBadHeaderIsRefused() {
        assertRefused(new byte[0], "no RCXG header");
        assertRefused("PK\u0003\u0004hello".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "no RCXG header");
        assertRefused(with(4, (byte) 9), "format version 9");
        assertRefused(with(5, (byte) 7), "unknown xgboost model kind (7)");
        assertRefused(Arrays.copyOf(payload, 40), "truncated");
        assertRefused(Arrays.copyOf(payload, payload.length - 1), "does not match the payload");
        assertRefused(concat(payload, new byte[1]), "does not match the payload");
        byte[] huge = payload.clone();
        ByteBuffer.wrap(huge).putInt(HEADER - 4, Integer.MAX_VALUE);
        assertRefused(huge, "exceeds " + XgboostModelCodec.MAX_BOOSTER_BYTES + " bytes");
        byte[] badTrees = payload.clone();
        ByteBuffer.wrap(badTrees).putInt(6, 0);
        assertRefused(badTrees, "its parameters are invalid: parameter trees=0");
        byte[] tooManyRounds = payload.clone();
        ByteBuffer.wrap(tooManyRounds).putInt(HEADER - 4 - 32 - 4, 301);
        assertRefused(tooManyRounds, "its round count 301 is not between 1 and its 300 trees");
        assertThatThrownBy(() -> CODEC.decode(payload, "random-forest", Hyperparameters.empty(), null))
                .isInstanceOf(DataException.class).hasMessageContaining("the manifest says random-forest");
    }

    private static byte[] flip(int at) {
        byte[] b = payload.clone();
        b[at] ^= 0x20;
        return b;
    }

    private static byte[] with(int at, byte value) {
        byte[] b = payload.clone();
        b[at] = value;
        return b;
    }

    /** The payload with its booster replaced and the digest and length recomputed. */
    private static byte[] rebooster(UnaryOperator<byte[]> change) {
        byte[] booster = change.apply(Arrays.copyOfRange(payload, HEADER, payload.length));
        byte[] out = concat(Arrays.copyOf(payload, HEADER), booster);
        System.arraycopy(XgboostModelCodec.sha256(booster), 0, out, HEADER - 36, 32);
        ByteBuffer.wrap(out).putInt(HEADER - 4, booster.length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static void assertRefused(byte[] bytes, String mentions) {
        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("refusing to load the xgboost model").hasMessageContaining(mentions);
    }
}
