package dev.rareclass.domain.error;

/**
 * Base of every error rareclass reports to a user. Each subclass maps to one process exit code
 * (sysexits), which it passes to this constructor, so the command line has a single place that turns failures
 * into exit codes.
 * Messages are written for a person: one or two plain lines naming the file, row and column where known.
 */
public abstract sealed class RareclassException extends RuntimeException
        permits UsageException, DataException, InputMissingException, OutputException, IoErrorException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** @param exitCode the subclass's sysexits code, the same for every instance of it */
    protected RareclassException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The sysexits code the command line exits with. */
    public final int exitCode() {
        return exitCode;
    }
}
