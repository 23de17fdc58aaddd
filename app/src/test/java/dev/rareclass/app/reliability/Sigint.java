package dev.rareclass.app.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Ctrl-C for the tests that interrupt the app in a child JVM. */
final class Sigint {

    private Sigint() {
    }

    /**
     * The start of a command that runs the rest with SIGINT at its default action, where {@code env} can reset it
     * (a process started from a background job may inherit SIGINT ignored); empty elsewhere.
     */
    static List<String> defaultAction() {
        return Files.isExecutable(Path.of("/usr/bin/env")) ? List.of("/usr/bin/env", "--default-signal=INT") : List.of();
    }

    /** Whether the process ignores SIGINT, as its {@code /proc/PID/status} says; false where that cannot be read. */
    static boolean ignored(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2L) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: assume signals are delivered
        }
        return false;
    }

    /** Sends SIGINT to the process with {@code kill -INT}, as Ctrl-C in its terminal would. */
    static void send(Process p) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
    }
}
