package dev.rareclass.domain.sampling;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import java.util.List;

/**
 * What a sampler sees: preprocessed training rows (never validation or test rows), their labels, and
 * which column blocks are one-hot encoded categories.
 *
 * @param x           training features after preprocessing
 * @param y           their labels
 * @param categorical one-hot blocks in {@code x}; empty for purely numeric data
 */
public record SamplingInput(FeatureMatrix x, Labels y, List<CategoricalBlock> categorical) {
    public SamplingInput {
        if (x.rows() != y.size()) {
            throw new IllegalArgumentException(x.rows() + " rows but " + y.size() + " labels");
        }
        categorical = List.copyOf(categorical);
    }

    public static SamplingInput numeric(FeatureMatrix x, Labels y) {
        return new SamplingInput(x, y, List.of());
    }
}
