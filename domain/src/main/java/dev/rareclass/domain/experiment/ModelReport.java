package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainingHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a one-model report shows: the evaluation of some labelled rows, those rows' labels and scores
 * (for the threshold and score-distribution charts), the model's training history (learning curves), and
 * what the model is and where it came from.
 *
 * @param title      heading of the report
 * @param scoredPart which rows were scored, in words (such as "validation rows held out in training")
 * @param dataset    the table the rows came from
 * @param evaluation metrics, classification report and curves on the scored rows
 * @param scores     labels (0/1) and scores of the scored rows, with their costs of a missed positive when the
 *                   model's policy reads them from a column ({@code cost:@COLUMN:FP_COST})
 * @param scoreKind  probabilities, or anomaly scores (an autoencoder's reconstruction error)
 * @param history    per-epoch numbers of an iteratively trained model
 * @param model      what the model is: kind, backend, parameters, threshold, policy, sampler, class weight
 * @param provenance where the model came from: the manifest's provenance fields
 * @param validationMetrics the metrics the model recorded on its validation rows at training
 */
public record ModelReport(String title, String scoredPart, DatasetSummary dataset, Evaluation evaluation,
                          LabelledScores scores, ScoreKind scoreKind, Optional<TrainingHistory> history,
                          Map<String, String> model, Map<String, String> provenance,
                          Map<String, Double> validationMetrics) {

    public ModelReport {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(scores, "scores");
        model = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(model));
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        validationMetrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validationMetrics));
    }

    /**
     * A report of a model's scores on some labelled rows.
     *
     * @param title      heading
     * @param scoredPart which rows were scored, in words
     * @param fitted     the model
     * @param whole      the table the rows come from (for the dataset summary)
     * @param scored     the scored rows (labelled), with their cost column set aside ({@link Table#withRowCostsFrom})
     *                   when the model's policy reads one, so the report can draw the cost chart
     * @param scores     the model's scores of {@code scored}
     */
    public static ModelReport of(String title, String scoredPart, FittedPipeline fitted, Table whole, Table scored,
                                 double[] scores) {
        return of(title, scoredPart, fitted, whole, scored, scores, Evaluation.BOOTSTRAP_SEED);
    }

    /** {@link #of(String, String, FittedPipeline, Table, Table, double[])}, the bootstrap intervals drawn with {@code seed}. */
    public static ModelReport of(String title, String scoredPart, FittedPipeline fitted, Table whole, Table scored,
                                 double[] scores, long seed) {
        int[] y = scored.requireLabels().toArray();
        Evaluation evaluation = Evaluation.of(fitted, scored, y, scores, seed);
        LabelMapping mapping = Evaluation.classNames(scored, fitted);
        return new ModelReport(title, scoredPart, DatasetSummary.of(whole), evaluation,
                new LabelledScores(scored.source(), mapping, y, scores, scored.rowCosts().orElse(null)),
                fitted.classifier().scoreKind(),
                fitted.learningCurve(), modelFacts(fitted), provenanceFacts(fitted.provenance()),
                fitted.validationMetrics());
    }

    /** This report of another evaluation of the same rows (the same one with more warnings). */
    public ModelReport withEvaluation(Evaluation other) {
        return new ModelReport(title, scoredPart, dataset, other, scores, scoreKind, history, model, provenance,
                validationMetrics);
    }

    /** What a model is, as label → value lines: kind, parameters, threshold and policy, sampler, inputs, epochs. */
    public static Map<String, String> modelFacts(FittedPipeline m) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("model", m.classifier().id().toString());
        StringBuilder params = new StringBuilder();
        m.classifier().params().asMap().forEach((k, v) -> params.append(params.isEmpty() ? "" : ", ").append(k)
                .append('=').append(v));
        facts.put("parameters", params.isEmpty() ? "(defaults)" : params.toString());
        facts.put("scores", m.classifier().scoreKind() == ScoreKind.ANOMALY
                ? "anomaly score (reconstruction error; higher = more likely positive)" : "probability of the positive class");
        facts.put("threshold", dev.rareclass.domain.threshold.ThresholdPolicies.text(m.threshold()));
        facts.put("threshold policy", m.thresholdPolicy());
        facts.put("sampler", m.sampler());
        facts.put("class weight", m.classWeight());
        m.priorCorrection().ifPresent(pc -> facts.put("prior correction", String.format(Locale.ROOT,
                "probabilities mapped from the %.4g%% positives the classifier learned from to %.4g%%",
                100 * pc.fitted(), 100 * pc.target())));
        m.calibration().ifPresent(cal -> facts.put("calibration", cal.describe()));
        facts.put("label", m.labelMapping().column() + " (positive: " + m.labelMapping().positiveValue()
                + ", negative: " + m.labelMapping().negativeValue() + ")"
                + (m.provenance().shiftLabels() > 0 ? "; shifted " + m.provenance().shiftLabels() + " rows earlier, the "
                        + "event rows dropped (--shift-labels " + m.provenance().shiftLabels() + ")" : ""));
        facts.put("input columns", Integer.toString(m.featureNames().size()));
        // --select-top-k: which features the model reads (SelectKBest's get_feature_names_out), not only how many
        m.selector().ifPresent(selector -> {
            List<String> features = m.preprocessor().outputNames();
            if (selector.inputWidth() == features.size()) {
                facts.put("selected features", selector.kept().length + " of " + features.size()
                        + " features (best ANOVA F-scores): " + String.join(", ", selector.keptNames(features)));
            }
        });
        // a boosted model's history counts rounds, a network's epochs
        boolean rounds = m.classifier().id().countsRounds();
        m.classifier().history().ifPresent(h -> facts.put(rounds ? "boosting rounds" : "epochs", h.epochs().size()
                + (rounds ? " (the model kept from round " : " (weights kept from epoch ") + h.bestEpoch() + ")"));
        m.firstFitHistory().ifPresent(h -> facts.put("learning curve", "of the first fit, with validation rows: "
                + h.epochs().size() + (rounds ? " rounds, the best " : " epochs, the best ") + h.bestEpoch()
                + " (the model was refit on every row for as many)"));
        return facts;
    }

    /** Where a model came from, as label → value lines. */
    public static Map<String, String> provenanceFacts(Provenance p) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("created", p.createdAt());
        facts.put("rareclass", p.rareclassVersion());
        facts.put("java", p.javaVersion());
        facts.put("training data", p.dataSource());
        // none for generated data, and none for data read once from standard input or a pipe (nothing to read again)
        facts.put("data SHA-256", p.dataSha256().isEmpty()
                ? "(none: generated data, or read from standard input or a pipe)" : p.dataSha256());
        facts.put("seed", Long.toString(p.seed()));
        facts.put("training rows", Integer.toString(p.trainingRows()));
        facts.put("validation rows", Integer.toString(p.validationRows()));
        if (!p.selection().isEmpty()) {
            facts.put("threshold chosen", p.selection());
        }
        Environment e = p.environment();
        if (!e.equals(Environment.UNKNOWN)) {
            facts.put("machine", e.os() + ", " + e.arch() + ", " + e.cpus() + " processors");
            facts.put("jdk", e.jdk());
            facts.put("rareclass commit", e.commit());
        }
        if (!p.reading().isEmpty()) {
            facts.put("data read with", readWith(p.reading()));
        }
        return facts;
    }

    /** How a table was read, as {@code inspect} shows it: "format csv; dropped id; missing values: drop". */
    public static String readWith(ReadingOptions r) {
        StringBuilder read = new StringBuilder();
        r.format().ifPresent(f -> read.append("format ").append(f).append("; "));
        r.header().filter(h -> !h).ifPresent(h -> read.append("no header; "));
        r.delimiter().ifPresent(d -> read.append("delimiter '").append(d == '\t' ? "tab" : String.valueOf(d)).append("'; "));
        r.drop().filter(c -> !c.isEmpty()).ifPresent(c -> read.append("dropped ").append(String.join(", ", c)).append("; "));
        r.categorical().filter(c -> !c.isEmpty()).ifPresent(c -> read.append("categorical ").append(String.join(", ", c)).append("; "));
        r.text().filter(c -> !c.isEmpty()).ifPresent(c -> read.append("text ").append(String.join(", ", c)).append("; "));
        r.missing().ifPresent(m -> read.append("missing values: ").append(m.key()));
        return read.toString().replaceAll("; $", "");
    }
}
