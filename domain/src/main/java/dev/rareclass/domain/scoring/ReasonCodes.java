package dev.rareclass.domain.scoring;

import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.experiment.ReferenceRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Per-row reason codes: for each input column, the row's score minus its score with that column replaced by the
 * training {@link ReferenceRow} value (median, most frequent level, no text). A positive change means the row's
 * actual value pushed the score up. A row's reasons are its {@code k} columns of largest absolute change, largest
 * first (ties in column order); columns whose replacement changes nothing are left out.
 */
public final class ReasonCodes {

    /** One reason: the input column and the signed change in score it accounts for. */
    public record Reason(String feature, double change) {
    }

    private ReasonCodes() {
    }

    /**
     * @param scores the model's scores of {@code table}'s rows (as {@link FittedPipeline#scores})
     * @param k      reasons wanted per row (at least 1)
     * @throws UsageException when the model file records no reference row (saved before reasons existed)
     */
    public static List<List<Reason>> of(FittedPipeline model, Table table, double[] scores, int k) {
        if (k < 1) {
            throw new UsageException("the number of reasons must be at least 1, not " + k);
        }
        ReferenceRow reference = model.referenceRow().orElseThrow(() -> new UsageException(
                "this model file records no reference row (it was saved by an older rareclass); train it again "
                        + "to get reason codes"));
        List<Column> columns = table.columns();
        int n = table.rows();
        int d = columns.size();
        double[][] change = new double[d][];
        for (int j = 0; j < d; j++) {
            List<Column> replaced = new ArrayList<>(columns);
            replaced.set(j, reference.column(columns.get(j), j, n));
            Table t = new Table(table.source(), replaced, table.labels().orElse(null),
                    table.labelMapping().orElse(null), table.rowNumbers(), List.of());
            double[] s = model.scores(t);
            change[j] = new double[n];
            for (int r = 0; r < n; r++) {
                change[j][r] = scores[r] - s[r];
            }
        }
        List<List<Reason>> out = new ArrayList<>(n);
        Integer[] order = new Integer[d];
        for (int r = 0; r < n; r++) {
            final int row = r;
            for (int j = 0; j < d; j++) {
                order[j] = j;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -Math.abs(change[j][row])));
            List<Reason> reasons = new ArrayList<>(Math.min(k, d));
            for (int i = 0; i < d && reasons.size() < k; i++) {
                double c = change[order[i]][row];
                if (c != 0 && !Double.isNaN(c)) {
                    reasons.add(new Reason(columns.get(order[i]).name(), c));
                }
            }
            out.add(List.copyOf(reasons));
        }
        return out;
    }
}
