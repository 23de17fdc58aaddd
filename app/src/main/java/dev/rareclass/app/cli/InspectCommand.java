package dev.rareclass.app.cli;

import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.experiment.ModelDescription;
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
                + "metrics, and where it came from (data, seed, how the data was read, machine and build).",
                "A model train --engine spark wrote is read by the Spark engine, checked as evaluate loads it (every "
                        + "file's checksum, every stage's class) without starting Spark: its structure is the "
                        + "pipeline's stages and their parameters."})
final class InspectCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by train or tune (train --engine spark too).")
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
        ModelDescription d = inspect.inspect(new InspectUseCase.Request(model));
        PrintWriter o = out();
        if (json) {
            o.print(d.json());
            o.flush();
            return 0;
        }
        o.println(model);
        facts(o, d.facts());
        o.println();
        o.println("Structure:");
        d.structure().forEach(line -> o.println("  " + Quoting.printable(line)));
        if (!d.validationMetrics().isEmpty()) {
            o.println();
            o.println("Validation metrics (at the threshold, on the held-out, out-of-fold or out-of-bag scores it was chosen on):");
            d.validationMetrics().forEach((k, v) -> o.printf(Locale.ROOT, "  %-18s %s%n", k,
                    COUNTS.contains(k) ? String.valueOf(Math.round(v)) : Show.num(v)));
        }
        o.println();
        o.println("Provenance:");
        facts(o, d.provenance());
        o.flush();
        return 0;
    }

    private static void facts(PrintWriter o, Map<String, String> facts) {
        facts.forEach((k, v) -> o.printf(Locale.ROOT, "  %-18s %s%n", k, Quoting.printable(v)));
    }
}
