package dev.rareclass.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.experiment.Candidate;
import dev.rareclass.domain.experiment.EngineSettings;
import dev.rareclass.domain.experiment.ExperimentPlan;
import dev.rareclass.domain.experiment.FoldOutcome;
import dev.rareclass.domain.experiment.Leaderboard;
import dev.rareclass.domain.experiment.LeaderboardRow;
import dev.rareclass.domain.experiment.Protocol;
import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.port.ClusterEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine on a real standalone cluster: a master and two workers (one core, 1 GB each), separate JVMs on
 * loopback started by the test ({@link LoopbackCluster}) and stopped after it. The same comparison runs in this JVM
 * ({@code local[2]}, the engine's default partitions) and on the cluster (three shuffle partitions), whose two
 * executors are JVMs of their own with Spark's jars and none of rareclass's. The seeds fix every split, sample and fit
 * whatever the executors and the partitions, so the two leaderboards must agree to the last digits.
 *
 * <p>Tagged {@code cluster} (five JVMs on the machine, about a minute); it runs in the default build.
 */
@Tag("cluster")
class StandaloneClusterTest {

    private static final int ROWS = 5_000;
    private static final int FEATURES = 8;

    @TempDir
    static Path dir;

    private static LoopbackCluster cluster;
    private static Path table;

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        table = writeTable(dir.resolve("rare.csv"), 20260522L);
        cluster = LoopbackCluster.start(dir.resolve("cluster"), 2, 1, "1g", Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.sampleMemory();
            System.out.println("standalone cluster, peak resident memory per JVM:\n" + cluster.memoryReport());
            cluster.close();
        }
    }

    @Test
    void aComparisonOnTwoExecutorsOfAStandaloneClusterEqualsTheSameComparisonInLocalMode() throws Exception {
        ExperimentPlan plan = ExperimentPlan.of(List.of(
                        Candidate.parse("logistic", Hyperparameters.empty()),
                        Candidate.parse("random-forest", Hyperparameters.of(Map.of("trees", "20", "max-depth", "6")))))
                .withProtocol(new Protocol.KFold(3, 1));
        DataOptions data = DataOptions.of(table).withLabel("y", "1");

        Run local = run("local[2]", Map.of(), data, plan);

        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.driver.host", "127.0.0.1");
        conf.put("spark.driver.bindAddress", "127.0.0.1");
        conf.put("spark.executor.memory", "512m");
        conf.put("spark.executor.cores", "1");
        conf.put("spark.cores.max", "2");
        conf.put("spark.executor.extraJavaOptions", String.join(" ", LoopbackCluster.LIGHT_JVM));
        // other partitions than local mode's (four per core of this machine, eight at least): a forest's bootstrap
        // follows the partitions its rows are in, so this checks that the engine fixes them by the data alone
        conf.put("spark.sql.shuffle.partitions", "3");
        // start only once both executors are there, so that both take part from the first job
        conf.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
        conf.put("spark.scheduler.maxRegisteredResourcesWaitingTime", "60s");
        Run remote = run(cluster.masterUrl(), conf, data, plan);

        // the cluster's run was the cluster's: two executors (besides the driver), on loopback, ran its tasks, one
        // core of each worker held by the application while it ran
        assertThat(remote.executorsBesidesDriver()).isEqualTo(2);
        assertThat(remote.tasksByExecutor().keySet()).hasSize(2).doesNotContain("driver");
        assertThat(remote.tasksByExecutor().values()).allSatisfy(n -> assertThat(n).isGreaterThan(10));
        assertThat(remote.taskHosts()).containsOnly("127.0.0.1");
        assertThat(remote.workerCoresUsed()).containsExactly(1, 1);
        assertThat(remote.activeApps()).containsExactly("rareclass");
        assertThat(local.tasksByExecutor().keySet()).containsExactly("driver");
        assertThat(local.executorsBesidesDriver()).isZero();

        // the data has a clear signal: a comparison of meaningless numbers would prove nothing
        assertThat(local.board().rows()).hasSize(2);
        for (LeaderboardRow row : local.board().rows()) {
            assertThat(row.metric(MetricName.ROC_AUC).mean()).as(row.name()).isGreaterThan(0.9);
            assertThat(row.metric(MetricName.PR_AUC).mean()).as(row.name()).isGreaterThan(0.4);
        }

        // the same ranking, and on every split the same rows, threshold and metrics
        assertThat(names(remote.board())).isEqualTo(names(local.board()));
        for (int r = 0; r < local.board().rows().size(); r++) {
            LeaderboardRow expected = local.board().rows().get(r);
            LeaderboardRow actual = remote.board().rows().get(r);
            assertThat(actual.folds()).hasSize(3);
            for (int f = 0; f < expected.folds().size(); f++) {
                FoldOutcome e = expected.folds().get(f);
                FoldOutcome a = actual.folds().get(f);
                String where = actual.name() + ", fold " + f;
                assertThat(a.trainRows()).as(where).isEqualTo(e.trainRows());
                assertThat(a.testRows()).as(where).isEqualTo(e.testRows());
                assertThat(a.testPositives()).as(where).isEqualTo(e.testPositives());
                assertThat(a.threshold()).as(where + ", threshold").isCloseTo(e.threshold(), within(1e-9));
                for (MetricName m : MetricName.values()) {
                    assertThat(a.metrics().get(m)).as(where + ", " + m).isCloseTo(e.metrics().get(m), within(1e-9));
                }
                assertThat(a.scores().labels()).as(where + ", chart sample").isEqualTo(e.scores().labels());
                assertThat(a.scores().scores()).as(where + ", chart sample").containsExactly(e.scores().scores(),
                        within(1e-9));
            }
            assertThat(actual.worseThanBest()).as(actual.name() + " worse than the best").isEqualTo(
                    expected.worseThanBest());
        }
        System.out.printf(Locale.ROOT, "compare, 2 models x 3 folds: local[2] %.1f s, standalone cluster %.1f s "
                + "(tasks by executor %s)%n", local.seconds(), remote.seconds(), remote.tasksByExecutor());
    }

    /** What one comparison gave, and where its tasks ran. */
    private record Run(Leaderboard board, Map<String, Long> tasksByExecutor, List<String> taskHosts,
                       int executorsBesidesDriver, List<Integer> workerCoresUsed, List<String> activeApps,
                       double seconds) {
    }

    private static Run run(String master, Map<String, String> conf, DataOptions data, ExperimentPlan plan)
            throws IOException, InterruptedException {
        EngineSettings settings = new EngineSettings("spark", Optional.of(master), conf, false);
        long t0 = System.nanoTime();
        try (ClusterEngine engine = new SparkProvider().open(settings)) {
            SparkContext sc = SparkSession.active().sparkContext();
            TaskPlaces places = new TaskPlaces();
            sc.addSparkListener(places);
            Leaderboard board = engine.compare(data, plan, ProgressListener.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            int executors = sc.statusTracker().getExecutorInfos().length - 1;
            List<Integer> coresUsed = new ArrayList<>();
            List<String> apps = new ArrayList<>();
            if (!master.startsWith("local")) {
                cluster.sampleMemory();
                JsonNode state = cluster.masterState();
                state.path("workers").forEach(w -> coresUsed.add(w.path("coresused").asInt()));
                state.path("activeapps").forEach(a -> apps.add(a.path("name").asText()));
            }
            return new Run(board, places.byExecutor(), places.hosts(), executors, coresUsed, apps, seconds);
        } catch (RuntimeException e) {
            if (master.startsWith("local")) {
                throw e;
            }
            throw new AssertionError("compare on " + master + " failed: " + e + "\nthe cluster's logs:\n"
                    + cluster.logTails(), e);
        }
    }

    /** Counts the finished tasks per executor, and their hosts. */
    private static final class TaskPlaces extends SparkListener {
        private final Map<String, LongAdder> tasks = new ConcurrentHashMap<>();
        private final Map<String, Boolean> hosts = new ConcurrentHashMap<>();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            tasks.computeIfAbsent(end.taskInfo().executorId(), k -> new LongAdder()).increment();
            hosts.put(end.taskInfo().host(), true);
        }

        Map<String, Long> byExecutor() {
            Map<String, Long> out = new java.util.TreeMap<>();
            tasks.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        List<String> hosts() {
            return List.copyOf(hosts.keySet());
        }
    }

    private static List<String> names(Leaderboard board) {
        return board.rows().stream().map(r -> r.name() + " " + r.params().asMap()).toList();
    }

    /**
     * {@code ROWS} rows of {@code FEATURES} standard normal features, about 3% positive; a positive's first four
     * features are shifted by 1.5 (a clear but imperfect signal).
     */
    private static Path writeTable(Path file, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            StringBuilder header = new StringBuilder();
            for (int j = 0; j < FEATURES; j++) {
                header.append("x").append(j).append(',');
            }
            w.write(header.append("y\n").toString());
            for (int i = 0; i < ROWS; i++) {
                boolean positive = random.nextDouble() < 0.03;
                StringBuilder line = new StringBuilder();
                for (int j = 0; j < FEATURES; j++) {
                    double x = gaussian(random) + (positive && j < 4 ? 1.5 : 0.0);
                    line.append(String.format(Locale.ROOT, "%.6f", x)).append(',');
                }
                w.write(line.append(positive ? 1 : 0).append('\n').toString());
            }
        }
        return file;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller, so the table is the same on every JDK
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }
}
