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

    /**
     * The backend a kind means when none is named, for the kinds several backends have and where the choice
     * matters; it wins over {@link #BACKEND_PREFERENCE}. {@code logistic} is Smile's (the same model as DL4J's
     * one sigmoid unit, fitted exactly by L-BFGS, with no native library). {@code gradient-boosting} is XGBoost's,
     * also once Smile has the kind: Smile's {@code GradientTreeBoost} took about 13 times as long for the same
     * number of trees. {@code mlp} is DL4J's, the network with every parameter of the contract (init, adam,
     * early stopping, class weights), though Smile has one too. A preferred backend that is not bound falls back
     * to the order below.
     */
    static final Map<String, String> PREFERRED_BACKEND = Map.of(
            "logistic", "smile",
            "gradient-boosting", "xgboost",
            "mlp", "dl4j");

    /** For the other kinds on several backends, the first of these that has it wins. */
    static final List<String> BACKEND_PREFERENCE = List.of("smile", "dl4j", "xgboost");

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

    /** Lower is preferred: the kind's own preferred backend first, then {@link #BACKEND_PREFERENCE}'s order. */
    static int rank(String kind, String backend) {
        if (backend.equals(PREFERRED_BACKEND.get(kind))) {
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
