package dev.rareclass.domain.explain;

import java.util.List;

/**
 * What {@code rareclass explain} found.
 *
 * @param model       the model file, for titles
 * @param modelName   kind@backend
 * @param data        the table explained
 * @param rows        its rows
 * @param positives   its positive rows
 * @param metric      the ranking metric whose drop measures importance ({@code pr_auc} or {@code roc_auc})
 * @param baseline    the metric on the table as it is
 * @param repeats     shuffles per column
 * @param seed        the seed of the shuffles
 * @param importances one per input column, most important first
 * @param dependence  partial dependence of the most important columns, in importance order
 */
public record Explanation(String model, String modelName, String data, int rows, int positives, String metric,
                          double baseline, int repeats, long seed, List<PermutationImportance.Importance> importances,
                          List<PartialDependence.Curve> dependence) {

    public Explanation {
        importances = List.copyOf(importances);
        dependence = List.copyOf(dependence);
    }
}
