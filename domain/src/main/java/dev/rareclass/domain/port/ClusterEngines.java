package dev.rareclass.domain.port;

import dev.rareclass.domain.experiment.EngineSettings;
import dev.rareclass.domain.experiment.ModelDescription;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the commands find an engine by name ({@code --engine spark}). The application looks engines up on its class
 * path; an engine that is not installed is a usage error saying how to get it.
 */
public interface ClusterEngines {

    /** {@code --engine}'s value for the in-memory engine (this JVM), the default, as the contract names it. */
    String IN_MEMORY = "local";

    /** The in-memory engine's name before it took the contract's ({@code memory}), still read from older recipes. */
    String IN_MEMORY_ALIAS = "memory";

    /** Whether {@code name} names the in-memory engine ({@link #IN_MEMORY}, or its older name). */
    static boolean isInMemory(String name) {
        return IN_MEMORY.equals(name) || IN_MEMORY_ALIAS.equals(name);
    }

    /** The engines a message lists: the in-memory one and the cluster one. */
    String NAMES = IN_MEMORY + " and spark";

    /** One engine, found on the class path ({@code java.util.ServiceLoader}) by the application. */
    interface Provider {
        /** The engine's name, {@code --engine}'s value. */
        String name();

        ClusterEngine open(EngineSettings settings);

        /**
         * What a model file this engine wrote holds, read and checked without starting the engine ({@code inspect});
         * empty when the file is not one of this engine's. A file of this engine's that fails a check is a data error.
         */
        default Optional<ModelDescription> describeModel(Path model) {
            return Optional.empty();
        }
    }

    /** Starts the named engine. */
    ClusterEngine open(EngineSettings settings);

    /** What a model file holds, when one of the installed engines wrote it (see {@link Provider#describeModel}). */
    Optional<ModelDescription> describeModel(Path model);

    /** The names of the engines installed, beside {@link #IN_MEMORY}. */
    List<String> installed();
}
