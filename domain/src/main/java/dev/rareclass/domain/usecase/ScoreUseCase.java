package dev.rareclass.domain.usecase;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Evaluation;

/**
 * {@code rareclass score}: metrics of an existing predictions file (label and score columns), from rareclass
 * or any other tool, so numbers can be compared on equal terms.
 */
public interface ScoreUseCase {

    /**
     * Of the data options, score takes those that say how to read the file ({@code --format}, {@code --no-header},
     * {@code --delimiter}), which column holds the truth and its positive value, and {@code --missing error} (the
     * default) or {@code drop} (a row whose label or score is missing is left out, as scikit-learn users drop such
     * rows before scoring). It refuses the others rather than ignore them: {@code --drop}, {@code --categorical} and
     * {@code --text} shape features, and score reads no feature; imputing a missing label or score would make up the
     * very numbers being measured; and {@code --shift-labels} would rewrite the truth of a file that states it.
     *
     * @param data        the predictions file with its label column; the positive value defaults to {@code 1}
     * @param scoreColumn the score column (higher = more likely positive)
     * @param threshold   predicted positive iff score >= threshold
     * @param seed        the seed of the bootstrap intervals' resamples
     */
    record Request(DataOptions data, String scoreColumn, double threshold, long seed) {
        public Request {
            if (data.label().isEmpty()) {
                throw new UsageException("score needs --label COL (the true labels)");
            }
            if (data.label().get().strip().equals(scoreColumn.strip())) {
                // scored as given: the label read as the truth of the scores it is, a perfect model
                throw new UsageException("--label and --score both name column '" + scoreColumn.strip() + "'; the "
                        + "labels and the scores are two columns");
            }
            refuseUnused("--drop", !data.drop().isEmpty(), "it reads only the --label and --score columns");
            refuseUnused("--categorical", !data.categorical().isEmpty(), "it reads no features, only the --label and "
                    + "--score columns");
            refuseUnused("--text", !data.text().isEmpty(), "it reads no features, only the --label and --score columns");
            refuseUnused("--missing " + data.missing().key(), data.missing().imputes(), "imputing a true label or a "
                    + "score would make up the numbers measured (--missing drop leaves such rows out)");
            refuseUnused("--shift-labels", data.shiftLabels() > 0, "the file's label column is taken as the truth "
                    + "(shift the labels when making the predictions)");
            if (data.positive().isEmpty()) {
                data = data.withLabel(data.label().get(), "1");
            }
            if (!Double.isFinite(threshold)) {
                throw new UsageException("--threshold must be a finite number, got " + threshold);
            }
        }

        private static void refuseUnused(String option, boolean given, String why) {
            if (given) {
                throw new UsageException("score does not use " + option + ": " + why);
            }
        }

        /** With the bootstrap intervals' default seed. */
        public Request(DataOptions data, String scoreColumn, double threshold) {
            this(data, scoreColumn, threshold, Evaluation.BOOTSTRAP_SEED);
        }
    }

    Evaluation score(Request request);
}
