package dev.rareclass.app.wiring;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.EngineSettings;
import dev.rareclass.domain.experiment.ModelDescription;
import dev.rareclass.domain.port.ClusterEngine;
import dev.rareclass.domain.port.ClusterEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The cluster engines on the class path, found by {@link ServiceLoader}: the Spark engine is an optional module
 * (backend-spark, ~320 MB of jars) that {@code ./rareclass} builds and adds on its first use, so the application
 * never depends on it at build time. An engine that is not there is a usage error saying how to get it.
 */
public final class InstalledEngines implements ClusterEngines {

    @Override
    public ClusterEngine open(EngineSettings settings) {
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(settings.engine())) {
                return p.open(settings);
            }
        }
        if (settings.engine().equals("spark")) {
            throw new UsageException("the Spark engine is not installed here: ./rareclass fetches and builds it on the "
                    + "first use of --engine spark (about 320 MB), or build it with: mvn -Pspark package -DskipTests");
        }
        throw new UsageException("--engine " + settings.engine() + ": no such engine (engines: " + IN_MEMORY + ", spark)");
    }

    @Override
    public Optional<ModelDescription> describeModel(Path model) {
        for (Provider p : ServiceLoader.load(Provider.class)) {
            Optional<ModelDescription> described = p.describeModel(model);
            if (described.isPresent()) {
                return described;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> installed() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(Provider.class).forEach(p -> names.add(p.name()));
        return names;
    }
}
