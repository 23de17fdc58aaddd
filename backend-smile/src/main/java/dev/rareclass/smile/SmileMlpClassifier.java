package dev.rareclass.smile;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.Locale;
import smile.classification.MLP;

/**
 * A trained Smile multilayer perceptron. The score is its sigmoid output, the probability of class 1 (dropout
 * is off when scoring). Smile keeps each layer's working vectors per thread, so scoring from several threads
 * at once is safe.
 */
public final class SmileMlpClassifier implements SmileTrainedClassifier {

    private final MLP net;
    private final MlpParams params;
    private final int featureCount;

    SmileMlpClassifier(MLP net, MlpParams params, int featureCount) {
        if (net.numClasses() != 2 || featureCount < 1) {
            throw new IllegalArgumentException("a binary network with inputs was expected");
        }
        this.net = net;
        this.params = params;
        this.featureCount = featureCount;
    }

    MLP net() {
        return net;
    }

    @Override
    public String kind() {
        return MlpFactory.KIND;
    }

    @Override
    public Hyperparameters params() {
        return params.toHyperparameters();
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    @Override
    public double[] scores(FeatureMatrix x) {
        Features.requireColumns(x, featureCount, MlpFactory.MODEL);
        double[][] rows = Features.rows(x);
        double[] out = new double[rows.length];
        double[] posteriori = new double[2];
        for (int r = 0; r < out.length; r++) {
            net.predict(rows[r], posteriori);
            out[r] = posteriori[1];
        }
        return out;
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "multilayer perceptron (Smile), %d inputs, hidden %s (%s), sigmoid output, "
                        + "%s, learning rate %s, %d epochs, batch %d", featureCount, params.hidden(),
                String.join(",", params.activations()), params.optimizer(), params.learningRate(), params.epochs(),
                params.batchSize());
    }
}
