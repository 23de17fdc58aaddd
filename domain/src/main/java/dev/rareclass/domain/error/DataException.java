package dev.rareclass.domain.error;

/** The input data is malformed or unusable (exit 65, EX_DATAERR). The message names file, row and column. */
public final class DataException extends RareclassException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message, null);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message prefixed with {@code file:row:column} where those are known (row and column 1-based for people). */
    public static DataException at(String file, long row, String column, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (row > 0) {
            where.append(", row ").append(row);
        }
        if (column != null) {
            where.append(", column ").append(column);
        }
        return new DataException(where + ": " + problem);
    }

    @Override
    public int exitCode() {
        return 65;
    }
}
