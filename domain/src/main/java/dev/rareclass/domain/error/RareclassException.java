package dev.rareclass.domain.error;

/**
 * Base of every error rareclass reports to a user. Each subclass maps to one process exit code
 * (sysexits), so the command line has a single place that turns failures into exit codes.
 * Messages are written for a person: one or two plain lines naming the file, row and column where known.
 */
public abstract sealed class RareclassException extends RuntimeException
        permits UsageException, DataException, InputMissingException, OutputException {

    private static final long serialVersionUID = 1L;

    protected RareclassException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The sysexits code the command line exits with. */
    public abstract int exitCode();
}
