package dev.rareclass.app.cli;

import dev.rareclass.domain.model.ProgressListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The user's channel on stderr: notes always (unless {@code --quiet}), progress bars (me.tongfei's
 * progressbar) only when the console is a terminal, so logs and pipes never get progress noise. The time left
 * beside a bar is {@link TimeLeft}'s, not the library's extrapolation from the first units.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private final Map<String, ProgressBar> bars = new HashMap<>();
    private final Map<String, TimeLeft> estimates = new HashMap<>();
    /** Notes already shown: a model's warning comes once per fit, so once per fold of a comparison. */
    private final java.util.Set<String> shown = new java.util.HashSet<>();

    private ConsoleProgress(PrintWriter err, boolean quiet, boolean terminal) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal;
    }

    static ProgressListener of(PrintWriter err, boolean quiet) {
        return new ConsoleProgress(err, quiet, System.console() != null);
    }

    /**
     * A note, or a warning when the message starts with {@code warning: } (shown as it is, even under --quiet); each
     * once, however many fits say it.
     */
    @Override
    public synchronized void note(String message) {
        boolean warning = message.startsWith("warning: ");
        if ((!quiet || warning) && shown.add(message)) {
            err.println(warning ? message : "note: " + message);
            err.flush();
        }
    }

    @Override
    public void update(String task, long done, long total) {
        update(task, done, total, 1);
    }

    /** A bar per task, with the time left estimated from whole rounds of work ({@link TimeLeft}). */
    @Override
    public synchronized void update(String task, long done, long total, long round) {
        if (quiet || !terminal) {
            return;
        }
        ProgressBar bar = bars.get(task);
        if (bar == null) {
            TimeLeft left = new TimeLeft(System::nanoTime, round);
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(total, 1))
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200)
                    .setEtaFunction(state -> left.remaining()).continuousUpdate().build();
            bars.put(task, bar);
            estimates.put(task, left);
        }
        estimates.get(task).update(done, total);
        bar.maxHint(total);
        bar.stepTo(done);
        if (total > 0 && done >= total) {
            bar.close();
            bars.remove(task);
            estimates.remove(task);
        }
    }
}
