package dev.rareclass.domain.error;

/**
 * Text from a user's file (an entry's name, a manifest's field) as a message or a terminal may show it. A file's
 * checksums prove it whole, not harmless: an escape sequence or a carriage return in it must not reach the terminal.
 */
public final class Quoting {

    private Quoting() {
    }

    /** Every control character as {@code ?}. */
    public static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** At most {@code max} characters (then "…"), every control character as {@code ?}. */
    public static String clipped(String text, int max) {
        return printable(cut(text, max));
    }

    /**
     * A model's kind or backend with its article, as said aloud: "an autoencoder", "an svm", "an mlp", "an xgboost",
     * "a logistic", "a random-forest".
     */
    public static String withArticle(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean vowelSound = !lower.isEmpty() && ("aeiou".indexOf(lower.charAt(0)) >= 0
                || lower.equals("svm") || lower.equals("mlp") || lower.startsWith("xgboost"));
        return (vowelSound ? "an " : "a ") + name;
    }

    /**
     * A column name as a value of a command-line option in a hint ("--drop 'Close Approach Date'"): as it is when it
     * holds only letters, digits and {@code _.-}, otherwise in single quotes, as a POSIX shell reads them.
     */
    public static String asOptionValue(String name) {
        return name.matches("[A-Za-z0-9_.-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
    }

    /** At most {@code max} characters, then "…"; the characters as they are. */
    public static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
