package dev.rareclass.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * Finds the trainer factory registered for a model kind on a backend. The application implements it
 * over the backends' Guice bindings; lookups are lazy, so an unused backend loads nothing.
 */
public interface TrainerCatalog {

    /**
     * @param kind    such as {@code mlp}
     * @param backend such as {@code dl4j}; when empty, the backend that has the kind (smile when both do)
     * @throws dev.rareclass.domain.error.UsageException naming the known {@code kind@backend} pairs
     */
    TrainerFactory find(String kind, Optional<String> backend);

    /** Every registered {@code kind@backend}, sorted. */
    List<String> names();

    /** The codec that reads and writes the given backend's classifiers. */
    ModelCodec codec(String backend);
}
