package dev.rareclass.domain.model;

import java.util.Map;

/**
 * The numbers recorded after one training epoch, such as {@code loss}, {@code val_loss},
 * {@code val_pr_auc}. Keys follow Keras' history names.
 *
 * @param epoch  1-based epoch number
 * @param values metric name → value, insertion-ordered
 */
public record EpochRecord(int epoch, Map<String, Double> values) {
    public EpochRecord {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
