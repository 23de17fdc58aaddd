package dev.rareclass.app.serve;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * At most {@code --threads} requests scored at once, each on the thread that completed its body: no hand-over to
 * another thread, which halved the rate of single-row requests at one connection (a wake-up and a switch of thread
 * for work of a tenth of a millisecond). Beyond that many, a request waits in a queue without holding a thread, and a
 * thread that finishes scoring takes the next waiting one. The server's own thread pool is larger than the number of
 * turns, so health, metadata and metrics requests are answered however many requests are being scored: with every
 * server thread scoring, a readiness probe waited 6 to 16 s (80 clients sending 1,000-row batches, two cores), and an
 * orchestrator takes a server that slow to answer out of service, or restarts it.
 */
final class ScoringTurns {

    private final Semaphore turns;
    private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    ScoringTurns(int atOnce) {
        this.turns = new Semaphore(atOnce);
    }

    /**
     * Runs {@code task} on this thread if a turn is free, after any that waited longer; otherwise leaves it to the next
     * thread that finishes a turn. The task answers its own failures: one that throws still gives its turn back.
     */
    void score(Runnable task) {
        waiting.add(task);
        // the check after giving a turn back: a task queued while this thread found the queue empty, just before it
        // gave its turn back, is taken here (or by the thread that queued it), never left waiting
        while (!waiting.isEmpty() && turns.tryAcquire()) {
            try {
                for (Runnable next = waiting.poll(); next != null; next = waiting.poll()) {
                    next.run();
                }
            } finally {
                turns.release();
            }
        }
    }

    /** Requests waiting for a turn (for tests). */
    int waiting() {
        return waiting.size();
    }
}
