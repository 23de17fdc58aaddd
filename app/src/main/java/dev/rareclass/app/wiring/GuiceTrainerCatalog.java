package dev.rareclass.app.wiring;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.model.TrainerFactory;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The trainer catalog over the backends' {@code MapBinder}s, keyed by {@code kind@backend}. Entries are
 * providers, so a backend's classes are only created — and its native code only loaded — when a model of that
 * backend is used.
 */
final class GuiceTrainerCatalog implements TrainerCatalog {

    /** When a kind exists on several backends and none is named, the first of these that has it wins. */
    private static final List<String> BACKEND_PREFERENCE = List.of("smile", "dl4j");

    /**
     * Kinds whose unnamed backend is not the general preference's: {@code mlp} stays {@code mlp@dl4j}, the network
     * with every parameter of the contract (init, adam, early stopping, class weights), now that Smile has one too.
     */
    private static final Map<String, String> KIND_PREFERENCE = Map.of("mlp", "dl4j");

    private final Map<String, Provider<TrainerFactory>> trainers;
    private final Map<String, Provider<ModelCodec>> codecs;

    @Inject
    GuiceTrainerCatalog(Map<String, Provider<TrainerFactory>> trainers, Map<String, Provider<ModelCodec>> codecs) {
        this.trainers = trainers;
        this.codecs = codecs;
    }

    @Override
    public TrainerFactory find(ModelId model) {
        Optional<ModelId> bound = model.backend().isPresent()
                ? Optional.of(model).filter(m -> trainers.containsKey(m.toString()))
                : models().stream().filter(m -> m.kind().equals(model.kind()))
                        .min(Comparator.comparingInt(m -> rank(m.kind(), m.backend().orElseThrow())));
        if (bound.isEmpty()) {
            throw new UsageException((model.backend().isPresent() && models().stream().anyMatch(m -> m.kind().equals(model.kind()))
                    ? "no model '" + model.kind() + "' on backend '" + model.backend().get() + "'"
                    : "unknown model '" + model + "'") + "; known: "
                    + models().stream().map(ModelId::toString).collect(Collectors.joining(", ")));
        }
        return trainers.get(bound.get().toString()).get();
    }

    private static int rank(String kind, String backend) {
        if (backend.equals(KIND_PREFERENCE.get(kind))) {
            return -1;
        }
        int i = BACKEND_PREFERENCE.indexOf(backend);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    @Override
    public List<ModelId> models() {
        return new TreeSet<>(trainers.keySet()).stream().map(ModelId::parse).toList();
    }

    @Override
    public ModelCodec codec(String backend) {
        Provider<ModelCodec> p = codecs.get(backend);
        if (p == null) {
            throw new UsageException("no backend '" + backend + "'; known: " + String.join(", ", new TreeSet<>(codecs.keySet())));
        }
        return p.get();
    }
}
