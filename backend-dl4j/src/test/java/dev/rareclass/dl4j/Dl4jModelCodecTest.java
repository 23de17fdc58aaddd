package dev.rareclass.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.EpochRecord;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingContext;
import dev.rareclass.domain.model.TrainingHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class Dl4jModelCodecTest {

    private final Dl4jModelCodec codec = new Dl4jModelCodec();

    @Test
    @Tag("slow")
    void roundTripScoresExactlyTheSame() {
        Synthetic.Data d = Synthetic.blobs(21, 300, 4, 0.2, 1.0);
        Hyperparameters params = Hyperparameters.parse(List.of("epochs=2", "hidden=8,4", "activation=tanh"));
        TrainedClassifier model = new MlpTrainerFactory().create(params).train(d.x(), d.y(), TrainingContext.ofSeed(9));
        TrainingHistory history = new TrainingHistory(List.of(new EpochRecord(1, Map.of("loss", 0.5))), 1);

        byte[] bytes = codec.encode(model);
        TrainedClassifier back = codec.decode(bytes, "mlp", model.params(), history);

        assertThat(back.scores(d.x())).isEqualTo(model.scores(d.x()));
        assertThat(back.kind()).isEqualTo("mlp");
        assertThat(back.backend()).isEqualTo("dl4j");
        assertThat(back.params()).isEqualTo(model.params());
        assertThat(back.history()).contains(history);
        assertThat(back.summary()).isEqualTo(model.summary());
        assertThat(codec.encode(back)).as("re-encoding is stable in size").hasSameSizeAs(bytes);
    }

    @Test
    @Tag("slow")
    void weightedLossSurvivesTheRoundTrip() {
        Synthetic.Data d = Synthetic.blobs(22, 200, 3, 0.2, 1.0);
        TrainedClassifier model = new LogisticNetworkFactory().create(Hyperparameters.parse(List.of("epochs=2")))
                .train(d.x(), d.y(), TrainingContext.ofSeed(9).withClassWeights(new dev.rareclass.domain.model.ClassWeights(4, 1)));
        TrainedClassifier back = codec.decode(codec.encode(model), "logistic", model.params(), null);
        assertThat(back.scores(d.x())).isEqualTo(model.scores(d.x()));
        assertThat(back.history()).isEmpty();
    }

    @Test
    @Tag("slow")
    void autoencoderRoundTripKeepsAnomalyScores() {
        Synthetic.Data d = AutoencoderTest.plane(4, 120, 10);
        TrainedClassifier model = new AutoencoderTrainerFactory().create(Hyperparameters.parse(List.of("layers=8,3,8", "epochs=2")))
                .train(d.x(), d.y(), TrainingContext.ofSeed(2));
        TrainedClassifier back = codec.decode(codec.encode(model), "autoencoder", model.params(), model.history().orElseThrow());
        assertThat(back.scores(d.x())).isEqualTo(model.scores(d.x()));
        assertThat(back.scoreKind()).isEqualTo(dev.rareclass.domain.model.ScoreKind.ANOMALY);
        assertThat(back.history()).isEqualTo(model.history());
        assertThat(back.summary()).isEqualTo(model.summary());
    }

    @Test
    void rejectsEntriesItDidNotWrite() throws IOException {
        // ModelSerializer would Java-deserialize a preprocessor.bin entry; decode must refuse it first.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("preprocessor.bin"));
            zip.write(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
        }
        assertThatThrownBy(() -> codec.decode(out.toByteArray(), "mlp", Hyperparameters.empty(), null))
                .isInstanceOf(DataException.class).hasMessageContaining("preprocessor.bin");
        assertThatThrownBy(() -> codec.decode(new byte[] {1, 2, 3}, "mlp", Hyperparameters.empty(), null))
                .isInstanceOf(DataException.class);
    }

    /**
     * A logistic network is one sigmoid unit: an MLP's payload under a manifest re-signed as logistic@dl4j (whose
     * parameters list no hidden layers to compare) was taken and scored as the logistic model it is not.
     */
    @Test
    void anMlpIsNotTakenForALogisticNetwork() {
        Synthetic.Data d = Synthetic.blobs(21, 200, 4, 0.2, 1.0);
        TrainedClassifier mlp = new MlpTrainerFactory().create(Hyperparameters.parse(List.of("epochs=1", "hidden=4")))
                .train(d.x(), d.y(), TrainingContext.ofSeed(9));
        TrainedClassifier logistic = new LogisticNetworkFactory().create(Hyperparameters.parse(List.of("epochs=1")))
                .train(d.x(), d.y(), TrainingContext.ofSeed(9));
        assertThatThrownBy(() -> codec.decode(codec.encode(mlp), "logistic", logistic.params(), null))
                .isInstanceOf(DataException.class)
                .hasMessage("the saved dl4j network's hidden layers are 4 but its manifest says none (logistic)");
        assertThat(codec.decode(codec.encode(logistic), "logistic", logistic.params(), null).scores(d.x()))
                .isEqualTo(logistic.scores(d.x()));
    }

    /**
     * A network whose manifest was re-signed without its layer sizes ({@code hidden}, an autoencoder's {@code layers})
     * is refused: it loaded, and inspect and serve's metadata showed parameters without its layers.
     */
    @Test
    void aNetworkWhoseManifestListsNoLayersIsRefused() {
        Synthetic.Data d = Synthetic.blobs(21, 200, 4, 0.2, 1.0);
        TrainedClassifier mlp = new MlpTrainerFactory().create(Hyperparameters.parse(List.of("epochs=1", "hidden=4")))
                .train(d.x(), d.y(), TrainingContext.ofSeed(9));
        java.util.Map<String, String> without = new java.util.LinkedHashMap<>(mlp.params().asMap());
        without.remove("hidden");
        assertThatThrownBy(() -> codec.decode(codec.encode(mlp), "mlp", Hyperparameters.of(without), null))
                .isInstanceOf(DataException.class)
                .hasMessage("the saved dl4j network's hidden layers are 4 but its manifest's parameters have no 'hidden' "
                        + "to say so");
        assertThat(codec.decode(codec.encode(mlp), "mlp", mlp.params(), null).scores(d.x())).isEqualTo(mlp.scores(d.x()));
    }

    /**
     * A configuration.json DL4J cannot rebuild is refused in one plain line: DL4J's own words ran to several lines,
     * quoted the JSON and named Java classes ("JsonMappingException: Cannot invoke \"java.util.List.size()\" because
     * \"this.confs\" is null", an index out of bounds, a NullPointerException's text), and the CLI printed them whole.
     */
    @Test
    void aConfigurationDl4jCannotRebuildIsRefusedInOnePlainLine() throws IOException {
        for (String config : List.of("{\"confs\": null}", "{\"confs\": []}", "{\"confs\": [{\"layer\": null}]}",
                "{\"confs\": [{\"layer\": {\"@class\": \"java.net.URL\"}}]}", "[1]")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("configuration.json"));
                zip.write(config.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("noParams.marker"));
            }
            assertThatThrownBy(() -> codec.decode(out.toByteArray(), "mlp", Hyperparameters.empty(), null))
                    .as(config).isInstanceOf(DataException.class)
                    .hasMessage("the saved dl4j network cannot be read: its configuration.json is not a network "
                            + "configuration this build of DL4J can rebuild");
        }
    }

    @Test
    void refusesOtherBackendsClassifiers() {
        TrainedClassifier foreign = new TrainedClassifier() {
            public String kind() { return "tree"; }
            public String backend() { return "smile"; }
            public Hyperparameters params() { return Hyperparameters.empty(); }
            public double[] scores(dev.rareclass.domain.data.FeatureMatrix x) { return new double[0]; }
            public dev.rareclass.domain.model.ScoreKind scoreKind() { return dev.rareclass.domain.model.ScoreKind.PROBABILITY; }
            public String summary() { return ""; }
        };
        assertThatThrownBy(() -> codec.encode(foreign)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tree@smile");
        assertThat(codec.backend()).isEqualTo("dl4j");
    }
}
