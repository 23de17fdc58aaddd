package dev.rareclass.domain.experiment;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A value computed on a daemon thread of its own while the caller goes on: for single-threaded work that can run
 * beside other single-threaded work. {@code train} hashes its data file and takes the training medians of the
 * reference row while the preprocessing and the trainer's own matrix are built on the calling thread, instead of
 * one after the other. {@link #get} waits for the value and throws what the work threw, unwrapped.
 *
 * @param <T> the value's type
 */
public final class Overlapped<T> {

    private final FutureTask<T> task;

    private Overlapped(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} now, on a daemon thread named {@code threadName}. */
    public static <T> Overlapped<T> start(String threadName, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread.ofPlatform().daemon().name(threadName).start(task);
        return new Overlapped<>(task);
    }

    /** The value, once computed; the work's own exception or error when it failed. */
    public T get() {
        return await(task);
    }

    /**
     * Waits for a task and returns its value; a failure is thrown as the task threw it (a user error keeps its exit
     * code), a checked exception wrapped in an {@code IllegalStateException}.
     */
    static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
