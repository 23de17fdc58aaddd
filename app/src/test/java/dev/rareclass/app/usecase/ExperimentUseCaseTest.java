package dev.rareclass.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rareclass.app.wiring.AppModule;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.Protocol;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.sampling.SamplerChoice;
import dev.rareclass.domain.usecase.ExperimentUseCase;
import dev.rareclass.domain.usecase.ReportRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment use case driven as any front end would, with no command line: the wiring and a request. */
class ExperimentUseCaseTest {

    private static final Injector INJECTOR = Guice.createInjector(new AppModule());

    @TempDir
    Path dir;

    private final ExperimentUseCase experiments = INJECTOR.getInstance(ExperimentUseCase.class);

    private static ExperimentPlan plan() {
        return ExperimentPlan.of(List.of(Candidate.parse("logistic", Hyperparameters.empty()),
                        Candidate.parse("random-forest@smile", Hyperparameters.parse(List.of("trees=20")))))
                .withSamplers(List.of(SamplerChoice.NONE, SamplerChoice.named("random-under")))
                .withProtocol(new Protocol.KFold(3, 1));
    }

    @Test
    void aComparisonOnGeneratedDataRanksEveryConfigurationAndWritesItsFolder() {
        Path out = dir.resolve("results");
        var request = ExperimentUseCase.Request.compare("test", new ExperimentUseCase.Generated(600, 8, 0.08, 5),
                plan(), 2, new ReportRequest(java.util.Optional.of(out), java.util.Optional.empty()));
        ExperimentUseCase.Result result = experiments.run(request, ProgressListener.NONE);

        assertThat(result.leaderboard().rows()).hasSize(4);
        assertThat(result.leaderboard().rows()).allSatisfy(row -> assertThat(row.folds()).hasSize(3));
        assertThat(result.leaderboard().rows().stream().map(r -> r.model() + "@" + r.backend()).distinct())
                .containsExactlyInAnyOrder("logistic@smile", "random-forest@smile");
        assertThat(result.bestParams()).isEmpty();
        assertThat(result.results()).contains(out);
        assertThat(out.resolve("leaderboard.csv")).exists();
        assertThat(out.resolve("results.json")).exists();
        assertThat(result.written()).contains(out.resolve("report.html"));
    }

    @Test
    void theSameRequestGivesTheSameNumbersWhateverTheJobs() {
        var one = experiments.run(ExperimentUseCase.Request.compare("t", new ExperimentUseCase.Generated(400, 6, 0.1, 9),
                plan(), 1, ReportRequest.NONE), ProgressListener.NONE);
        var two = experiments.run(ExperimentUseCase.Request.compare("t", new ExperimentUseCase.Generated(400, 6, 0.1, 9),
                plan(), 2, ReportRequest.NONE), ProgressListener.NONE);
        for (int i = 0; i < one.leaderboard().rows().size(); i++) {
            assertThat(two.leaderboard().rows().get(i).values(MetricName.PR_AUC))
                    .containsExactly(one.leaderboard().rows().get(i).values(MetricName.PR_AUC));
        }
        assertThat(Files.exists(dir.resolve("leaderboard.csv"))).isFalse();
    }

    @Test
    void badValuesAreUsageErrorsWhenTheRequestIsMadeOrResolvedBeforeAnyWork() {
        assertThatThrownBy(() -> new ExperimentUseCase.Generated(10, 8, 0.1, 1)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ExperimentUseCase.Request.compare("t", new ExperimentUseCase.Generated(400, 6, 0.1, 9),
                plan(), 0, ReportRequest.NONE)).isInstanceOf(UsageException.class).hasMessageContaining("--jobs");
        var unknown = ExperimentUseCase.Request.compare("t", new ExperimentUseCase.Generated(400, 6, 0.1, 9),
                plan().withSamplers(List.of(SamplerChoice.named("smoote"))), 1, ReportRequest.NONE);
        assertThatThrownBy(() -> experiments.run(unknown, ProgressListener.NONE)).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown sampler 'smoote'").hasMessageContaining("smote");
    }
}
