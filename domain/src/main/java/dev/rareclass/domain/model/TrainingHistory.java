package dev.rareclass.domain.model;

import java.util.List;

/**
 * Per-epoch numbers of an iteratively trained model, kept with the model for learning curves.
 *
 * @param epochs    one record per completed epoch, in order
 * @param bestEpoch the epoch whose weights the model kept (the last one unless a checkpoint was restored)
 */
public record TrainingHistory(List<EpochRecord> epochs, int bestEpoch) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }
}
