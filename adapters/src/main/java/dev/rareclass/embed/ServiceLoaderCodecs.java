package dev.rareclass.embed;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.ModelId;
import dev.rareclass.domain.model.TrainerCatalog;
import dev.rareclass.domain.model.TrainerFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The codecs of the backends on the class path, each backend jar naming its own in
 * {@code META-INF/services/dev.rareclass.domain.model.ModelCodec}. An embedding program only scores, so it has no
 * trainers.
 */
final class ServiceLoaderCodecs implements TrainerCatalog {

    private static final Map<String, ModelCodec> CODECS = load();

    private static Map<String, ModelCodec> load() {
        Map<String, ModelCodec> out = new TreeMap<>();
        for (ModelCodec codec : ServiceLoader.load(ModelCodec.class, ServiceLoaderCodecs.class.getClassLoader())) {
            out.putIfAbsent(codec.backend(), codec);
        }
        return Map.copyOf(out);
    }

    @Override
    public TrainerFactory find(ModelId model) {
        throw new UsageException("the embedding API scores saved models; train with the rareclass command");
    }

    @Override
    public List<ModelId> models() {
        return List.of();
    }

    @Override
    public ModelCodec codec(String backend) {
        ModelCodec codec = CODECS.get(backend);
        if (codec == null) {
            throw new DataException("the model was trained on the " + backend + " backend, which is not on the class "
                    + "path: add dev.rareclass:rareclass-backend-" + backend + (CODECS.isEmpty() ? ""
                    : " (found: " + String.join(", ", CODECS.keySet()) + ")"));
        }
        return codec;
    }
}
