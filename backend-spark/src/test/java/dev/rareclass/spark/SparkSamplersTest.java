package dev.rareclass.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The samplers of the Spark engine: random under- and over-sampling that balance the classes in expectation (each
 * row's fate a seeded Bernoulli draw on its key), so counts are checked within four standard deviations and the
 * rows kept are the same for the same seed.
 */
class SparkSamplersTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark();

    private static final int ROWS = 5_000;
    private static final int POSITIVES = 300;
    private static final long NEGATIVES = ROWS - POSITIVES;
    private static final long[] COUNTS = {NEGATIVES, POSITIVES};

    private static Dataset<Row> rows;

    @BeforeAll
    static void makeRows() {
        int[] y = new int[ROWS];
        for (int i = 0; i < POSITIVES; i++) {
            y[i * (ROWS / POSITIVES)] = 1;
        }
        rows = SPARK.scored(y, new double[ROWS]).cache();
    }

    @AfterAll
    static void release() {
        rows.unpersist();
    }

    private static long positives(Dataset<Row> d) {
        return d.filter(col(SparkTables.Y).equalTo(1.0)).count();
    }

    private static List<Long> keys(Dataset<Row> d) {
        return d.select(SparkTables.KEY).orderBy(SparkTables.KEY).collectAsList().stream().map(r -> r.getLong(0))
                .toList();
    }

    @Test
    void randomUnderKeepsEveryPositiveAndAboutAsManyNegatives() {
        Dataset<Row> sampled = SparkEngine.sample(rows, "random-under", 42, COUNTS);
        assertThat(positives(sampled)).isEqualTo(POSITIVES);
        assertThat(keys(sampled.filter(col(SparkTables.Y).equalTo(1.0))))
                .isEqualTo(keys(rows.filter(col(SparkTables.Y).equalTo(1.0))));
        // each negative kept with probability p = positives / negatives: Binomial(negatives, p)
        double p = (double) POSITIVES / NEGATIVES;
        double sd = Math.sqrt(NEGATIVES * p * (1 - p));
        long negatives = sampled.count() - POSITIVES;
        assertThat((double) negatives).isBetween(POSITIVES - 4 * sd, POSITIVES + 4 * sd);
    }

    @Test
    void randomOverRepeatsPositivesToAboutAsManyAsTheNegatives() {
        Dataset<Row> sampled = SparkEngine.sample(rows, "random-over", 42, COUNTS);
        assertThat(sampled.count() - positives(sampled)).isEqualTo(NEGATIVES);
        // each positive repeated floor(r) times and once more with probability frac(r), r = negatives / positives
        double r = (double) NEGATIVES / POSITIVES;
        double frac = r - Math.floor(r);
        double sd = Math.sqrt(POSITIVES * frac * (1 - frac));
        assertThat((double) positives(sampled)).isBetween(NEGATIVES - 4 * sd, NEGATIVES + 4 * sd);
        // every positive at least floor(r) times
        long fewest = sampled.filter(col(SparkTables.Y).equalTo(1.0)).groupBy(SparkTables.KEY).count()
                .agg(org.apache.spark.sql.functions.min("count")).first().getLong(0);
        assertThat(fewest).isEqualTo((long) Math.floor(r));
    }

    @Test
    void theSameSeedKeepsTheSameRowsAndAnotherSeedOthers() {
        for (String sampler : List.of("random-under", "random-over")) {
            List<Long> first = keys(SparkEngine.sample(rows, sampler, 7, COUNTS));
            assertThat(keys(SparkEngine.sample(rows.repartition(5), sampler, 7, COUNTS))).as(sampler)
                    .isEqualTo(first);
            assertThat(keys(SparkEngine.sample(rows, sampler, 8, COUNTS))).as(sampler).isNotEqualTo(first);
        }
    }

    @Test
    void noSamplerLeavesTheRowsAsTheyAre() {
        assertThat(SparkEngine.sample(rows, "none", 42, COUNTS)).isSameAs(rows);
    }
}
