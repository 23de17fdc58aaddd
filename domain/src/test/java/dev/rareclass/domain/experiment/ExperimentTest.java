package dev.rareclass.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.SyntheticRareEvents;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.sampling.SamplerChoice;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExperimentTest {

    private final FakeCatalog catalog = new FakeCatalog();
    private final Experiment experiment = new Experiment(new PipelineFitter(catalog, new FakeSamplers()));
    private final Table table = SyntheticRareEvents.generate(1200, 6, 4, 0.06, 4);

    private ExperimentPlan plan(Protocol protocol, List<String> samplers) {
        return ExperimentPlan.of(List.of(new Candidate(ModelId.of("centroid", "fake"), Hyperparameters.empty())))
                .withSamplers(samplers.stream().map(SamplerChoice::named).toList())
                .withFit(FitSettings.DEFAULT.withSeed(11).withThreshold(FitSettings.threshold("max-mcc"), 0.2))
                .withProtocol(protocol);
    }

    @Test
    void warmUpAsksEveryCandidatesBackendAndAnUnknownModelFailsThereBeforeAnyDataIsRead() {
        experiment.warmUp(plan(new Protocol.KFold(3, 1), List.of("none")));
        assertThat(catalog.warmUps).hasValue(1);
        ExperimentPlan unknown = plan(new Protocol.KFold(3, 1), List.of("none"))
                .withCandidates(List.of(new Candidate(ModelId.anyBackend("nope"), Hyperparameters.empty())));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> experiment.warmUp(unknown))
                .isInstanceOf(dev.rareclass.domain.error.UsageException.class).hasMessageContaining("unknown model 'nope'");
    }

    @Test
    void theSameSeedGivesIdenticalMetricsWhateverTheNumberOfJobs() {
        ExperimentPlan p = plan(new Protocol.KFold(4, 2), List.of("none", "duplicate-positives"));
        Leaderboard one = experiment.run(table, p, 1, ProgressListener.NONE);
        Leaderboard two = experiment.run(table, p, 2, ProgressListener.NONE);
        Leaderboard three = experiment.run(table, p, 3, ProgressListener.NONE);
        for (int r = 0; r < 2; r++) {
            for (MetricName m : MetricName.values()) {
                assertThat(two.rows().get(r).values(m)).containsExactly(one.rows().get(r).values(m));
                assertThat(three.rows().get(r).values(m)).containsExactly(one.rows().get(r).values(m));
            }
        }
    }

    @Test
    void repeatsMultiplyTheSplitsAndEveryRowIsTestedOncePerRepeat() {
        Leaderboard board = experiment.run(table, plan(new Protocol.KFold(5, 3), List.of("none")), 2, ProgressListener.NONE);
        List<FoldOutcome> folds = board.rows().get(0).folds();
        assertThat(folds).hasSize(15);
        for (int r = 0; r < 3; r++) {
            final int repeat = r;
            assertThat(folds.stream().filter(f -> f.repeat() == repeat).mapToInt(FoldOutcome::testRows).sum())
                    .isEqualTo(1200);
        }
        assertThat(board.protocol()).isEqualTo("stratified 5-fold x 3 repeats");
    }

    @Test
    void theBestRowIsFirstAndOthersCarryAPValue() {
        Leaderboard board = experiment.run(table, plan(new Protocol.KFold(5, 1), List.of("none", "duplicate-positives")), 2,
                ProgressListener.NONE);
        assertThat(board.rows()).hasSize(2);
        assertThat(board.rows().get(0).metric(MetricName.PR_AUC).mean())
                .isGreaterThanOrEqualTo(board.rows().get(1).metric(MetricName.PR_AUC).mean());
        assertThat(board.rows().get(0).pValue()).isNaN();
        assertThat(board.rows().get(1).pValue()).isBetween(0.0, 1.0);
        assertThat(board.rows().get(1).worseThanBest()).isEqualTo(board.rows().get(1).pValue() < Experiment.ALPHA);
    }

    @Test
    void holdoutAndTimeOrderedProtocolsHaveOneSplitAndNoSignificance() {
        Leaderboard holdout = experiment.run(table, plan(new Protocol.Holdout(0.25), List.of("none", "duplicate-positives")),
                1, ProgressListener.NONE);
        assertThat(holdout.rows().get(0).folds()).hasSize(1);
        assertThat(holdout.rows().get(0).folds().get(0).testRows()).isBetween(295, 305);
        assertThat(holdout.rows().get(1).pValue()).isNaN();
        assertThat(holdout.rows().get(1).worseThanBest()).isFalse();
        Leaderboard time = experiment.run(table, plan(new Protocol.TimeOrdered(0.25), List.of("none")), 1, ProgressListener.NONE);
        assertThat(time.rows().get(0).folds().get(0).testRows()).isEqualTo(300);
        assertThat(time.rows().get(0).folds().get(0).trainRows()).isEqualTo(900);
    }

    @Test
    void progressStartsAtZeroAndCountsInRoundsOfEveryConfiguration() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void update(String task, long done, long total) {
                seen.add("without round");
            }

            @Override
            public void update(String task, long done, long total, long round) {
                seen.add(task + " " + done + "/" + total + " in rounds of " + round);
            }
        };
        experiment.run(table, plan(new Protocol.KFold(3, 1), List.of("none", "duplicate-positives")), 1, listener);
        assertThat(seen).containsExactly("folds 0/6 in rounds of 2", "folds 1/6 in rounds of 2", "folds 2/6 in rounds of 2",
                "folds 3/6 in rounds of 2", "folds 4/6 in rounds of 2", "folds 5/6 in rounds of 2", "folds 6/6 in rounds of 2");
    }
}
