package dev.rareclass.domain.port;

import dev.rareclass.domain.experiment.FittedPipeline;
import java.nio.file.Path;

/**
 * Saves and loads fitted pipelines. Saving is atomic (no half-written file on failure); loading verifies
 * every part's checksum and refuses files that were altered or are not rareclass models.
 */
public interface ModelStore {

    void save(FittedPipeline model, Path path);

    FittedPipeline load(Path path);

    /** The model file's manifest (what it records about the model) as JSON, verified like {@link #load}. */
    String manifestJson(Path path);
}
