package dev.rareclass.app.cli;

import dev.rareclass.domain.explain.PermutationImportance;
import dev.rareclass.domain.usecase.ExplainUseCase;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rareclass explain}: permutation importance and partial dependence of a model on a labelled table. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a model on a labelled table: permutation importance of every column (the drop in "
                + "PR-AUC when its values are shuffled, mean ± std over --repeats seeded shuffles, as scikit-learn's "
                + "permutation_importance) and partial-dependence curves of the most important ones.",
                "Prints the importance table; --out DIR also writes importance.csv, partial_dependence.csv, "
                + "explanation.json and a self-contained report.html. Per-row reasons: predict --reasons K."})
final class ExplainCommand extends CliCommand {

    @Mixin
    Inputs.ModelAndTable input;

    @Option(names = "--out", paramLabel = "DIR", description = "The folder to write (as a whole, or not at all).")
    Path out;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "pr_auc",
            description = "The ranking metric whose drop is measured: pr_auc or roc_auc (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "Shuffles per column (default: ${DEFAULT-VALUE}, as scikit-learn's n_repeats).")
    int repeats;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5",
            description = "Partial-dependence curves for the K most important columns (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--points", paramLabel = "N", defaultValue = "20",
            description = "Grid points per curve, from the 5th to the 95th percentile (default: ${DEFAULT-VALUE}).")
    int points;

    private final ExplainUseCase explain;

    @Inject
    ExplainCommand(ExplainUseCase explain) {
        this.explain = explain;
    }

    @Override
    public Integer call() {
        ExplainUseCase.Result r = explain.explain(new ExplainUseCase.Request(input.model, input.toDomain(),
                input.given(), Optional.ofNullable(out), metric, repeats, seed, top, points), progress());
        PrintWriter o = summary(out);
        var e = r.explanation();
        o.printf(Locale.ROOT, "%s on %s: %s %s; drop when each column is shuffled (%d times, seed %d):%n",
                e.modelName(), e.data(), e.metric(), Show.num(e.baseline()), e.repeats(), e.seed());
        int width = Math.max(6, e.importances().stream().mapToInt(i -> i.feature().length()).max().orElse(6));
        o.printf(Locale.ROOT, "  %-4s %-" + width + "s %10s %10s%n", "rank", "column", "mean", "std");
        int rank = 1;
        for (PermutationImportance.Importance i : e.importances()) {
            o.printf(Locale.ROOT, "  %-4d %-" + width + "s %10.4f %10.4f%n", rank++, i.feature(), i.mean(), i.std());
        }
        if (!r.written().isEmpty()) {
            o.printf("Wrote %s (report.html, importance.csv, partial_dependence.csv, explanation.json)%n", out);
        }
        o.flush();
        return 0;
    }
}
