package dev.rareclass.app.cli;

import dev.rareclass.domain.model.ProgressListener;
import java.io.PrintStream;

/**
 * Progress on stderr, only when stderr is a terminal and {@code --quiet} is off: one line rewritten in
 * place, so logs and pipes never get progress noise.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream err;
    private long lastPrint;

    private ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    static ProgressListener forTerminal(boolean quiet) {
        return quiet || System.console() == null ? NONE : new ConsoleProgress(System.err);
    }

    @Override
    public synchronized void update(String task, long done, long total) {
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
