package dev.rareclass.dl4j.lean;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one way into the lean layers: {@link #install} swaps the layer objects of an initialised or restored network
 * for leaner implementations of the same configured layers ({@link ScatterFreeEmbedding} for the sparse text
 * input's embedding sum and its pooling, {@link LeanDense} for dense, output and activation layers, both computing
 * DL4J's dropout with {@link InvertedDropout}). Configuration, parameters, updater and loss stay DL4J's, so a
 * saved network is an ordinary DL4J network; a restored one must be given its lean layers again so that it scores
 * as it did when trained.
 *
 * <p>{@code -Drareclass.dl4j.lean=false} ({@link #PROPERTY}) leaves every network with DL4J's own layers, for
 * chasing a numerical question: both give the same numbers to float rounding (not to the bit: sums run in another
 * order), and the same draws for dropout.
 */
public final class LeanLayers {

    /** The system property that, set to {@code false}, turns the lean layers off. */
    public static final String PROPERTY = "rareclass.dl4j.lean";

    private LeanLayers() {
    }

    /** Whether the lean layers are on: unless {@link #PROPERTY} is {@code false} (read at every call). */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").strip());
    }

    /**
     * Replaces the layers of {@code net} that have a lean form, keeping their parameters and gradient views. Call
     * right after {@code init()} (and any change of the initial weights) and after every restore, before the first
     * fit or output. Installing twice changes nothing; with the lean layers {@linkplain #enabled off}, nothing.
     */
    public static void install(MultiLayerNetwork net) {
        if (!enabled()) {
            return;
        }
        ScatterFreeEmbedding.install(net);
        LeanDense.install(net);
    }

    /**
     * Hands the embedding of a sparse network the unmasked positions of the input the caller just built, row by
     * row (row {@code r}'s are {@code start[r] .. start[r + 1]}, with their ids and mask values), so that it need not
     * read the {@code ids} and {@code mask} arrays back from native memory. Used by the next forward pass on this
     * thread if its input and mask are those very arrays; ignored otherwise.
     */
    public static void hintPositions(INDArray ids, INDArray mask, int rows, int[] start, int[] id, float[] weight) {
        if (enabled()) {
            ScatterFreeEmbedding.hint(ids, mask, rows, start, id, weight);
        }
    }
}
