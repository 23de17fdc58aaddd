package dev.rareclass.app.serve;

import java.util.concurrent.CountDownLatch;

/**
 * Waits for SIGTERM or SIGINT (Ctrl-C) while the server runs, so that {@code serve} stops gracefully and exits 0
 * instead of the JVM's 143 or 130. Where the signal API is unavailable the JVM's own handling applies.
 */
public final class StopSignals {

    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile String received = "";

    public StopSignals() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
                    received = "SIG" + s.getName();
                    stop.countDown();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // the JVM's default handling stays
            }
        }
    }

    /** Blocks until a stop signal arrives; returns its name (such as SIGTERM). */
    public String await() throws InterruptedException {
        stop.await();
        return received;
    }
}
