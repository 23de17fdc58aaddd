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
 * @param validationFraction share of training rows held out (stratified) from a first fit, whose scores on them choose
 *                           the threshold, stop early and give the validation metrics; the model is then refit on
 *                           every row and keeps that threshold (a bagged ensemble without a sampler fits once and
 *                           uses its out-of-bag scores instead, see {@link PipelineFitter}). 0 fits once on every row
 *                           (a fixed threshold, or {@code thresholdFolds})
 * @param seed               seeds the validation split, the sampler and training
 * @param deployPrevalence   the positive share probabilities should describe after a sampler or class weights
 *                           ({@link PriorCorrection}); 0 for the training rows' own
 * @param thresholdFolds     K ≥ 2: choose the threshold on the out-of-fold scores of an inner stratified K-fold instead
 *                           of a hold-out, then refit on every row (K + 1 fits); 0 for the hold-out
 * @param calibration        "none", "sigmoid" or "isotonic": a {@link Calibration} fitted on the same held-out (or
 *                           out-of-fold) scores, applied before the threshold is chosen and stored with the model
 */
public record FitSettings(PreprocessingSpec preprocessing, int selectTopK, ThresholdPolicy threshold,
                          double validationFraction, long seed, double deployPrevalence, int thresholdFolds,
                          String calibration) {

    public FitSettings(PreprocessingSpec preprocessing, int selectTopK, ThresholdPolicy threshold,
                       double validationFraction, long seed) {
        this(preprocessing, selectTopK, threshold, validationFraction, seed, 0, 0, "none");
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
        calibration = Calibration.method(calibration);
        if (!calibration.equals("none") && validationFraction == 0 && thresholdFolds == 0) {
            throw new UsageException("calibration " + calibration + " is fitted on held-out scores; use a validation "
                    + "split above 0 or threshold cross-validation");
        }
        if (thresholdFolds == 1 || thresholdFolds < 0 || thresholdFolds > 100) {
            throw new UsageException("threshold cross-validation needs 2 to 100 folds (0: a hold-out), got " + thresholdFolds);
        }
        if (thresholdFolds > 0 && validationFraction > 0) {
            throw new UsageException("choose the threshold either on a hold-out (validation split " + validationFraction
                    + ") or by cross-validation (" + thresholdFolds + " folds), not both: set the validation split to 0");
        }
        if (threshold.needsValidationData() && validationFraction == 0 && thresholdFolds == 0) {
            throw new UsageException("threshold policy " + threshold.spec() + " is tuned on validation rows; "
                    + "use a validation split above 0, threshold cross-validation or a fixed threshold");
        }
    }

    /** With scores calibrated by this method ("none", "sigmoid", "isotonic"), checked with the rest. */
    public FitSettings withCalibration(String method) {
        return new FitSettings(preprocessing, selectTopK, threshold, validationFraction, seed, deployPrevalence,
                thresholdFolds, method);
    }

    /** Whether a first fit (or K of them) scores rows it never saw before the model is refit on every row. */
    public boolean refits() {
        return validationFraction > 0 || thresholdFolds > 0;
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
        return new FitSettings(p, selectTopK, threshold, validationFraction, seed, deployPrevalence, thresholdFolds, calibration);
    }

    public FitSettings withSelectTopK(int k) {
        return new FitSettings(preprocessing, k, threshold, validationFraction, seed, deployPrevalence, thresholdFolds, calibration);
    }

    /** With another policy and validation share, checked together (a tuned policy needs validation rows). */
    public FitSettings withThreshold(ThresholdPolicy policy, double fraction) {
        return new FitSettings(preprocessing, selectTopK, policy, fraction, seed, deployPrevalence, thresholdFolds, calibration);
    }

    public FitSettings withSeed(long newSeed) {
        return new FitSettings(preprocessing, selectTopK, threshold, validationFraction, newSeed, deployPrevalence, thresholdFolds, calibration);
    }

    /** With probabilities corrected to this positive share after a sampler or class weights (0: the training rows'). */
    public FitSettings withDeployPrevalence(double prevalence) {
        return new FitSettings(preprocessing, selectTopK, threshold, validationFraction, seed, prevalence, thresholdFolds, calibration);
    }

    /** Threshold chosen on the out-of-fold scores of K inner folds (0: the hold-out), checked with the validation split. */
    public FitSettings withThresholdFolds(int folds, double fraction) {
        return new FitSettings(preprocessing, selectTopK, threshold, fraction, seed, deployPrevalence, folds, calibration);
    }
}
