package dev.rareclass.spark;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.RareclassException;
import dev.rareclass.domain.error.UsageException;
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
            if (badSettingIn(e).isPresent()) {
                throw badSetting(e);
            }
            String why = innermost(e);
            if (why.contains("PATH_NOT_FOUND") || why.contains("Path does not exist")
                    || why.contains("FileNotFoundException")) {
                throw new InputMissingException(source + ": no such file", e);
            }
            throw new DataException(source + ": Spark could not read it: " + why, e);
        }
    }

    /** Spark's error condition for a setting's value it cannot take ({@code spark.sql.shuffle.partitions=-1}). */
    static final String INVALID_SETTING = "INVALID_CONF_VALUE";

    /**
     * A refused setting as the usage error it is (exit 2), naming {@code --conf}, never the file: Spark's own sentence
     * when it gives one with its {@link #INVALID_SETTING} condition, else its first line.
     */
    static UsageException badSetting(String key, String value, Exception refused) {
        return new UsageException("--conf " + key + "=" + value + ": Spark refuses it: "
                + badSettingIn(refused).orElseGet(() -> innermost(refused)), refused);
    }

    /** A refused setting, named by Spark's own sentence (which names it), as a usage error naming {@code --conf}. */
    static UsageException badSetting(Exception refused) {
        return new UsageException("--conf: Spark refuses a setting: " + badSettingIn(refused)
                .orElseGet(() -> innermost(refused)), refused);
    }

    /** The message of a {@link #INVALID_SETTING} failure in {@code e}'s causes, when there is one. */
    private static java.util.Optional<String> badSettingIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.spark.SparkThrowable s && s.getCondition() != null
                    && s.getCondition().startsWith(INVALID_SETTING)) {
                return java.util.Optional.of(firstLine(t));
            }
        }
        return java.util.Optional.empty();
    }

    /** The deepest cause's first line, without Spark's error-class prefix and SQLSTATE noise. */
    static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return firstLine(t);
    }

    /** An exception's first line, without Spark's error-class prefix and SQLSTATE noise. */
    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = message.replaceAll("\\s*SQLSTATE: \\w+", "").replaceFirst("^\\[[A-Z0-9_.]+]\\s*", "").trim();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
