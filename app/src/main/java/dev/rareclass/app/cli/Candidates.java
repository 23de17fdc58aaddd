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

/**
 * The values options take, from what is bound: picocli shows them in {@code --help}
 * ({@code ${COMPLETION-CANDIDATES}}) and in the completion script, so a new model, backend or sampler appears
 * everywhere with no text to edit. Made by Guice ({@link Cli}'s factory), so they can ask the catalogs.
 */
final class Candidates {

    private Candidates() {
    }

    /** Every model as {@code kind@backend}. */
    static final class Models implements Iterable<String> {
        private final TrainerCatalog catalog;

        @Inject
        Models(TrainerCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Iterator<String> iterator() {
            return catalog.models().stream().map(ModelId::toString).iterator();
        }
    }

    /** Every model kind. */
    static final class Kinds implements Iterable<String> {
        private final TrainerCatalog catalog;

        @Inject
        Kinds(TrainerCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Iterator<String> iterator() {
            return new TreeSet<>(catalog.models().stream().map(ModelId::kind).toList()).iterator();
        }
    }

    /** Every backend. */
    static final class Backends implements Iterable<String> {
        private final TrainerCatalog catalog;

        @Inject
        Backends(TrainerCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Iterator<String> iterator() {
            return new TreeSet<>(catalog.models().stream().map(m -> m.backend().orElseThrow()).toList()).iterator();
        }
    }

    /** Every sampler, {@code none} first. */
    static final class Samplers implements Iterable<String> {
        private final SamplerCatalog catalog;

        @Inject
        Samplers(SamplerCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Iterator<String> iterator() {
            return catalog.names().stream().sorted((a, b) -> a.equals(SamplerCatalog.NONE) ? -1
                    : b.equals(SamplerCatalog.NONE) ? 1 : a.compareTo(b)).iterator();
        }
    }

    /** Samplers that change something (for {@code resample}). */
    static final class RealSamplers implements Iterable<String> {
        private final SamplerCatalog catalog;

        @Inject
        RealSamplers(SamplerCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Iterator<String> iterator() {
            return catalog.names().stream().filter(n -> !n.equals(SamplerCatalog.NONE)).sorted().iterator();
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
