package dev.rareclass.domain.usecase;

import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.model.ProgressListener;
import dev.rareclass.domain.preprocess.PreprocessingSpec;
import dev.rareclass.domain.sampling.SamplerChoice;
import java.nio.file.Path;

/**
 * {@code rareclass resample}: a sampler applied to a whole table, written back as a table in the input's
 * units (imbalanced-learn's {@code fit_resample} from the command line).
 */
public interface ResampleUseCase {

    /**
     * @param data    the labelled table
     * @param sampler the sampler and its parameters
     * @param seed    the sampler's seed
     * @param out     the CSV to write
     * @param maxCategories the most distinct values a categorical column may have (its levels are one-hot
     *                encoded for the sampler's distances)
     */
    record Request(DataOptions data, SamplerChoice sampler, long seed, Path out, int maxCategories) {

        /** With the default category limit. */
        public Request(DataOptions data, SamplerChoice sampler, long seed, Path out) {
            this(data, sampler, seed, out, PreprocessingSpec.DEFAULT_MAX_CATEGORIES);
        }
    }

    /**
     * @param input          rows read
     * @param output         rows written (kept original rows first, then synthetic ones)
     * @param synthetic      synthetic rows among them
     * @param positivesAfter positive rows in the output
     * @param samplerSeconds time spent in the sampler alone
     */
    record Result(int input, int output, int synthetic, int positivesAfter, double samplerSeconds) {
    }

    Result resample(Request request, ProgressListener progress);
}
