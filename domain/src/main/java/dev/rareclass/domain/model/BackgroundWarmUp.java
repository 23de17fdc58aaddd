package dev.rareclass.domain.model;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A backend's one-time warm-up (loading native libraries, readying mappers) run on a daemon thread, so that it
 * overlaps whatever the caller does next. It starts at most once; failures are swallowed, because the first
 * training meets the same failure and reports it.
 */
public final class BackgroundWarmUp {

    private final AtomicBoolean started = new AtomicBoolean();
    private final String threadName;
    private final Runnable work;

    /**
     * @param threadName the daemon thread's name
     * @param work       what to run once, on that thread
     */
    public BackgroundWarmUp(String threadName, Runnable work) {
        this.threadName = threadName;
        this.work = work;
    }

    /** Starts the warm-up on a daemon thread, unless it was started before; returns at once. */
    public void start() {
        if (started.getAndSet(true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable ignored) {
                // the first training meets the same failure and reports it
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
    }
}
