package dev.rareclass.app.cli;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.FitSettings;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import dev.rareclass.domain.preprocess.Scaling;
import dev.rareclass.domain.preprocess.UnknownCategories;
import picocli.CommandLine.Option;

/** How every fit is done, for every command that fits models: preprocessing, threshold, validation share, seed. */
final class FitOptions {

    @Option(names = "--threshold", defaultValue = "max-f1", paramLabel = "POLICY",
            completionCandidates = Candidates.Thresholds.class,
            description = "Threshold policy: ${COMPLETION-CANDIDATES} (R, P, F in [0, 1]); tuned policies are chosen on "
                    + "the inner validation rows (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--validation-split", paramLabel = "FRACTION",
            description = "Share of each training part held out (stratified) from a first fit whose scores on it tune "
                    + "the threshold and stop networks early; the model is then refit on every row and keeps that "
                    + "threshold (default: 0.2; 0 fits once, with a fixed threshold). A random forest without a "
                    + "sampler fits once instead and tunes it on every row's out-of-bag score.")
    Double validationSplit;

    @Option(names = "--threshold-cv", paramLabel = "K",
            description = "Tune the threshold on the out-of-fold scores of an inner stratified K-fold instead of a "
                    + "hold-out, then refit on every row: K + 1 fits in place of 2, a steadier threshold on small "
                    + "tables (scikit-learn's TunedThresholdClassifierCV).")
    Integer thresholdCv;

    @Option(names = "--calibration", defaultValue = "none", paramLabel = "none|sigmoid|isotonic",
            description = "Map scores to probabilities with a calibration fitted on the held-out (or out-of-fold) "
                    + "scores the threshold is chosen on: sigmoid (Platt) or isotonic, as scikit-learn's "
                    + "CalibratedClassifierCV; stored in the model file and applied by predict, evaluate and serve "
                    + "(default: ${DEFAULT-VALUE}).")
    String calibration;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the splits, the samplers and training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "standard", paramLabel = "standard|min-max|none",
            description = "Scaling of numeric columns, fitted on training rows (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--unknown", defaultValue = "ignore", paramLabel = "ignore|error",
            description = "A category unseen in training: encode as none, or refuse the row (default: ${DEFAULT-VALUE}).")
    String unknown;

    @Option(names = "--vocabulary", defaultValue = "10000", paramLabel = "N",
            description = "Words kept per text column: the N in most training documents (default: ${DEFAULT-VALUE}).")
    int vocabulary;

    @Option(names = "--max-categories", defaultValue = "1000", paramLabel = "N",
            description = "The most distinct training values a categorical column may have; a column with more (an ID, "
                    + "a timestamp, free text) is refused before it becomes one-hot columns (default: ${DEFAULT-VALUE}).")
    int maxCategories;

    @Option(names = "--select-top-k", defaultValue = "0", paramLabel = "K",
            description = "Keep the K features with the best ANOVA F-score on the training rows, as scikit-learn's "
                    + "SelectKBest (default: ${DEFAULT-VALUE}, keep all).")
    int selectTopK;

    @Option(names = "--deploy-prevalence", paramLabel = "P",
            description = "After a sampler or class weights, map the model's probabilities to this share of positives "
                    + "(the base rate where it will run) instead of the training rows' own (default: the training "
                    + "rows' share). With --calibration, the calibration learns the training rows' rate and its "
                    + "probabilities are then moved to this one.")
    Double deployPrevalence;

    /** The settings, with the imputation part of {@code --missing}; a bad value is a usage error here. */
    FitSettings toSettings(MissingPolicy missing) {
        if (vocabulary < 1) {
            throw new UsageException("--vocabulary must be 1 or more, got " + vocabulary);
        }
        if (maxCategories < 1) {
            throw new UsageException("--max-categories must be 1 or more, got " + maxCategories);
        }
        if (selectTopK < 0) {
            throw new UsageException("--select-top-k must be 0 (keep all) or more, got " + selectTopK);
        }
        if (validationSplit != null && !(validationSplit >= 0 && validationSplit < 1)) {
            throw new UsageException("--validation-split must be a fraction in [0, 1), got " + validationSplit);
        }
        if (thresholdCv != null && (thresholdCv < 2 || thresholdCv > 100)) {
            throw new UsageException("--threshold-cv must be a number of folds from 2 to 100, got " + thresholdCv);
        }
        if (thresholdCv != null && validationSplit != null && validationSplit > 0) {
            throw new UsageException("--threshold-cv and --validation-split " + validationSplit + " are two ways of "
                    + "choosing the threshold; give one of them");
        }
        double split = validationSplit != null ? validationSplit : thresholdCv != null ? 0 : 0.2;
        PreprocessingSpec preprocessing = new PreprocessingSpec(Scaling.fromKey(scale), missing,
                UnknownCategories.fromKey(unknown), vocabulary, maxCategories);
        if (deployPrevalence != null && !(deployPrevalence > 0 && deployPrevalence < 1)) {
            throw new UsageException("--deploy-prevalence must be a share of positives between 0 and 1, got "
                    + deployPrevalence);
        }
        return new FitSettings(preprocessing, selectTopK, FitSettings.threshold(threshold), split, seed,
                deployPrevalence == null ? 0 : deployPrevalence, thresholdCv == null ? 0 : thresholdCv, calibration);
    }
}
