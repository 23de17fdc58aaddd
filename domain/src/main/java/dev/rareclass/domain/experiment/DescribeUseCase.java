package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.port.TableSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code rareclass describe}: rows, columns with simple statistics, and the class balance. */
public final class DescribeUseCase {

    /**
     * @param name     column name
     * @param min      smallest value
     * @param max      largest value
     * @param mean     mean
     * @param std      population standard deviation
     * @param distinct number of distinct values (counted up to 1,000; 1000 means "1,000 or more")
     */
    public record ColumnSummary(String name, double min, double max, double mean, double std, int distinct) {
        public boolean constant() {
            return distinct == 1;
        }
    }

    /**
     * @param source    the file
     * @param rows      data rows
     * @param columns   feature columns (the label excluded)
     * @param label     the label column and its class counts, when a label was given
     */
    public record Description(String source, int rows, List<ColumnSummary> columns, Optional<LabelSummary> label) {
    }

    /**
     * @param column        the label column
     * @param positiveValue its positive value
     * @param positives     positive rows
     * @param negatives     negative rows
     */
    public record LabelSummary(String column, String positiveValue, int positives, int negatives) {
        public double positiveRate() {
            return (double) positives / (positives + negatives);
        }
    }

    static final int DISTINCT_CAP = 1000;

    private final TableSource tables;

    public DescribeUseCase(TableSource tables) {
        this.tables = tables;
    }

    public Description describe(DataOptions data) {
        Table table = data.label().isPresent() ? tables.read(data) : tables.readOptionallyLabelled(data);
        return describe(table);
    }

    public static Description describe(Table table) {
        FeatureMatrix x = table.features();
        List<ColumnSummary> columns = new ArrayList<>();
        for (int c = 0; c < x.cols(); c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            Set<Float> distinct = new HashSet<>();
            for (int r = 0; r < x.rows(); r++) {
                float v = x.get(r, c);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                if (distinct.size() < DISTINCT_CAP) {
                    distinct.add(v);
                }
            }
            double mean = x.rows() == 0 ? Double.NaN : sum / x.rows();
            double sq = 0;
            for (int r = 0; r < x.rows(); r++) {
                double d = x.get(r, c) - mean;
                sq += d * d;
            }
            columns.add(new ColumnSummary(table.featureNames().get(c), min, max, mean,
                    x.rows() == 0 ? Double.NaN : Math.sqrt(sq / x.rows()), distinct.size()));
        }
        Optional<LabelSummary> label = table.labels().map((Labels y) -> new LabelSummary(
                table.labelMapping().orElseThrow().column(), table.labelMapping().orElseThrow().positiveValue(),
                y.positives(), y.negatives()));
        return new Description(table.source(), table.rows(), columns, label);
    }
}
