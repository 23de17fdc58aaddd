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
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * {@code train --report} says whether the scored rows chose the threshold or only measured one given outright, on a
 * hold-out, out-of-fold and out-of-bag scores alike ("the threshold was chosen on these scores" was said of {@code --threshold
 * 0.5}).
 */
class TrainingReportThresholdWordingTest {

    private final PipelineFitter fitter = new PipelineFitter(new FakeCatalog(), new FakeSamplers());

    private ModelReport trained(String kind, String threshold, int folds) {
        Table table = SyntheticRareEvents.generate(600, 4, 2, 0.1, 5);
        FitSettings fit = FitSettings.DEFAULT.withSeed(3).withThreshold(FitSettings.threshold(threshold), 0.2);
        PipelineSpec spec = PipelineSpec.of(ModelId.of(kind, "fake"), Hyperparameters.empty())
                .withFit(folds > 0 ? fit.withThresholdFolds(folds, 0) : fit);
        PipelineFitter.Scored scored = fitter.fitScored(table, fitter.resolve(spec), "", ProgressListener.NONE);
        return ModelReports.trained(scored.model(), table, scored);
    }

    @Test
    void aFixedThresholdIsSaidToBeGivenAndAChosenOneToBeChosen() {
        // a hold-out, out-of-fold scores, and a bagged model's out-of-bag scores
        for (String[] c : new String[][] {{"centroid", "0"}, {"centroid", "3"}, {"bagged", "0"}}) {
            int folds = Integer.parseInt(c[1]);
            assertThat(trained(c[0], "0.5", folds).scoredPart()).as("%s, folds %d", c[0], folds)
                    .contains("the threshold was given (0.5), not chosen on them").doesNotContain("chosen on these");
            assertThat(trained(c[0], "max-f1", folds).scoredPart()).as("%s, folds %d", c[0], folds)
                    .contains("the threshold was chosen on these scores");
        }
        assertThat(trained("bagged", "0.5", 0).scoredPart()).startsWith("the out-of-bag scores");
    }
}
