package dev.rareclass.domain.sampling;

/**
 * Rebalances training rows (imbalanced-learn's {@code fit_resample}). Runs on training rows only — the
 * pipeline never passes validation or test rows. Deterministic for a seed; thread-safe.
 */
public interface Sampler {

    /** The registered name, such as {@code smote}. */
    String name();

    Resampled resample(SamplingInput input, long seed);
}
