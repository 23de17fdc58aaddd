package dev.rareclass.domain.error;

/** The input data is malformed or unusable (exit 65, EX_DATAERR). The message names file, row and column. */
public final class DataException extends RareclassException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message, null, 65);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause, 65);
    }

    /** A message naming the file, the 1-based line in the file and the column, where those are known. */
    public static DataException at(String file, long line, String column, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column != null) {
            where.append(", column ").append(column);
        }
        return new DataException(where + ": " + problem);
    }
}
