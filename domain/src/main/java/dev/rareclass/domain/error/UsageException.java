package dev.rareclass.domain.error;

/** The command or its options are wrong (exit 2): unknown names, bad parameter values, missing options. */
public final class UsageException extends RareclassException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, 2);
    }

    /** With the failure that showed the mistake, for {@code --verbose}. */
    public UsageException(String message, Throwable cause) {
        super(message, cause, 2);
    }
}
