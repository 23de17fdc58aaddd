package dev.rareclass.spark;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.EngineSettings;
import dev.rareclass.domain.experiment.ModelDescription;
import dev.rareclass.domain.port.ClusterEngine;
import dev.rareclass.domain.port.ClusterEngines;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --engine spark}: starts a Spark session as a Spark user would expect. With no master it runs in this JVM on
 * every core ({@code local[*]}); {@code --master} and {@code --conf key=value} (Spark's own names) reach a standalone
 * cluster, YARN or Kubernetes. The web UI is off unless a {@code spark.ui.*} setting turns it on, the driver binds to
 * loopback when the master is local, and Spark logs warnings only unless {@code --verbose}. The engine's own jar goes
 * to the executors ({@code spark.jars}), though the engine ships no code to them: every step is Spark's own operators.
 * Spark ML's BLAS stays on Java ({@link #javaBlas}), so that the same seed gives the same numbers to the last bit.
 */
public final class SparkProvider implements ClusterEngines.Provider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ClusterEngine open(EngineSettings settings) {
        SparkLogs.quiet(settings.verbose());
        String master = settings.master().orElse("local[*]");
        SparkConf conf = new SparkConf()
                .setAppName("rareclass")
                .setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                // a plan over a wide table is only printed, shortened, with a warning; rareclass never prints plans
                .set("spark.sql.debug.maxToStringFields", "10000")
                .set("spark.sql.shuffle.partitions", String.valueOf(Math.max(8, 4 * Runtime.getRuntime()
                        .availableProcessors())));
        if (master.startsWith("local") || master.matches("spark://(127\\.0\\.0\\.1|localhost)(:\\d+)?")) {
            // a local master, or a cluster on loopback: the driver stays on loopback too
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        } else {
            ownJar().ifPresent(jar -> conf.set("spark.jars", jar));
        }
        for (Map.Entry<String, String> e : settings.conf().entrySet()) {
            if (!e.getKey().startsWith("spark.")) {
                throw new UsageException("--conf " + e.getKey() + "=" + e.getValue() + ": Spark settings start with "
                        + "'spark.'");
            }
            conf.set(e.getKey(), e.getValue());
        }
        javaBlas(conf);
        SparkSession session;
        SparkLogs.starting(settings.verbose());
        try {
            session = SparkSession.builder().config(conf).getOrCreate();
        } catch (Exception e) { // Exception: Spark's SparkException (a bad master URL) is checked, thrown undeclared
            throw new UsageException("Spark did not start on master " + master + ": " + Failures.innermost(e));
        } finally {
            SparkLogs.started(settings.verbose());
        }
        session.sparkContext().setLogLevel(settings.verbose() ? "INFO" : "WARN");
        try {
            checkSqlSettings(session, settings.conf());
        } catch (UsageException e) {
            session.stop();
            throw e;
        }
        return new SparkEngine(session);
    }

    /**
     * Checks the {@code --conf} values of Spark SQL's settings now: Spark takes them unread when the session starts and
     * reads them at the first query, where {@code spark.sql.shuffle.partitions=-1} failed as if the file were bad (exit
     * 65, "Spark could not read it"). The session's SQL state, made on first use, reads them all (Spark's sentence
     * then names the setting); setting each one again at run time makes Spark check it alone; a setting only a new
     * session can change is left as set.
     */
    static void checkSqlSettings(SparkSession session, Map<String, String> conf) {
        try {
            session.conf().getAll();
        } catch (RuntimeException refused) {
            throw Failures.badSetting(refused);
        }
        for (Map.Entry<String, String> e : conf.entrySet()) {
            if (e.getKey().startsWith("spark.sql.") && session.conf().isModifiable(e.getKey())) {
                try {
                    session.conf().set(e.getKey(), e.getValue());
                } catch (RuntimeException refused) {
                    throw Failures.badSetting(e.getKey(), e.getValue(), refused);
                }
            }
        }
    }

    @Override
    public java.util.Optional<ModelDescription> describeModel(Path model) {
        // read as the zip it is, with no session: inspect needs no Spark started
        return SparkModelFile.isModelFile(model)
                ? java.util.Optional.of(SparkModelFile.describe(model).description())
                : java.util.Optional.empty();
    }

    /** The switch of netlib (Spark ML's BLAS) that keeps it on its Java implementation. */
    static final String ALLOW_NATIVE_BLAS = "dev.ludovic.netlib.blas.allowNative";

    /**
     * Keeps Spark ML's BLAS on its Java implementation, in the driver (and a local master's executors) and in every
     * executor, unless the user set {@value #ALLOW_NATIVE_BLAS} (in {@code JAVA_OPTS}, or later in the executors'
     * {@code spark.executor.extraJavaOptions}, which wins). Where a machine has a system BLAS ({@code libblas.so.3},
     * OpenBLAS as Debian's numpy brings it), netlib calls it, and its kernels sum in an order that depends on where
     * the arrays lie in memory: a gradient-boosted model's scores (a dot product of the trees' outputs and weights)
     * then differed in the last bit from one run to the next with the same seed, up to 2e-16 in a third of the rows
     * (measured 2026-12-06; with the Java BLAS, four runs gave identical scores).
     */
    static void javaBlas(SparkConf conf) {
        javaBlasInThisJvm();
        String executors = conf.get("spark.executor.extraJavaOptions", "");
        conf.set("spark.executor.extraJavaOptions", ("-D" + ALLOW_NATIVE_BLAS + "=false " + executors).strip());
    }

    /** The driver's part of {@link #javaBlas}: before Spark ML's first BLAS call in this JVM, which reads it once. */
    static void javaBlasInThisJvm() {
        if (System.getProperty(ALLOW_NATIVE_BLAS) == null) {
            System.setProperty(ALLOW_NATIVE_BLAS, "false");
        }
    }

    /** This module's jar, when it runs from one. */
    private static java.util.Optional<String> ownJar() {
        try {
            Path p = Path.of(SparkProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? java.util.Optional.of(p.toString()) : java.util.Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
