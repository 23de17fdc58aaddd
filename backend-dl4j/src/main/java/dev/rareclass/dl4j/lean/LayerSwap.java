package dev.rareclass.dl4j.lean;

import org.deeplearning4j.nn.api.Layer;

/**
 * Replacing a layer object of an initialised DL4J network by another implementation of the same configured layer
 * ({@link LeanDense}, {@link ScatterFreeEmbedding}): the configuration stays, so a saved network is DL4J's own.
 */
final class LayerSwap {

    private LayerSwap() {
    }

    /** Gives {@code fresh} the place, listeners, parameters and gradient views of {@code old}, which it replaces. */
    static void takeOver(Layer fresh, Layer old) {
        fresh.setIndex(old.getIndex());
        fresh.setListeners(old.getListeners());
        fresh.setParamsViewArray(old.params());
        fresh.setParamTable(old.paramTable());
        if (old.getGradientsViewArray() != null) {
            fresh.setBackpropGradientsViewArray(old.getGradientsViewArray());
        }
    }
}
