package dev.rareclass.domain.experiment;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import dev.rareclass.domain.threshold.ThresholdPolicy;
import java.util.Objects;

/**
 * How every fit is done, whatever the model: preprocessing and feature selection fitted on training rows, the
 * threshold policy and the inner validation share it is tuned on, and the seed. Checked when made, so a bad
 * value is a usage error before any data is read.
 *
 * @param preprocessing      imputation, scaling, one-hot encoding and text vocabulary
 * @param selectTopK         keep the k best features by ANOVA F-score (0: keep all)
 * @param threshold          how the threshold is chosen
 * @param validationFraction share of training rows held out (stratified) for the threshold, early stopping and
 *                           validation metrics; 0 trains on every row and then needs a fixed threshold
 * @param seed               seeds the validation split, the sampler and training
 * @param deployPrevalence   the positive share probabilities should describe after a sampler or class weights
 *                           ({@link PriorCorrection}); 0 for the training rows' own
 */
public record FitSettings(PreprocessingSpec preprocessing, int selectTopK, ThresholdPolicy threshold,
                          double validationFraction, long seed, double deployPrevalence) {

    public FitSettings(PreprocessingSpec preprocessing, int selectTopK, ThresholdPolicy threshold,
                       double validationFraction, long seed) {
        this(preprocessing, selectTopK, threshold, validationFraction, seed, 0);
    }

    /** Standard scaling, every feature, max-F1 on a 20% validation part, seed 42: the commands' defaults. */
    public static final FitSettings DEFAULT = new FitSettings(PreprocessingSpec.STANDARD, 0,
            threshold("max-f1"), 0.2, 42);

    public FitSettings {
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(threshold, "threshold");
        if (selectTopK < 0) {
            throw new UsageException("select-top-k must be 0 (all) or more, got " + selectTopK);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new UsageException("validation split must be in [0, 1), got " + validationFraction);
        }
        if (!(deployPrevalence == 0 || (deployPrevalence > 0 && deployPrevalence < 1))) {
            throw new UsageException("deploy prevalence must be a share of positives in (0, 1), got " + deployPrevalence);
        }
        if (threshold.needsValidationData() && validationFraction == 0) {
            throw new UsageException("threshold policy " + threshold.spec() + " is tuned on validation rows; "
                    + "use a validation split above 0 or a fixed threshold");
        }
    }

    /**
     * Parses a threshold policy as users write it ({@code 0.5}, {@code max-f1}, {@code recall>=0.9}, ...).
     *
     * @throws UsageException listing the accepted forms
     */
    public static ThresholdPolicy threshold(String spec) {
        try {
            return ThresholdPolicies.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public FitSettings withPreprocessing(PreprocessingSpec p) {
        return new FitSettings(p, selectTopK, threshold, validationFraction, seed, deployPrevalence);
    }

    public FitSettings withSelectTopK(int k) {
        return new FitSettings(preprocessing, k, threshold, validationFraction, seed, deployPrevalence);
    }

    /** With another policy and validation share, checked together (a tuned policy needs validation rows). */
    public FitSettings withThreshold(ThresholdPolicy policy, double fraction) {
        return new FitSettings(preprocessing, selectTopK, policy, fraction, seed, deployPrevalence);
    }

    public FitSettings withSeed(long newSeed) {
        return new FitSettings(preprocessing, selectTopK, threshold, validationFraction, newSeed, deployPrevalence);
    }

    /** With probabilities corrected to this positive share after a sampler or class weights (0: the training rows'). */
    public FitSettings withDeployPrevalence(double prevalence) {
        return new FitSettings(preprocessing, selectTopK, threshold, validationFraction, seed, prevalence);
    }
}
