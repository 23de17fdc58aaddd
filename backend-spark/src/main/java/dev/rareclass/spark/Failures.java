package dev.rareclass.spark;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.RareclassException;
import java.util.function.Supplier;

/**
 * Spark reports a bad file (a ragged CSV row, a value that is not a number, a path that is not there) as an exception
 * from whichever action first touches the rows, wrapped in a job failure. These become the user's one line: the file
 * and Spark's own first sentence, with the exception kept as the cause for {@code --verbose}.
 */
final class Failures {

    private Failures() {
    }

    static <T> T translate(String source, Supplier<T> action) {
        try {
            return action.get();
        } catch (RareclassException ours) {
            throw ours;
        } catch (Exception e) {
            // Exception, not RuntimeException: Spark's own SparkException is a checked exception that Scala code
            // throws undeclared, and a malformed row reaches the driver as one
            String why = innermost(e);
            if (why.contains("PATH_NOT_FOUND") || why.contains("Path does not exist")
                    || why.contains("FileNotFoundException")) {
                throw new InputMissingException(source + ": no such file", e);
            }
            throw new DataException(source + ": Spark could not read it: " + why, e);
        }
    }

    /** The deepest cause's first line, without Spark's error-class prefix and SQLSTATE noise. */
    static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = message.replaceAll("\\s*SQLSTATE: \\w+", "").replaceFirst("^\\[[A-Z0-9_.]+]\\s*", "").trim();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
