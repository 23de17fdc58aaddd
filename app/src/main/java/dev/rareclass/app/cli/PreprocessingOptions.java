package dev.rareclass.app.cli;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.preprocess.MissingPolicy;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import dev.rareclass.domain.preprocess.Scaling;
import dev.rareclass.domain.preprocess.UnknownCategories;
import picocli.CommandLine.Option;

/** How raw columns become features, for every command that fits models; fitted on training rows. */
final class PreprocessingOptions {

    @Option(names = "--scale", defaultValue = "standard", paramLabel = "standard|min-max|none",
            description = "Scaling of numeric columns, fitted on training rows (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--unknown", defaultValue = "ignore", paramLabel = "ignore|error",
            description = "A category unseen in training: encode as none, or refuse the row (default: ${DEFAULT-VALUE}).")
    String unknown;

    @Option(names = "--vocabulary", defaultValue = "10000", paramLabel = "N",
            description = "Words kept per text column: the N in most training documents (default: ${DEFAULT-VALUE}).")
    int vocabulary;

    @Option(names = "--select-top-k", defaultValue = "0", paramLabel = "K",
            description = "Keep the K features with the best ANOVA F-score on the training rows, as scikit-learn's "
                    + "SelectKBest (default: ${DEFAULT-VALUE}, keep all).")
    int selectTopK;

    /** The preprocessing, with the imputation part of {@code --missing}. */
    PreprocessingSpec toSpec(MissingPolicy missing) {
        if (vocabulary < 1) {
            throw new UsageException("--vocabulary must be 1 or more, got " + vocabulary);
        }
        if (selectTopK < 0) {
            throw new UsageException("--select-top-k must be 0 (keep all) or more, got " + selectTopK);
        }
        return new PreprocessingSpec(Scaling.fromKey(scale), missing, UnknownCategories.fromKey(unknown), vocabulary);
    }
}
