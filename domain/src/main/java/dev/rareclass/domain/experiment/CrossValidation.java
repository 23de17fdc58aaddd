package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.Fold;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Splits;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.model.ScoreKind;
import dev.rareclass.domain.model.TrainerFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stratified k-fold cross-validation of several candidates on the same folds. Each fold fits the whole
 * pipeline ({@link PipelineFitter}) on the training part only — scaler, classifier and threshold (on an
 * inner validation split) — and scores the held-out part, which nothing fitted has seen.
 */
public final class CrossValidation {

    private final PipelineFitter fitter;

    public CrossValidation(PipelineFitter fitter) {
        this.fitter = fitter;
    }

    /**
     * @param table      labelled rows
     * @param candidates what to compare (each spec's seed is replaced by {@code seed})
     * @param folds      number of folds (k)
     * @param seed       seeds the folds and every fit
     * @param metric     the ranking metric
     * @param progress   reports finished folds
     */
    public Leaderboard run(Table table, List<PipelineSpec> candidates, int folds, long seed, MetricName metric,
                           ProgressListener progress) {
        List<TrainerFactory> factories = candidates.stream().map(fitter::check).toList();
        Labels y = table.requireLabels();
        PipelineFitter.requireBothClasses(table, y);
        List<Fold> split = Splits.stratifiedKFold(y, folds, seed);
        long total = (long) candidates.size() * folds;
        long done = 0;
        List<LeaderboardRow> rows = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            PipelineSpec spec = candidates.get(c);
            TrainerFactory factory = factories.get(c);
            Map<MetricName, double[]> values = new EnumMap<>(MetricName.class);
            for (MetricName m : MetricName.values()) {
                values.put(m, new double[folds]);
            }
            double[] fitSeconds = new double[folds];
            for (int f = 0; f < folds; f++) {
                Fold fold = split.get(f);
                PipelineSpec foldSpec = spec.withSeed(seed + 1000L * f);
                long t0 = System.nanoTime();
                FittedPipeline model = fitter.fit(table.selectRows(fold.train()), foldSpec, "", ProgressListener.NONE);
                fitSeconds[f] = (System.nanoTime() - t0) / 1e9;
                Table test = table.selectRows(fold.test());
                double[] scores = model.scores(test);
                BinaryMetrics m = BinaryMetrics.compute(test.requireLabels().toArray(), scores, model.threshold(),
                        model.classifier().scoreKind() == ScoreKind.PROBABILITY);
                for (MetricName name : MetricName.values()) {
                    values.get(name)[f] = m.get(name);
                }
                progress.update("cross-validation", ++done, total);
            }
            Map<MetricName, Summary> summaries = new EnumMap<>(MetricName.class);
            Map<MetricName, List<Double>> perFold = new EnumMap<>(MetricName.class);
            for (MetricName name : MetricName.values()) {
                summaries.put(name, Summary.of(values.get(name)));
                perFold.put(name, java.util.Arrays.stream(values.get(name)).boxed().toList());
            }
            rows.add(new LeaderboardRow(factory.kind(), factory.backend(), spec.sampler(), spec.classWeight(),
                    summaries, Summary.of(fitSeconds), perFold));
        }
        return new Leaderboard(table.source(), folds, seed, metric, rows);
    }
}
