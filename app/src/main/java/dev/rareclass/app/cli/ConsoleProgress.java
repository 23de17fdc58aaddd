package dev.rareclass.app.cli;

import dev.rareclass.domain.model.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The user's channel on stderr: notes always (unless {@code --quiet}), progress bars (me.tongfei's
 * progressbar) only when stderr is a terminal, so logs and pipes never get progress noise. The time left
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
        return new ConsoleProgress(err, quiet, stderrIsTerminal(Path.of("/proc/self/fd/2"), System.console() != null));
    }

    /**
     * Whether standard error, where the bars are drawn, is a terminal. {@code System.console()} answers for standard
     * input and output instead: {@code compare ... > board.txt} watched on a terminal showed no bars, and
     * {@code compare ... 2> log.txt} run from one filled the log with the bars' escape codes and carriage returns. On
     * Linux the link {@code /proc/self/fd/2} names what standard error is (a pseudo-terminal {@code /dev/pts/N}, a
     * console {@code /dev/ttyN}, or a file or {@code pipe:[N]}); where there is no such link (macOS, Windows) the
     * JDK's answer is used.
     *
     * @param fd2     the link to standard error's file ({@code /proc/self/fd/2})
     * @param console the JDK's answer, {@code System.console() != null}
     */
    static boolean stderrIsTerminal(Path fd2, boolean console) {
        try {
            return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return console;
        }
    }

    /** Whether a file descriptor's link target names a terminal device, as {@code /dev/pts/3} or {@code /dev/tty1}. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    /**
     * A note, or a warning when the message starts with {@code warning: } (shown as it is, even under --quiet); each
     * once, however many fits say it.
     */
    @Override
    public synchronized void note(String message) {
        boolean warning = message.startsWith("warning: ");
        if ((!quiet || warning) && shown.add(message)) {
            // a note may quote the input's own names (a corpus's sentence files, a class folder), which can hold an
            // escape sequence: shown as every message is (Cli.shown)
            err.println(warning ? Cli.shown(message) : "note: " + Cli.shown(message));
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
