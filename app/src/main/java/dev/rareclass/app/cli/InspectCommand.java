package dev.rareclass.app.cli;

import dev.rareclass.domain.usecase.InspectUseCase;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rareclass inspect}: what a model file holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a model file holds, verified as predict loads it: kind, backend, parameters, "
                + "structure (layers and parameter counts, trees and depth), threshold and policy, validation "
                + "metrics, and where it came from (data, seed, how the data was read, machine and build)."})
final class InspectCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by train or tune.")
    Path model;

    @Option(names = "--json", description = "Print the model file's manifest as JSON (every field it records) instead.")
    boolean json;

    /** Confusion counts, shown as whole numbers. */
    private static final java.util.Set<String> COUNTS = java.util.Set.of("tp", "fp", "tn", "fn");

    private final InspectUseCase inspect;

    @Inject
    InspectCommand(InspectUseCase inspect) {
        this.inspect = inspect;
    }

    @Override
    public Integer call() {
        InspectUseCase.Result r = inspect.inspect(new InspectUseCase.Request(model));
        PrintWriter o = out();
        if (json) {
            o.print(r.json());
            o.flush();
            return 0;
        }
        o.println(model);
        facts(o, r.facts());
        o.println();
        o.println("Structure:");
        r.model().classifier().summary().lines().forEach(line -> o.println("  " + line));
        if (!r.model().validationMetrics().isEmpty()) {
            o.println();
            o.println("Validation metrics (at the threshold, on the held-out, out-of-fold or out-of-bag scores it was chosen on):");
            r.model().validationMetrics().forEach((k, v) -> o.printf(Locale.ROOT, "  %-18s %s%n", k,
                    COUNTS.contains(k) ? String.valueOf(Math.round(v)) : Show.num(v)));
        }
        o.println();
        o.println("Provenance:");
        facts(o, r.provenance());
        o.flush();
        return 0;
    }

    private static void facts(PrintWriter o, Map<String, String> facts) {
        facts.forEach((k, v) -> o.printf(Locale.ROOT, "  %-18s %s%n", k, v));
    }
}
