package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.port.TableSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code rareclass describe}: rows, typed columns with simple statistics, and the class balance. */
public final class DescribeUseCase {

    /**
     * @param name     column name
     * @param type     numeric, categorical or text
     * @param missing  missing values
     * @param min      smallest value (numeric; NaN otherwise)
     * @param max      largest value (numeric)
     * @param mean     mean (numeric)
     * @param std      population standard deviation (numeric)
     * @param distinct distinct present values, counted up to {@value #DISTINCT_CAP}
     */
    public record ColumnSummary(String name, String type, int missing, double min, double max, double mean, double std,
                                int distinct) {
        public boolean constant() {
            return distinct == 1;
        }
    }

    /**
     * @param source  the file
     * @param rows    data rows
     * @param columns feature columns (the label excluded)
     * @param label   the label column and its class counts, when a label was given
     * @param notes   what the reader decided (such as columns read as categorical)
     */
    public record Description(String source, int rows, List<ColumnSummary> columns, Optional<LabelSummary> label,
                              List<String> notes) {
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

    public static final int DISTINCT_CAP = 100_000;

    private final TableSource tables;

    public DescribeUseCase(TableSource tables) {
        this.tables = tables;
    }

    public Description describe(DataOptions data) {
        Table table = data.label().isPresent() ? tables.read(data) : tables.readOptionallyLabelled(data);
        return describe(table);
    }

    public static Description describe(Table table) {
        List<ColumnSummary> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            columns.add(summarise(c));
        }
        Optional<LabelSummary> label = table.labels().map((Labels y) -> new LabelSummary(
                table.labelMapping().orElseThrow().column(), table.labelMapping().orElseThrow().positiveValue(),
                y.positives(), y.negatives()));
        return new Description(table.source(), table.rows(), columns, label, table.notes());
    }

    private static ColumnSummary summarise(Column column) {
        return switch (column) {
            case NumericColumn n -> {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                double sum = 0;
                int present = 0;
                Set<Float> distinct = new HashSet<>();
                for (float v : n.values()) {
                    if (Float.isNaN(v)) {
                        continue;
                    }
                    present++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    if (distinct.size() < DISTINCT_CAP) {
                        distinct.add(v);
                    }
                }
                double mean = present == 0 ? Double.NaN : sum / present;
                double sq = 0;
                for (float v : n.values()) {
                    if (!Float.isNaN(v)) {
                        sq += (v - mean) * (v - mean);
                    }
                }
                yield new ColumnSummary(n.name(), n.type(), n.size() - present, present == 0 ? Double.NaN : min,
                        present == 0 ? Double.NaN : max, mean, present == 0 ? Double.NaN : Math.sqrt(sq / present),
                        distinct.size());
            }
            case CategoricalColumn k -> {
                Set<Integer> codes = new HashSet<>();
                for (int r = 0; r < k.size(); r++) {
                    if (k.code(r) >= 0) {
                        codes.add(k.code(r));
                    }
                }
                yield new ColumnSummary(k.name(), k.type(), k.missing(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        codes.size());
            }
            case TextColumn t -> {
                Set<String> distinct = new HashSet<>();
                for (int r = 0; r < t.size() && distinct.size() < DISTINCT_CAP; r++) {
                    if (t.get(r) != null) {
                        distinct.add(t.get(r));
                    }
                }
                yield new ColumnSummary(t.name(), t.type(), t.missing(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        distinct.size());
            }
        };
    }
}
