package dev.rareclass.domain.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The machine and build a result was computed on. Networks' numbers differ by rounding across processors and
 * BLAS builds, so a model file and a run manifest record them beside the seed.
 *
 * @param os     operating system name and version
 * @param arch   processor architecture
 * @param cpus   processors the JVM saw
 * @param jdk    the JVM's version and vendor
 * @param commit the rareclass git commit it was built from ({@code unknown} outside a git checkout), with
 *               {@code -dirty} when the working tree had uncommitted changes
 */
public record Environment(String os, String arch, int cpus, String jdk, String commit) {

    /** Facts of older model files that did not record them. */
    public static final Environment UNKNOWN = new Environment("unknown", "unknown", 0, "unknown", "unknown");

    private static final Environment CURRENT = new Environment(
            System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", ""),
            System.getProperty("os.arch", "unknown"), Runtime.getRuntime().availableProcessors(),
            Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")", buildCommit());

    /** This JVM's machine and build. */
    public static Environment current() {
        return CURRENT;
    }

    /** The commit the build recorded in {@code dev/rareclass/git.properties} (see the domain module's pom). */
    private static String buildCommit() {
        try (InputStream in = Environment.class.getResourceAsStream("/dev/rareclass/git.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String id = p.getProperty("git.commit.id.abbrev", "").trim();
            if (id.isEmpty() || id.startsWith("${")) {
                return "unknown";
            }
            return id + ("true".equals(p.getProperty("git.dirty")) ? "-dirty" : "");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
