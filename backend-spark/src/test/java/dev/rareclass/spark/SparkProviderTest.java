package dev.rareclass.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.EngineSettings;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.model.ClassWeighting;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ClusterEngine;
import dev.rareclass.domain.sampling.SamplerChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Starting the engine as {@code --engine spark} does, and what it refuses before reading any data: each refusal
 * names what to use instead. A bad master comes first, while no session of this JVM is running (a running one would
 * be reused).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkProviderTest {

    private static ClusterEngine engine;

    /** Never read: every plan here is refused first. */
    private static final DataOptions DATA = DataOptions.labelled(Path.of("never-read.csv"), "label", "yes");

    private static ClusterEngine engine() {
        if (engine == null) {
            engine = new SparkProvider().open(new EngineSettings("spark", Optional.of("local[2]"), Map.of(),
                    false));
        }
        return engine;
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /** The one line is all: SparkContext logged the failure before it, with a 30-line stack, without --verbose. */
    @Test
    @Order(1)
    void aMasterSparkCannotParseIsAUsageErrorNamingIt() {
        List<String> logged = new java.util.ArrayList<>();
        org.apache.logging.log4j.core.LoggerContext context = (org.apache.logging.log4j.core.LoggerContext)
                org.apache.logging.log4j.LogManager.getContext(false);
        org.apache.logging.log4j.core.Appender capture = new org.apache.logging.log4j.core.appender.AbstractAppender(
                "capture", null, null, true, org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
            @Override
            public void append(org.apache.logging.log4j.core.LogEvent event) {
                logged.add(event.getLevel() + " " + event.getLoggerName());
            }
        };
        capture.start();
        context.getConfiguration().getRootLogger().addAppender(capture, null, null);
        context.updateLoggers();
        try {
            assertThatThrownBy(() -> new SparkProvider().open(new EngineSettings("spark",
                    Optional.of("nonsense"), Map.of(), false)))
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("Spark did not start on master nonsense: ")
                    .hasMessageContaining("nonsense")
                    .hasMessageNotContaining("\n");
        } finally {
            context.getConfiguration().getRootLogger().removeAppender("capture");
            context.updateLoggers();
        }
        assertThat(logged).noneMatch(l -> l.startsWith("ERROR"));
    }

    @Test
    @Order(2)
    void sparkMlsBlasStaysOnJavaInTheDriverAndInEveryExecutorKeepingTheUsersOptions() {
        org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf(false)
                .set("spark.executor.extraJavaOptions", "-Xss4m");
        SparkProvider.javaBlas(conf);
        assertThat(conf.get("spark.executor.extraJavaOptions"))
                .isEqualTo("-Ddev.ludovic.netlib.blas.allowNative=false -Xss4m");
        org.apache.spark.SparkConf none = new org.apache.spark.SparkConf(false);
        SparkProvider.javaBlas(none);
        assertThat(none.get("spark.executor.extraJavaOptions")).isEqualTo("-Ddev.ludovic.netlib.blas.allowNative=false");
        assertThat(System.getProperty(SparkProvider.ALLOW_NATIVE_BLAS)).isEqualTo("false");
        // netlib, asked now, gives its Java implementation although this machine may have a system BLAS
        assertThat(dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getName()).doesNotContain("JNI");
    }

    @Test
    @Order(3)
    void aSettingThatIsNotSparksIsRefused() {
        assertThatThrownBy(() -> new SparkProvider().open(new EngineSettings("spark",
                Optional.of("local[2]"), Map.of("executor.memory", "2g"), false)))
                .isInstanceOf(UsageException.class)
                .hasMessage("--conf executor.memory=2g: Spark settings start with 'spark.'");
    }

    @Test
    @Order(3)
    void theEngineRunsOnTheMasterGivenWithoutAWebUi() {
        assertThat(engine().kinds()).containsExactly("logistic", "random-forest", "gradient-boosting", "mlp");
        assertThat(engine().facts().get("engine")).contains("master local[2]");
        SparkSession session = SparkSession.active();
        assertThat(session.sparkContext().uiWebUrl().isEmpty()).isTrue();
        assertThat(session.conf().get("spark.driver.host")).isEqualTo("127.0.0.1");
    }

    private static ExperimentPlan plan(String model) {
        return ExperimentPlan.of(List.of(Candidate.parse(model, Hyperparameters.empty())));
    }

    @Test
    @Order(4)
    void smoteIsRefusedWithTheSamplersThatWork() {
        ExperimentPlan plan = plan("logistic").withSamplers(List.of(SamplerChoice.named("smote")));
        assertThatThrownBy(() -> engine().compare(DATA, plan, ProgressListener.NONE))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("sampler smote is not available with --engine spark")
                .hasMessageContaining("use random-under, random-over or --class-weight balanced");
    }

    @Test
    @Order(4)
    void classWeightsOnTheNetworkAreRefusedWithTheSamplerToUse() {
        ExperimentPlan plan = plan("mlp").withClassWeights(List.of(ClassWeighting.BALANCED));
        assertThatThrownBy(() -> engine().compare(DATA, plan, ProgressListener.NONE))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("mlp@spark has no class weights")
                .hasMessageContaining("use --sampler random-over");
    }

    @Test
    @Order(4)
    void anInMemoryModelIsRefusedWithTheKindsTheEngineFits() {
        assertThatThrownBy(() -> engine().compare(DATA, plan("logistic@smile"), ProgressListener.NONE))
                .isInstanceOf(UsageException.class)
                .hasMessage("--engine spark fits its own models (logistic, random-forest, gradient-boosting, mlp, as "
                        + "KIND or KIND@spark); logistic@smile runs in memory");
    }

    /** --unknown error was taken and ignored: predict scored a category training never saw, exit 0. */
    @Test
    @Order(4)
    void unknownCategoriesAsErrorsAreRefusedAsSparkScoresThemAsOneMore() {
        dev.rareclass.domain.experiment.PipelineSpec spec = dev.rareclass.domain.experiment.PipelineSpec.of(
                dev.rareclass.domain.model.ModelId.parse("logistic"), Hyperparameters.empty());
        var p = spec.fit().preprocessing();
        dev.rareclass.domain.experiment.PipelineSpec strict = spec.withFit(spec.fit().withPreprocessing(
                new dev.rareclass.domain.preprocess.PreprocessingSpec(p.scaling(), p.missing(),
                        dev.rareclass.domain.preprocess.UnknownCategories.ERROR, p.vocabulary(), p.maxCategories())));
        assertThatThrownBy(() -> SparkEngine.resolve(strict)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--unknown error is not available with --engine spark");
        assertThat(SparkEngine.resolve(spec).kind()).isEqualTo(SparkModels.Kind.LOGISTIC);
    }

    @Test
    @Order(4)
    void aKindSparkDoesNotFitIsRefusedWithTheKindsItDoes() {
        assertThatThrownBy(() -> engine().compare(DATA, plan("knn"), ProgressListener.NONE))
                .isInstanceOf(UsageException.class)
                .hasMessage("model kind 'knn' is not one the Spark engine fits; it fits "
                        + "[logistic, random-forest, gradient-boosting, mlp]");
    }

    @Test
    @Order(5)
    void closingTheEngineStopsItsSession() {
        SparkSession session = SparkSession.active();
        engine().close();
        engine = null;
        assertThat(session.sparkContext().isStopped()).isTrue();
    }
}
