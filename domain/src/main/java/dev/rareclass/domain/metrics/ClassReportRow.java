package dev.rareclass.domain.metrics;

/**
 * One row of a {@link ClassificationReport}: a class, or an average over both classes.
 *
 * @param label     the class name, {@code "macro avg"} or {@code "weighted avg"}
 * @param precision precision of that class (or its average)
 * @param recall    recall of that class (or its average)
 * @param f1        F1 of that class (or its average)
 * @param support   rows truly of that class; for the averages, all rows
 */
public record ClassReportRow(String label, double precision, double recall, double f1, long support) {
}
