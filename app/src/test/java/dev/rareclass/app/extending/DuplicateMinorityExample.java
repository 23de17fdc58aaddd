package dev.rareclass.app.extending;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.sampling.Resampled;
import dev.rareclass.domain.sampling.Sampler;
import dev.rareclass.domain.sampling.SamplerFactory;
import dev.rareclass.domain.sampling.SamplingInput;
import java.util.Set;

/**
 * docs/EXTENDING.md, "A new sampler": {@code duplicate-minority} repeats every positive training row
 * {@code times} times. One factory, one sampler, one binding.
 */
public final class DuplicateMinorityExample {

    private DuplicateMinorityExample() {
    }

    static final class Factory implements SamplerFactory {
        @Override
        public String name() {
            return "duplicate-minority";
        }

        @Override
        public Set<String> parameterNames() {
            return Set.of("times");
        }

        @Override
        public Sampler create(Hyperparameters params) {
            params.requireKnown(parameterNames(), "sampler duplicate-minority");
            int times = params.integer("times", 1, 1, 100);
            return new Sampler() {
                @Override
                public String name() {
                    return "duplicate-minority";
                }

                @Override
                public Resampled resample(SamplingInput in, long seed) {
                    int[] positives = in.y().indicesOf(1);
                    int n = in.y().size();
                    int[] origin = new int[n + times * positives.length];
                    for (int i = 0; i < n; i++) {
                        origin[i] = i;
                    }
                    for (int t = 0; t < times; t++) {
                        System.arraycopy(positives, 0, origin, n + t * positives.length, positives.length);
                    }
                    int[] added = java.util.Arrays.copyOfRange(origin, n, origin.length);
                    // original rows first, then the copies (their origin says which row they copy)
                    return new Resampled(in.x().appendRows(in.x().selectRows(added)),
                            in.y().append(in.y().select(added)), origin);
                }
            };
        }
    }

    public static final class Module extends AbstractModule {
        @Override
        protected void configure() {
            MapBinder.newMapBinder(binder(), String.class, SamplerFactory.class)
                    .addBinding("duplicate-minority").to(Factory.class);
        }
    }
}
