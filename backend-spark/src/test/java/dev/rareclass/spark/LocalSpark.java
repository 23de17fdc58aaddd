package dev.rareclass.spark;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Spark session in this JVM for a test class, on two local cores, as {@link SparkProvider} starts it for a local
 * master (no web UI, the driver on loopback) but with few shuffle partitions, since the tables here are small. Register
 * it as a static field; the session stops after the class, so the next class (or {@link SparkProvider}) starts afresh.
 */
final class LocalSpark implements BeforeAllCallback, AfterAllCallback {

    private SparkSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        SparkLogs.quiet(false);
        SparkProvider.javaBlasInThisJvm(); // as the engine does: the same numbers on every run
        session = SparkSession.builder()
                .appName("rareclass-test")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        session.sparkContext().setLogLevel("WARN");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.stop();
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
            session = null;
        }
    }

    SparkSession session() {
        if (session == null) {
            throw new IllegalStateException("LocalSpark is used outside its test class");
        }
        return session;
    }

    /** Scored rows as the engine makes them: {@code __key}, {@code __y} (0/1) and {@code __score}. */
    Dataset<Row> scored(int[] y, double[] scores) {
        List<Row> rows = new java.util.ArrayList<>(y.length);
        for (int i = 0; i < y.length; i++) {
            rows.add(RowFactory.create((long) i, (double) y[i], scores[i]));
        }
        StructType schema = new StructType()
                .add(SparkTables.KEY, DataTypes.LongType, false)
                .add(SparkTables.Y, DataTypes.DoubleType, false)
                .add(DistributedMetrics.SCORE, DataTypes.DoubleType, false);
        // in slices, so no task carries the whole table (as a local relation would)
        int slices = Math.max(2, y.length / 10_000);
        return session().createDataFrame(JavaSparkContext.fromSparkContext(session().sparkContext())
                .parallelize(rows, slices), schema);
    }
}
