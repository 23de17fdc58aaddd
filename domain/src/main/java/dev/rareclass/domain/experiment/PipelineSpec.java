package dev.rareclass.domain.experiment;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * What to fit: the classifier (kind, optional backend, parameters), preprocessing, class weights, the
 * threshold policy, and the share of training rows held out as inner validation data.
 *
 * @param kind               model kind, such as {@code logistic}
 * @param backend            backend name; empty picks the default for the kind
 * @param params             raw parameters, validated by the backend
 * @param preprocessing      imputation, scaling and one-hot encoding, fitted on the training rows
 * @param sampler            sampler name ({@code none} for none), applied to training rows only
 * @param samplerParams      the sampler's parameters ({@code ratio}, {@code k}, ...)
 * @param classWeight        {@code none}, {@code balanced} or {@code POS:NEG}
 * @param thresholdPolicy    a threshold policy spec, such as {@code 0.5} or {@code max-mcc}
 * @param validationFraction share of training rows held out (stratified) for the threshold and validation
 *                           metrics; 0 trains on every row and then needs a fixed threshold
 * @param seed               the seed for splits and training
 * @param selectTopK         keep the k best features by ANOVA F-score, fitted on training rows (0: keep all)
 */
public record PipelineSpec(String kind, Optional<String> backend, Hyperparameters params, PreprocessingSpec preprocessing,
                           String sampler, Hyperparameters samplerParams, String classWeight, String thresholdPolicy, double validationFraction, long seed,
                           int selectTopK) {

    public PipelineSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(samplerParams, "samplerParams");
        Objects.requireNonNull(classWeight, "classWeight");
        Objects.requireNonNull(thresholdPolicy, "thresholdPolicy");
        if (selectTopK < 0) {
            throw new UsageException("select-top-k must be 0 (all) or more, got " + selectTopK);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new UsageException("validation fraction must be in [0, 1), got " + validationFraction);
        }
    }

    /** A spec with no sampler, unweighted. */
    public static PipelineSpec of(String kind, Optional<String> backend, Hyperparameters params, PreprocessingSpec preprocessing,
                                  String thresholdPolicy, double validationFraction, long seed) {
        return new PipelineSpec(kind, backend, params, preprocessing, "none", Hyperparameters.empty(), "none",
                thresholdPolicy, validationFraction, seed, 0);
    }

    /** The same spec with another seed. */
    public PipelineSpec withSeed(long newSeed) {
        return new PipelineSpec(kind, backend, params, preprocessing, sampler, samplerParams, classWeight, thresholdPolicy,
                validationFraction, newSeed, selectTopK);
    }

    /** The {@code kind@backend} label for messages and leaderboards (backend as requested). */
    public String displayName() {
        return backend.map(b -> kind + "@" + b).orElse(kind);
    }
}
