package dev.rareclass.domain.explain;

import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.experiment.FittedPipeline;
import dev.rareclass.domain.metrics.Curves;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Permutation importance as scikit-learn's {@code permutation_importance} defines it: for each input column, the
 * model's ranking metric on the table minus the metric with that column's values shuffled across rows, repeated
 * with fresh shuffles; mean and (population) standard deviation over the repeats. A column the model ignores scores
 * 0; one it relies on loses much. Shuffles are seeded per column and repeat, so the numbers depend only on the seed.
 */
public final class PermutationImportance {

    /** One column's importance: mean and std of the metric's drop over the repeats, and each drop. */
    public record Importance(String feature, double mean, double std, double[] drops) {
    }

    private PermutationImportance() {
    }

    /** The ranking metrics importance can be measured with. */
    public static double metric(String metric, int[] y, double[] scores) {
        return switch (metric) {
            case "pr_auc" -> Curves.averagePrecision(y, scores);
            case "roc_auc" -> Curves.rocAuc(y, scores);
            default -> throw new IllegalArgumentException("unknown ranking metric " + metric);
        };
    }

    /**
     * @param y        the table's labels (both classes present)
     * @param baseline the metric on the table as it is
     * @return one importance per input column, most important first (ties in column order)
     */
    public static List<Importance> compute(FittedPipeline model, Table table, int[] y, String metric, double baseline,
                                           int repeats, long seed) {
        List<Column> columns = table.columns();
        int n = table.rows();
        List<Importance> out = new ArrayList<>(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            double[] drops = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                int[] order = shuffle(n, new SplittableRandom(seed * 1_000_003L + j * 7919L + r));
                List<Column> shuffled = new ArrayList<>(columns);
                shuffled.set(j, columns.get(j).select(order));
                Table t = new Table(table.source(), shuffled, table.labels().orElse(null),
                        table.labelMapping().orElse(null), table.rowNumbers(), List.of());
                drops[r] = baseline - metric(metric, y, model.scores(t));
            }
            double mean = 0;
            for (double d : drops) {
                mean += d;
            }
            mean /= repeats;
            double var = 0;
            for (double d : drops) {
                var += (d - mean) * (d - mean);
            }
            out.add(new Importance(columns.get(j).name(), mean, Math.sqrt(var / repeats), drops));
        }
        List<Importance> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingDouble((Importance i) -> -i.mean()));
        return sorted;
    }

    /** A uniformly random order of 0..n-1 (Fisher-Yates). */
    static int[] shuffle(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        return order;
    }
}
