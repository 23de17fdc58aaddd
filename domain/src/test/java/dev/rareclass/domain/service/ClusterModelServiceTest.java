package dev.rareclass.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.OutputException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.EngineSettings;
import dev.rareclass.domain.experiment.EvaluatedOnCluster;
import dev.rareclass.domain.experiment.Evaluation;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.PipelineSpec;
import dev.rareclass.domain.experiment.Predictions;
import dev.rareclass.domain.experiment.PredictedOnCluster;
import dev.rareclass.domain.experiment.TrainedOnCluster;
import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.ClassificationReport;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ClusterEngine;
import dev.rareclass.domain.port.ClusterEngines;
import dev.rareclass.domain.port.Outputs;
import dev.rareclass.domain.port.ResultSink;
import dev.rareclass.domain.usecase.ClusterModelUseCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cluster engine's models as the service runs them, with fakes for the engine and the outputs: what can be
 * checked here is checked before the engine starts, the engine is always stopped, and an evaluation's JSON appears
 * only when the engine's evaluation succeeded.
 */
class ClusterModelServiceTest {

    private static final EngineSettings SPARK = new EngineSettings("spark", Optional.empty(), Map.of(), false);
    private static final DataOptions DATA = DataOptions.labelled(Path.of("big.csv"), "label", "yes");

    private final List<String> events = new ArrayList<>();
    private RuntimeException failure;

    private final ClusterEngines engines = new ClusterEngines() {
        @Override
        public ClusterEngine open(EngineSettings settings) {
            events.add("open");
            return new FakeEngine();
        }

        @Override
        public Optional<dev.rareclass.domain.experiment.ModelDescription> describeModel(Path model) {
            return Optional.empty();
        }

        @Override
        public List<String> installed() {
            return List.of("spark");
        }
    };

    private final Outputs outputs = new Outputs() {
        @Override
        public void checkFile(Path file, List<Path> inputs) {
            events.add("check " + file);
            if (file.toString().contains("unwritable")) {
                throw new OutputException(file + ": cannot write", null);
            }
        }

        @Override
        public Staged stage(List<Path> inputs) {
            return new Staged() {
                @Override
                public Path report(Path folder) {
                    return folder;
                }

                @Override
                public Path folder(Path folder) {
                    return folder;
                }

                @Override
                public Path file(Path file) {
                    return Path.of(file + ".staged");
                }

                @Override
                public Path reportFile(Path file) {
                    return file(file);
                }

                @Override
                public Path published(Path p) {
                    return p;
                }

                @Override
                public void commit() {
                    events.add("commit");
                }

                @Override
                public void close() {
                    events.add("close outputs");
                }
            };
        }
    };

    private final ResultSink sink = new ResultSink() {
        @Override
        public String outputFormat(Path file) {
            return file.toString().endsWith(".tsv") ? "tsv" : "csv"; // the rest of the rule is the adapter's
        }

        @Override
        public void checkTable(dev.rareclass.domain.data.Table table, Path file) {
            throw new AssertionError("the engine reads no table here");
        }

        @Override
        public void writePredictions(Predictions predictions, Path file) {
            throw new AssertionError("the engine writes its predictions");
        }

        @Override
        public void writeEvaluation(Evaluation evaluation, Path file) {
            events.add("json " + file);
        }

        @Override
        public void writeExperiment(Leaderboard leaderboard, Path dir) {
            throw new AssertionError("not an experiment");
        }

        @Override
        public void writeTable(dev.rareclass.domain.data.Table table, List<String> labels, Path file) {
            throw new AssertionError("not a table");
        }

        @Override
        public String evaluationJson(Evaluation evaluation, boolean curves) {
            throw new AssertionError("JSON goes to a file here");
        }
    };

    private final ClusterModelService service = new ClusterModelService(engines, sink, outputs);

    private final class FakeEngine implements ClusterEngine {
        @Override
        public Leaderboard compare(DataOptions data, ExperimentPlan plan, ProgressListener progress) {
            throw new AssertionError("not a comparison");
        }

