package dev.rareclass.domain.usecase;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.experiment.EngineSettings;
import dev.rareclass.domain.experiment.EvaluatedOnCluster;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.experiment.PredictedOnCluster;
import dev.rareclass.domain.experiment.TrainedOnCluster;
import dev.rareclass.domain.model.ProgressListener;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code train}, {@code evaluate}, {@code predict}, {@code describe} and {@code resample} on a cluster engine ({@code --engine spark}): the table stays
 * where the engine holds it, and the model file is the engine's own.
 */
public interface ClusterModelUseCase {

    /**
     * @param data   the labelled table (any path the engine reads) and how to read it
     * @param spec   what to fit
     * @param out    the model file to write, on this machine
     * @param engine which engine and where it runs
     */
    record TrainRequest(DataOptions data, PipelineSpec spec, Path out, EngineSettings engine) {
        public TrainRequest {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(engine, "engine");
        }
    }

    /**
     * @param model  a model file the engine wrote
     * @param data   the table, with the options the user gave (label and positive may be absent)
     * @param given  which reading options the user gave; the others come from the model
     * @param json   optionally, where to write every metric as JSON
     * @param engine which engine and where it runs
     */
    record EvaluateRequest(Path model, DataOptions data, ReadingOptions given, Optional<Path> json,
                           EngineSettings engine) {
        public EvaluateRequest {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(given, "given");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(engine, "engine");
        }
    }

    /**
     * @param model  a model file the engine wrote
     * @param data   the table, with the options the user gave
     * @param given  which reading options the user gave; the others come from the model
     * @param out    a {@code .csv} file (one file) or a folder (Spark's part files)
     * @param engine which engine and where it runs
     */
    record PredictRequest(Path model, DataOptions data, ReadingOptions given, Path out, EngineSettings engine) {
        public PredictRequest {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(given, "given");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(engine, "engine");
        }
    }

    /**
     * @param data   the table (any path the engine reads) and how to read it; with a label, the class balance too
     * @param engine which engine and where it runs
     */
    record DescribeRequest(DataOptions data, EngineSettings engine) {
        public DescribeRequest {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(engine, "engine");
        }
    }

    /**
     * @param data    the labelled table and how to read it
     * @param sampler random-under or random-over
     * @param seed    the sampler's seed
     * @param out     a {@code .csv} file (one file) or a folder (Spark's part files)
     * @param engine  which engine and where it runs
     */
    record ResampleRequest(DataOptions data, dev.rareclass.domain.sampling.SamplerChoice sampler, long seed, Path out,
                           EngineSettings engine) {
        public ResampleRequest {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(sampler, "sampler");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(engine, "engine");
        }
    }

    dev.rareclass.domain.experiment.ResampledOnCluster resample(ResampleRequest request, ProgressListener progress);

    TrainedOnCluster train(TrainRequest request, ProgressListener progress);

    dev.rareclass.domain.experiment.TableProfile.Description describe(DescribeRequest request,
                                                                       ProgressListener progress);

    EvaluatedOnCluster evaluate(EvaluateRequest request, ProgressListener progress);

    PredictedOnCluster predict(PredictRequest request, ProgressListener progress);
}
