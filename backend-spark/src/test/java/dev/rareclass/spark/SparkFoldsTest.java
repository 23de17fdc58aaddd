package dev.rareclass.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.model.ProgressListener;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stratified folds of a table that stays in the cluster: a seeded rank within each class that does not depend on how
 * the rows are partitioned, and folds that hold each class's rows to within one, as scikit-learn's
 * {@code StratifiedKFold} does.
 */
class SparkFoldsTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark();

    private static final int ROWS = 1_003;
    private static final int POSITIVES = 97;

    @TempDir
    static Path dir;

    private static SparkTables.Prepared table;
    /** The table ranked with seed 42. */
    private static Dataset<Row> ranked;

    @BeforeAll
    static void readAndRank() {
        Path file = SyntheticCsv.write(dir.resolve("folds.csv"), ROWS, POSITIVES, 1.0, 11);
        table = SparkTables.read(SPARK.session(), DataOptions.labelled(file, SyntheticCsv.LABEL, SyntheticCsv.POSITIVE),
                ProgressListener.NONE);
        ranked = SparkFolds.ranked(table.rows(), 42);
    }

    @AfterAll
    static void release() {
        ranked.unpersist();
        table.rows().unpersist();
    }

    /** Each row key with its class and rank. */
    private static Map<Long, Long> ranks(Dataset<Row> ranked) {
        Map<Long, Long> out = new HashMap<>();
        for (Row r : ranked.select(SparkTables.KEY, SparkFolds.RANK).collectAsList()) {
            out.put(r.getLong(0), r.getLong(1));
        }
        return out;
    }

    @Test
    void theTableHasTheCountsWrittenAndDistinctRowKeys() {
        assertThat(table.positives()).isEqualTo(POSITIVES);
        assertThat(table.negatives()).isEqualTo(ROWS - POSITIVES);
        assertThat(table.rows().select(SparkTables.KEY).distinct().count()).isEqualTo(ROWS);
    }

    @Test
    void eachClassGetsEveryRankFromZeroOnceExactly() {
        Map<Double, List<Long>> byClass = new TreeMap<>();
        for (Row r : ranked.select(SparkTables.Y, SparkFolds.RANK).collectAsList()) {
            byClass.computeIfAbsent(r.getDouble(0), y -> new java.util.ArrayList<>()).add(r.getLong(1));
        }
        assertThat(byClass.get(1.0)).containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, POSITIVES).boxed().toList());
        assertThat(byClass.get(0.0)).containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, ROWS - POSITIVES).boxed().toList());
    }

    @ParameterizedTest(name = "{0} folds")
    @ValueSource(ints = {2, 3, 5, 10})
    void everyFoldHoldsEachClassToWithinOneRow(int k) {
        long[][] counts = new long[2][k];
        for (Row r : ranked.groupBy(col(SparkTables.Y), SparkFolds.fold(k).as("fold")).count().collectAsList()) {
            counts[(int) r.getDouble(0)][(int) r.getLong(1)] = r.getLong(2);
        }
        // StratifiedKFold's sizes: n_c // k per fold, the first n_c % k folds one more
        for (int y = 0; y < 2; y++) {
            long n = y == 1 ? POSITIVES : ROWS - POSITIVES;
            for (int f = 0; f < k; f++) {
                assertThat(counts[y][f]).as("class %d, fold %d of %d", y, f, k).isEqualTo(n / k + (f < n % k ? 1 : 0));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameRanksHoweverTheRowsArePartitioned() {
        Dataset<Row> seven = SparkFolds.ranked(table.rows().repartition(7), 42);
        Dataset<Row> three = SparkFolds.ranked(table.rows().repartition(3), 42);
        Map<Long, Long> reference = ranks(ranked);
        assertThat(reference).hasSize(ROWS);
        assertThat(ranks(seven)).isEqualTo(reference);
        assertThat(ranks(three)).isEqualTo(reference);
        seven.unpersist();
        three.unpersist();
    }

    @Test
    void anotherSeedGivesAnotherOrder() {
        Dataset<Row> b = SparkFolds.ranked(table.rows(), 43);
        Map<Long, Long> first = ranks(ranked);
        Map<Long, Long> second = ranks(b);
        long sameFold = first.keySet().stream().filter(key -> first.get(key) % 5 == second.get(key) % 5).count();
        // independent assignments agree on about a fifth of the rows
        assertThat(sameFold).isBetween(ROWS / 5L - 60, ROWS / 5L + 60);
        b.unpersist();
    }

    @Test
    void aHoldOutShareTakesTheFloorOfEachClassesShare() {
        Map<Double, Long> held = new HashMap<>();
        for (Row r : ranked.filter(SparkFolds.inShare(col(SparkFolds.RANK), 0.25)).groupBy(SparkTables.Y).count()
                .collectAsList()) {
            held.put(r.getDouble(0), r.getLong(1));
        }
        assertThat(held).containsEntry(1.0, (long) Math.floor(POSITIVES * 0.25))
                .containsEntry(0.0, (long) Math.floor((ROWS - POSITIVES) * 0.25));
    }

    @Test
    void aHoldOutsValidationShareIsTakenFromItsTrainingRowsOnly() {
        // the defaults: 20% test, then 20% of the training rows to choose the threshold on
        Dataset<Row> train = ranked.filter(SparkFolds.inShare(col(SparkFolds.RANK), 0.2).equalTo(false));
        Map<Double, Long> validation = new HashMap<>();
        for (Row r : train.filter(SparkFolds.inShare(SparkFolds.placeOutsideShare(0.2), 0.2)).groupBy(SparkTables.Y)
                .count().collectAsList()) {
            validation.put(r.getDouble(0), r.getLong(1));
        }
        long trainPositives = POSITIVES - (long) Math.floor(POSITIVES * 0.2);
        long trainNegatives = ROWS - POSITIVES - (long) Math.floor((ROWS - POSITIVES) * 0.2);
        assertThat(validation).containsEntry(1.0, (long) Math.floor(trainPositives * 0.2))
                .containsEntry(0.0, (long) Math.floor(trainNegatives * 0.2));
    }
}
