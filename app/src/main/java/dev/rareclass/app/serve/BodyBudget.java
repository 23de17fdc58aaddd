package dev.rareclass.app.serve;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of large request bodies the server parses and scores at once. A JSON body's tree takes tens of
 * times its size (15 MiB of empty objects, {@code [{},{},...]}, is 5 million objects), so a dozen such bodies at once
 * filled a 6 GB heap and stalled every request for minutes. Bodies under {@link #LARGE} pass freely; larger ones take
 * their size from the budget, wait for it up to the request timeout, and are answered 503 (retry) when it stays
 * taken. One body of the largest size allowed always fits.
 */
final class BodyBudget {

    /** Bodies under 1 MiB are not counted. */
    static final int LARGE = 1 << 20;
    /** Heap per byte of large body being parsed: room for the worst tree Jackson builds from it. */
    static final long HEAP_PER_BODY_BYTE = 100;

    /** The whole budget in KiB, the semaphore's permits when nothing is taken. */
    private final int totalKib;
    private final Semaphore kib;

    BodyBudget(long budgetBytes) {
        this.totalKib = (int) Math.min(Integer.MAX_VALUE, Math.max(1, budgetBytes >> 10));
        this.kib = new Semaphore(totalKib, true);
    }

    /** A budget of a hundredth of the heap, but never less than one body of the largest size allowed. */
    static BodyBudget forHeap(long maxHeapBytes, long maxBodyBytes) {
        return new BodyBudget(Math.max(maxHeapBytes / HEAP_PER_BODY_BYTE, maxBodyBytes));
    }

    /**
     * Takes a body's share of the budget (nothing under {@link #LARGE}), waiting up to {@code timeoutMillis};
     * returns what to {@link #release}. Answers 503 when the budget stays taken.
     */
    long acquire(long bodyBytes, long timeoutMillis) {
        if (bodyBytes < LARGE) {
            return 0;
        }
        // a body larger than the whole budget (possible only when the body limit was raised after) takes all of it
        int permits = (int) Math.min(totalKib, Math.max(1, bodyBytes >> 10));
        try {
            if (!kib.tryAcquire(permits, timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new HttpError(503, "the server is busy with other large requests; retry shortly, or send "
                        + "smaller batches");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "the server is stopping");
        }
        return permits;
    }

    /** Gives back what {@link #acquire} took. */
    void release(long held) {
        if (held > 0) {
            kib.release((int) held);
        }
    }
}
