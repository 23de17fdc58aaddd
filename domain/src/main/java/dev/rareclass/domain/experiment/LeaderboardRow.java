package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.List;

/**
 * One configuration's results over every split.
 *
 * @param model         model kind
 * @param backend       backend that trained it
 * @param params        the model's parameters as given
 * @param sampler       sampler name ({@code none} without one)
 * @param classWeight   class-weight spec
 * @param folds         results per split, in protocol order
 * @param worseThanBest significantly worse than the best row on the ranking metric (α = 0.05)
 * @param pValue        two-sided p-value of the corrected resampled t-test against the best row (NaN for the
 *                      best row itself or when the protocol has a single split)
 */
public record LeaderboardRow(String model, String backend, Hyperparameters params, String sampler, String classWeight,
                             List<FoldOutcome> folds, boolean worseThanBest, double pValue) {

    public LeaderboardRow {
        folds = List.copyOf(folds);
    }

    /** Mean ± std of a metric over the splits. */
    public Summary metric(MetricName name) {
        return Summary.of(values(name));
    }

    /** A metric's value on each split, in protocol order. */
    public double[] values(MetricName name) {
        return folds.stream().mapToDouble(f -> f.metrics().get(name)).toArray();
    }

    /**
     * Every split's held-out labels and scores (and row costs, when the splits carry them), concatenated in split order
     * (for pooled ROC and PR curves and the cost chart).
     */
    public LabelledScores pooledScores() {
        int n = folds.stream().mapToInt(f -> f.scores().labels().length).sum();
        int[] labels = new int[n];
        double[] scores = new double[n];
        // row costs (cost:@COLUMN:FP) only when every split carries them
        double[] costs = folds.stream().allMatch(f -> f.scores().rowCosts().isPresent()) ? new double[n] : null;
        int at = 0;
        for (FoldOutcome f : folds) {
            int[] y = f.scores().labels();
            System.arraycopy(y, 0, labels, at, y.length);
            System.arraycopy(f.scores().scores(), 0, scores, at, y.length);
            if (costs != null) {
                System.arraycopy(f.scores().rowCosts().orElseThrow(), 0, costs, at, y.length);
            }
            at += y.length;
        }
        LabelledScores first = folds.get(0).scores();
        return new LabelledScores(first.source(), first.mapping(), labels, scores, costs);
    }

    public Summary fitSeconds() {
        return Summary.of(folds.stream().mapToDouble(FoldOutcome::fitSeconds).toArray());
    }

    public String name() {
        return dev.rareclass.domain.model.ModelId.of(model, backend).toString();
    }

    LeaderboardRow withSignificance(boolean worse, double p) {
        return new LeaderboardRow(model, backend, params, sampler, classWeight, folds, worse, p);
    }
}
