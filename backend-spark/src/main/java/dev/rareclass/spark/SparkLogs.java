package dev.rareclass.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Spark logs through log4j2; rareclass shows its warnings and errors only (on standard error), everything with
 * {@code --verbose}.
 */
final class SparkLogs {

    private SparkLogs() {
    }

    /**
     * Loggers that speak for a failure rareclass reports itself in one line (a task that failed on a malformed row is
     * logged by the task set, the executor and the scheduler, each with its stack), or that remark on what is fine
     * (a loopback host name, a large task binary, a plan shortened for printing): off unless {@code --verbose}.
     */
    private static final String[] SAID_BY_RARECLASS = {
        "org.apache.spark.scheduler.TaskSetManager", "org.apache.spark.executor.Executor",
        "org.apache.spark.scheduler.DAGScheduler", "org.apache.spark.scheduler.TaskSchedulerImpl",
        "org.apache.spark.util.Utils", "org.apache.spark.util.SparkStringUtils",
        "org.apache.hadoop.util.NativeCodeLoader", "org.apache.spark.sql.execution.datasources.FileFormatWriter",
        // a request still in flight when the session stops ("Still have 2 requests outstanding")
        "org.apache.spark.network.client.TransportResponseHandler",
        // a header whose names Spark changed (an empty one read as _c1, a duplicate as a1), in five lines each time the
        // file is read: rareclass names an empty column by its index and refuses a duplicate itself
        "org.apache.spark.sql.catalyst.csv.CSVHeaderChecker",
        // a failed fit, with its stack (an imputer with no value to impute from): rareclass names the column itself
        "org.apache.spark.ml.util.Instrumentation",
        // "Error deleting .../temp_shuffle_...": a task stopped by a malformed row left no file to delete
        "org.apache.spark.storage.DiskBlockObjectWriter",
    };

    /**
     * Logs a session that fails to start (a master URL it cannot parse, a setting it cannot read such as
     * {@code spark.executor.memory=abc}) as an error with its stack, 30 lines before rareclass's own one: off while the
     * session starts ({@link #starting}), back to warnings once it has ({@link #started}), unless {@code --verbose}.
     */
    static final String CONTEXT = "org.apache.spark.SparkContext";

    static void starting(boolean verbose) {
        Configurator.setLevel(CONTEXT, verbose ? Level.INFO : Level.OFF);
    }

    static void started(boolean verbose) {
        Configurator.setLevel(CONTEXT, verbose ? Level.INFO : Level.WARN);
    }

    static void quiet(boolean verbose) {
        Configurator.setRootLevel(verbose ? Level.INFO : Level.WARN);
        for (String logger : SAID_BY_RARECLASS) {
            Configurator.setLevel(logger, verbose ? Level.INFO : Level.OFF);
        }
    }
}
