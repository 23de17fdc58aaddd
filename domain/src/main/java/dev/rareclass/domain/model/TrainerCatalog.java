package dev.rareclass.domain.model;

import java.util.List;

/**
 * Finds the trainer factory registered for a model kind on a backend. The application implements it
 * over the backends' Guice bindings; lookups are lazy, so an unused backend loads nothing.
 */
public interface TrainerCatalog {

    /**
     * @param model such as {@code mlp@dl4j}, or {@code logistic} for the backend that has the kind (when several
     *              do, the application's preferred one for the kind: smile for most, xgboost for gradient-boosting)
     * @throws dev.rareclass.domain.error.UsageException naming the known models
     */
    TrainerFactory find(ModelId model);

    /** Every registered model, each with its backend, sorted by {@code kind@backend}. */
    List<ModelId> models();

    /** The codec that reads and writes the given backend's classifiers. */
    ModelCodec codec(String backend);
}
