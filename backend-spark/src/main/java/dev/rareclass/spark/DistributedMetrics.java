package dev.rareclass.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.metrics.ConfusionCounts;
import dev.rareclass.domain.metrics.Curves;
import dev.rareclass.domain.metrics.OperatingPoints;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * rareclass's (scikit-learn's) metrics of scored rows that stay in the cluster. The rows are reduced where they are:
 * the confusion counts at the threshold, the Brier and log-loss sums are one aggregate, and the rows are grouped by
 * distinct score (a shuffle). Only those groups, streamed partition by partition in decreasing score order, reach the
 * driver, as {@link OperatingPoints} (24 bytes per distinct score): the same points the in-memory engine sorts its
 * rows into, so average precision, ROC AUC and every threshold policy are computed by the domain's own code and
 * equal the in-memory values on the same scores.
 *
 * <p>Spark's own {@code BinaryClassificationMetrics.areaUnderPR} is a trapezoidal area, not average precision; it is
 * not used.
 */
final class DistributedMetrics {

    /** The score column of scored rows. */
    static final String SCORE = "__score";

    private DistributedMetrics() {
    }

    /**
     * Every metric of {@link BinaryMetrics} for rows with {@link SparkTables#Y} and {@link #SCORE}.
     *
     * @param probabilities whether the scores are probabilities (Brier and log loss are NaN otherwise)
     */
    static BinaryMetrics of(Dataset<Row> scored, double threshold, boolean probabilities) {
        return measure(scored, threshold, probabilities).metrics();
    }

    /** Every metric, and the operating points they were computed from (for the curves). */
    record Measured(BinaryMetrics metrics, OperatingPoints points) {
    }

    /** {@link #of}, with the operating points kept. */
    static Measured measure(Dataset<Row> scored, double threshold, boolean probabilities) {
        Column y = col(SparkTables.Y);
        Column s = col(SCORE);
        Column predicted = s.geq(threshold);
        Column positive = y.equalTo(1.0);
        // scikit-learn's log_loss: clip to [eps, 1 - eps], then renormalise the row [1 - p, p] (a no-op but for
        // rounding, kept so the sums match the in-memory engine's)
        double eps = BinaryMetrics.LOG_LOSS_EPS;
        Column p = least(greatest(s, lit(eps)), lit(1 - eps));
        Column rowSum = lit(1.0).minus(p).plus(p);
        Column rowLoss = log(when(positive, p).otherwise(lit(1.0).minus(p)).divide(rowSum)).multiply(-1);
        Row r = scored.agg(
                sum(when(predicted.and(positive), 1L).otherwise(0L)),
                sum(when(predicted.and(positive.equalTo(false)), 1L).otherwise(0L)),
                sum(when(predicted.equalTo(false).and(positive.equalTo(false)), 1L).otherwise(0L)),
                sum(when(predicted.equalTo(false).and(positive), 1L).otherwise(0L)),
                sum(s.minus(y).multiply(s.minus(y))),
                sum(rowLoss),
                count(lit(1))).first();
        ConfusionCounts counts = new ConfusionCounts(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3));
        long n = r.getLong(6);
        double brier = probabilities ? r.getDouble(4) / n : Double.NaN;
        double logLoss = probabilities ? r.getDouble(5) / n : Double.NaN;
        OperatingPoints points = points(scored);
        return new Measured(BinaryMetrics.of(counts, threshold, Curves.rocAuc(points), Curves.averagePrecision(points),
                brier, logLoss), points);
    }

    /** The rows grouped by distinct score, highest first: the operating points of every threshold. */
    static OperatingPoints points(Dataset<Row> scored) {
        Dataset<Row> grouped = scored
                .groupBy(col(SCORE).plus(lit(0.0)).as("s"))
                .agg(sum(col(SparkTables.Y)).cast(DataTypes.LongType).as("pos"), count(lit(1)).as("n"))
                .orderBy(col("s").desc());
        // one pass over the groups: counting them first would run the shuffle and the sort a second time
        double[] thresholds = new double[1024];
        long[] positives = new long[1024];
        long[] negatives = new long[1024];
        Iterator<Row> it = grouped.toLocalIterator();
        int size = 0;
        while (it.hasNext()) {
            Row g = it.next();
            if (size == thresholds.length) {
                if (size > Integer.MAX_VALUE / 2 - 8) {
                    throw new IllegalStateException("more than 2^30 distinct scores");
                }
                thresholds = Arrays.copyOf(thresholds, 2 * size);
                positives = Arrays.copyOf(positives, 2 * size);
                negatives = Arrays.copyOf(negatives, 2 * size);
            }
            thresholds[size] = g.getDouble(0);
            positives[size] = g.getLong(1);
            negatives[size] = g.getLong(2) - g.getLong(1);
            size++;
        }
        thresholds = Arrays.copyOf(thresholds, size);
        positives = Arrays.copyOf(positives, size);
        negatives = Arrays.copyOf(negatives, size);
        return OperatingPoints.ofGrouped(thresholds, positives, negatives);
    }
}
