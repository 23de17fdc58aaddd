package dev.rareclass.domain.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Per-class precision, recall and F1 as {@code sklearn.metrics.classification_report} gives them for a binary
 * problem with {@code labels=[0, 1], target_names=[negativeName, positiveName]} and {@code zero_division=0}.
 *
 * <p>Rows are, in order: the negative class, the positive class, {@code "macro avg"} (unweighted mean of the
 * two classes) and {@code "weighted avg"} (mean weighted by support); {@link #accuracy()} is the report's
 * {@code "accuracy"} entry. One deliberate difference: when the data and predictions together contain only
 * one class, scikit-learn names the accuracy line {@code "micro avg"}; its value is the accuracy either way,
 * so it is always called accuracy here. A class without rows has recall 0 ({@code zero_division=0}), in the averages
 * too, as scikit-learn's report gives it.
 */
public final class ClassificationReport {
    private static final String LONGEST_AVERAGE_LABEL = "weighted avg";

    private final List<ClassReportRow> rows;
    private final double accuracy;
    private final long total;

    private ClassificationReport(List<ClassReportRow> rows, double accuracy, long total) {
        this.rows = rows;
        this.accuracy = accuracy;
        this.total = total;
    }

    /**
     * Builds the report from confusion counts.
     *
     * @param c            the confusion counts
     * @param negativeName display name of class 0
     * @param positiveName display name of class 1
     * @return the report
     */
    public static ClassificationReport of(ConfusionCounts c, String negativeName, String positiveName) {
        if (negativeName == null || positiveName == null) {
            throw new IllegalArgumentException("class names must not be null");
        }
        // The negative class's view of the matrix swaps the roles: its "tp" is tn and its "fp" is fn.
        ConfusionCounts asNegative = new ConfusionCounts(c.tn(), c.fn(), c.tp(), c.fp());
        ClassReportRow neg = new ClassReportRow(negativeName, asNegative.precision(), asNegative.recall(),
                asNegative.f1(), c.negatives());
        ClassReportRow pos = new ClassReportRow(positiveName, c.precision(), c.recall(), c.f1(), c.positives());
        long total = c.total();
        ClassReportRow macro = new ClassReportRow("macro avg",
                (neg.precision() + pos.precision()) / 2,
                (neg.recall() + pos.recall()) / 2,
                (neg.f1() + pos.f1()) / 2,
                total);
        // Same operation order as numpy.average(values, weights=support), so the last bit agrees too.
        double wn = neg.support();
        double wp = pos.support();
        ClassReportRow weighted = new ClassReportRow("weighted avg",
                (neg.precision() * wn + pos.precision() * wp) / total,
                (neg.recall() * wn + pos.recall() * wp) / total,
                (neg.f1() * wn + pos.f1() * wp) / total,
                total);
        return new ClassificationReport(List.of(neg, pos, macro, weighted), c.accuracy(), total);
    }

    /** @return negative class, positive class, macro avg, weighted avg (read-only) */
    public List<ClassReportRow> rows() {
        return rows;
    }

    /** @return the row of class 0 */
    public ClassReportRow negative() {
        return rows.get(0);
    }

    /** @return the row of class 1 */
    public ClassReportRow positive() {
        return rows.get(1);
    }

    /** @return the unweighted mean of the two class rows */
    public ClassReportRow macroAvg() {
        return rows.get(2);
    }

    /** @return the support-weighted mean of the two class rows */
    public ClassReportRow weightedAvg() {
        return rows.get(3);
    }

    /** @return fraction of rows predicted correctly */
    public double accuracy() {
        return accuracy;
    }

    /** @return the report as scikit-learn's text output with its default of 2 digits */
    public String toText() {
        return toText(2);
    }

    /**
     * Formats the report exactly as scikit-learn's text output, character for character.
     *
     * <p>Numbers are rounded half-to-even on their exact binary value, which is what Python's
     * {@code format(x, ".2f")} does; {@code String.format} rounds half-up on the shortest decimal and would
     * differ on values such as 0.125 or 0.835.
     *
     * @param digits digits after the decimal point, at least 0
     * @return the multi-line report ending in a newline
     */
    public String toText(int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("digits must be >= 0, got " + digits);
        }
        int width = Math.max(Math.max(negative().label().length(), positive().label().length()),
                Math.max(LONGEST_AVERAGE_LABEL.length(), digits));
        StringBuilder sb = new StringBuilder();
        sb.append(pad("", width)).append(' ');
        for (String header : new String[] {"precision", "recall", "f1-score", "support"}) {
            sb.append(' ').append(pad(header, 9));
        }
        sb.append("\n\n");
        appendRow(sb, negative(), width, digits);
        appendRow(sb, positive(), width, digits);
        sb.append('\n');
        sb.append(pad("accuracy", width)).append(' ')
                .append(' ').append(pad("", 9))
                .append(' ').append(pad("", 9))
                .append(' ').append(pad(format(accuracy, digits), 9))
                .append(' ').append(pad(Long.toString(total), 9)).append('\n');
        appendRow(sb, macroAvg(), width, digits);
        appendRow(sb, weightedAvg(), width, digits);
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, ClassReportRow row, int width, int digits) {
        sb.append(pad(row.label(), width)).append(' ')
                .append(' ').append(pad(format(row.precision(), digits), 9))
                .append(' ').append(pad(format(row.recall(), digits), 9))
                .append(' ').append(pad(format(row.f1(), digits), 9))
                .append(' ').append(pad(Long.toString(row.support()), 9)).append('\n');
    }

    private static String format(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    @Override
    public String toString() {
        return "ClassificationReport[rows=" + rows + ", accuracy=" + accuracy + "]";
    }
}
