package dev.rareclass.domain.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the commands find an engine by name ({@code --engine spark}). The application looks engines up on its class
 * path; an engine that is not installed is a usage error saying how to get it.
 */
public interface ClusterEngines {

    /** {@code --engine}'s value for the in-memory engine, the default. */
    String IN_MEMORY = "memory";

    /**
     * How to start an engine.
     *
     * @param engine  its name, such as {@code spark}
     * @param master  where it runs ({@code --master}: {@code local[*]}, {@code spark://host:port}, {@code yarn}, ...);
     *                empty means the engine's local default
     * @param conf    engine settings ({@code --conf key=value}), in the order given
     * @param verbose whether the engine's own logs are shown beyond warnings
     */
    record Settings(String engine, Optional<String> master, Map<String, String> conf, boolean verbose) {
        public Settings {
            conf = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conf));
        }
    }

    /** One engine, found on the class path ({@code java.util.ServiceLoader}) by the application. */
    interface Provider {
        /** The engine's name, {@code --engine}'s value. */
        String name();

        ClusterEngine open(Settings settings);
    }

    /** Starts the named engine. */
    ClusterEngine open(Settings settings);

    /** The names of the engines installed, beside {@link #IN_MEMORY}. */
    List<String> installed();
}
