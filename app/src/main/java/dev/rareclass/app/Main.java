package dev.rareclass.app;

import dev.rareclass.app.cli.Cli;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Process entry point. Besides running the command line it owns the two failures no command can handle
 * itself: Ctrl-C (exit 130, temporary files removed, see {@link Interruption}) and running out of heap
 * (one line naming the heap needed, exit 70, see {@link HeapAdvice}) — never a stack trace unless
 * {@code --verbose}.
 */
public final class Main {

    static final int EX_SOFTWARE = 70;

    /**
     * Heap held back for the one line of advice after running out: other threads (the folds of --jobs 2) may still
     * fill the heap when the main thread catches the error, and building the line then ran out again, from the
     * uncaught-exception handler, exit 1 and no advice.
     */
    private static volatile byte[] reserve = new byte[1 << 20];

    private Main() {
    }

    public static void main(String[] args) {
        Interruption.install();
        dev.rareclass.app.cli.StandardOutput.install();
        System.exit(run(args, System.err));
    }

    /** Runs the command line, turning errors that escape it into one line and exit 70. */
    static int run(String[] args, PrintStream err) {
        try {
            return Cli.run(args);
        } catch (OutOfMemoryError e) {
            reserve = null;
            String advice;
            try {
                advice = HeapAdvice.message(args, Runtime.getRuntime().maxMemory());
            } catch (OutOfMemoryError again) {
                advice = Cli.OUT_OF_MEMORY;
            }
            err.println(advice);
            return EX_SOFTWARE;
        } catch (StackOverflowError | RuntimeException e) {
            boolean verbose = Arrays.asList(args).contains("--verbose");
            err.println("rareclass: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return EX_SOFTWARE;
        }
    }
}
