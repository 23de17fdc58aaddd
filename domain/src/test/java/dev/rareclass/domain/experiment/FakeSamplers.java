package dev.rareclass.domain.experiment;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.sampling.NoSampler;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.Sampler;
import dev.rareclass.domain.sampling.SamplerCatalog;
import dev.rareclass.domain.sampling.SamplerFactory;
import dev.rareclass.domain.sampling.SamplingInput;
import java.util.List;
import java.util.Set;

/** {@code none} and {@code duplicate-positives} (every positive row once more), for pipeline tests. */
public final class FakeSamplers implements SamplerCatalog {

    static final class Duplicate implements SamplerFactory, Sampler {
        public String name() {
            return "duplicate-positives";
        }

        public Set<String> parameterNames() {
            return Set.of();
        }

        public Sampler create(Hyperparameters params) {
            return this;
        }

        public Resampled resample(SamplingInput in, long seed) {
            int[] pos = in.y().indicesOf(1);
            int n = in.y().size();
            int[] origin = new int[n + pos.length];
            for (int i = 0; i < n; i++) {
                origin[i] = i;
            }
            System.arraycopy(pos, 0, origin, n, pos.length);
            FeatureMatrix x = in.x().appendRows(in.x().selectRows(pos));
            Labels y = in.y().append(in.y().select(pos));
            return new Resampled(x, y, origin);
        }
    }

    @Override
    public SamplerFactory find(String name) {
        return switch (name) {
            case NONE -> NoSampler.INSTANCE;
            case "duplicate-positives" -> new Duplicate();
            default -> throw new UsageException("unknown sampler '" + name + "'");
        };
    }

    @Override
    public List<String> names() {
        return List.of(NONE, "duplicate-positives");
    }
}
