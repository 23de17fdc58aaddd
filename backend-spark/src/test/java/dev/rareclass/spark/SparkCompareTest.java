package dev.rareclass.spark;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --engine spark --master local[2]} end to end, as the command line opens the engine: four model kinds
 * cross-validated on a generated table with a clear signal (and column names Spark ML would misread), twice with the
 * same seed.
 */
@Tag("slow")
class SparkCompareTest {

    private static final int ROWS = 2_400;
    private static final int POSITIVES = 120;

    @TempDir
    static Path dir;

    private static ClusterEngine engine;
    private static DataOptions data;

    @BeforeAll
    static void open() {
        Path file = SyntheticCsv.write(dir.resolve("signal.csv"), ROWS, POSITIVES, 2.0, 21,
                "x.1,x 2,noise,colour,label");
        data = DataOptions.labelled(file, SyntheticCsv.LABEL, SyntheticCsv.POSITIVE);
        // two shuffle partitions for two cores and a small table (the engine's default is at least 8), as a user
        // would set it with --conf
        engine = new SparkProvider().open(new EngineSettings("spark", Optional.of("local[2]"),
                Map.of("spark.sql.shuffle.partitions", "2"), false));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static ExperimentPlan plan() {
        // fewer rounds than the defaults keep the test's time down; every kind still fits its whole pipeline
        return ExperimentPlan.of(List.of(
                        Candidate.parse("logistic", Hyperparameters.empty()),
                        Candidate.parse("random-forest", Hyperparameters.of(Map.of("trees", "20"))),
                        Candidate.parse("gradient-boosting@spark", Hyperparameters.of(Map.of("trees", "20",
                                "max-depth", "3"))),
                        Candidate.parse("mlp", Hyperparameters.of(Map.of("hidden", "8", "max-iterations", "30")))))
                .withProtocol(new Protocol.KFold(3, 1));
    }

    @Test
    void fourKindsAreCrossValidatedWellAboveChanceAndTheSameSeedGivesTheSameNumbers() {
        List<String> notes = new ArrayList<>();
        ProgressListener progress = ProgressListener.notesTo(notes::add);
        Leaderboard first = engine.compare(data, plan(), progress);

        assertThat(first.rows()).extracting(LeaderboardRow::model)
                .containsExactlyInAnyOrder("logistic", "random-forest", "gradient-boosting", "mlp");
        assertThat(first.rows()).allMatch(r -> r.backend().equals("spark"));
        assertThat(first.metric()).isEqualTo(MetricName.PR_AUC);
        assertThat(first.protocol()).startsWith("stratified 3-fold");
        double positiveRate = (double) POSITIVES / ROWS;
        for (LeaderboardRow row : first.rows()) {
            assertThat(row.folds()).hasSize(3);
            assertThat(row.metric(MetricName.PR_AUC).mean()).as(row.name()).isGreaterThan(5 * positiveRate);
            assertThat(row.metric(MetricName.ROC_AUC).mean()).as(row.name()).isGreaterThan(0.8);
            int testRows = 0;
            int testPositives = 0;
            for (FoldOutcome fold : row.folds()) {
                assertThat(fold.metrics().asMap().values()).as(row.name() + " fold " + fold.fold())
                        .allMatch(Double::isFinite);
                assertThat(fold.threshold()).isBetween(0.0, 1.0);
                assertThat(fold.scores().labels()).hasSize(fold.testRows());
                testRows += fold.testRows();
                testPositives += fold.testPositives();
            }
            assertThat(testRows).isEqualTo(ROWS);
            assertThat(testPositives).isEqualTo(POSITIVES);
        }
        assertThat(first.rows().get(0).metric(MetricName.PR_AUC).mean())
                .isGreaterThanOrEqualTo(first.rows().get(3).metric(MetricName.PR_AUC).mean());
        assertThat(notes).anyMatch(n -> n.contains("2,400 rows, 120 positive"));

        Leaderboard second = engine.compare(data, plan(), ProgressListener.NONE);
        // to the last bit, for every kind: where the machine has a system BLAS (OpenBLAS), Spark ML called it and its
        // gradient-boosted trees' scores then moved by up to 2e-16 from run to run; the engine keeps Spark ML's BLAS on
        // Java (SparkProvider.javaBlas)
        assertThat(numbers(second)).isEqualTo(numbers(first));
    }

    @Test
    void aHoldOutWithTheDefaultValidationShareChoosesItsThresholdOnTrainingRows() {
        // 20% test and 20% of the rest to choose the threshold on: once the same rows, leaving no validation rows
        ExperimentPlan plan = ExperimentPlan.of(List.of(Candidate.parse("logistic", Hyperparameters.empty())))
                .withProtocol(new Protocol.Holdout(0.2));
        Leaderboard board = engine.compare(data, plan, ProgressListener.NONE);

        FoldOutcome split = board.rows().get(0).folds().get(0);
        assertThat(split.testRows()).isEqualTo(POSITIVES / 5 + (ROWS - POSITIVES) / 5);
        assertThat(split.testPositives()).isEqualTo(POSITIVES / 5);
        assertThat(split.trainRows()).isEqualTo(ROWS - split.testRows());
        assertThat(split.metrics().get(MetricName.PR_AUC)).isGreaterThan(5.0 * POSITIVES / ROWS);
    }

    /** Every number of the leaderboard but the fit times. */
    private static List<Object> numbers(Leaderboard board) {
        List<Object> out = new ArrayList<>();
        for (LeaderboardRow row : board.rows()) {
            out.add(row.name());
            out.add(row.pValue());
            for (FoldOutcome f : row.folds()) {
                out.add(List.of(f.trainRows(), f.testRows(), f.testPositives(), f.threshold()));
                out.add(f.metrics().asMap());
                out.add(java.util.Arrays.toString(f.scores().scores()));
            }
        }
        return out;
    }
}
