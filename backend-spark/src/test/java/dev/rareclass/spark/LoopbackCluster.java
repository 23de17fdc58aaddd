package dev.rareclass.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on loopback for tests: a master and workers, each its own JVM started from the jars on
 * this JVM's class path, as {@code sbin/start-master.sh} and {@code sbin/start-worker.sh} would start them from a Spark
 * distribution.
 *
 * <p>The distribution is a folder made under the test's temporary folder: {@code jars/} holds links to the class
 * path's jars, except rareclass's own, so that the executors the workers launch from {@code SPARK_HOME/jars} have
 * Spark and nothing of the engine, as on a real cluster. Every daemon binds to 127.0.0.1 ({@code SPARK_LOCAL_IP}) on
 * ports free when it starts; the master's web UI (also on loopback) answers {@code /json}, which says when the
 * workers have registered. {@link #close} ends the workers' executors, the workers and the master, forcibly if they
 * do not stop within seconds, and a shutdown hook does the same if the test JVM exits first.
 */
final class LoopbackCluster implements AutoCloseable {

    /** Heap of the master and of each worker: they only schedule. */
    static final String DAEMON_HEAP = "-Xmx256m";
    /**
     * For the short-lived JVMs of a test on a small machine: the quick compiler only and one garbage-collector thread,
     * so that compiling and collecting do not take the cores from the work.
     */
    static final String[] LIGHT_JVM = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};

    private final Path dir;
    private final Path sparkHome;
    private final int masterPort;
    private final int masterWebPort;
    private final List<Process> daemons = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    /** Peak resident memory (kB) seen per process, by pid, with what it is. */
    private final Map<Long, String> seen = new java.util.TreeMap<>();
    private final Map<Long, Long> peakKb = new java.util.HashMap<>();
    private final Map<Long, Duration> cpu = new java.util.HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread hook = new Thread(this::stopAll, "loopback-cluster-stop");

    private LoopbackCluster(Path dir, Path sparkHome, int masterPort, int masterWebPort) {
        this.dir = dir;
        this.sparkHome = sparkHome;
        this.masterPort = masterPort;
        this.masterWebPort = masterWebPort;
    }

    /**
     * Starts a master and {@code workers} workers of {@code cores} cores and {@code memory} each ({@code 1g}), and
     * waits until every worker has registered with the master.
     */
    static LoopbackCluster start(Path dir, int workers, int cores, String memory, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path home = distribution(dir.resolve("spark-home"));
        LoopbackCluster cluster = new LoopbackCluster(dir, home, freePort(), freePort());
        Runtime.getRuntime().addShutdownHook(cluster.hook);
        try {
            cluster.launch("master", List.of(
                    "-Dspark.master.rest.enabled=false",
                    "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(cluster.masterPort),
                    "--webui-port", String.valueOf(cluster.masterWebPort)));
            for (int i = 0; i < workers; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i));
                cluster.launch("worker-" + i, List.of(
                        "-Dspark.worker.cleanup.enabled=false",
                        "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--port", String.valueOf(freePort()),
                        "--webui-port", String.valueOf(freePort()),
                        "--cores", String.valueOf(cores), "--memory", memory,
                        "--work-dir", work.toString(),
                        cluster.masterUrl()));
            }
            cluster.awaitWorkers(workers, timeout);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The master's state ({@code /json} of its web UI): workers, cores, active and completed applications. */
    JsonNode masterState() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterWebPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("master /json answered " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /** The executors' JVMs: the workers' child processes. */
    List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        for (int i = 1; i < daemons.size(); i++) {
            daemons.get(i).toHandle().children().filter(ProcessHandle::isAlive).forEach(out::add);
        }
        return out;
    }

    /**
     * Reads every daemon's and executor's peak resident memory (Linux {@code /proc}) and CPU time now; the highest seen
     * per process is kept for {@link #memoryReport}.
     */
    void sampleMemory() {
        for (int i = 0; i < daemons.size(); i++) {
            remember(daemons.get(i).toHandle(), names.get(i));
        }
        for (ProcessHandle executor : executors()) {
            remember(executor, "executor");
        }
    }

    /** One line per process seen by {@link #sampleMemory}: what it is, its peak resident memory and CPU time. */
    String memoryReport() {
        StringBuilder out = new StringBuilder();
        long total = 0;
        Duration cpuTotal = Duration.ZERO;
        for (Map.Entry<Long, String> e : seen.entrySet()) {
            long kb = peakKb.getOrDefault(e.getKey(), 0L);
            total += kb;
            Duration used = cpu.getOrDefault(e.getKey(), Duration.ZERO);
            cpuTotal = cpuTotal.plus(used);
            out.append(String.format(Locale.ROOT, "  %-9s pid %-7d peak RSS %,6d MB, CPU %5.1f s%n", e.getValue(),
                    e.getKey(), kb / 1024, used.toMillis() / 1000.0));
        }
        return out.append(String.format(Locale.ROOT, "  together %,d MB, CPU %.1f s", total / 1024,
                cpuTotal.toMillis() / 1000.0)).toString();
    }

    private void remember(ProcessHandle p, String what) {
        Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    seen.put(p.pid(), what);
                    peakKb.merge(p.pid(), kb, Math::max);
                    p.info().totalCpuDuration().ifPresent(d -> cpu.merge(p.pid(), d,
                            (a, b) -> a.compareTo(b) > 0 ? a : b));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // not Linux, or the process ended: no figure
        }
    }

    /** The last lines of every daemon's log, for a failure's message. */
    String logTails() {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append("--- ").append(name).append(" ---\n").append(tail(dir.resolve(name + ".log"), 30));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                out.append("--- executor ").append(dir.relativize(f)).append(" ---\n").append(tail(f, 30));
            }
        } catch (IOException | UncheckedIOException e) {
            out.append("(executor logs unreadable: ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")\n";
        }
    }

    /** Stops every JVM of the cluster, then removes the distribution's links (the jars they point to stay). */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        try (Stream<Path> links = Files.list(sparkHome.resolve("jars"))) {
            for (Path link : links.toList()) {
                Files.deleteIfExists(link);
            }
        } catch (IOException | UncheckedIOException e) {
            // left to the temporary folder's clean-up
        }
    }

    /**
     * Ends the daemons and everything they started, executors first: politely (SIGTERM, so a worker can end its
     * executors too), then forcibly after a few seconds.
     */
    private synchronized void stopAll() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : daemons.reversed()) {
            p.toHandle().descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : all) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                all.forEach(ProcessHandle::destroyForcibly);
                return;
            }
        }
        for (ProcessHandle p : all) {
            p.destroyForcibly();
        }
    }

    private void launch(String name, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(DAEMON_HEAP);
        command.addAll(List.of(LIGHT_JVM));
        // the flags Spark's own launcher (spark-class) gives every JVM it starts on JDK 17 and later
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.add("-cp");
        command.add(sparkHome.resolve("jars").toString() + "/*");
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("HADOOP_") || k.startsWith("YARN_"));
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local-" + name)).toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        daemons.add(pb.start());
        names.add(name);
    }

    private void awaitWorkers(int workers, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < daemons.size(); i++) {
                if (!daemons.get(i).isAlive()) {
                    throw new IllegalStateException(names.get(i) + " exited with " + daemons.get(i).exitValue()
                            + "\n" + logTails());
                }
            }
            try {
                JsonNode state = masterState();
                if (state.path("aliveworkers").asInt() >= workers) {
                    return;
                }
                last = state.path("aliveworkers").asInt() + " of " + workers + " workers alive";
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the cluster did not come up within " + timeout + " (" + last + ")\n"
                + logTails());
    }

    /**
     * A Spark "distribution" for the daemons and executors: {@code jars/} with links to the class path's jars but
     * rareclass's own (a jar name appears once; the first on the class path wins, as it does in this JVM).
     */
    private static Path distribution(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Set<String> names = new HashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            String name = jar.getFileName().toString();
            if (!name.endsWith(".jar") || name.startsWith("rareclass-") || !Files.isRegularFile(jar)
                    || !names.add(name)) {
                continue;
            }
            Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
        }
        if (names.stream().noneMatch(n -> n.startsWith("spark-core_"))) {
            throw new IllegalStateException("no spark-core jar on the class path: " + System.getProperty(
                    "java.class.path"));
        }
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
