package dev.rareclass.domain.sampling;

/**
 * Rebalances training rows (imbalanced-learn's {@code fit_resample}). Runs on training rows only — the
 * pipeline never passes validation or test rows. Deterministic for a seed; thread-safe.
 */
public interface Sampler {

    /** The registered name, such as {@code smote}. */
    String name();

    Resampled resample(SamplingInput input, long seed);

    /**
     * True when it only keeps or repeats whole rows (random over- and under-sampling), never measuring distances
     * between them or drawing new ones: the only kind that can rebalance rows with text features, whose words it
     * would not see (they are the matrix's sparse companion, outside its dense columns). False by default.
     */
    default boolean picksWholeRows() {
        return false;
    }

    /**
     * What this sampler had to adjust in its resamplings so far, one line per distinct adjustment (such as
     * "smote k=5 capped at 3: only 4 positive rows to draw neighbours from"), for the user to hear once however
     * many training parts it resampled. Callers read it after their last resampling; empty by default.
     */
    default java.util.List<String> notes() {
        return java.util.List.of();
    }
}
