package dev.rareclass.domain.experiment;

import java.util.Map;
import java.util.Optional;

/**
 * Where an experiment's rows are split, fitted and scored when not in this JVM: a cluster engine and how to start it
 * ({@code --engine spark --master URL --conf key=value}, or a recipe's {@code engine:}).
 *
 * @param engine  its name, such as {@code spark}
 * @param master  where it runs ({@code --master}: {@code local[*]}, {@code spark://host:port}, {@code yarn}, ...);
 *                empty means the engine's local default
 * @param conf    engine settings ({@code --conf key=value}), in the order given
 * @param verbose whether the engine's own logs are shown beyond warnings
 */
public record EngineSettings(String engine, Optional<String> master, Map<String, String> conf, boolean verbose) {
    public EngineSettings {
        conf = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conf));
    }
}
