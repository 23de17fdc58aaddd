package dev.rareclass.dl4j;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained DL4J network whose single sigmoid output is the probability of the positive class.
 *
 * <p>The network never leaves this object except to {@link Dl4jModelCodec} (package-private accessor), so it
 * is immutable from the outside. {@link MultiLayerNetwork#output} keeps per-call state (input, layer
 * activations, workspaces) in the network, so {@link #scores} synchronizes on it: concurrent callers queue
 * rather than corrupt each other. Scoring a batch is a few matrix products, so the lock is held briefly;
 * callers wanting parallel scoring should split rows across separate decoded copies.
 */
public final class Dl4jTrainedClassifier implements TrainedClassifier {

    private final String kind;
    private final Hyperparameters params;
    private final MultiLayerNetwork network;
    private final TrainingHistory history;

    Dl4jTrainedClassifier(String kind, Hyperparameters params, MultiLayerNetwork network, TrainingHistory history) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.params = Objects.requireNonNull(params, "params");
        this.network = Objects.requireNonNull(network, "network");
        this.history = history;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String backend() {
        return Dl4jModule.NAME;
    }

    @Override
    public Hyperparameters params() {
        return params;
    }

    @Override
    public double[] scores(FeatureMatrix x) {
        if (x.rows() == 0) {
            return new double[0];
        }
        int expected = inputSize();
        if (x.cols() != expected) {
            throw new IllegalArgumentException("the network takes " + expected + " features, got " + x.cols());
        }
        Dl4jRuntime.ensureConfigured();
        INDArray in = Nd4j.create(x.data(), new long[] {x.rows(), x.cols()}, 'c');
        INDArray out;
        synchronized (network) {
            out = network.output(in, false);
        }
        return out.toDoubleVector();
    }

    @Override
    public ScoreKind scoreKind() {
        return ScoreKind.PROBABILITY;
    }

    @Override
    public Optional<TrainingHistory> history() {
        return Optional.ofNullable(history);
    }

    /** One line per layer: type, {@code in → out}, activation, parameter count; then the total. */
    @Override
    public String summary() {
        StringBuilder sb = new StringBuilder(kind).append("@dl4j network\n");
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            var conf = layers[i].conf().getLayer();
            sb.append(String.format(java.util.Locale.ROOT, "  %d %-7s", i, conf instanceof org.deeplearning4j.nn.conf.layers.OutputLayer ? "output" : "dense"));
            if (conf instanceof FeedForwardLayer ff) {
                sb.append(String.format(java.util.Locale.ROOT, " %d -> %d %s", ff.getNIn(), ff.getNOut(), ff.getActivationFn()));
            }
            sb.append(String.format(java.util.Locale.ROOT, ", %d params%n", layers[i].numParams()));
        }
        sb.append("  total ").append(network.numParams()).append(" params");
        return sb.toString();
    }

    /** For the codec only. */
    MultiLayerNetwork network() {
        return network;
    }

    private int inputSize() {
        return (int) ((FeedForwardLayer) network.getLayer(0).conf().getLayer()).getNIn();
    }
}
