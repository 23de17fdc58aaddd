package dev.rareclass.domain.experiment;

import dev.rareclass.domain.metrics.BinaryMetrics;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cluster engine fitted and saved ({@code train --engine spark}): the model, the threshold it keeps and how that
 * was chosen, the rows it learned from, and its numbers on the held-out validation share.
 *
 * @param model          {@code kind@engine}, such as {@code logistic@spark}
 * @param params         the model's parameters as given
 * @param sampler        the sampler applied to the fitted rows
 * @param classWeight    the class weights, as given
 * @param threshold      the threshold the model keeps
 * @param policy         the threshold policy's spec
 * @param rows           rows of the table read
 * @param positives      positive rows among them
 * @param fittedRows     rows the saved model was fitted on (before the sampler): every row when it was refit, else the
 *                       rows outside the validation share
 * @param validationRows rows held out to choose the threshold on; 0 when the threshold is fixed
 * @param validation     every metric on the validation rows at {@code threshold}, when there were validation rows
 * @param refit          whether the saved model was refit on every row after a first fit's scores on the validation
 *                       rows chose the threshold
 */
public record TrainedOnCluster(String model, Hyperparameters params, String sampler, String classWeight,
                               double threshold, String policy, long rows, long positives, long fittedRows,
                               long validationRows, Optional<BinaryMetrics> validation, boolean refit) {

    public TrainedOnCluster {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(validation, "validation");
    }

    /** How the model was fitted and its threshold chosen, for messages, as the in-memory engine's provenance says it. */
    public String selection() {
        return selection(validationRows, rows, refit);
    }

    /**
     * {@link #selection()} of a model whose threshold was chosen on {@code validationRows} held out of {@code rows},
     * then refit on all of them or not.
     */
    public static String selection(long validationRows, long rows, boolean refit) {
        if (validationRows == 0) {
            return String.format(java.util.Locale.ROOT, "one fit on all %,d rows", rows);
        }
        return refit
                ? String.format(java.util.Locale.ROOT, "threshold on %,d rows held out from a first fit on %,d; then "
                        + "refit on all %,d rows", validationRows, rows - validationRows, rows)
                : String.format(java.util.Locale.ROOT, "threshold on %,d rows held out from the fit on %,d; one fit, "
                        + "not refit on the held-out rows", validationRows, rows - validationRows);
    }
}