        @Override
        public TrainedOnCluster train(DataOptions data, PipelineSpec spec, Path model, ProgressListener progress) {
            events.add("train " + model);
            return new TrainedOnCluster("logistic@spark", Hyperparameters.empty(), "none", "none", 0.5, "max-f1",
                    10, 2, 8, 2, Optional.empty(), false);
        }

        @Override
        public dev.rareclass.domain.experiment.TableProfile.Description describe(DataOptions data,
                                                                                  ProgressListener progress) {
            events.add("describe " + data.file());
            return new dev.rareclass.domain.experiment.TableProfile.Description("big.csv", 4, List.of(),
                    Optional.empty(), List.of(), List.of());
        }

        @Override
        public dev.rareclass.domain.experiment.ResampledOnCluster resample(DataOptions data,
                dev.rareclass.domain.sampling.SamplerChoice sampler, long seed, Path out, ProgressListener progress) {
            events.add("resample " + out);
            return new dev.rareclass.domain.experiment.ResampledOnCluster(4, 6, 3, true);
        }

        @Override
        public EvaluatedOnCluster evaluate(Path model, DataOptions data, ReadingOptions given,
                                           ProgressListener progress) {
            events.add("evaluate " + model);
            if (failure != null) {
                throw failure;
            }
            int[] y = {0, 1, 0, 1};
            double[] s = {0.1, 0.9, 0.4, 0.3};
            BinaryMetrics m = BinaryMetrics.compute(y, s, 0.5, true);
            return new EvaluatedOnCluster(4, 2, new Evaluation("big.csv", "logistic@spark", "max-f1", m,
                    ClassificationReport.of(m.counts(), "no", "yes"), Curves.roc(y, s), Curves.precisionRecall(y, s)));
        }

        @Override
        public PredictedOnCluster predict(Path model, DataOptions data, ReadingOptions given, Path out,
                                          ProgressListener progress) {
            events.add("predict " + out);
            return new PredictedOnCluster(4, 1, 0.5, out.toString().endsWith(".csv"));
        }

        @Override
        public List<String> kinds() {
            return List.of("logistic");
        }

        @Override
        public Map<String, String> facts() {
            return Map.of();
        }

        @Override
        public void close() {
            events.add("stop");
        }
    }

    private static PipelineSpec logistic() {
        return PipelineSpec.of(ModelId.parse("logistic"), Hyperparameters.empty());
    }

    @Test
    void aModelFileThatCannotBeWrittenFailsBeforeTheEngineStarts() {
        assertThatThrownBy(() -> service.train(new ClusterModelUseCase.TrainRequest(DATA, logistic(),
                Path.of("unwritable/m.model"), SPARK), ProgressListener.NONE)).isInstanceOf(OutputException.class);
        assertThat(events).containsExactly("check unwritable/m.model");
    }

    @Test
    void aModelOnAnotherFileSystemOrOnStandardOutputIsRefusedBeforeTheEngineStarts() {
        assertThatThrownBy(() -> service.train(new ClusterModelUseCase.TrainRequest(DATA, logistic(),
                Path.of("hdfs://nn/models/m.model"), SPARK), ProgressListener.NONE))
                .isInstanceOf(UsageException.class).hasMessageContaining("name a local path");
        assertThatThrownBy(() -> service.train(new ClusterModelUseCase.TrainRequest(DATA, logistic(), Path.of("-"),
                SPARK), ProgressListener.NONE)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> service.predict(new ClusterModelUseCase.PredictRequest(Path.of("m.model"), DATA,
                ReadingOptions.NONE, Path.of("-"), SPARK), ProgressListener.NONE))
                .isInstanceOf(UsageException.class).hasMessageContaining("name a .csv file or a folder");
        assertThat(events).isEmpty();
    }

    @Test
    void trainingRunsOnTheEngineAndStopsIt() {
        TrainedOnCluster t = service.train(new ClusterModelUseCase.TrainRequest(DATA, logistic(),
                Path.of("m.model"), SPARK), ProgressListener.NONE);
        assertThat(t.model()).isEqualTo("logistic@spark");
        assertThat(events).containsExactly("check m.model", "open", "train m.model", "stop");
    }

