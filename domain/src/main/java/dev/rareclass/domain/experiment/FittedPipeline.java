package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.preprocess.FittedScaler;
import java.util.ArrayList;
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

    private final List<String> featureNames;
    private final LabelMapping labelMapping;
    private final FittedScaler scaler;
    private final TrainedClassifier classifier;
    private final double threshold;
    private final String thresholdPolicy;
    private final String sampler;
    private final String classWeight;
    private final Map<String, Double> validationMetrics;
    private final Provenance provenance;

    public FittedPipeline(List<String> featureNames, LabelMapping labelMapping, FittedScaler scaler,
                          TrainedClassifier classifier, double threshold, String thresholdPolicy, String sampler,
                          String classWeight,
                          Map<String, Double> validationMetrics, Provenance provenance) {
        this.featureNames = List.copyOf(featureNames);
        this.labelMapping = Objects.requireNonNull(labelMapping, "labelMapping");
        this.scaler = Objects.requireNonNull(scaler, "scaler");
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
        if (scaler.cols() != this.featureNames.size()) {
            throw new IllegalArgumentException("scaler has " + scaler.cols() + " columns for " + featureNames.size() + " features");
        }
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public LabelMapping labelMapping() {
        return labelMapping;
    }

    public FittedScaler scaler() {
        return scaler;
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

    /**
     * Scores the table's rows. Its feature columns must be exactly the ones the model was trained on,
     * in the same order; otherwise a data error names the first difference.
     */
    public double[] scores(Table table) {
        requireSameSchema(table);
        return classifier.scores(scaler.apply(table.features()));
    }

    /** 1 where {@code score >= threshold}. */
    public int[] predict(double[] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = scores[i] >= threshold ? 1 : 0;
        }
        return out;
    }

    private void requireSameSchema(Table table) {
        List<String> got = table.featureNames();
        if (got.equals(featureNames)) {
            return;
        }
        List<String> missing = new ArrayList<>(featureNames);
        missing.removeAll(got);
        List<String> extra = new ArrayList<>(got);
        extra.removeAll(featureNames);
        String detail;
        if (!missing.isEmpty()) {
            detail = "missing column(s) " + String.join(", ", head(missing));
        } else if (!extra.isEmpty()) {
            detail = "unexpected column(s) " + String.join(", ", head(extra)) + " (use --drop)";
        } else {
            detail = "the columns are in a different order than at training";
        }
        throw new DataException(table.source() + ": columns do not match the model's input schema: " + detail);
    }

    private static List<String> head(List<String> names) {
        return names.size() <= 5 ? names : names.subList(0, 5);
    }
}
