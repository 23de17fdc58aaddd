package dev.rareclass.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.ClassWeights;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainerFactory;
import dev.rareclass.domain.model.TrainingContext;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every kind added to the Smile backend after logistic and random forest must do, one row per kind:
 * learn a non-linear (XOR) set, give probabilities in [0, 1], give the same scores for the same seed, score the
 * same from many threads, survive the model file with identical scores, and have a tampered payload refused.
 */
class SmileKindsTest {

    private static final TestData.Set TRAIN = TestData.xor(600, 4, 41);
    private static final TestData.Set TEST = TestData.xor(300, 4, 42);

    /** A kind, its factory, parameters small enough for a quick test, and the held-out ROC-AUC it must reach. */
    record Kind(String kind, TrainerFactory factory, Map<String, String> params, double minAuc) {
        @Override
        public String toString() {
            return kind;
        }

        TrainedClassifier train(long seed) {
            return factory.create(Hyperparameters.of(params)).train(TRAIN.x(), TRAIN.y(), TrainingContext.ofSeed(seed));
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("decision-tree", SmileTrainers.decisionTree(), Map.of("max-depth", "8"), 0.9),
                new Kind("gradient-boosting", SmileTrainers.gradientBoosting(), Map.of("trees", "40", "subsample", "0.7"), 0.9),
                new Kind("adaboost", SmileTrainers.adaBoost(), Map.of("trees", "30", "max-depth", "3"), 0.9),
                new Kind("knn", SmileTrainers.knn(), Map.of("k", "7"), 0.9),
                new Kind("svm", SmileTrainers.svm(), Map.of("c", "10"), 0.9),
                new Kind("mlp", SmileTrainers.mlp(), Map.of("hidden", "16,16", "epochs", "60", "learning-rate", "0.01",
                        "dropout", "0.1"), 0.9),
                new Kind("balanced-random-forest", SmileTrainers.balancedRandomForest(), Map.of("trees", "30", "mtry", "4"), 0.9),
                new Kind("balanced-bagging", SmileTrainers.balancedBagging(), Map.of("trees", "10"), 0.9),
                // stumps add up one feature at a time and cannot learn XOR: depth 3 here
                new Kind("easy-ensemble", SmileTrainers.easyEnsemble(), Map.of("estimators", "4", "trees", "20", "max-depth", "3"), 0.9),
                new Kind("rus-boost", SmileTrainers.rusBoost(), Map.of("trees", "30", "max-depth", "3"), 0.9));
    }

    private final SmileModelCodec codec = new SmileModelCodec();

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void learnsXorWithProbabilitiesInZeroOne(Kind k) {
        TrainedClassifier model = k.train(7);
        double[] scores = model.scores(TEST.x());

        assertThat(TestData.auc(scores, TEST.y())).isGreaterThan(k.minAuc());
        assertThat(Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1)).isTrue();
        assertThat(model.scoreKind()).isEqualTo(ScoreKind.PROBABILITY);
        assertThat(model.kind()).isEqualTo(k.kind());
        assertThat(model.backend()).isEqualTo("smile");
        assertThat(model.summary()).isNotBlank();
        assertThat(k.factory().parameterNames()).containsAll(k.params().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theSameSeedGivesTheSameScores(Kind k) {
        double[] first = k.train(11).scores(TEST.x());
        assertThat(k.train(11).scores(TEST.x())).containsExactly(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void scoresTheSameFromManyThreads(Kind k) throws Exception {
        TrainedClassifier model = k.train(3);
        TestData.assertScoresTheSameFromManyThreads(model, TEST.x(), 4, 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void roundTripsThroughTheCodecToIdenticalScores(Kind k) {
        TrainedClassifier model = k.train(5);
        TrainedClassifier back = codec.decode(codec.encode(model), k.kind(), model.params(), null);

        assertThat(back.scores(TEST.x())).containsExactly(model.scores(TEST.x()));
        assertThat(back.params()).isEqualTo(model.params());
        assertThat(back.summary()).isEqualTo(model.summary());
        assertThat(back.kind()).isEqualTo(k.kind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aTamperedTruncatedOrMislabelledPayloadIsRefused(Kind k) {
        byte[] bytes = codec.encode(k.train(5));
        assertRefused(Arrays.copyOf(bytes, bytes.length - 3), k.kind());
        assertRefused(Arrays.copyOf(bytes, bytes.length + 1), k.kind());
        assertRefused(bytes, k.kind().equals("logistic") ? "random-forest" : "logistic")
                .hasMessageContaining("the manifest says");
        // flip a byte at a sample of positions: each payload either decodes or is refused with a DataException
        // (the model store's checksum catches any change first; this is the codec's own line of defence)
        for (int at = 6; at < bytes.length; at += Math.max(1, bytes.length / 97)) {
            byte[] tampered = bytes.clone();
            tampered[at] ^= (byte) 0x5a;
            try {
                codec.decode(tampered, k.kind(), Hyperparameters.empty(), null);
            } catch (DataException expected) {
                assertThat(expected).hasMessageStartingWith("refusing to load the smile model")
                        .as("byte %d", at);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aDisallowedClassInThePayloadIsRefusedBeforeItIsRead(Kind k) throws IOException {
        byte[] bytes = codec.encode(k.train(5));
        int body = headerLength(bytes);
        if (body < 0) {
            return; // a kind stored as plain numbers: no Java serialisation to attack
        }
        ByteArrayOutputStream serialised = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(serialised)) {
            oos.writeObject(new SmileModelCodecTest.Intruder());
        }
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(forged)) {
            out.write(bytes, 0, body);
            out.writeInt(serialised.size());
            serialised.writeTo(out);
        }
        SmileModelCodecTest.Intruder.touched = false;
        assertRefused(forged.toByteArray(), k.kind()).hasMessageContaining("may not contain");
        assertThat(SmileModelCodecTest.Intruder.touched).isFalse();
    }

    /** Where the serialised object's length field starts (after header and parameters), or -1 if there is none. */
    private static int headerLength(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int stream = text.indexOf("\u00ac\u00ed\u0000\u0005"); // ObjectOutputStream's magic and version
        return stream < 4 ? -1 : stream - 4;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void classWeightsAreHonouredOrRefusedNeverIgnored(Kind k) {
        TrainingContext weighted = TrainingContext.ofSeed(5).withClassWeights(new ClassWeights(5, 1));
        var trainer = k.factory().create(Hyperparameters.of(k.params()));
        if (k.factory().supportsClassWeights()) {
            double[] plain = k.train(5).scores(TEST.x());
            double[] scores = trainer.train(TRAIN.x(), TRAIN.y(), weighted).scores(TEST.x());
            assertThat(scores).isNotEqualTo(plain);
            assertThat(Arrays.stream(scores).average().orElseThrow())
                    .isGreaterThan(Arrays.stream(plain).average().orElseThrow());
        } else {
            assertThatThrownBy(() -> trainer.train(TRAIN.x(), TRAIN.y(), weighted))
                    .hasMessageContaining("does not support class weights");
        }
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] payload, String kind) {
        return assertThatThrownBy(() -> codec.decode(payload, kind, Hyperparameters.empty(), null))
                .isInstanceOf(DataException.class);
    }
}
