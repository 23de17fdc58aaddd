package dev.rareclass.app.cli;

import dev.rareclass.domain.model.ProgressListener;
import java.io.PrintWriter;

/**
 * The user's channel on stderr: notes always (unless {@code --quiet}), progress only when stderr is a
 * terminal — one line rewritten in place, so logs and pipes never get progress noise.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private long lastPrint;

    private ConsoleProgress(PrintWriter err, boolean quiet, boolean terminal) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal;
    }

    static ProgressListener of(PrintWriter err, boolean quiet) {
        return new ConsoleProgress(err, quiet, System.console() != null);
    }

    @Override
    public synchronized void note(String message) {
        if (!quiet) {
            err.println("note: " + message);
            err.flush();
        }
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        if (quiet || !terminal) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!finished && now - lastPrint < 100_000_000L) {
            return;
        }
        lastPrint = now;
        String count = total > 0 ? done + "/" + total : Long.toString(done);
        err.print("\r\033[K" + task + " " + count);
        if (finished) {
            err.print("\r\033[K");
        }
        err.flush();
    }
}
