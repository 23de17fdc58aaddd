package dev.rareclass.app.cli;

import dev.rareclass.domain.experiment.PredictedOnCluster;
import dev.rareclass.domain.usecase.ClusterModelUseCase;
import dev.rareclass.domain.usecase.PredictUseCase;
import dev.rareclass.domain.experiment.Predictions;
import jakarta.inject.Inject;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rareclass predict}: scores and predicted labels for every row of a table. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Score every row of a table with a saved model and write a CSV (a TSV when --out ends in .tsv "
                + "or .tab; a name that promises another format, such as p.json or p.parquet, is refused) with the "
                + "columns "
                + "row (1-based data row of the input), the --id column (when given; for a text corpus, document: each "
                + "document's path in the corpus, such as pos/cv000_29590.txt, or a sentence file's name and line, "
                + "such as rt-polarity.pos:17), y (true label 0/1, when the input has the label column), p (score) and "
                + "predicted (0/1 at the model's threshold).",
                "The table is read as the model's training data was, unless options say otherwise.",
                "With --engine spark (for a model train --engine spark wrote) the table stays in Spark and the output "
                        + "is every column of the input as written, then p and predicted: one CSV file when --out ends "
                        + "in .csv (Spark writes one part, moved there; .csv.gz: gzip-compressed), else a folder of CSV "
                        + "part files, each with a header (compressed when the name ends in .gz; an existing folder is "
                        + "replaced only if it holds part files alone). Nothing is at "
                        + "--out until the whole output is written. No --reasons or --id (every column is copied)."})
final class PredictCommand extends CliCommand {

    @Mixin
    Inputs.ModelAndTable input;

    @Option(names = "--out", required = true, paramLabel = "PREDICTIONS.csv",
            description = "The CSV to write; a .tsv or .tab name is written tab-separated, .gz compressed; an .arff or "
                    + "LibSVM name is refused (predictions are CSV or TSV). With --engine spark: a .csv file (.csv.gz "
                    + "compressed), or else a folder of CSV part files (compressed when its name ends in .gz).")
    Path out;

    @Option(names = "--reasons", paramLabel = "K", defaultValue = "0",
            description = "Add each row's K reason codes: columns reason_1, change_1, ... naming the input columns that "
                    + "moved its score most (the score minus the score with that column at its training median or most "
                    + "frequent value), largest first (default: ${DEFAULT-VALUE}, none).")
    int reasons;

    @Option(names = "--id", paramLabel = "COL",
            description = "Copy column COL (a name or 0-based index; any type) of the input into the predictions, as "
                    + "written, as their second column, to join them back. It is not a feature (unless the model "
                    + "reads a column of that name), so it may be one dropped at training or one the training data "
                    + "lacked (default: none; for a text corpus, document).")
    String id;

    @Mixin
    EngineOptions engine;

    private final PredictUseCase predict;
    private final ClusterModelUseCase onCluster;

    @Inject
    PredictCommand(PredictUseCase predict, ClusterModelUseCase onCluster) {
        this.predict = predict;
        this.onCluster = onCluster;
    }

    @Override
    public Integer call() {
        if (engine.onCluster()) {
            EngineOptions.refuse(reasons != 0, "--reasons");
            EngineOptions.refuse(id != null, "--id");
            PredictedOnCluster done = onCluster.predict(new ClusterModelUseCase.PredictRequest(input.model,
                    input.toDomain(), input.given(), out, engine.settings(common.verbose)), progress());
            java.io.PrintWriter summary = summary(out);
            summary.printf("Wrote %d predictions (%d predicted positive at threshold %s) to %s%s%n", done.rows(),
                    done.predictedPositive(), Show.threshold(done.threshold()), out,
                    done.oneFile() ? "" : " (a folder of CSV part files)");
            summary.flush();
            return 0;
        }
        if (reasons < 0) {
            throw new dev.rareclass.domain.error.UsageException("--reasons must be 0 or more, not " + reasons);
        }
        fileNamed("--out", out); // the Spark engine's --out may be a folder of part files
        Predictions p = predict.predict(new PredictUseCase.Request(input.model, input.toDomain(), input.given(),
                out, reasons, java.util.Optional.ofNullable(id)), progress());
        int positives = 0;
        for (int i = 0; i < p.size(); i++) {
            positives += p.predicted(i);
        }
        java.io.PrintWriter summary = summary(out);
        summary.printf("Wrote %d predictions (%d predicted positive at threshold %s) to %s%n",
                p.size(), positives, Show.threshold(p.threshold()), out);
        summary.flush();
        return 0;
    }
}
