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
 * A trained DL4J network: either one sigmoid output, the probability of the positive class
 * ({@link Output#PROBABILITY}), or an autoencoder whose score is each row's reconstruction error, the mean
 * squared difference between its features and the network's output ({@link Output#RECONSTRUCTION_ERROR},
 * an {@link ScoreKind#ANOMALY} score).
 *
 * <p>The network never leaves this object except to {@link Dl4jModelCodec} (package-private accessor), so it
 * is immutable from the outside. {@link MultiLayerNetwork#output} keeps per-call state (input, layer
 * activations, workspaces) in the network, so {@link #scores} synchronizes on it: concurrent callers queue
 * rather than corrupt each other. Scoring a batch is a few matrix products, so the lock is held briefly;
 * callers wanting parallel scoring should split rows across separate decoded copies.
 */
public final class Dl4jTrainedClassifier implements TrainedClassifier {

    /** What the network's output means. */
    enum Output {
        PROBABILITY,
        RECONSTRUCTION_ERROR;

        /** The output a saved model of this kind has. */
        static Output forKind(String kind) {
            return kind.equals(AutoencoderTrainerFactory.KIND) ? RECONSTRUCTION_ERROR : PROBABILITY;
        }
    }

    private final String kind;
    private final Hyperparameters params;
    private final MultiLayerNetwork network;
    private final TrainingHistory history;
    private final Output output;
    /** An autoencoder's input clipping ({@code clip}), 0 for none. */
    private final double clip;

    Dl4jTrainedClassifier(String kind, Hyperparameters params, MultiLayerNetwork network, TrainingHistory history,
                          Output output) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.params = Objects.requireNonNull(params, "params");
        this.network = Objects.requireNonNull(network, "network");
        this.history = history;
        this.output = Objects.requireNonNull(output, "output");
        this.clip = output == Output.RECONSTRUCTION_ERROR ? AutoencoderParams.clipOf(params) : 0;
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
        Dl4jRuntime.ensureConfigured();
        if (isSparse()) {
            if (!SparseInputs.applies(x) || SparseInputs.inputSize(x) != expected) {
                throw new IllegalArgumentException("the network takes " + (expected - 1) + " sparse features alone, got " + x);
            }
            synchronized (network) {
                return SparseInputs.output(network, x).toDoubleVector();
            }
        }
        if (x.sparse().isPresent()) {
            x = SparseInputs.densify(x);
        }
        if (x.cols() != expected) {
            throw new IllegalArgumentException("the network takes " + expected + " features, got " + x.cols());
        }
        x = clipped(x, clip);
        INDArray in = Nd4j.create(x.data(), new long[] {x.rows(), x.cols()}, 'c');
        INDArray out;
        synchronized (network) {
            out = network.output(in, false);
        }
        if (output == Output.PROBABILITY) {
            return out.toDoubleVector();
        }
        return reconstructionErrors(x, out.data().asFloat());
    }

    /** {@code x} with every value clipped to [-limit, limit]; {@code x} itself when {@code limit} is 0. */
    static FeatureMatrix clipped(FeatureMatrix x, double limit) {
        if (limit == 0) {
            return x;
        }
        float lo = (float) -limit;
        float hi = (float) limit;
        float[] in = x.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.min(hi, Math.max(lo, in[i]));
        }
        return FeatureMatrix.wrap(x.rows(), x.cols(), out);
    }

    /** Mean over features of the squared difference, per row, accumulated in double. */
    static double[] reconstructionErrors(FeatureMatrix x, float[] reconstructed) {
        int cols = x.cols();
        float[] in = x.data();
        double[] err = new double[x.rows()];
        for (int r = 0; r < err.length; r++) {
            double sum = 0;
            for (int c = r * cols, end = c + cols; c < end; c++) {
                double d = (double) reconstructed[c] - in[c];
                sum += d * d;
            }
            err[r] = sum / cols;
        }
        return err;
    }

    @Override
    public boolean readsSparseFeatures() {
        return true;
    }

    /**
     * A {@code logistic} network's weights, one per feature: its only layer is one sigmoid unit, so a weight is what
     * its feature adds to the log-odds, as {@code logistic@smile}'s coefficients. The sparse form's embedding holds the
     * bias in row 0 ({@link SparseInputs}), left out as the dense form's bias is. Empty for every other kind.
     */
    @Override
    public Optional<double[]> linearWeights() {
        if (!kind.equals(LogisticNetworkFactory.KIND) || network.getLayers().length == 0) {
            return Optional.empty();
        }
        double[] w = network.getLayer(0).getParam(org.deeplearning4j.nn.params.DefaultParamInitializer.WEIGHT_KEY)
                .toDoubleVector();
        return Optional.of(isSparse() ? java.util.Arrays.copyOfRange(w, 1, w.length) : w);
    }

    @Override
    public ScoreKind scoreKind() {
        return output == Output.PROBABILITY ? ScoreKind.PROBABILITY : ScoreKind.ANOMALY;
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
            String type = switch (conf) {
                case org.deeplearning4j.nn.conf.layers.OutputLayer o -> "output";
                case org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer e -> "embedding-sum";
                case org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer g -> "sum-pool";
                case org.deeplearning4j.nn.conf.layers.ActivationLayer a -> "activation " + a.getActivationFn();
                case org.deeplearning4j.nn.conf.layers.LossLayer l -> "loss " + l.getActivationFn();
                default -> "dense";
            };
            sb.append(String.format(java.util.Locale.ROOT, "  %d %-7s", i, type));
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

    /** Whether the network is the {@link NetworkConfigs#sparse embedding-sum} kind. */
    private boolean isSparse() {
        return network.getLayer(0).conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
    }

    private int inputSize() {
        return (int) ((FeedForwardLayer) network.getLayer(0).conf().getLayer()).getNIn();
    }
}
