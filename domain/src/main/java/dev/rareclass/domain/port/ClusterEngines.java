package dev.rareclass.domain.port;

import dev.rareclass.domain.experiment.EngineSettings;
import java.util.List;

/**
 * Where the commands find an engine by name ({@code --engine spark}). The application looks engines up on its class
 * path; an engine that is not installed is a usage error saying how to get it.
 */
public interface ClusterEngines {

    /** {@code --engine}'s value for the in-memory engine, the default. */
    String IN_MEMORY = "memory";

    /** One engine, found on the class path ({@code java.util.ServiceLoader}) by the application. */
    interface Provider {
        /** The engine's name, {@code --engine}'s value. */
        String name();

        ClusterEngine open(EngineSettings settings);
    }

    /** Starts the named engine. */
    ClusterEngine open(EngineSettings settings);

    /** The names of the engines installed, beside {@link #IN_MEMORY}. */
    List<String> installed();
}
