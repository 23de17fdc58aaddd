package dev.rareclass.app.wiring;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.model.TrainerFactory;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The trainer catalog over the backends' {@code MapBinder}s. Entries are providers, so a backend's
 * classes are only created — and its native code only loaded — when a model of that backend is used.
 */
final class GuiceTrainerCatalog implements TrainerCatalog {

    /** When a kind exists on several backends and none is named, the first of these that has it wins. */
    private static final List<String> BACKEND_PREFERENCE = List.of("smile", "dl4j");

    private final Map<String, Provider<TrainerFactory>> trainers;
    private final Map<String, Provider<ModelCodec>> codecs;

    @Inject
    GuiceTrainerCatalog(Map<String, Provider<TrainerFactory>> trainers, Map<String, Provider<ModelCodec>> codecs) {
        this.trainers = trainers;
        this.codecs = codecs;
    }

    @Override
    public TrainerFactory find(String kind, Optional<String> backend) {
        if (kind.contains("@")) {
            int at = kind.indexOf('@');
            return find(kind.substring(0, at), Optional.of(kind.substring(at + 1)));
        }
        if (backend.isPresent()) {
            Provider<TrainerFactory> p = trainers.get(kind + "@" + backend.get());
            if (p == null) {
                throw new UsageException("no model '" + kind + "' on backend '" + backend.get() + "'; known: " + String.join(", ", names()));
            }
            return p.get();
        }
        List<String> candidates = new ArrayList<>();
        for (String key : trainers.keySet()) {
            if (key.startsWith(kind + "@")) {
                candidates.add(key.substring(kind.length() + 1));
            }
        }
        if (candidates.isEmpty()) {
            throw new UsageException("unknown model '" + kind + "'; known: " + String.join(", ", names()));
        }
        candidates.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        return trainers.get(kind + "@" + candidates.get(0)).get();
    }

    private static int rank(String backend) {
        int i = BACKEND_PREFERENCE.indexOf(backend);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    @Override
    public List<String> names() {
        return List.copyOf(new TreeSet<>(trainers.keySet()));
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
