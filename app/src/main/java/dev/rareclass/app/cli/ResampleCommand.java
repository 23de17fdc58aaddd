package dev.rareclass.app.cli;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.ResampledOnCluster;
import dev.rareclass.domain.usecase.ClusterModelUseCase;
import dev.rareclass.domain.usecase.ResampleUseCase;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rareclass resample}: imbalanced-learn's fit_resample from the command line. */
@Command(name = "resample", mixinStandardHelpOptions = true,
        description = {"Apply a sampler to a whole table and write the result in the format --out's name says: the "
                + "feature columns, then the label; kept original rows first in their order, synthetic rows after.",
                "Values stay in the input's units; categorical columns get real categories (SMOTE-NC behaviour).",
                "Original rows keep their own label value; synthetic rows (always of the smaller class) get that "
                        + "class's most frequent value in the input."})
final class ResampleCommand extends CliCommand {

    @Mixin
    Inputs.Table table;

    @Option(names = "--sampler", required = true, paramLabel = "NAME", completionCandidates = Candidates.RealSamplers.class,
            description = "${COMPLETION-CANDIDATES}.")
    String sampler;

    @Mixin
    SamplerOptions samplerOptions;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-categories", defaultValue = "1000", paramLabel = "N",
            description = "The most distinct values a categorical column may have; a column with more (an ID, a "
                    + "timestamp, free text) is refused before it is one-hot encoded (default: ${DEFAULT-VALUE}).")
    int maxCategories;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The table to write, in the format its name is read as: .tsv/.tab tab-separated, .arff ARFF, "
                    + ".libsvm/.svm/.svmlight LibSVM (numbers only: a categorical column is refused; labels as "
                    + "written when all are numbers, else 1 positive and 0 negative), any other name CSV; .gz "
                    + "compresses. With --engine spark: CSV only, a .csv (or .csv.gz) name one file, another "
                    + "name a folder of Spark's part files (.gz: compressed ones); random-under and random-over "
                    + "only, balanced in expectation.")
    Path out;

    @Mixin
    EngineOptions engine;

    private final ResampleUseCase resample;
    private final ClusterModelUseCase onCluster;

    @Inject
    ResampleCommand(ResampleUseCase resample, ClusterModelUseCase onCluster) {
        this.resample = resample;
        this.onCluster = onCluster;
    }

    @Override
    public Integer call() {
        if (maxCategories < 1) {
            throw new UsageException("--max-categories must be 1 or more, got " + maxCategories);
        }
        if (engine.onCluster()) {
            ResampledOnCluster r = onCluster.resample(new ClusterModelUseCase.ResampleRequest(table.toDomain(),
                    samplerOptions.choice(sampler), seed, out, engine.settings(common.verbose)), progress());
            java.io.PrintWriter summary = summary(out);
            summary.printf(Locale.ROOT, "%s: %d rows -> %d rows (%d positive); wrote %s%s%n", sampler, r.input(),
                    r.output(), r.positivesAfter(), out, r.oneFile() ? "" : " (a folder of Spark's part files)");
            summary.flush();
            return 0;
        }
        fileNamed("--out", out); // the Spark engine's --out may be a folder of part files
        ResampleUseCase.Result o = resample.resample(new ResampleUseCase.Request(table.toDomain(),
                samplerOptions.choice(sampler), seed, out, maxCategories), progress());
        java.io.PrintWriter summary = summary(out);
        summary.printf(Locale.ROOT,
                "%s: %d rows -> %d rows (%d synthetic, %d positive); sampler %.3f s; wrote %s%n",
                sampler, o.input(), o.output(), o.synthetic(), o.positivesAfter(), o.samplerSeconds(), out);
        summary.flush();
        return 0;
    }
}
