package dev.rareclass.domain.usecase;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Evaluation;

/**
 * {@code rareclass score}: metrics of an existing predictions file (label and score columns), from rareclass
 * or any other tool, so numbers can be compared on equal terms.
 */
public interface ScoreUseCase {

    /**
     * @param data        the predictions file with its label column; the positive value defaults to {@code 1}
     * @param scoreColumn the score column (higher = more likely positive)
     * @param threshold   predicted positive iff score >= threshold
     * @param seed        the seed of the bootstrap intervals' resamples
     */
    record Request(DataOptions data, String scoreColumn, double threshold, long seed) {
        public Request {
            if (data.label().isEmpty()) {
                throw new UsageException("score needs --label COL (the true labels)");
            }
            if (data.positive().isEmpty()) {
                data = data.withLabel(data.label().get(), "1");
            }
            if (!Double.isFinite(threshold)) {
                throw new UsageException("--threshold must be a finite number, got " + threshold);
            }
        }

        /** With the bootstrap intervals' default seed. */
        public Request(DataOptions data, String scoreColumn, double threshold) {
            this(data, scoreColumn, threshold, Evaluation.BOOTSTRAP_SEED);
        }
    }

    Evaluation score(Request request);
}
