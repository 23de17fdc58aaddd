package dev.rareclass.app.cli;

import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.experiment.LinearWords;
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
                + "metrics, and where it came from (data, seed, how the data was read, machine and build); for a "
                + "logistic regression with text columns, the 10 words of largest weight each way (its coef_ against "
                + "its vocabulary).",
                "A model train --engine spark wrote is read by the Spark engine, checked as evaluate loads it (every "
                        + "file's checksum, every stage's class) without starting Spark: its structure is the "
                        + "pipeline's stages and their parameters."})
final class InspectCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by train or tune (train --engine spark too).")
    Path model;

    @Option(names = "--json", description = "Print the model file's manifest as JSON (every field it records) instead; "
            + "for a logistic regression with text columns, with top_words added after them (read from its weights, "
            + "not a field of the file).")
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
            o.print(d.words().map(w -> withWords(d.json(), w)).orElse(d.json()));
            o.flush();
            return 0;
        }
        o.println(model);
        facts(o, d.facts());
        o.println();
        o.println("Structure:");
        d.structure().forEach(line -> o.println("  " + Quoting.printable(line)));
        d.words().ifPresent(w -> {
            o.println();
            o.printf(Locale.ROOT, "Words (the logistic regression's weights, its coef_: what a word adds to the log-odds "
                    + "of '%s'):%n", Quoting.printable(w.positiveClass()));
            o.printf(Locale.ROOT, "  %-18s %s%n", "towards " + Quoting.printable(w.positiveClass()), words(w.towardsPositive()));
            o.printf(Locale.ROOT, "  %-18s %s%n", "towards " + Quoting.printable(w.negativeClass()), words(w.towardsNegative()));
        });
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

    /** {@code great 1.234, superb 1.1}, or {@code (none)}. */
    private static String words(java.util.List<LinearWords.Weighted> words) {
        StringBuilder s = new StringBuilder();
        for (LinearWords.Weighted w : words) {
            s.append(s.isEmpty() ? "" : ", ").append(Quoting.printable(w.word())).append(' ')
                    .append(String.format(Locale.ROOT, "%.4g", w.weight()));
        }
        return s.isEmpty() ? "(none)" : s.toString();
    }

    /** The manifest's JSON with {@code top_words} added as its last field, the rest as the file has it. */
    static String withWords(String manifest, LinearWords w) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode words = mapper.createObjectNode();
        words.put("positive_class", w.positiveClass());
        words.put("negative_class", w.negativeClass());
        java.util.function.Function<java.util.List<LinearWords.Weighted>, com.fasterxml.jackson.databind.node.ArrayNode>
                array = list -> {
                    com.fasterxml.jackson.databind.node.ArrayNode a = mapper.createArrayNode();
                    list.forEach(x -> a.addObject().put("word", x.word()).put("weight", x.weight()));
                    return a;
                };
        words.set("towards_positive", array.apply(w.towardsPositive()));
        words.set("towards_negative", array.apply(w.towardsNegative()));
        String body = manifest.stripTrailing();
        int end = body.lastIndexOf('}');
        String rendered;
        try {
            rendered = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(words).replace("\n", "\n  ");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return body.substring(0, end).stripTrailing() + ",\n  \"top_words\" : " + rendered + "\n}\n";
    }

    private static void facts(PrintWriter o, Map<String, String> facts) {
        facts.forEach((k, v) -> o.printf(Locale.ROOT, "  %-18s %s%n", k, Quoting.printable(v)));
    }
}
