package dev.rareclass.domain.error;

/** An input file is missing or unreadable (exit 66, EX_NOINPUT). */
public final class InputMissingException extends RareclassException {
    private static final long serialVersionUID = 1L;

    public InputMissingException(String message, Throwable cause) {
        super(message, cause, 66);
    }
}
