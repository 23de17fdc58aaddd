package dev.rareclass.smile;

import java.util.Locale;
import smile.classification.MLP;

/**
 * A trained Smile multilayer perceptron. The score is its sigmoid output, the probability of class 1 (dropout
 * is off when scoring). Smile keeps each layer's working vectors per thread, so scoring from several threads
 * at once is safe.
 */
public final class SmileMlpClassifier extends SmileClassifier<MlpParams> {

    private final MLP net;

    SmileMlpClassifier(MLP net, MlpParams params, int featureCount) {
        super(SmileKind.MLP.kind, params, featureCount);
        if (net.numClasses() != 2 || featureCount < 1) {
            throw new IllegalArgumentException("a binary network with inputs was expected");
        }
        this.net = net;
    }

    MLP net() {
        return net;
    }

    @Override
    double scoreRow(double[] row) {
        return positivePosterior(net, row);
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "multilayer perceptron (Smile), %d inputs, hidden %s (%s), sigmoid output, "
                        + "%s, learning rate %s, %d epochs, batch %d", featureCount(), params.hidden(),
                String.join(",", params.activations()), params.optimizer(), params.learningRate(), params.epochs(),
                params.batchSize());
    }
}
