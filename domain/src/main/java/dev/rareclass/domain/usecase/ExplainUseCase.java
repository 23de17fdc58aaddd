package dev.rareclass.domain.usecase;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.ReadingOptions;
import dev.rareclass.domain.explain.Explanation;
import dev.rareclass.domain.model.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code rareclass explain}: which columns a model relies on over a labelled table (permutation importance) and how
 * its score moves with the most important ones (partial dependence), written as a report folder.
 */
public interface ExplainUseCase {

    /**
     * @param model   the model file
     * @param data    the labelled table, with the options the user gave
     * @param given   which reading options the user gave; the others come from the model
     * @param out     the report folder ({@code importance.csv}, {@code partial_dependence.csv}, {@code explanation.json},
     *                {@code report.html}), or empty to only print
     * @param metric  the ranking metric ({@code pr_auc} or {@code roc_auc})
     * @param repeats shuffles per column (at least 1)
     * @param seed    the seed of the shuffles
     * @param top     how many of the most important columns get a partial-dependence curve
     * @param points  grid points per curve
     */
    record Request(Path model, DataOptions data, ReadingOptions given, Optional<Path> out, String metric, int repeats,
                   long seed, int top, int points) {
    }

    /** @param written the files written (empty without a report folder) */
    record Result(Explanation explanation, List<Path> written) {
    }

    Result explain(Request request, ProgressListener progress);
}
