package dev.rareclass.domain.explain;

import dev.rareclass.domain.data.CategoricalColumn;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.FittedPipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Partial dependence, scikit-learn's {@code partial_dependence} with {@code kind='average'}: for each value of a
 * grid, every row's column is set to that value and the model's scores are averaged. A numeric column's grid is
 * {@code points} evenly spaced values from its 5th to its 95th percentile as scikit-learn takes them (scipy's
 * {@code mquantiles}), or its distinct values when there are fewer; a categorical column's grid is its levels that
 * occur, most frequent first, at most {@code points}. Text columns have none.
 */
public final class PartialDependence {

    /**
     * One column's curve.
     *
     * @param values  the grid: numbers for a numeric column, levels for a categorical one (as text)
     * @param x       the grid as numbers (numeric columns), else their positions 0, 1, ...
     * @param average the mean score with the column set to each grid value
     */
    public record Curve(String feature, String type, List<String> values, double[] x, double[] average) {
    }

    private PartialDependence() {
    }

    /** The curve of column {@code j}, or null for a text column. */
    public static Curve compute(FittedPipeline model, Table table, int j, int points) {
        Column c = table.columns().get(j);
        int n = table.rows();
        return switch (c) {
            case NumericColumn num -> {
                double[] grid = grid(num.values(), points);
                double[] avg = new double[grid.length];
                List<String> labels = new ArrayList<>();
                for (int g = 0; g < grid.length; g++) {
                    float[] v = new float[n];
                    Arrays.fill(v, (float) grid[g]);
                    avg[g] = meanScore(model, table, j, new NumericColumn(c.name(), v));
                    labels.add(Float.toString((float) grid[g]));
                    grid[g] = (float) grid[g]; // the value the column actually held
                }
                yield new Curve(c.name(), c.type(), labels, grid, avg);
            }
            case CategoricalColumn cat -> {
                int[] counts = new int[cat.levels().size()];
                for (int r = 0; r < n; r++) {
                    if (cat.code(r) >= 0) {
                        counts[cat.code(r)]++;
                    }
                }
                List<Integer> codes = new ArrayList<>();
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] > 0) {
                        codes.add(k);
                    }
                }
                codes.sort((a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
                List<Integer> kept = codes.subList(0, Math.min(points, codes.size()));
                double[] avg = new double[kept.size()];
                double[] x = new double[kept.size()];
                List<String> labels = new ArrayList<>();
                for (int g = 0; g < kept.size(); g++) {
                    int[] v = new int[n];
                    Arrays.fill(v, kept.get(g));
                    avg[g] = meanScore(model, table, j, new CategoricalColumn(c.name(), cat.levels(), v));
                    x[g] = g;
                    labels.add(cat.levels().get(kept.get(g)));
                }
                yield new Curve(c.name(), c.type(), labels, x, avg);
            }
            default -> null;
        };
    }

    private static double meanScore(FittedPipeline model, Table table, int j, Column replaced) {
        List<Column> columns = new ArrayList<>(table.columns());
        columns.set(j, replaced);
        double[] s = model.scores(new Table(table.source(), columns, table.labels().orElse(null),
                table.labelMapping().orElse(null), table.rowNumbers(), List.of()));
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        return sum / s.length;
    }

    /**
     * The grid of scikit-learn 1.2's {@code _grid_from_X} with {@code percentiles=(0.05, 0.95)}: the distinct values when
     * there are fewer than {@code points}, else {@code numpy.linspace} from the 5th to the 95th percentile as
     * {@code scipy.stats.mstats.mquantiles} gives them (its default plotting positions, alphap = betap = 0.4, not
     * numpy.percentile's linear interpolation: on mammography's column 1 the 95th percentile is 2.13088 there, 2.13000 in
     * numpy).
     */
    static double[] grid(float[] values, int points) {
        double[] present = new double[values.length];
        int m = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                present[m++] = v;
            }
        }
        double[] sorted = Arrays.copyOf(present, m);
        Arrays.sort(sorted);
        if (m == 0) {
            return new double[0];
        }
        double[] distinct = Arrays.stream(sorted).distinct().toArray();
        if (distinct.length < points) {
            return distinct;
        }
        double lo = mquantile(sorted, 0.05);
        double hi = mquantile(sorted, 0.95);
        if (!(hi > lo)) {
            return new double[] {lo};
        }
        // numpy.linspace: start + i * step, the last point the stop itself
        double step = (hi - lo) / (points - 1);
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            out[i] = lo + i * step;
        }
        out[points - 1] = hi;
        return out;
    }

    /**
     * {@code scipy.stats.mstats.mquantiles(x, prob=[p])} with its defaults alphap = betap = 0.4, on sorted values: the
     * position {@code n p + 0.4 + 0.2 p}, clipped to [1, n - 1], interpolated between its neighbours (1-based).
     */
    static double mquantile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 1) {
            return sorted[0];
        }
        double aleph = n * p + (0.4 + p * (1 - 0.4 - 0.4));
        int k = (int) Math.floor(Math.min(Math.max(aleph, 1), n - 1));
        double gamma = Math.min(Math.max(aleph - k, 0), 1);
        return (1 - gamma) * sorted[k - 1] + gamma * sorted[k];
    }
}
