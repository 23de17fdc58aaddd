package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.preprocess.FeatureSelector;
import dev.rareclass.domain.preprocess.FittedPreprocessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to score new rows the way the model was trained: the input schema, the fitted
 * preprocessing, the trained classifier, and the threshold with the policy that chose it. This is what a
 * model file holds. Immutable.
 */
public final class FittedPipeline {

    private final LabelMapping labelMapping;
    private final FittedPreprocessor preprocessor;
    private final FeatureSelector selector;
    private final TrainedClassifier classifier;
    private final double threshold;
    private final String thresholdPolicy;
    private final String sampler;
    private final String classWeight;
    private final Map<String, Double> validationMetrics;
    private final Provenance provenance;
    private final ReferenceRow referenceRow;
    private final PriorCorrection prior;
    private final Calibration calibration;
    private final dev.rareclass.domain.model.TrainingHistory learningCurve;

    /**
     * A model without the optional parts below (as a test or a minimal backend builds it).
     *
     * @param selector the fitted feature selection after preprocessing, or null when every feature is kept
     */
    public FittedPipeline(LabelMapping labelMapping, FittedPreprocessor preprocessor, FeatureSelector selector,
                          TrainedClassifier classifier,
                          double threshold, String thresholdPolicy, String sampler, String classWeight,
                          Map<String, Double> validationMetrics, Provenance provenance) {
        this(labelMapping, preprocessor, selector, classifier, threshold, thresholdPolicy, sampler, classWeight,
                validationMetrics, provenance, null, null, null, null);
    }

