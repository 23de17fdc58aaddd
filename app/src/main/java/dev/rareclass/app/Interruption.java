package dev.rareclass.app;

import dev.rareclass.adapters.io.AtomicFiles;

/**
 * Ctrl-C (SIGINT) ends the process with exit code 130 (128 + 2, what shells report) within about a second,
 * leaving no partial output: {@link AtomicFiles} deletes its temporary {@code .part} files and staged report
 * folders in a shutdown hook and refuses to put any of them in place once shutdown began, so an interrupted
 * {@code train}, {@code predict}, {@code compare} or {@code run} leaves the previous output (if any) untouched,
 * a report folder included (its files are put in place together, under the lock this hook takes).
 *
 * <p>A shutdown hook cannot choose the exit code, so the handler is installed with {@code sun.misc.Signal}
 * (module {@code jdk.unsupported}, still present in JDK 25). It prints one line, runs the shutdown hooks
 * through {@code System.exit(130)}, and a watchdog halts the JVM if some library's hook (native thread
 * pools) takes longer than {@link #GRACE_MILLIS}. Where the signal API is unavailable the JVM's own
 * SIGINT handling applies, which also exits 130 after running the hooks.
 */
final class Interruption {

    static final int EXIT_CODE = 130;
    static final long GRACE_MILLIS = 800;

    private Interruption() {
    }

    static void install() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> interrupted());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // no signal API here (or INT is reserved, e.g. under -Xrs): the JVM's default handler exits 130
        }
    }

    private static void interrupted() {
        System.err.println();
        System.err.println("rareclass: interrupted (unfinished output removed)");
        System.err.flush();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // halting now is as good
            }
            AtomicFiles.abandonAll();
            Runtime.getRuntime().halt(EXIT_CODE);
        }, "rareclass-interrupt-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        AtomicFiles.abandonAll();
        System.exit(EXIT_CODE);
    }
}
