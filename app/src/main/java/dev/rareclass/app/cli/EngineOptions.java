package dev.rareclass.app.cli;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.EngineSettings;
import dev.rareclass.domain.port.ClusterEngines;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --engine}, {@code --master}, {@code --conf}: where a command's rows are split, fitted and scored. The default
 * is this JVM; {@code spark} keeps the table in a Spark session (local, or a cluster by {@code --master}).
 */
final class EngineOptions {

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "${env:RARECLASS_ENGINE:-local}",
            description = "local (this JVM, the default) or spark: the table is read, split, fitted and scored by "
                    + "Spark and never collected (local[*] unless --master; ./rareclass fetches Spark on first use, "
                    + "about 320 MB). Also RARECLASS_ENGINE.")
    String engine;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "${env:RARECLASS_MASTER}",
            description = "With --engine spark: the Spark master, such as local[4], spark://HOST:7077, yarn or "
                    + "k8s://https://HOST:443 (default local[*]). Also RARECLASS_MASTER.")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "With --engine spark: a Spark setting, such as spark.executor.memory=2g (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    /** Whether the rows stay in a cluster engine. */
    boolean onCluster() {
        String name = engine == null ? ClusterEngines.IN_MEMORY : engine.trim();
        if (ClusterEngines.isInMemory(name)) {
            if (master != null && !master.isBlank()) {
                throw new UsageException("--master " + master + " needs --engine spark");
            }
            if (!conf.isEmpty()) {
                throw new UsageException("--conf needs --engine spark");
            }
            return false;
        }
        if (!name.equals("spark")) {
            throw new UsageException("--engine " + engine + ": engines are " + ClusterEngines.NAMES);
        }
        return true;
    }

    /** Refuses an option the cluster engine's path of a command does not take, in one line. */
    static void refuse(boolean given, String option) {
        if (given) {
            throw new UsageException(option + " is not available with --engine spark");
        }
    }

    EngineSettings settings(boolean verbose) {
        return new EngineSettings(engine.trim(), Optional.ofNullable(master).filter(m -> !m.isBlank()), conf,
                verbose);
    }
}
