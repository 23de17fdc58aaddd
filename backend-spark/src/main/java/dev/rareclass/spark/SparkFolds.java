package dev.rareclass.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Stratified splits of a table that stays in the cluster, exact as scikit-learn's {@code StratifiedKFold}: within each
 * class the rows get a random order (by a seeded hash of the row key, so the order does not depend on how the file
 * was partitioned or on how many executors run), and the i-th row of a class goes to fold {@code i mod k}. Every fold
 * then holds each class's rows to within one.
 *
 * <p>The order is made without a global sort: rows are spread over {@link #BUCKETS} buckets by their hash; each
 * (class, bucket) is numbered by a window, and the buckets' sizes (a few hundred counts, the only thing that reaches
 * the driver) give each bucket's offset in its class.
 */
final class SparkFolds {

    /** Buckets per class: each window sorts about rows / (2 × BUCKETS) rows. */
    static final int BUCKETS = 64;
    /** The rank of a row within its class, 0-based, in the seeded random order. */
    static final String RANK = "__rank";

    private SparkFolds() {
    }

    /** The rows with {@link #RANK}, persisted. */
    static Dataset<Row> ranked(Dataset<Row> rows, long seed) {
        Column hash = xxhash64(lit(seed), col(SparkTables.KEY));
        // the bucket is pmod of the 64-bit hash, a long, and read back as one
        Dataset<Row> hashed = rows.withColumn("__h", hash).withColumn("__b", pmod(col("__h"), lit((long) BUCKETS)));
        List<Row> sizes = hashed.groupBy(SparkTables.Y, "__b").count().collectAsList();
        Map<Double, TreeMap<Long, Long>> byClass = new TreeMap<>();
        for (Row r : sizes) {
            byClass.computeIfAbsent(r.getDouble(0), k -> new TreeMap<>()).put(r.getLong(1), r.getLong(2));
        }
        List<Row> offsets = new ArrayList<>();
        byClass.forEach((y, buckets) -> {
            long offset = 0;
            for (Map.Entry<Long, Long> b : buckets.entrySet()) {
                offsets.add(RowFactory.create(y, b.getKey(), offset));
                offset += b.getValue();
            }
        });
        StructType schema = new StructType()
                .add("__oy", DataTypes.DoubleType)
                .add("__ob", DataTypes.LongType)
                .add("__offset", DataTypes.LongType);
        Dataset<Row> offsetTable = rows.sparkSession().createDataFrame(offsets, schema);
        Dataset<Row> numbered = hashed.withColumn("__rn", row_number().over(
                Window.partitionBy(SparkTables.Y, "__b").orderBy("__h", SparkTables.KEY)));
        Dataset<Row> out = numbered.join(broadcast(offsetTable),
                        col(SparkTables.Y).equalTo(col("__oy")).and(col("__b").equalTo(col("__ob"))))
                .withColumn(RANK, col("__offset").plus(col("__rn")).minus(1))
                .drop("__h", "__b", "__rn", "__oy", "__ob", "__offset");
        return out.persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** The fold of a ranked row under k-fold cross-validation. */
    static Column fold(int k) {
        return pmod(col(RANK), lit((long) k));
    }

    /**
     * A row's place, among the rows of its class outside the share {@code fraction} ({@link #inShare} of the rank), in
     * the seeded order: its rank less the rows of the share ranked before it, floor(rank f). A hold-out's validation
     * share is taken on this place, not on the rank: on the rank, a validation share equal to the test share (20% and
     * 20%, the defaults) would pick exactly the test rows, and none of the training rows.
     */
    static Column placeOutsideShare(double fraction) {
        return col(RANK).minus(org.apache.spark.sql.functions.floor(col(RANK).multiply(fraction)));
    }

    /**
     * Whether the row is among a stratified share {@code fraction} of rows, spread evenly over the order: row i is in
     * iff floor((i + 1) f) > floor(i f). {@code position} numbers the rows within their class in that order.
     */
    static Column inShare(Column position, double fraction) {
        Column next = org.apache.spark.sql.functions.floor(position.plus(1).multiply(fraction));
        Column here = org.apache.spark.sql.functions.floor(position.multiply(fraction));
        return next.gt(here);
    }
}
