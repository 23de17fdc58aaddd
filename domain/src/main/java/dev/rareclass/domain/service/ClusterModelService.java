package dev.rareclass.domain.service;

import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.EvaluatedOnCluster;
import dev.rareclass.domain.experiment.PredictedOnCluster;
import dev.rareclass.domain.experiment.TrainedOnCluster;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ClusterEngine;
import dev.rareclass.domain.port.ClusterEngines;
import dev.rareclass.domain.port.Outputs;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.usecase.ClusterModelUseCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks what can be checked on this machine before the engine starts (an output that cannot be written fails at
 * once, not after the training), opens the engine, runs the one step there, and stops the engine. The engine writes
 * the model file and the predictions itself, each whole or not at all; an evaluation's JSON is written here.
 */
public record ClusterModelService(ClusterEngines clusters, ResultSink sink, Outputs outputs)
        implements ClusterModelUseCase {

    @Override
    public TrainedOnCluster train(TrainRequest request, ProgressListener progress) {
        requireLocal(request.out(), "the model file");
        if (request.out().toString().equals("-")) {
            throw new UsageException("--out -: the Spark engine writes its model to a file; name one");
        }
        // the table being read is no place for the model: a model written over it destroyed the user's data (exit 0)
        outputs.checkFile(request.out(), List.of(request.data().file()));
        try (ClusterEngine engine = clusters.open(request.engine())) {
            return engine.train(request.data(), request.spec(), request.out(), progress);
        }
    }

    @Override
    public dev.rareclass.domain.experiment.TableProfile.Description describe(DescribeRequest request,
                                                                              ProgressListener progress) {
        try (ClusterEngine engine = clusters.open(request.engine())) {
            return engine.describe(request.data(), progress);
        }
    }

    @Override
    public dev.rareclass.domain.experiment.ResampledOnCluster resample(ResampleRequest request,
                                                                       ProgressListener progress) {
        Path out = requireOutput(request.out(), "", List.of(request.data().file()));
        try (ClusterEngine engine = clusters.open(request.engine())) {
            return engine.resample(request.data(), request.sampler(), request.seed(), out, progress);
        }
    }

    @Override
    public EvaluatedOnCluster evaluate(EvaluateRequest request, ProgressListener progress) {
        requireLocal(request.model(), "the model file");
        try (Outputs.Staged staged = outputs.stage(List.of(request.model(), request.data().file()))) {
            Optional<Path> json = request.json().map(staged::file);
            EvaluatedOnCluster done;
            try (ClusterEngine engine = clusters.open(request.engine())) {
                done = engine.evaluate(request.model(), request.data(), request.given(), progress);
            }
            json.ifPresent(file -> sink.writeEvaluation(done.evaluation(), file));
            staged.commit();
            return done;
        }
    }

    @Override
    public PredictedOnCluster predict(PredictRequest request, ProgressListener progress) {
        requireLocal(request.model(), "the model file");
        Path out = requireOutput(request.out(), "its predictions ", List.of(request.model(), request.data().file()));
        try (ClusterEngine engine = clusters.open(request.engine())) {
            return engine.predict(request.model(), request.data(), request.given(), out, progress);
        }
    }

    /**
     * {@code --out} of rows the engine writes ({@code what}: "" or "its predictions "): never standard output, since
     * the executors write it; a local {@code .csv} file is checked writable before any work, and neither it nor a
     * folder of part files may be (or hold) one of the command's {@code inputs}, which writing would replace.
     */
    private Path requireOutput(Path out, String what, List<Path> inputs) {
        if (out.toString().equals("-")) {
            throw new UsageException("--out -: the Spark engine writes " + what + "where its executors can; name a "
                    + ".csv file or a folder");
        }
        String format = sink.outputFormat(out);
        if (!format.equals("csv")) { // a folder named x.tsv of CSV parts would be read as neither
            throw new UsageException(out + ": the Spark engine writes CSV, and a file so named is read as " + format
                    + "; name a .csv file or a folder");
        }
        if (!hasScheme(out) && isCsvFile(out)) {
            outputs.checkFile(out, inputs);
        } else if (!hasScheme(out)) {
            refuseFolderOverInput(out, inputs);
        }
        return out;
    }

    /**
     * Fails (exit 73) when {@code out}, named for a folder of part files, is one of {@code inputs} or a folder holding
     * one (a Parquet folder, a table among earlier part files): the folder is replaced as a whole once the rows are
     * written.
     */
    private static void refuseFolderOverInput(Path out, List<Path> inputs) {
        if (!Files.exists(out)) {
            return;
        }
        for (Path input : inputs) {
            try {
                if (Files.exists(input) && (Files.isSameFile(input, out)
                        || input.toRealPath().startsWith(out.toRealPath()))) {
                    throw new OutputException(out + ": cannot write over an input of this command" + (input.equals(out)
                            ? "" : " (" + input + ")") + "; choose another " + (Files.isDirectory(out) ? "folder"
                            : "name"), null);
                }
            } catch (IOException e) {
                // unreadable attributes: not provably the same file; writing reports its own error if any
            }
        }
    }

    /**
     * Whether rows written to {@code out} are one CSV file ({@code .csv}, or {@code .csv.gz} compressed) rather than a
     * folder of part files.
     */
    public static boolean isCsvFile(Path out) {
        String name = String.valueOf(out.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    /** Whether rows written to {@code out} (one file or a folder's parts) are gzip-compressed: a {@code .gz} name. */
    public static boolean isCompressed(Path out) {
        return String.valueOf(out.getFileName()).toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** A path with a file system's scheme ({@code hdfs://}, {@code s3a://}, {@code file:}). */
    private static boolean hasScheme(Path p) {
        return p.toString().matches("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    }

    private static void requireLocal(Path file, String what) {
        if (hasScheme(file)) {
            throw new UsageException(file + ": " + what + " is read and written on this machine; name a local path");
        }
    }
}
