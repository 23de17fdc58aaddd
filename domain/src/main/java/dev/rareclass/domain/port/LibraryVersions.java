package dev.rareclass.domain.port;

import java.util.Map;

/**
 * The versions of the tool, the JVM and every library a result was computed with, as {@code name → version}
 * in a stable order; a run's manifest and every experiment report record them.
 */
public interface LibraryVersions {

    Map<String, String> versions();
}