    /**
     * Every part; the last four are optional (null).
     *
     * @param referenceRow  the typical training row reason codes compare with, or null when unknown (a model file
     *                      saved before it was recorded)
     * @param prior         the correction of the classifier's probabilities to the real base rate, or null when it
     *                      learned from rows at that rate (no sampler, no class weights) or gives no probabilities
     * @param calibration   the map of (prior-corrected) scores to probabilities fitted on held-out scores, or null for
     *                      none ({@code --calibration none})
     * @param learningCurve the per-epoch history of the first fit, whose validation rows chose the threshold and the
     *                      epochs before the model was refit on every row (training and validation loss and metrics,
     *                      where the refit's own {@link TrainedClassifier#history()} has its training loss alone), or
     *                      null when the model was not refit so or learns in no epochs
     */
    public FittedPipeline(LabelMapping labelMapping, FittedPreprocessor preprocessor, FeatureSelector selector,
                          TrainedClassifier classifier,
                          double threshold, String thresholdPolicy, String sampler, String classWeight,
                          Map<String, Double> validationMetrics, Provenance provenance, ReferenceRow referenceRow,
                          PriorCorrection prior, Calibration calibration,
                          dev.rareclass.domain.model.TrainingHistory learningCurve) {
        this.labelMapping = Objects.requireNonNull(labelMapping, "labelMapping");
        this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
        this.selector = selector;
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        this.threshold = threshold;
        this.thresholdPolicy = Objects.requireNonNull(thresholdPolicy, "thresholdPolicy");
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.classWeight = Objects.requireNonNull(classWeight, "classWeight");
        this.validationMetrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validationMetrics));
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        if (referenceRow != null && referenceRow.values().size() != preprocessor.inputNames().size()) {
            throw new IllegalArgumentException("reference row has " + referenceRow.values().size() + " values for "
                    + preprocessor.inputNames().size() + " input columns");
        }
        this.referenceRow = referenceRow;
        this.prior = prior;
        this.calibration = calibration;
        this.learningCurve = learningCurve;
    }

    /** The input columns the model expects, in order. */
    public List<String> featureNames() {
        return preprocessor.inputNames();
    }

    /** Input columns that are categorical, so readers can type them the same way as at training. */
    public List<String> categoricalInputs() {
        return preprocessor.transforms().stream().filter(t -> t.inputType().equals("categorical"))
                .map(t -> t.input()).toList();
    }

    public LabelMapping labelMapping() {
        return labelMapping;
    }

    public FittedPreprocessor preprocessor() {
        return preprocessor;
    }

    /** The feature selection applied after preprocessing, if any. */
    public java.util.Optional<FeatureSelector> selector() {
        return java.util.Optional.ofNullable(selector);
    }

    /** The features the classifier sees, after preprocessing and selection. */
    public FeatureMatrix features(Table table) {
        FeatureMatrix x = preprocessor.transform(table);
        return selector == null ? x : selector.apply(x);
    }

    public TrainedClassifier classifier() {
        return classifier;
    }

    public double threshold() {
        return threshold;
    }

    public String thresholdPolicy() {
        return thresholdPolicy;
    }

    /** The sampler applied to the training rows ({@code none} when none). */
    public String sampler() {
        return sampler;
    }

    public String classWeight() {
        return classWeight;
    }

    public Map<String, Double> validationMetrics() {
        return validationMetrics;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** The correction of the classifier's probabilities to the real base rate, when it learned from rebalanced rows. */
    public java.util.Optional<PriorCorrection> priorCorrection() {
        return java.util.Optional.ofNullable(prior);
    }

    /** The calibration of the scores, fitted on held-out scores, when one was asked for. */
    public java.util.Optional<Calibration> calibration() {
        return java.util.Optional.ofNullable(calibration);
    }

    /** The typical training row that reason codes compare with (absent in model files saved before it existed). */
    public java.util.Optional<ReferenceRow> referenceRow() {
        return java.util.Optional.ofNullable(referenceRow);
    }

    /**
     * The first fit's per-epoch history, training and validation (see the constructor), when the model was refit on
     * every row after it; empty otherwise.
     */
    public java.util.Optional<dev.rareclass.domain.model.TrainingHistory> firstFitHistory() {
        return java.util.Optional.ofNullable(learningCurve);
    }

    /**
     * The learning curves a report draws: the first fit's, with its validation loss and metrics per epoch (as a Keras
     * history with validation data), when the model was refit after it, else the classifier's own history.
     */
    public java.util.Optional<dev.rareclass.domain.model.TrainingHistory> learningCurve() {
        return learningCurve != null ? java.util.Optional.of(learningCurve) : classifier.history();
    }

    /** The same model with the first fit's history ({@link #firstFitHistory}). */
    public FittedPipeline withFirstFitHistory(dev.rareclass.domain.model.TrainingHistory history) {
        return new FittedPipeline(labelMapping, preprocessor, selector, classifier, threshold, thresholdPolicy, sampler,
                classWeight, validationMetrics, provenance, referenceRow, prior, calibration, history);
    }

    /** The same model with other provenance (a use case adds what the fit could not know, such as how the file was read). */
    public FittedPipeline withProvenance(Provenance newProvenance) {
        return new FittedPipeline(labelMapping, preprocessor, selector, classifier, threshold, thresholdPolicy, sampler,
                classWeight, validationMetrics, newProvenance, referenceRow, prior, calibration, learningCurve);
    }

    /**
     * Scores the table's rows. Its columns must be exactly the ones the model was trained on, in the same
     * order and of the same types; otherwise a data error names the first difference.
     */
    public double[] scores(Table table) {
        FeatureMatrix x = features(table);
        double[] scores = classifier.scores(classifier.readsSparseFeatures() ? x : x.densified());
        requireUsable(scores, table, classifier);
        if (prior != null) {
            prior.applyAll(scores);
        }
        return calibration == null ? scores : calibration.applyAll(scores);
    }

    /**
     * Refuses scores that are not finite numbers, naming the first such row: a network whose activations overflowed
     * (a value near the float range's end, or a fit that diverged on unscaled features) gives NaN, which would
     * otherwise be written as a prediction, or served as {@code null} and classed negative. A classifier of
     * probabilities that gives a score outside [0, 1] is refused too: no fitted one does, so its model file was
     * altered (a network's sigmoid output swapped for another activation), and its scores would be used as
     * probabilities everywhere after (calibration, log-loss, Brier score).
     */
    static void requireUsable(double[] scores, Table rows, TrainedClassifier classifier) {
        boolean probabilities = classifier.scoreKind() == ScoreKind.PROBABILITY;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new dev.rareclass.domain.error.DataException(rows.source() + ", data row " + rows.rowNumber(i)
                        + ": " + classifier.kind() + "@" + classifier.backend() + " gives no finite score for it ("
                        + scores[i] + "): a value far outside the training rows' range, or a fit that diverged "
                        + "(scaled features, --scale standard, or a lower learning-rate help)");
            }
            if (probabilities && (scores[i] < 0 || scores[i] > 1)) {
                throw new dev.rareclass.domain.error.DataException(rows.source() + ", data row " + rows.rowNumber(i)
                        + ": " + classifier.kind() + "@" + classifier.backend() + " gives it a score of " + scores[i]
                        + ", not a probability in [0, 1]: the model file was altered after training");
            }
        }
    }

    /** 1 where {@code score >= threshold}. */
    public int[] predict(double[] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = scores[i] >= threshold ? 1 : 0;
        }
        return out;
    }
}
