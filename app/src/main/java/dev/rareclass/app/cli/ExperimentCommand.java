package dev.rareclass.app.cli;

import dev.rareclass.domain.usecase.ExperimentUseCase;
import jakarta.inject.Inject;

/** The experiment commands ({@code compare}, {@code tune}, {@code demo}, {@code run}): one use case, one way to show it. */
abstract class ExperimentCommand extends CliCommand {

    @Inject
    ExperimentUseCase experiments;

    /** Runs the experiment and prints its leaderboard, best parameters, results and report. */
    final int show(ExperimentUseCase.Request request) {
        Show.experiment(summary(request.refit().orElse(null)), experiments.run(request, progress()), false);
        return 0;
    }
}
