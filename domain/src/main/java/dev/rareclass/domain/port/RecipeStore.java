package dev.rareclass.domain.port;

import dev.rareclass.domain.experiment.Recipe;
import dev.rareclass.domain.experiment.RunRecord;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads recipes (YAML) and run manifests (JSON, which hold the fully resolved recipe), and writes manifests.
 * A manifest read back gives the same recipe, so running it again reproduces the same numbers.
 */
public interface RecipeStore {

    /**
     * A recipe read from a file.
     *
     * @param recipe         the recipe, every default filled in
     * @param expectedSha256 for a manifest, the data checksum it recorded
     */
    record Loaded(Recipe recipe, Optional<String> expectedSha256) {
    }

    /** A recipe file or a manifest written by {@link #writeManifest}; relative paths resolve against its folder. */
    Loaded read(Path file);

    /** A search space file for {@code tune}: a mapping of parameter → list of values or {@code {uniform|log-uniform|int: [low, high]}}. */
    dev.rareclass.domain.experiment.SearchSpace readSearchSpace(Path file);

    /**
     * Writes {@code manifest.json} into {@code folder} (the report folder being written; the manifest names the
     * recipe's report folder as given), atomically.
     */
    void writeManifest(RunRecord record, Path folder);
}
