package dev.rareclass.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.SyntheticRareEvents;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.FakeCatalog;
import dev.rareclass.domain.experiment.FakeSamplers;
import dev.rareclass.domain.experiment.FitSettings;
import dev.rareclass.domain.experiment.ModelReport;
import dev.rareclass.domain.experiment.PipelineFitter;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.metrics.BootstrapIntervals;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * {@code train --report}'s bootstrap intervals are drawn with the training's {@code --seed}, as every other random step
 * of it: they were drawn with the evaluation's default seed 0 whatever the run's seed, so two runs differing only in
 * their seed could not show two draws of the intervals, and a seed's run could not be repeated by {@code evaluate --seed}.
 */
class TrainingReportSeedTest {

    private final PipelineFitter fitter = new PipelineFitter(new FakeCatalog(), new FakeSamplers());

    private ModelReport trainedWithSeed(Table table, long seed) {
        PipelineSpec spec = PipelineSpec.of(ModelId.of("centroid", "fake"), Hyperparameters.empty())
                .withFit(FitSettings.DEFAULT.withSeed(seed).withThreshold(FitSettings.threshold("max-f1"), 0.2));
        PipelineFitter.Scored scored = fitter.fitScored(table, fitter.resolve(spec), "", ProgressListener.NONE);
        return ModelReports.trained(scored.model(), table, scored);
    }

    @Test
    void theReportsIntervalsAreDrawnWithTheTrainingsSeed() {
        Table table = SyntheticRareEvents.generate(2000, 6, 3, 0.05, 11);
        ModelReport report = trainedWithSeed(table, 42);
        int[] y = report.scores().labels();
        double[] scores = report.scores().scores();
        double threshold = report.evaluation().metrics().threshold();
        assertThat(report.evaluation().intervals()).isEqualTo(
                BootstrapIntervals.of(y, scores, threshold, BootstrapIntervals.RESAMPLES, 42));
        // the default evaluation seed draws other intervals of the same scores: the check above can tell them apart
        assertThat(BootstrapIntervals.of(y, scores, threshold, BootstrapIntervals.RESAMPLES, 0))
                .isNotEqualTo(report.evaluation().intervals());
    }
}
