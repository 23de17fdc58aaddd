package dev.rareclass.domain.error;

/** An output file cannot be written (exit 73, EX_CANTCREAT). Nothing half-written is left behind. */
public final class OutputException extends RareclassException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message, Throwable cause) {
        super(message, cause, 73);
    }
}
