package dev.rareclass.app.cli;

import dev.rareclass.domain.metrics.MetricName;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.port.TableSource;
import dev.rareclass.domain.sampling.SamplerCatalog;
import dev.rareclass.domain.threshold.ThresholdPolicies;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The values options take, from what is bound: picocli shows them in {@code --help}
 * ({@code ${COMPLETION-CANDIDATES}}) and in the completion script, so a new model, backend or sampler appears
 * everywhere with no text to edit. Made by Guice ({@link Cli}'s factory), so they can ask the catalogs.
 */
final class Candidates {

    private Candidates() {
    }

    /** Values read from the bound models. */
    private abstract static class FromModels implements Iterable<String> {
        private final TrainerCatalog catalog;
        private final Function<ModelId, String> value;

        FromModels(TrainerCatalog catalog, Function<ModelId, String> value) {
            this.catalog = catalog;
            this.value = value;
        }

        @Override
        public Iterator<String> iterator() {
            return new TreeSet<>(catalog.models().stream().map(value).toList()).iterator();
        }
    }

    /** Every model as {@code kind@backend}. */
    static final class Models extends FromModels {
        @Inject
        Models(TrainerCatalog catalog) {
            super(catalog, ModelId::toString);
        }
    }

    /** Every model kind. */
    static final class Kinds extends FromModels {
        @Inject
        Kinds(TrainerCatalog catalog) {
            super(catalog, ModelId::kind);
        }
    }

    /** Every backend. */
    static final class Backends extends FromModels {
        @Inject
        Backends(TrainerCatalog catalog) {
            super(catalog, m -> m.backend().orElseThrow());
        }
    }

    /** Every sampler, {@code none} first. */
    static final class Samplers implements Iterable<String> {
        private final List<String> names;

        @Inject
        Samplers(SamplerCatalog catalog) {
            this(catalog, true);
        }

        Samplers(SamplerCatalog catalog, boolean withNone) {
            List<String> all = new java.util.ArrayList<>(new TreeSet<>(catalog.names()));
            all.remove(SamplerCatalog.NONE);
            if (withNone) {
                all.add(0, SamplerCatalog.NONE);
            }
            this.names = List.copyOf(all);
        }

        @Override
        public Iterator<String> iterator() {
            return names.iterator();
        }
    }

    /** Samplers that change something (for {@code resample}). */
    static final class RealSamplers implements Iterable<String> {
        private final Samplers samplers;

        @Inject
        RealSamplers(SamplerCatalog catalog) {
            this.samplers = new Samplers(catalog, false);
        }

        @Override
        public Iterator<String> iterator() {
            return samplers.iterator();
        }
    }

    /** Every table format a reader is bound for (the adapters' registry, bound by name). */
    static final class Formats implements Iterable<String> {
        private final java.util.Set<String> formats;

        @Inject
        Formats(@jakarta.inject.Named("formats") java.util.Map<String, jakarta.inject.Provider<TableSource>> readers) {
            this.formats = new TreeSet<>(readers.keySet());
        }

        @Override
        public Iterator<String> iterator() {
            return formats.iterator();
        }
    }

    /** Every metric's key. */
    static final class Metrics implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(MetricName.values()).map(MetricName::key).iterator();
        }
    }

    /** The forms of a threshold policy. */
    static final class Thresholds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ThresholdPolicies.FORMS.iterator();
        }
    }

    /** Class-weight forms. */
    static final class ClassWeights implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("none", "balanced", "POS:NEG").iterator();
        }
    }
}