    @Test
    void anEvaluationsJsonIsWrittenOnlyAfterTheEngineEvaluated() {
        var request = new ClusterModelUseCase.EvaluateRequest(Path.of("m.model"), DATA, ReadingOptions.NONE,
                Optional.of(Path.of("e.json")), SPARK);
        service.evaluate(request, ProgressListener.NONE);
        assertThat(events).containsExactly("open", "evaluate m.model", "stop", "json e.json.staged", "commit",
                "close outputs");

        events.clear();
        failure = new DataException("m.model: refused: altered");
        assertThatThrownBy(() -> service.evaluate(request, ProgressListener.NONE)).isSameAs(failure);
        assertThat(events).containsExactly("open", "evaluate m.model", "stop", "close outputs");
    }

    @Test
    void predictionsToOneCsvAreCheckedFirstAndAFolderIsTheEnginesToCheck() {
        service.predict(new ClusterModelUseCase.PredictRequest(Path.of("m.model"), DATA, ReadingOptions.NONE,
                Path.of("out.csv"), SPARK), ProgressListener.NONE);
        assertThat(events).containsExactly("check out.csv", "open", "predict out.csv", "stop");
        events.clear();
        service.predict(new ClusterModelUseCase.PredictRequest(Path.of("m.model"), DATA, ReadingOptions.NONE,
                Path.of("scored"), SPARK), ProgressListener.NONE);
        assertThat(events).containsExactly("open", "predict scored", "stop");
        events.clear();
        // one compressed file (it was a folder of uncompressed parts under that name)
        service.predict(new ClusterModelUseCase.PredictRequest(Path.of("m.model"), DATA, ReadingOptions.NONE,
                Path.of("out.csv.gz"), SPARK), ProgressListener.NONE);
        assertThat(events).containsExactly("check out.csv.gz", "open", "predict out.csv.gz", "stop");
    }

    @Test
    void predictionsOrATableTheEngineWouldWriteAsCsvUnderAnotherFormatsNameAreRefusedBeforeItStarts() {
        assertThatThrownBy(() -> service.predict(new ClusterModelUseCase.PredictRequest(Path.of("m.model"), DATA,
                ReadingOptions.NONE, Path.of("scored.tsv"), SPARK), ProgressListener.NONE))
                .isInstanceOf(UsageException.class).hasMessageContaining("the Spark engine writes CSV");
        var sampler = dev.rareclass.domain.sampling.SamplerChoice.named("random-under");
        assertThatThrownBy(() -> service.resample(new ClusterModelUseCase.ResampleRequest(DATA, sampler, 1,
                Path.of("r.tsv"), SPARK), ProgressListener.NONE)).isInstanceOf(UsageException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void aDescriptionRunsOnTheEngineAndStopsIt() {
        var d = service.describe(new ClusterModelUseCase.DescribeRequest(DATA, SPARK), ProgressListener.NONE);
        assertThat(d.rows()).isEqualTo(4);
        assertThat(events).containsExactly("open", "describe " + DATA.file(), "stop");
    }

    @Test
    void aResampledCsvThatCannotBeWrittenFailsBeforeTheEngineStarts() {
        var sampler = dev.rareclass.domain.sampling.SamplerChoice.named("random-under");
        assertThatThrownBy(() -> service.resample(new ClusterModelUseCase.ResampleRequest(DATA, sampler, 1,
                Path.of("unwritable/r.csv"), SPARK), ProgressListener.NONE)).isInstanceOf(OutputException.class);
        assertThat(events).containsExactly("check unwritable/r.csv");
        events.clear();
        assertThat(service.resample(new ClusterModelUseCase.ResampleRequest(DATA, sampler, 1, Path.of("r.csv"), SPARK),
                ProgressListener.NONE).output()).isEqualTo(6);
        assertThat(events).containsExactly("check r.csv", "open", "resample r.csv", "stop");
    }
}
