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

    static void quiet(boolean verbose) {
        Level level = verbose ? Level.INFO : Level.WARN;
        Configurator.setRootLevel(level);
        // the noisiest at WARN: Hadoop's native-library and Spark's own start-up remarks
        if (!verbose) {
            Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
            Configurator.setLevel("org.apache.spark.util.Utils", Level.ERROR);
            Configurator.setLevel("org.apache.spark.sql.catalyst.util.SparkStringUtils", Level.ERROR);
        }
    }
}
