package dev.rareclass.domain.model;

import java.util.List;

/**
 * Per-epoch numbers of an iteratively trained model, kept with the model for learning curves.
 *
 * @param epochs    one record per completed epoch, in order
 * @param bestEpoch the epoch whose weights the model kept (the last one unless a checkpoint was restored)
 */
public record TrainingHistory(List<EpochRecord> epochs, int bestEpoch) {

    /**
     * The key of the penalty (L1, L2) included in an epoch's {@code loss}, when the trainer's loss includes one
     * (DL4J's does): {@code loss} minus it is the data loss alone, on the basis of a {@code val_loss} without it.
     */
    public static final String PENALTY = "penalty";

    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }
}
