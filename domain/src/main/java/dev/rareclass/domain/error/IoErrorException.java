package dev.rareclass.domain.error;

/**
 * Writing failed on a stream that cannot be written again, such as standard output being closed or full
 * (exit 74, EX_IOERR): the results are lost, and the command must not exit 0.
 */
public final class IoErrorException extends RareclassException {
    private static final long serialVersionUID = 1L;

    /** The exit code of a process a broken pipe ended, as SIGPIPE (128 + 13) ends other tools. */
    public static final int BROKEN_PIPE_EXIT = 141;

    private final boolean brokenPipe;

    public IoErrorException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param brokenPipe the reader went away ({@code | head}): exit 141 without a message, as other tools */
    public IoErrorException(String message, Throwable cause, boolean brokenPipe) {
        super(message, cause, 74);
        this.brokenPipe = brokenPipe;
    }

    public boolean brokenPipe() {
        return brokenPipe;
    }

    /** Whether an I/O failure's message is the one Linux gives for EPIPE. */
    public static boolean isBrokenPipe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("broken pipe")) {
                return true;
            }
        }
        return false;
    }
}
