package dev.rareclass.app.wiring;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.sampling.NoSampler;
import dev.rareclass.domain.sampling.SamplerCatalog;
import dev.rareclass.domain.sampling.SamplerFactory;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Samplers by name over the backends' {@code MapBinder}, plus the built-in {@code none}. */
final class GuiceSamplerCatalog implements SamplerCatalog {

    private final Map<String, Provider<SamplerFactory>> samplers;

    @Inject
    GuiceSamplerCatalog(Map<String, Provider<SamplerFactory>> samplers) {
        this.samplers = samplers;
    }

    @Override
    public SamplerFactory find(String name) {
        if (name.equals(NONE)) {
            return NoSampler.INSTANCE;
        }
        Provider<SamplerFactory> p = samplers.get(name);
        if (p == null) {
            throw new UsageException("unknown sampler '" + name + "'; known: " + String.join(", ", names()));
        }
        return p.get();
    }

    @Override
    public List<String> names() {
        TreeSet<String> all = new TreeSet<>(samplers.keySet());
        all.add(NONE);
        return List.copyOf(all);
    }
}
